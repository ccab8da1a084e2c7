package vn.vongtay.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.vongtay.core.Period;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.core.VietnameseText;
import vn.vongtay.directory.Agency;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.UnitLevel;
import vn.vongtay.planning.AgencyRef;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.ReportKind;

/**
 * Who owes which report to whom, for which period and by when, as the sources state it: the reporting regime of each
 * plan and the standing rules every unit reports under. The rules, written once:
 * <ul>
 * <li>A body reports: a unit's People's Committee, or one of the agencies a plan names (a department, an office, the
 * police, a mass organisation). A phrase standing for several bodies reports through each of them (the plan lists
 * them; "UBND các xã, thị trấn" is each commune's committee on the period's last day). A body never reports to
 * itself.</li>
 * <li>"Hội đồng nhân dân cùng cấp" is the People's Council of the reporting unit.</li>
 * <li>A body owes nothing for a period it did not last to the end of (the districts and their offices ended on
 * 30/06/2025); an agency whose duties went to another (the labour department to the health department) reports, and
 * receives, through the agency that carries them. A body that ended before a report is due, with nobody carrying its
 * duties, receives nothing.</li>
 * <li>A report "when difficulties arise" (ad hoc, no date) is no periodic obligation; nor is a monthly or quarterly list
 * the plan names no recipient or date for.</li>
 * <li>A due date the source does not give is assumed, and the obligation says by which rule; the receiving office may
 * set it.</li>
 * </ul>
 * Spring-free: what it needs of the directory and the units comes through {@link Directory}.
 */
final class ObligationRules {

	/** The child-affairs ministry took over from the Ministry of Labour on 01/03/2025 (DOMAIN §9). */
	static final LocalDate HEALTH_TOOK_CHILD_AFFAIRS = LocalDate.of(2025, 3, 1);

	/** What the rules read of the directory and the units. */
	interface Directory {

		Optional<Agency> agency(long id);

		Optional<AdministrativeUnit> unit(long id);

		List<AdministrativeUnit> childrenOf(long unitId, LocalDate on);
	}

	/**
	 * A body as an obligation names it: the unit it belongs to, the agency when it is one (as the source names it, and
	 * the one that carries its duties now), its name, and whether the unit's officers act for it (its People's
	 * Committee, and the unit's child-affairs office: the officers are that office).
	 */
	record Body(BodyKind kind, long unitId, Long agencyId, Long actingAgencyId, String name, boolean officers) {

		boolean sameAs(Body other) {
			return kind == other.kind && unitId == other.unitId && java.util.Objects.equals(agencyId, other.agencyId);
		}
	}

	/** A due date, and when the source does not give it, the rule that assumed it. */
	record Due(LocalDate on, boolean assumed, String rule) {

		static Due stated(LocalDate on) {
			return new Due(on, false, null);
		}
	}

	/** One report owed: the unit of a report is the reporting body's. */
	record Owed(String source, Long planId, ReportKind kind, String title, Body reporter, Body recipient,
			String period, LocalDate periodEnd, Due due, List<String> annexes, String basis, String provinceCode) {

		Key key() {
			return new Key(reporter.unitId(), reporter.agencyId() == null ? 0 : reporter.agencyId(), recipient.kind(),
					recipient.unitId(), recipient.agencyId() == null ? 0 : recipient.agencyId(), period);
		}
	}

	/** What makes two obligations the same report: the same reporting body, receiving body and period. */
	record Key(long reporterUnitId, long reporterAgencyId, BodyKind recipientKind, long recipientUnitId,
			long recipientAgencyId, String period) {
	}

	/** A standing rule (reporting.standing_rule), which every unit of a level reports under. */
	record StandingRule(String code, ReportKind kind, String title, UnitLevel reporterLevel, String recipient,
			Period.Kind periodKind, int periodNumber, int dueMonth, int dueDay, List<String> annexes, String basis,
			boolean dueFromDocument) {
	}

