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

	/**
	 * A figure: {@code value} null when there is none (not reported, no source, undefined) or when it is a small
	 * count hidden from the caller ({@code suppressed}).
	 */
	record Figure(BigDecimal value, boolean locked, boolean suppressed) {

		static final Figure NONE = new Figure(null, false, false);
	}

	Map<String, Column> columns(Collection<String> codes);

	/**
	 * The figures of units for a period ({@code 2026-H1}, {@code 2026}, {@code 2020-2021}), each indicator evaluated
	 * once for all the units.
	 */
	Map<Long, Map<String, Figure>> figures(Collection<Long> unitIds, String period, Collection<String> codes);

	/**
	 * One value of a breakdown of an indicator (sex: MALE, "Giới tính: Nam"), or the value hidden ({@code suppressed})
	 * when it is a small count the caller may not see.
	 */
	record Part(String dimension, String key, String label, BigDecimal value, boolean suppressed) {
	}

	/**
	 * The breakdowns of indicators for one unit and period, by the given dimensions, labelled in Vietnamese (a report
	 * keeps the labels it was filled with); an indicator without a dimension has no part for it.
	 */
	Map<String, java.util.List<Part>> breakdowns(long unitId, String period, Collection<String> codes,
			Collection<String> dimensions);

	/** Counts below this are hidden from those who may not see them. */
	int smallCountThreshold();

	/** Whether a value of the indicator is a small count the caller may not see (shown as "< 5"). */
	boolean hidden(String code, BigDecimal value);

	/** Enters (or corrects) an office's figure, with the indicators module's checks (a rate within 0-100, ...). */
	void enter(String code, long unitId, String period, BigDecimal value);

	/** Locks the entered figures a report used, once it is accepted. */
	void lock(long unitId, String period, Collection<String> codes, String reference);
}
