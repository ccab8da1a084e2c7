package vn.vongtay.reporting;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Where a report's figures come from: the indicators module, read and written as the caller. Kept behind this
 * interface so that what a report needs of the indicators is written down in one place.
 */
interface FigureSource {

	/** An indicator as an annex heads its column. */
	record Column(String code, String name, String nameEn, boolean rate, boolean entered) {
	}

	/** A figure: {@code value} null when there is none (not reported, no source, undefined). */
	record Figure(BigDecimal value, boolean locked) {
	}

	Map<String, Column> columns(Collection<String> codes);

	/** The figures of a unit for a period ({@code 2026-H1}, {@code 2026}, {@code 2020-2021}). */
	Map<String, Figure> figures(long unitId, String period, Collection<String> codes);

	/** Enters (or corrects) an office's figure, with the indicators module's checks (a rate within 0-100, ...). */
	void enter(String code, long unitId, String period, BigDecimal value);

	/** Locks the entered figures a report used, once it is accepted. */
	void lock(long unitId, String period, Collection<String> codes, String reference);
}