	/** A reporting unit on the period's last day, with the unit above it then. */
	record Placed(AdministrativeUnit unit, AdministrativeUnit parent) {
	}

	private ObligationRules() {
	}

	// --- standing rules ---

	/**
	 * The obligations of a standing rule for a year, one per unit of its level on the period's last day: to the unit
	 * above it in the tree of that day (a commune of 2025-H1 to its district), to its own People's Council, or to the
	 * ministry.
	 */
	static List<Owed> standing(StandingRule rule, int year, List<Placed> units, AdministrativeUnit nation) {
		Period period = switch (rule.periodKind()) {
			case HALF_YEAR -> Period.half(year, rule.periodNumber());
			case QUARTER -> Period.quarter(year, rule.periodNumber());
			case MONTH -> new Period(Period.Kind.MONTH, year, rule.periodNumber());
			case YEAR -> Period.year(year);
		};
		LocalDate dueOn = LocalDate.of(year, rule.dueMonth(),
				Math.min(rule.dueDay(), YearMonth.of(year, rule.dueMonth()).lengthOfMonth()));
		Due due = rule.dueFromDocument() ? Due.stated(dueOn)
				: new Due(dueOn, true, "Hạn mặc định của quy tắc báo cáo thường xuyên «" + rule.title()
						+ "» (ngày " + "%02d/%02d".formatted(rule.dueDay(), rule.dueMonth())
						+ " hằng năm); quản trị viên sửa theo văn bản của tỉnh, cơ quan nhận báo cáo đặt được hạn.");
		List<Owed> owed = new ArrayList<>();
		for (Placed placed : units) {
			AdministrativeUnit unit = placed.unit();
			if (unit.level() != rule.reporterLevel() || !unit.isValidOn(period.end())) {
				continue;
			}
			Body recipient = switch (rule.recipient()) {
				case "COUNCIL" -> council(unit);
				case "NATION" -> ministry(period.end(), nation);
				default -> placed.parent() == null ? null : committee(placed.parent());
			};
			if (recipient == null) {
				continue;
			}
			owed.add(new Owed("STANDING:" + rule.code(), null, rule.kind(), rule.title(), committee(unit), recipient,
					period.code(), period.end(), due, rule.annexes(), rule.basis(), unit.provinceCode()));
		}
		return owed;
	}

	// --- plans ---

	/**
	 * The obligations of a plan's reporting regime, for its periods up to {@code thisYear} (a plan without an end year,
	 * or one running on, owes its annual reports until this year).
	 */
	static List<Owed> ofPlan(PlanDetail plan, int thisYear, List<String> planAnnexes, Directory directory) {
		List<Owed> owed = new ArrayList<>();
		for (PlanDetail.ReportingRule rule : plan.reporting()) {
			if (rule.recipient() == null || rule.reporter() == null) {
				continue;
			}
			List<String> annexes = !rule.annexes().isEmpty() || rule.kind() == ReportKind.HALF_YEAR
					|| rule.kind() == ReportKind.ANNUAL ? planAnnexes : List.of();
			boolean listed = !rule.reporters().isEmpty();
			List<AgencyRef> named = listed ? rule.reporters() : List.of(rule.reporter());
			for (PeriodDue p : periods(rule, plan.summary(), thisYear)) {
				for (AgencyRef ref : named) {
					for (Body reporter : reporters(ref, listed, p.end(), directory)) {
						Body recipient = recipient(rule.recipient(), reporter, p.due().on(), directory);
						if (recipient == null || recipient.sameAs(reporter)) {
							continue;
						}
						AdministrativeUnit unit = directory.unit(reporter.unitId()).orElseThrow();
						owed.add(new Owed("PLAN:" + rule.id(), plan.summary().id(), rule.kind(),
								title(rule.kind(), plan.summary()), reporter, recipient, p.code(), p.end(), p.due(),
								annexes, rule.text(), unit.provinceCode()));
					}
				}
			}
		}
		return owed;
	}

