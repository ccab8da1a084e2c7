package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;

/**
 * The unit a prevention record belongs to: the one that existed on the record's date (issue 18 §2; DOMAIN.md §9,
 * "records made before the reform stay attached to the old units"). An inspection of 2024 in a commune formed in 2025
 * belongs to the commune of 2024 the new one continues, so the figures of 2024 count it and those of the new commune
 * still do, summed over its lineage. Where the lineage branches (a commune merged from several, or split), or the unit
 * of the day lies outside what the caller answers for, the record keeps the unit given: the figures of the later tree
 * still count it.
 */
@Component
class RecordUnits {

	private final Units units;
	private final Jurisdictions jurisdictions;

	RecordUnits(Units units, Jurisdictions jurisdictions) {
		this.units = units;
		this.jurisdictions = jurisdictions;
	}

	/** The unit of the day for a code as the caller types it, if the code names a unit within their jurisdiction. */
	Optional<AdministrativeUnit> byCode(String code, LocalDate date) {
		return units.findByCode(code, date)
			.filter(unit -> jurisdictions.covers(unit.id()))
			.map(unit -> onDate(unit, date));
	}

	/** The unit of the day in the lineage of a unit the record is about. */
	AdministrativeUnit onDate(AdministrativeUnit unit, LocalDate date) {
		if (unit.isValidOn(date)) {
			return unit;
		}
		return units.onDate(unit.id(), date).filter(then -> jurisdictions.covers(then.id())).orElse(unit);
	}

	AdministrativeUnit onDate(long unitId, LocalDate date) {
		return onDate(units.findById(unitId).orElseThrow(), date);
	}
}
