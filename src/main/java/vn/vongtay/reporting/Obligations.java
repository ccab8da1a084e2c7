package vn.vongtay.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.core.Period;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdiction;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.planning.AgencyRef;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;
import vn.vongtay.planning.ReportKind;

/**
 * What each unit owes whom and when. Obligations are made, once per unit and period, from the standing rules (every
 * commune's half-year reports to the province, its annual report to its People's Council, the province's annual
 * report) for the units of each period, and from every plan's reporting regime, a group of reporters ("UBND các xã")
 * spread over the units it names. Lists show what the caller's unit owes, and what its subdivisions owe it, the
 * overdue and due first.
 */
@Component
@Transactional
public class Obligations {

	private static final Logger log = LoggerFactory.getLogger(Obligations.class);

	static final String SELECT = """
			SELECT o.*, ru.code AS reporter_code, ru.level AS reporter_level, cu.code AS recipient_code,
			       r.id AS report_id, r.status AS report_status, r.first_submitted_at, r.accepted_at
			FROM reporting.obligation o
			JOIN geography.unit ru ON ru.id = o.reporter_unit_id
			JOIN geography.unit cu ON cu.id = o.recipient_unit_id
			LEFT JOIN reporting.report r ON r.obligation_id = o.id
			""";

	/** Not yet submitted first, by deadline; then the submitted, latest deadline first. */
	static final String ORDER = " ORDER BY (r.first_submitted_at IS NULL) DESC,"
			+ " CASE WHEN r.first_submitted_at IS NULL THEN o.due_on END ASC, o.due_on DESC, o.id";

	private final JdbcClient jdbc;
	private final Jurisdictions jurisdictions;
	private final Units units;
	private final Plans plans;
	private final Agencies agencies;
	private final Annexes annexes;
	private final Clock clock;
	private final int reminderDays;

	Obligations(JdbcClient jdbc, Jurisdictions jurisdictions, Units units, Plans plans, Agencies agencies,
			Annexes annexes, Clock clock, @Value("${vongtay.reporting.reminder-days:7}") int reminderDays) {
		this.jdbc = jdbc;
		this.jurisdictions = jurisdictions;
		this.units = units;
		this.plans = plans;
		this.agencies = agencies;
		this.annexes = annexes;
		this.clock = clock;
		this.reminderDays = reminderDays;
	}

	// --- making obligations ---

	/**
	 * Makes the obligations of the standing rules for this year and the last, and of every plan's reporting regime;
	 * those made before are left as they are. Runs as the system. Answers how many were new.
	 */
	public int generate() {
		int[] made = { 0 };
		jurisdictions.runAsSystem("reporting", () -> {
			int year = LocalDate.now(clock).getYear();
			for (int y = year - 1; y <= year; y++) {
				made[0] += standing(y);
			}
			for (PlanSummary plan : plans.list(null, null, 0, 500)) {
				made[0] += ofPlan(plans.get(plan.id()));
			}
		});
		if (made[0] > 0) {
			log.info("{} reporting obligations made", made[0]);
		}
		return made[0];
	}