	record PeriodDue(String code, LocalDate end, Due due) {
	}

	/**
	 * The periods a rule asks reports for: its half, quarter or month of its first year; each year of an annual or
	 * summary report (until this year when the plan runs on); the plan's years for a one-off or final report. An ad hoc
	 * report without a date ("if difficulties arise, report them") and a monthly or quarterly list without one make
	 * none.
	 */
	static List<PeriodDue> periods(PlanDetail.ReportingRule rule, PlanSummary plan, int thisYear) {
		int from = rule.fromYear() != null ? rule.fromYear() : plan.yearFrom();
		Integer to = rule.toYear() != null ? rule.toYear() : plan.yearTo();
		List<PeriodDue> periods = new ArrayList<>();
		if (rule.half() != null) {
			Period p = Period.half(from, rule.half());
			periods.add(new PeriodDue(p.code(), p.end(), rule.dueOn() != null ? Due.stated(rule.dueOn())
					: assumedAfterCutOff(p.end(), "6 tháng")));
		}
		else if (rule.quarter() != null || rule.month() != null || rule.kind() == ReportKind.MONTHLY
				|| rule.kind() == ReportKind.QUARTERLY) {
			if (rule.dueOn() == null) {
				return List.of();
			}
			Period p = rule.quarter() != null ? Period.quarter(from, rule.quarter())
					: rule.month() != null ? new Period(Period.Kind.MONTH, from, rule.month()) : Period.year(from);
			periods.add(new PeriodDue(p.code(), p.end(), Due.stated(rule.dueOn())));
		}
		else if (rule.kind() == ReportKind.AD_HOC || rule.kind() == ReportKind.FINAL) {
			if (rule.kind() == ReportKind.AD_HOC && rule.dueOn() == null) {
				return List.of();
			}
			int last = to == null ? from : to;
			String code = last == from ? String.valueOf(from) : from + "-" + last;
			LocalDate end = LocalDate.of(last, 12, 31);
			periods.add(new PeriodDue(code, end, rule.dueOn() != null ? Due.stated(rule.dueOn())
					: assumedAfterCutOff(end, "tổng kết")));
		}
		else {
			int last = to == null ? thisYear : Math.min(to, Math.max(from, thisYear));
			for (int y = from; y <= last; y++) {
				LocalDate end = LocalDate.of(y, 12, 31);
				Due due;
				if (rule.dueOn() == null) {
					due = assumedAfterCutOff(end, "năm");
				}
				else if (rule.dueOn().getYear() == y) {
					due = Due.stated(rule.dueOn());
				}
				else {
					due = new Due(rule.dueOn().withYear(y), true, "Văn bản nêu hạn ngày "
							+ VietnameseFormats.date(rule.dueOn()) + " cho năm " + rule.dueOn().getYear()
							+ "; các năm khác lấy cùng ngày, tháng. Cơ quan nhận báo cáo đặt được hạn.");
				}
				periods.add(new PeriodDue(String.valueOf(y), end, due));
			}
		}
		return periods;
	}

	/**
	 * A due date the source does not give: the 15th of the period's last month, the day after figures are closed for
	 * the period (Nghị định 09/2019/NĐ-CP, Art. 12: a half-year's figures run to 14 June, a year's to 14 December).
	 */
	static Due assumedAfterCutOff(LocalDate periodEnd, String what) {
		LocalDate due = periodEnd.withDayOfMonth(15);
		return new Due(due, true, "Văn bản không nêu hạn nộp báo cáo " + what + "; hệ thống giả định ngày "
				+ VietnameseFormats.date(due) + ", ngày sau ngày chốt số liệu của kỳ (Nghị định 09/2019/NĐ-CP, Điều 12)."
				+ " Cơ quan nhận báo cáo đặt được hạn.");
	}

