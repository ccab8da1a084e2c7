package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnamTime;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.SignedInUser;

/**
 * The yearly figures the prostitution-prevention plans set targets for (Thọ Xuân 2024: at least 25% of prone
 * establishments inspected, 100% of tip-offs handled, at least 80% of people in need reached by services), computed from
 * the records of a unit and everything it reaches: its descendants and the abolished units it fully continues, so a
 * commune formed in 2025 counts the work done in the communes merged into it.
 */
@Component
@Transactional(readOnly = true)
public class ProstitutionFigures {

	private final JdbcClient jdbc;
	private final Units units;
	private final Jurisdictions jurisdictions;
	private final int smallCountThreshold;

	ProstitutionFigures(JdbcClient jdbc, Units units, Jurisdictions jurisdictions,
			@Value("${vongtay.privacy.small-count-threshold:5}") int smallCountThreshold) {
		this.jdbc = jdbc;
		this.units = units;
		this.jurisdictions = jurisdictions;
		this.smallCountThreshold = smallCountThreshold;
	}

	/**
	 * The figures of a unit within the caller's jurisdiction for a calendar year. Counts of people below the small-count
	 * threshold are {@code null} (and their share too) unless the caller works in social services.
	 *
	 * @throws UserFacingException 404 when the unit lies outside the caller's jurisdiction
	 */
	public Figures of(long unitId, int year) {
		SignedInUser user = Jurisdictions.requireUser();
		jurisdictions.requireWithin(unitId, "error.unit.outside-jurisdiction", unitId);
		Figures figures = compute(unitId, year);
		return ProstitutionRoles.servesPeople(user) ? figures : figures.suppressingPeopleBelow(smallCountThreshold);
	}

	/** As {@link #of(long, int)}, for the unit that had the code at the end of the year (or now, for this year). */
	public Figures of(String unitCode, int year) {
		AdministrativeUnit unit = units.byCode(unitCode, LocalDate.of(year, 12, 31));
		return of(unit.id(), year);
	}

	private Figures compute(long unitId, int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		OffsetDateTime from = first.atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
		OffsetDateTime until = first.plusYears(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime();
		// One statement so the numbers agree with each other (one snapshot) and the page costs one round trip.
		return jdbc.sql("""
				WITH reach AS (SELECT r.unit_id FROM geography.unit_reach r WHERE r.root_id = :unit),
				establishments AS (
				  SELECT e.id FROM prostitution.establishment e
				  WHERE e.unit_id IN (SELECT unit_id FROM reach)
				    AND (e.opened_on IS NULL OR e.opened_on <= :last)
				    AND (e.closed_on IS NULL OR e.closed_on >= :first)
				  -- one inspected here in the year counts here too, wherever it is listed (one listed since the reform
				  -- under a commune formed from several): the share inspected never passes 100 %
				  UNION
				  SELECT i.establishment_id FROM prostitution.inspection i
				  WHERE i.unit_id IN (SELECT unit_id FROM reach) AND i.inspected_on BETWEEN :first AND :last),
				inspections AS (
				  SELECT i.id, i.establishment_id FROM prostitution.inspection i
				  WHERE i.unit_id IN (SELECT unit_id FROM reach) AND i.inspected_on BETWEEN :first AND :last),
				tip_offs AS (
				  SELECT t.id, t.step FROM prostitution.tip_off t
				  WHERE t.unit_id IN (SELECT unit_id FROM reach) AND t.received_at >= :from AND t.received_at < :until),
				people AS (
				  SELECT s.id, s.needs,
				         EXISTS (SELECT 1 FROM prostitution.support_service v
				                 WHERE v.record_id = s.id AND v.provided_on BETWEEN :first AND :last) AS served
				  FROM prostitution.support_record s
				  WHERE s.unit_id IN (SELECT unit_id FROM reach) AND s.consent_on <= :last)
				SELECT
				  (SELECT count(*) FROM establishments) AS establishments,
				  (SELECT count(DISTINCT establishment_id) FROM inspections) AS inspected,
				  (SELECT count(*) FROM inspections) AS inspections,
				  (SELECT count(*) FROM tip_offs) AS tip_offs,
				  (SELECT count(*) FROM tip_offs t WHERE t.step IN ('HANDLED', 'CLOSED_UNFOUNDED')
				     AND EXISTS (SELECT 1 FROM prostitution.tip_off_step s WHERE s.tip_off_id = t.id AND s.step = 'VERIFIED'))
				     AS tip_offs_handled,
				  (SELECT count(*) FROM prostitution.violation v WHERE v.inspection_id IN (SELECT id FROM inspections))
				     AS violations,
				  (SELECT COALESCE(sum(v.fine_vnd), 0) FROM prostitution.violation v
				     WHERE v.inspection_id IN (SELECT id FROM inspections)) AS fines,
				  (SELECT count(*) FROM people WHERE cardinality(needs) > 0) AS people_in_need,
				  (SELECT count(*) FROM people WHERE cardinality(needs) > 0 AND served) AS people_served
				""")
			.param("unit", unitId)
			.param("first", first)
			.param("last", last)
			.param("from", from)
			.param("until", until)
			.query((rs, n) -> new Figures(unitId, year, rs.getLong("establishments"), rs.getLong("inspected"),
					rs.getLong("inspections"), rs.getLong("tip_offs"), rs.getLong("tip_offs_handled"),
					rs.getLong("violations"), rs.getLong("fines"), rs.getLong("people_in_need"),
					rs.getLong("people_served")))
			.single();
	}

	/**
	 * A unit's figures for a year. People counts are {@code null} where suppressed. Shares are percentages with one
	 * decimal, {@code null} when there is nothing to divide by.
	 *
	 * @param tipOffsHandled tip-offs received in the year that were verified and then handled or closed as unfounded:
	 *        dealt with in full, as the plans' <i>100% tiếp nhận, xác minh, phân loại, xử lý</i> asks
	 * @param peopleInNeed people with consent on record by the end of the year who declared at least one need
	 * @param peopleServed of those, the people who received at least one service in the year
	 */
	public record Figures(long unitId, int year, long establishments, long establishmentsInspected, long inspections,
			long tipOffsReceived, long tipOffsHandled, long violations, long finesVnd, Long peopleInNeed,
			Long peopleServed) {

		public Double shareInspected() {
			return share(establishmentsInspected, establishments);
		}

		public Double shareTipOffsHandled() {
			return share(tipOffsHandled, tipOffsReceived);
		}

		public Double sharePeopleServed() {
			return peopleServed == null || peopleInNeed == null ? null : share(peopleServed, peopleInNeed);
		}

		public boolean peopleSuppressed() {
			return peopleInNeed == null || peopleServed == null;
		}

		Figures suppressingPeopleBelow(int threshold) {
			return new Figures(unitId, year, establishments, establishmentsInspected, inspections, tipOffsReceived,
					tipOffsHandled, violations, finesVnd, small(peopleInNeed, threshold), small(peopleServed, threshold));
		}

		// Zero is shown: "nobody" identifies no one, and hiding it would hide that services reach no one.
		private static Long small(Long count, int threshold) {
			return count == null || (count > 0 && count < threshold) ? null : count;
		}

		private static Double share(long part, long whole) {
			return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
		}
	}
}