	/** The standing rules' obligations for the units that existed at the end of each period of the year. */
	private int standing(int year) {
		record Rule(String code, String kind, String title, String reporterLevel, String recipient, String periodKind,
				int periodNumber, int dueMonth, int dueDay, String[] annexes, String basis) {
		}
		List<Rule> rules = jdbc.sql("SELECT * FROM reporting.standing_rule WHERE active ORDER BY id")
			.query((rs, n) -> new Rule(rs.getString("code"), rs.getString("kind"), rs.getString("title"),
					rs.getString("reporter_level"), rs.getString("recipient"), rs.getString("period_kind"),
					rs.getInt("period_number"), rs.getInt("due_month"), rs.getInt("due_day"),
					(String[]) rs.getArray("annexes").getArray(), rs.getString("basis")))
			.list();
		int made = 0;
		for (Rule rule : rules) {
			Period period = switch (rule.periodKind()) {
				case "HALF_YEAR" -> Period.half(year, rule.periodNumber());
				case "QUARTER" -> Period.quarter(year, rule.periodNumber());
				default -> Period.year(year);
			};
			LocalDate due = dueOn(year, rule.dueMonth(), rule.dueDay());
			// the units of the period: those valid on its last day (a 2025 H1 report is the old commune's)
			String recipientUnit = switch (rule.recipient()) {
				case "COUNCIL" -> "u.id";
				case "NATION" -> "(SELECT n.id FROM geography.unit n WHERE n.code = 'VN')";
				default -> """
						(SELECT p.id FROM geography.unit p WHERE p.code = u.province_code
						   AND daterange(p.valid_from, p.valid_to, '[]') @> CAST(:end AS date) AND p.level = 'PROVINCE')""";
			};
			String recipientName = switch (rule.recipient()) {
				case "COUNCIL" -> "'Hội đồng nhân dân ' || lower(left(u.full_name, 1)) || substr(u.full_name, 2)";
				case "NATION" -> "'Bộ Y tế'";
				default -> """
						'Ủy ban nhân dân ' || (SELECT lower(left(p.full_name, 1)) || substr(p.full_name, 2)
						  FROM geography.unit p WHERE p.code = u.province_code
						   AND daterange(p.valid_from, p.valid_to, '[]') @> CAST(:end AS date) AND p.level = 'PROVINCE')""";
			};
			made += jdbc.sql("""
					INSERT INTO reporting.obligation (source, kind, title, reporter_unit_id, reporter_name,
					       recipient_unit_id, recipient_name, period, due_on, annexes, basis, province_code)
					SELECT :source, :kind, :title, u.id, 'Ủy ban nhân dân ' || lower(left(u.full_name, 1)) || substr(u.full_name, 2),
					       %s, %s, :period, :due, :annexes, :basis, u.province_code
					FROM geography.unit u
					WHERE u.level = :level AND daterange(u.valid_from, u.valid_to, '[]') @> CAST(:end AS date)
					  AND %s IS NOT NULL
					ON CONFLICT (source, reporter_unit_id, period) DO NOTHING""".formatted(recipientUnit, recipientName,
					recipientUnit))
				.param("source", "STANDING:" + rule.code())
				.param("kind", rule.kind())
				.param("title", rule.title())
				.param("period", period.code())
				.param("due", due)
				.param("annexes", rule.annexes())
				.param("basis", rule.basis())
				.param("level", rule.reporterLevel())
				.param("end", period.end())
				.update();
		}
		return made;
	}

	/**
	 * The obligations of a plan's reporting regime: one per reporting unit and period. A rule without a recipient or,
	 * for a monthly or quarterly list, without a deadline makes none (the plan names no one to report to, or no date).
	 */
	private int ofPlan(PlanDetail plan) {
		int made = 0;
		int thisYear = LocalDate.now(clock).getYear();
		for (PlanDetail.ReportingRule rule : plan.reporting()) {
			if (rule.recipient() == null || rule.reporter() == null) {
				continue;
			}
			List<PeriodDue> periods = periods(rule, plan.summary(), thisYear);
			Agency recipientAgency = agencies.find(rule.recipient().id()).orElse(null);
			if (recipientAgency == null) {
				continue;
			}
			// the plan's annexes where the rule names some, and for its half-year and annual reports
			List<String> annexCodes = !rule.annexes().isEmpty() || rule.kind() == ReportKind.HALF_YEAR
					|| rule.kind() == ReportKind.ANNUAL ? annexes.forPlan(plan.summary().key()) : List.of();
			for (PeriodDue p : periods) {
				for (AdministrativeUnit reporter : reporters(rule.reporter(), p.end())) {
					made += jdbc.sql("""
							INSERT INTO reporting.obligation (source, plan_id, kind, title, reporter_unit_id, reporter_name,
							       recipient_unit_id, recipient_name, period, due_on, annexes, basis, province_code)
							VALUES (:source, :plan, :kind, :title, :reporter, :reporterName, :recipient, :recipientName,
							       :period, :due, :annexes, :basis, :province)
							ON CONFLICT (source, reporter_unit_id, period) DO NOTHING""")
						.param("source", "PLAN:" + rule.id())
						.param("plan", plan.summary().id())
						.param("kind", rule.kind().name())
						.param("title", title(rule.kind(), plan.summary()))
						.param("reporter", reporter.id())
						.param("reporterName", committeeOf(reporter))
						.param("recipient", recipientAgency.unitId())
						.param("recipientName", rule.recipient().replaced() ? rule.recipient().name() + " (nay là "
								+ rule.recipient().currentName() + ")" : rule.recipient().name())
						.param("period", p.code())
						.param("due", p.due())
						.param("annexes", annexCodes.toArray(String[]::new))
						.param("basis", rule.text())
						.param("province", reporter.provinceCode())
						.update();
				}
			}
		}
		return made;
	}

	private record PeriodDue(String code, LocalDate end, LocalDate due) {
	}