	/**
	 * The bodies that report for a body a plan names, for a period ending on {@code end}: each commune's committee for
	 * "UBND các xã", each district's for "UBND các huyện", the committee of a unit, or an agency (through the agency
	 * that carries its duties when it has ended, as long as its unit lasted to the period's end). A group the plan does not resolve ("các phòng, ban, ngành liên
	 * quan" without its list) reports nothing: nobody could act on it. A body the plan lists among the reporters is
	 * one body whatever its name says ("tổ chức Đoàn các cấp").
	 */
	static List<Body> reporters(AgencyRef ref, boolean listed, LocalDate end, Directory directory) {
		Agency agency = directory.agency(ref.id()).orElse(null);
		if (agency == null) {
			return List.of();
		}
		AdministrativeUnit unit = directory.unit(agency.unitId()).orElse(null);
		if (unit == null) {
			return List.of();
		}
		if (agency.kind() == AgencyKind.COMMUNE_COMMITTEES) {
			if (!unit.isValidOn(end)) {
				return List.of();
			}
			return communesUnder(unit, end, directory).stream().map(ObligationRules::committee).toList();
		}
		if (agency.kind() == AgencyKind.PEOPLES_COMMITTEE) {
			if (!unit.isValidOn(end)) {
				return List.of();
			}
			if (isGroup(agency.name())) {
				return directory.childrenOf(unit.id(), end).stream().map(ObligationRules::committee).toList();
			}
			return List.of(committee(unit));
		}
		if (!listed && isGroup(agency.name())) {
			return List.of();
		}
		// the period is owed by the unit's body: when the unit did not last to its end (a district of 2025), the body
		// that took the office's duties over (the province's health department) does not inherit the unit's plan
		if (!unit.isValidOn(end)) {
			return List.of();
		}
		Body body = agencyBody(agency, ref, unit, end, directory);
		return body == null ? List.of() : List.of(body);
	}

	/**
	 * The body that receives a report of {@code reporter}: "Hội đồng nhân dân cùng cấp" is the council of the
	 * reporter's unit; a People's Committee is its unit's; an agency receives through the one that carries its duties
	 * when it has ended before the report is due. Nobody receives for a body that no longer existed on the due day.
	 */
	static Body recipient(AgencyRef ref, Body reporter, LocalDate due, Directory directory) {
		Agency agency = directory.agency(ref.id()).orElse(null);
		if (agency == null) {
			return null;
		}
		if (isSameLevelCouncil(agency.name())) {
			return directory.unit(reporter.unitId()).map(ObligationRules::council).orElse(null);
		}
		AdministrativeUnit unit = directory.unit(agency.unitId()).orElse(null);
		if (unit == null) {
			return null;
		}
		if (agency.kind() == AgencyKind.PEOPLES_COMMITTEE) {
			return unit.isValidOn(due) ? committee(unit) : null;
		}
		return agencyBody(agency, ref, unit, due, directory);
	}

	/** An agency as a body on the day, or the agency that carries its duties then; null when neither existed. */
	private static Body agencyBody(Agency agency, AgencyRef ref, AdministrativeUnit unit, LocalDate on,
			Directory directory) {
		String named = withLocality(agency.name(), unit);
		if (exists(agency, on, directory)) {
			return ref.replaced() ? new Body(BodyKind.AGENCY, unit.id(), agency.id(), ref.currentId(),
					named + " (nay là " + ref.currentName() + ")", childAffairs(agency))
					: new Body(BodyKind.AGENCY, unit.id(), agency.id(), agency.id(), named, childAffairs(agency));
		}
		if (ref.replaced()) {
			Agency successor = directory.agency(ref.currentId()).orElse(null);
			if (successor != null && exists(successor, on, directory)) {
				return new Body(BodyKind.AGENCY, unit.id(), agency.id(), successor.id(),
						named + " (nay là " + successor.name() + ")", childAffairs(agency));
			}
		}
		return null;
	}

	/** The labour and social affairs office of a unit (and whoever took its child affairs over) is its officers'. */
	private static boolean childAffairs(Agency agency) {
		return agency.kind() == AgencyKind.SOCIAL_AFFAIRS;
	}

