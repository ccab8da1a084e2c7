package vn.vongtay.home;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.vongtay.casework.CaseQueues;
import vn.vongtay.casework.CaseQueues.Queue;
import vn.vongtay.casework.CaseSummary;
import vn.vongtay.casework.Referral;
import vn.vongtay.casework.ReferralStatus;
import vn.vongtay.casework.Referrals;
import vn.vongtay.casework.Report;
import vn.vongtay.casework.Reports;
import vn.vongtay.children.ChildImports;
import vn.vongtay.children.ChildSummary;
import vn.vongtay.children.Children;
import vn.vongtay.children.RegisterRights;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow.Data;
import vn.vongtay.identity.NeedToKnow.Use;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.planning.PlanDetail;
import vn.vongtay.planning.PlanDetail.Task;
import vn.vongtay.planning.PlanSummary;
import vn.vongtay.planning.Plans;
import vn.vongtay.planning.ProgressStatus;
import vn.vongtay.reporting.Obligation;
import vn.vongtay.reporting.Obligations;

/**
 * The page a user lands on: the work waiting for them (issue 17, item 1), gathered from each module's API, each item
 * linking to where it is done. What each role is shown follows what it does: the commune's casework and reports for its
 * officers and case workers, the decisions for the chairman, the tasks and referrals for an agency, the province's
 * figures for its officers and leaders, the reports it received for the hotline. Every read goes through the module's
 * own checks of the caller's jurisdiction and need to know; a section is asked for only by a role that may read it.
 */
@Controller
class HomePage {

	/** How many items of a section are listed; the count and the link give the rest. */
	static final int SHOWN = 5;

	/** Periodic reports and tasks due within this many days are shown as due soon. */
	static final int DUE_SOON_DAYS = 30;

	/** How much of a long title a list shows. */
	static final int TITLE_LENGTH = 160;

	private static final DateTimeFormatter DUE_AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

	private final Units units;
	private final CaseQueues caseQueues;
	private final Referrals referrals;
	private final Reports reports;
	private final Obligations obligations;
	private final Children children;
	private final ChildImports imports;
	private final Plans plans;
	private final ProvinceDashboard dashboard;
	private final MessageSource messages;
	private final Clock clock;

	HomePage(Units units, CaseQueues caseQueues, Referrals referrals, Reports reports, Obligations obligations,
			Children children, ChildImports imports, Plans plans, ProvinceDashboard dashboard, MessageSource messages,
			Clock clock) {
		this.units = units;
		this.caseQueues = caseQueues;
		this.referrals = referrals;
		this.reports = reports;
		this.obligations = obligations;
		this.children = children;
		this.imports = imports;
		this.plans = plans;
		this.dashboard = dashboard;
		this.messages = messages;
		this.clock = clock;
	}

	/** A list of work: how much waits, the first of it, and where the whole list is (null when there is no such page). */
	record Section(String id, long count, String href, List<Item> items) {

		public boolean more() {
			return count == UNCOUNTED || count > items.size();
		}

		public boolean counted() {
			return count != UNCOUNTED;
		}
	}

	/** The count of a list that is not counted: more than it shows. */
	static final long UNCOUNTED = -1;

	/** One piece of work: what it is, where it stands, and when it is due ({@code late} once past). */
	record Item(String href, String title, String detail, String when, boolean late) {
	}

	@GetMapping("/")
	String home(Model model) {
		SignedInUser user = Jurisdictions.requireUser();
		LocalDate today = units.today();
		Map<String, Section> sections = new LinkedHashMap<>();
		if (user.has(Role.COMMUNE_OFFICER) || user.has(Role.CASE_WORKER)) {
			communeWork(user, sections);
		}
		if (user.has(Role.COMMUNE_CHAIRMAN)) {
			sections.computeIfAbsent("plan-awaiting", id -> cases(id, Queue.PLAN_AWAITING_APPROVAL,
					"/cases?stage=AWAITING_APPROVAL"));
			sections.computeIfAbsent("emergency", id -> cases(id, Queue.EMERGENCY_UNDECIDED, "/cases?open=true"));
		}
		if (user.has(Role.AGENCY_FOCAL_POINT)) {
			agencyWork(user, today, sections);
		}
		if (user.has(Role.HOTLINE_OPERATOR) || user.has(Role.VILLAGE_COLLABORATOR)) {
			sections.put("received", received());
		}
		if (user.has(Role.PROVINCE_OFFICER) || user.has(Role.DISTRICT_OFFICER) || user.has(Role.VIEWER)) {
			model.addAttribute("dashboard", dashboard.of(user, today));
		}
		List<AdministrativeUnit> mine = new ArrayList<>(units.findAllById(user.unitIds()));
		mine.sort(Comparator.comparing(AdministrativeUnit::code));
		model.addAttribute("user", user);
		model.addAttribute("today", today);
		model.addAttribute("myUnits", mine);
		model.addAttribute("sections", sections.values());
		return "home";
	}