	/**
	 * The periods a rule asks reports for: its half, quarter or month of its first year; each year of an annual or
	 * summary report (until this year when the plan runs on); the plan's years for a one-off report.
	 */
	private List<PeriodDue> periods(PlanDetail.ReportingRule rule, PlanSummary plan, int thisYear) {
		int from = rule.fromYear() != null ? rule.fromYear() : plan.yearFrom();
		Integer to = rule.toYear() != null ? rule.toYear() : plan.yearTo();
		List<PeriodDue> periods = new ArrayList<>();
		if (rule.half() != null) {
			Period p = Period.half(from, rule.half());
			periods.add(new PeriodDue(p.code(), p.end(), rule.dueOn() != null ? rule.dueOn() : p.end()));
		}
		else if (rule.quarter() != null || rule.month() != null || rule.kind() == ReportKind.MONTHLY
				|| rule.kind() == ReportKind.QUARTERLY) {
			if (rule.dueOn() == null) {
				return List.of();
			}
			Period p = rule.quarter() != null ? Period.quarter(from, rule.quarter())
					: rule.month() != null ? new Period(Period.Kind.MONTH, from, rule.month()) : Period.year(from);
			periods.add(new PeriodDue(p.code(), p.end(), rule.dueOn()));
		}
		else if (rule.kind() == ReportKind.AD_HOC || rule.kind() == ReportKind.FINAL) {
			int last = to == null ? from : to;
			String code = last == from ? String.valueOf(from) : from + "-" + last;
			LocalDate end = LocalDate.of(last, 12, 31);
			periods.add(new PeriodDue(code, end, rule.dueOn() != null ? rule.dueOn() : end));
		}
		else {
			int last = to == null ? thisYear : Math.min(to, Math.max(from, thisYear));
			for (int y = from; y <= last; y++) {
				LocalDate due = rule.dueOn() != null && rule.dueOn().getYear() == y ? rule.dueOn()
						: LocalDate.of(y, 12, 15);
				periods.add(new PeriodDue(String.valueOf(y), LocalDate.of(y, 12, 31), due));
			}
		}
		return periods;
	}

	/**
	 * The units that report for a plan's reporter on the day: the agency's own unit, or for a group ("UBND các xã",
	 * "các Sở, ngành, UBND các huyện") the units under it (communes for the commune committees, the next level down for
	 * another group).
	 */
	private List<AdministrativeUnit> reporters(AgencyRef reporter, LocalDate on) {
		Agency agency = agencies.find(reporter.id()).orElse(null);
		if (agency == null) {
			return List.of();
		}
		AdministrativeUnit unit = units.findById(agency.unitId()).orElse(null);
		if (unit == null) {
			return List.of();
		}
		boolean group = agency.kind() == AgencyKind.COMMUNE_COMMITTEES || agency.kind() == AgencyKind.OTHER
				|| agency.name().toLowerCase(java.util.Locale.ROOT).contains(" các ");
		if (!group || unit.level() == UnitLevel.COMMUNE) {
			return List.of(unit);
		}
		List<AdministrativeUnit> below = units.childrenOf(unit.id(), on);
		if (agency.kind() == AgencyKind.COMMUNE_COMMITTEES && unit.level() == UnitLevel.PROVINCE) {
			List<AdministrativeUnit> communes = new ArrayList<>();
			for (AdministrativeUnit district : below) {
				communes.addAll(district.level() == UnitLevel.COMMUNE ? List.of(district)
						: units.childrenOf(district.id(), on));
			}
			return communes;
		}
		return below;
	}

	private static String committeeOf(AdministrativeUnit unit) {
		return "Ủy ban nhân dân " + Character.toLowerCase(unit.fullName().charAt(0)) + unit.fullName().substring(1);
	}

	private static String title(ReportKind kind, PlanSummary plan) {
		String what = switch (kind) {
			case HALF_YEAR -> "Báo cáo 6 tháng";
			case ANNUAL -> "Báo cáo năm";
			case SUMMARY -> "Báo cáo tổng hợp";
			case QUARTERLY -> "Báo cáo quý";
			case MONTHLY -> "Báo cáo tháng";
			case AD_HOC -> "Báo cáo đánh giá";
			case FINAL -> "Báo cáo tổng kết";
		};
		return what + " thực hiện " + (plan.number() == null ? "kế hoạch" : "Kế hoạch số " + plan.number()) + " ("
				+ plan.title() + ")";
	}

	private static LocalDate dueOn(int year, int month, int day) {
		return LocalDate.of(year, month, Math.min(day, YearMonth.of(year, month).lengthOfMonth()));
	}

	// --- reading ---