	/** Whether the agency, and the unit it belongs to, existed on the day. */
	private static boolean exists(Agency agency, LocalDate on, Directory directory) {
		return valid(agency, on) && directory.unit(agency.unitId()).map(u -> u.isValidOn(on)).orElse(false);
	}

	private static boolean valid(Agency agency, LocalDate on) {
		return (agency.validFrom() == null || !on.isBefore(agency.validFrom()))
				&& (agency.validTo() == null || !on.isAfter(agency.validTo()));
	}

	private static List<AdministrativeUnit> communesUnder(AdministrativeUnit unit, LocalDate on, Directory directory) {
		if (unit.level() == UnitLevel.COMMUNE) {
			return List.of(unit);
		}
		List<AdministrativeUnit> communes = new ArrayList<>();
		for (AdministrativeUnit below : directory.childrenOf(unit.id(), on)) {
			communes.addAll(below.level() == UnitLevel.COMMUNE ? List.of(below) : communesUnder(below, on, directory));
		}
		return communes;
	}

	/** A name that stands for several bodies: "các Sở, Ban ngành", "UBND các huyện, thành phố". */
	static boolean isGroup(String name) {
		String folded = " " + VietnameseText.fold(name) + " ";
		return folded.contains(" cac ");
	}

	/** "Hội đồng nhân dân cùng cấp": the council of the same level as the body that reports (Luật Trẻ em, Art. 90). */
	static boolean isSameLevelCouncil(String name) {
		String folded = VietnameseText.fold(name);
		return (folded.startsWith("hoi dong nhan dan") || folded.startsWith("hdnd")) && folded.contains("cung cap");
	}

	static Body committee(AdministrativeUnit unit) {
		return new Body(BodyKind.COMMITTEE, unit.id(), null, null, "Ủy ban nhân dân " + lowerFirst(unit.fullName()),
				true);
	}

	static Body council(AdministrativeUnit unit) {
		return new Body(BodyKind.COUNCIL, unit.id(), null, null, "Hội đồng nhân dân " + lowerFirst(unit.fullName()),
				false);
	}

	/** The ministry in charge of children on the day, at the nation: Labour, Invalids and Social Affairs, then Health. */
	static Body ministry(LocalDate on, AdministrativeUnit nation) {
		return new Body(BodyKind.MINISTRY, nation.id(), null, null, on.isBefore(HEALTH_TOOK_CHILD_AFFAIRS)
				? "Bộ Lao động - Thương binh và Xã hội" : "Bộ Y tế", false);
	}

	/** "Phòng Tư pháp" of Tuần Giáo reads "Phòng Tư pháp huyện Tuần Giáo"; a name that has its place keeps it. */
	static String withLocality(String name, AdministrativeUnit unit) {
		String folded = VietnameseText.fold(name);
		if (folded.contains(VietnameseText.fold(unit.name()))) {
			return name;
		}
		return name + " " + lowerFirst(unit.fullName());
	}

	private static String lowerFirst(String text) {
		return Character.toLowerCase(text.charAt(0)) + text.substring(1);
	}

	static String title(ReportKind kind, PlanSummary plan) {
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

	/**
	 * One obligation per reporting body, receiving body and period, whichever rules state it: the first stated keeps
	 * its source and the others' bases are added to its own.
	 */
	static List<Owed> merged(List<Owed> owed) {
		Map<Key, Owed> byKey = new LinkedHashMap<>();
		for (Owed o : owed) {
			byKey.merge(o.key(), o, (first, again) -> first.basis() != null && again.basis() != null
					&& !first.basis().contains(again.basis())
							? new Owed(first.source(), first.planId(), first.kind(), first.title(), first.reporter(),
									first.recipient(), first.period(), first.periodEnd(), first.due(), first.annexes(),
									first.basis() + "\n" + again.basis(), first.provinceCode())
							: first);
		}
		return List.copyOf(byKey.values());
	}
}