	private void communeWork(SignedInUser user, Map<String, Section> sections) {
		sections.put("to-verify", cases("to-verify", Queue.TO_VERIFY, "/cases?stage=OPENED"));
		sections.put("overdue", cases("overdue", Queue.OVERDUE, "/cases?overdue=true"));
		sections.put("due", cases("due", Queue.DUE, "/cases?due=true"));
		sections.put("plan-returned", cases("plan-returned", Queue.PLAN_RETURNED, "/cases?stage=PLANNING"));
		sections.put("plan-awaiting", cases("plan-awaiting", Queue.PLAN_AWAITING_APPROVAL,
				"/cases?stage=AWAITING_APPROVAL"));
		if (user.may(Data.REFERRALS, Use.READ)) {
			Referrals.Waiting waiting = referrals.waitingForAgencies(SHOWN);
			sections.put("referrals-waiting", new Section("referrals-waiting", waiting.count(), null,
					waiting.first().stream().map(this::referralSent).toList()));
		}
		if (user.may(Data.PERIODIC_REPORTS, Use.READ)) {
			List<Obligation> due = obligations.dueWithin(DUE_SOON_DAYS, 100);
			sections.put("reports-due", new Section("reports-due", due.size(), "/reporting",
					due.stream().limit(SHOWN).map(this::obligation).toList()));
		}
		RegisterRights rights = RegisterRights.of(user);
		if (rights.relocate()) {
			List<ChildSummary> awaiting = children.awaitingAssignment();
			sections.put("awaiting-commune", new Section("awaiting-commune", awaiting.size(), "/children/awaiting",
					awaiting.stream().limit(SHOWN).map(this::childAwaiting).toList()));
		}
		if (rights.importFiles()) {
			List<ChildImports.Report> open = imports.history(0, 50).stream()
				.filter(r -> r.status() != ChildImports.Status.COMMITTED && r.status() != ChildImports.Status.DISCARDED
						&& r.status() != ChildImports.Status.FAILED)
				.toList();
			sections.put("imports", new Section("imports", open.size(), "/children/imports",
					open.stream().limit(SHOWN).map(this::childImport).toList()));
		}
	}