	/** What the caller's units owe (a commune officer: their commune's reports), due and overdue first. */
	@Transactional(readOnly = true)
	public List<Obligation> owed(String unitCode, int page, int size) {
		Jurisdictions.requireUser();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrict("o.reporter_unit_id") + """
				 AND ru.level IN (SELECT g.level FROM geography.unit g WHERE g.id IN (:jurisdictionRoots))
				 AND (CAST(:unit AS text) IS NULL OR ru.code = :unit)""" + ORDER + " LIMIT :limit OFFSET :offset"))
			.param("unit", blank(unitCode))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs))
			.list();
	}

	/**
	 * What the caller's units owe and have still to send, due from today to {@code days} days ahead, the nearest
	 * first: not yet submitted, or returned for correction (whatever its deadline). The home page's work queue.
	 */
	@Transactional(readOnly = true)
	public List<Obligation> dueWithin(int days, int size) {
		NeedToKnow.require(Jurisdictions.requireUser(), NeedToKnow.Data.PERIODIC_REPORTS, NeedToKnow.Use.READ);
		Jurisdiction jurisdiction = jurisdictions.current();
		LocalDate today = LocalDate.now(clock);
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrict("o.reporter_unit_id") + """
				 AND ru.level IN (SELECT g.level FROM geography.unit g WHERE g.id IN (:jurisdictionRoots))
				 AND (r.first_submitted_at IS NULL OR r.status = 'RETURNED')
				 AND o.due_on <= :until AND (o.due_on >= :today OR r.status = 'RETURNED')""" + ORDER + " LIMIT :limit"))
			.param("today", today)
			.param("until", today.plusDays(days))
			.param("limit", size)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** What units owe the caller's units (a province officer: the communes' reports), due and overdue first. */
	@Transactional(readOnly = true)
	public List<Obligation> receivable(ReportKind kind, String period, int page, int size) {
		Jurisdictions.requireUser();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrict("o.recipient_unit_id") + """
				 AND cu.level IN (SELECT g.level FROM geography.unit g WHERE g.id IN (:jurisdictionRoots))
				 AND (CAST(:kind AS text) IS NULL OR o.kind = :kind)
				 AND (CAST(:period AS text) IS NULL OR o.period = :period)""" + ORDER + " LIMIT :limit OFFSET :offset"))
			.param("kind", kind == null ? null : kind.name())
			.param("period", blank(period))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** The obligations of a unit (and the units it reaches) within the caller's jurisdiction: the API's list. */
	@Transactional(readOnly = true)
	public List<Obligation> ofUnit(String unitCode, int page, int size) {
		Jurisdictions.requireUser();
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE " + jurisdiction.restrict("o.reporter_unit_id") + """
				 AND (CAST(:unit AS text) IS NULL OR o.reporter_unit_id IN (
				      SELECT r.unit_id FROM geography.unit_reach r JOIN geography.unit g ON g.id = r.root_id
				      WHERE g.code = :unit))""" + ORDER + " LIMIT :limit OFFSET :offset"))
			.param("unit", blank(unitCode))
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** An obligation the caller owes or receives; outside their jurisdiction it is not found. */
	@Transactional(readOnly = true)
	public Obligation get(long id) {
		return find(id).orElseThrow(() -> UserFacingException.notFound("reporting.error.obligation-not-found", id));
	}

	@Transactional(readOnly = true)
	public Optional<Obligation> find(long id) {
		Jurisdiction jurisdiction = jurisdictions.current();
		return jurisdiction.bind(jdbc.sql(SELECT + " WHERE o.id = :id AND (" + jurisdiction.restrict("o.reporter_unit_id")
				+ " OR " + jurisdiction.restrict("o.recipient_unit_id") + ")"))
			.param("id", id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	Obligation map(ResultSet rs) throws SQLException {
		String status = rs.getString("report_status");
		ReportStatus reportStatus = status == null ? ReportStatus.NOT_STARTED : ReportStatus.valueOf(status);
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		LocalDateTime first = PeriodicReports.local(rs, "first_submitted_at");
		return new Obligation(rs.getLong("id"), rs.getString("source"), (Long) rs.getObject("plan_id"),
				ReportKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getLong("reporter_unit_id"),
				rs.getString("reporter_code"), rs.getString("reporter_name"), rs.getString("reporter_level"),
				rs.getLong("recipient_unit_id"), rs.getString("recipient_code"), rs.getString("recipient_name"),
				rs.getString("period"), due, Arrays.asList((String[]) rs.getArray("annexes").getArray()),
				rs.getString("basis"), (Long) rs.getObject("report_id"), reportStatus, first,
				PeriodicReports.local(rs, "accepted_at"), timeliness(due, first));
	}

	Timeliness timeliness(LocalDate due, LocalDateTime firstSubmitted) {
		if (firstSubmitted != null) {
			return firstSubmitted.toLocalDate().isAfter(due) ? Timeliness.LATE : Timeliness.ON_TIME;
		}
		LocalDate today = LocalDate.now(clock);
		if (today.isAfter(due)) {
			return Timeliness.OVERDUE;
		}
		return today.plusDays(reminderDays).isBefore(due) ? Timeliness.UPCOMING : Timeliness.DUE_SOON;
	}

	int reminderDays() {
		return reminderDays;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