	private void agencyWork(SignedInUser user, LocalDate today, Map<String, Section> sections) {
		List<Task> tasks = user.may(Data.PLANS, Use.READ) ? plans.myTasks() : List.of();
		Map<Long, PlanSummary> named = plans.summaries(tasks.stream().map(Task::planId).distinct().toList());
		List<Task> overdue = tasks.stream().filter(t -> t.status() == ProgressStatus.OVERDUE)
			.sorted(Comparator.comparing(t -> dueOn(t), Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		List<Task> dueSoon = tasks.stream()
			.filter(t -> t.status() != ProgressStatus.OVERDUE && t.status() != ProgressStatus.DONE
					&& t.status() != ProgressStatus.CLOSED && t.status() != ProgressStatus.NO_OWNER)
			.filter(t -> dueOn(t) != null && !dueOn(t).isBefore(today) && !dueOn(t).isAfter(today.plusDays(DUE_SOON_DAYS)))
			.sorted(Comparator.comparing(HomePage::dueOn))
			.toList();
		sections.put("tasks-overdue", new Section("tasks-overdue", overdue.size(), "/my-tasks",
				overdue.stream().limit(SHOWN).map(t -> task(t, named.get(t.planId()), today)).toList()));
		sections.put("tasks-due", new Section("tasks-due", dueSoon.size(), "/my-tasks",
				dueSoon.stream().limit(SHOWN).map(t -> task(t, named.get(t.planId()), today)).toList()));
		if (user.agencyId() != null && user.may(Data.REFERRALS, Use.READ)) {
			// answered first: SENT waits for an answer, ACCEPTED for the report back
			List<Referral> open = referrals.forMyAgency(0, 100).stream()
				.filter(r -> r.status() == ReferralStatus.SENT || r.status() == ReferralStatus.ACCEPTED)
				.toList();
			sections.put("referrals-to-answer", new Section("referrals-to-answer", open.size(), "/referrals",
					open.stream().limit(SHOWN).map(this::referralReceived).toList()));
		}
	}

	/**
	 * The hotline's latest reports: a record of work done rather than work waiting, so not counted (the hotline takes
	 * thousands); the link leads to them all.
	 */
	private Section received() {
		List<Report> found = reports.received(0, SHOWN + 1);
		return new Section("received", found.size() > SHOWN ? UNCOUNTED : found.size(), "/reports",
				found.stream().limit(SHOWN).map(this::report).toList());
	}

	private Section cases(String id, Queue queue, String href) {
		CaseQueues.Waiting waiting = caseQueues.waiting(queue, SHOWN);
		return new Section(id, waiting.count(), href, waiting.first().stream().map(this::caseItem).toList());
	}

	private Item caseItem(CaseSummary c) {
		String title = c.number() + (c.childName() == null ? "" : " · " + c.childName());
		String detail = text("casework.stage." + c.stage().name()) + " · " + c.unitName();
		if (c.nextDueAt() == null) {
			return new Item("/cases/" + c.id(), title, detail, null, false);
		}
		TimeLeft left = TimeLeft.between(LocalDateTime.now(clock), c.nextDueAt());
		return new Item("/cases/" + c.id(), title, detail,
				text(left.key(), left.arguments()) + " · " + text("home.due-at", DUE_AT.format(c.nextDueAt())),
				left.late());
	}

	private Item referralSent(Referral r) {
		String detail = r.caseNumber() + " · " + text("casework.referral.status." + r.status().name());
		return new Item("/referrals/" + r.id(), r.agencyName(), detail, respondBy(r), r.overdue());
	}

	private Item referralReceived(Referral r) {
		String who = r.shared() != null && r.shared().communeName() != null ? r.shared().communeName() : r.caseNumber();
		String detail = text("casework.service." + r.service().name()) + " · "
				+ text("casework.referral.status." + r.status().name());
		return new Item("/referrals/" + r.id(), who, detail, respondBy(r), r.overdue());
	}

	private String respondBy(Referral r) {
		return r.respondBy() == null ? null : text("home.respond-by", VietnameseFormats.date(r.respondBy()));
	}

	private Item obligation(Obligation o) {
		LocalDate today = units.today();
		String detail = o.period() + " · " + text("home.to", o.recipientName());
		return new Item("/reporting/obligations/" + o.id(), o.title(), detail,
				text("home.due-on", VietnameseFormats.date(o.dueOn())) + " · " + daysLeft(today, o.dueOn()),
				o.dueOn().isBefore(today));
	}

	private Item childAwaiting(ChildSummary c) {
		String detail = (c.dateOfBirth() == null ? "" : VietnameseFormats.date(c.dateOfBirth()) + " · ")
				+ text("home.formerly", c.communeName());
		return new Item("/children/awaiting", c.fullName(), detail, null, false);
	}

	private Item childImport(ChildImports.Report r) {
		String detail = text("child.import.status." + r.status().name()) + " · "
				+ text("home.import-rows", r.totalRows(), r.accepted(), r.duplicates(), r.rejected());
		return new Item("/children/imports/" + r.id(), r.fileName(), detail, null, false);
	}

	private Item task(Task t, PlanSummary plan, LocalDate today) {
		String title = (t.number() == null ? "" : t.number() + ". ") + shortened(t.statement());
		String detail = (plan == null ? "" : (plan.number() == null ? plan.title() : plan.number()) + " · ")
				+ text("plan.progress." + t.status().name());
		LocalDate due = dueOn(t);
		return new Item("/plans/tasks/" + t.id(), title, detail,
				due == null ? null : text("home.due-on", VietnameseFormats.date(due)) + " · " + daysLeft(today, due),
				t.status() == ProgressStatus.OVERDUE);
	}

	private Item report(Report r) {
		String title = r.reference() + " · " + (r.childName() == null ? "" : r.childName());
		String stage = r.caseStage() != null ? text("casework.stage." + r.caseStage().name())
				: text("home.routed-to", r.unitName());
		String detail = text("casework.channel." + r.channel().name()) + " · " + stage;
		return new Item("/reports/" + r.id(), title, detail,
				text("home.received-at", DUE_AT.format(r.receivedAt())), false);
	}

	/** A task as plans word it may run to a paragraph: its first words say which one it is; the task page has it whole. */
	static String shortened(String text) {
		if (text == null || text.length() <= TITLE_LENGTH) {
			return text;
		}
		int cut = text.lastIndexOf(' ', TITLE_LENGTH);
		return text.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH).strip() + " …";
	}

	private String daysLeft(LocalDate today, LocalDate due) {
		long days = java.time.temporal.ChronoUnit.DAYS.between(today, due);
		if (days == 0) {
			return text("home.due-today");
		}
		return days > 0 ? text("home.days-left", days) : text("home.days-late", -days);
	}

	/**
	 * The day a task is due: its deadline, else the end of its quarter or year; a continuous task or one over the
	 * plan's whole period has none.
	 */
	static LocalDate dueOn(Task task) {
		return dueOn(task.timeframe());
	}

	static LocalDate dueOn(PlanDetail.Timeframe frame) {
		if (frame == null) {
			return null;
		}
		if (frame.dueOn() != null) {
			return frame.dueOn();
		}
		if (frame.year() == null || frame.kind() == null) {
			return null;
		}
		return switch (frame.kind()) {
			case QUARTER -> frame.quarter() == null ? null
					: LocalDate.of(frame.year(), frame.quarter() * 3, 1).plusMonths(1).minusDays(1);
			case YEAR -> LocalDate.of(frame.year(), 12, 31);
			default -> null;
		};
	}

	private String text(String key, Object... arguments) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, arguments, key, locale);
	}
}
