package vn.vongtay.casework;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.children.RegisterGenerator;
import vn.vongtay.children.Sex;
import vn.vongtay.core.BulkLoad;
import vn.vongtay.directory.AgencyGenerator;
import vn.vongtay.directory.AgencyKind;
import vn.vongtay.geography.AdministrativeUnit;
import vn.vongtay.geography.Units;
import vn.vongtay.identity.StaffGenerator;

/**
 * Invented reports and cases for national data (benchmarks, a demo at scale), written with COPY, as the process would
 * have left them: each case is played through the steps of Nghị định 56 from its report to the generation time, at a
 * pace of its own, so that recent cases are early in the process, old ones mostly closed, and some stalled past their
 * deadlines (and escalated, as the deadline watch would have done). Deadlines come from the rule of the commune on the
 * working-day calendar; numbers run per commune and year after those already given; every step reached has its row,
 * with the form's content for Mẫu 02, 03, 06 and 07; plans, their services, referrals and agencies' answers follow.
 * Deterministic: the same seed, commune and time give the same cases. Not written: audit entries and notifications
 * (what people read and were told), and the register's groups a confirmed abuse suggests.
 */
@Component
public class CaseGenerator {

	/**
	 * What to generate.
	 *
	 * @param casesPerCommune the expected number of cases per commune (a commune gets the whole part, and one more
	 *            with the probability of the fraction)
	 * @param years over how many years before {@code asOf} the reports were received
	 */
	public record Request(long seed, double casesPerCommune, int years, LocalDateTime asOf) {
	}

	/** What was written. */
	public record Generated(int cases, int reports, int steps, int plans, int referrals) {

		public Generated plus(Generated other) {
			return new Generated(cases + other.cases, reports + other.reports, steps + other.steps, plans + other.plans,
					referrals + other.referrals);
		}
	}

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
	private static final ReportChannel[] CHANNELS = { ReportChannel.HOTLINE_111, ReportChannel.HOTLINE_111,
			ReportChannel.HOTLINE_111, ReportChannel.IN_PERSON, ReportChannel.IN_PERSON, ReportChannel.PHONE,
			ReportChannel.PHONE, ReportChannel.SCHOOL, ReportChannel.SCHOOL, ReportChannel.HEALTH_FACILITY,
			ReportChannel.POLICE, ReportChannel.ONLINE, ReportChannel.OTHER_AGENCY };
	/** Violence and neglect are the most reported forms, trafficking the least. */
	private static final AbuseForm[] FORMS = { AbuseForm.VIOLENCE, AbuseForm.VIOLENCE, AbuseForm.VIOLENCE,
			AbuseForm.VIOLENCE, AbuseForm.SEXUAL_ABUSE, AbuseForm.SEXUAL_ABUSE, AbuseForm.SEXUAL_ABUSE, AbuseForm.NEGLECT,
			AbuseForm.NEGLECT, AbuseForm.EXPLOITATION, AbuseForm.ABANDONMENT, AbuseForm.TRAFFICKING };
	private static final Map<AbuseForm, String> CONDITIONS = Map.of(
			AbuseForm.VIOLENCE, "Trẻ có nhiều vết bầm tím ở tay và lưng, sợ hãi khi nhắc đến người thân",
			AbuseForm.SEXUAL_ABUSE, "Trẻ có biểu hiện hoảng loạn, nghi bị xâm hại tình dục",
			AbuseForm.NEGLECT, "Trẻ thường xuyên ở nhà một mình, thiếu ăn, không được đưa đi học",
			AbuseForm.EXPLOITATION, "Trẻ phải làm việc nặng nhọc nhiều giờ mỗi ngày tại cơ sở sản xuất",
			AbuseForm.ABANDONMENT, "Trẻ sơ sinh bị bỏ rơi trước cổng trạm y tế",
			AbuseForm.TRAFFICKING, "Trẻ bị người lạ dụ dỗ đưa đi khỏi địa phương, gia đình mất liên lạc");
	private static final String[] INFORMANT_RELATIONS = { "Hàng xóm", "Giáo viên chủ nhiệm", "Người thân", "Nhân viên y tế",
			"Bạn học", "Trưởng thôn" };
	private static final String[] INFORMANT_NAMES = { "Nguyễn Thị Hoa", "Trần Văn Bình", "Lê Thị Lan", "Phạm Văn Hùng",
			"Hoàng Thị Mai", "Vũ Văn Nam", "Đặng Thị Thu", "Bùi Văn Long" };

	private final JdbcClient jdbc;
	private final BulkLoad bulk;
	private final CaseRecords records;
	private final DeadlineRules deadlineRules;
	private final Units units;
	private final RegisterGenerator register;

	CaseGenerator(JdbcClient jdbc, DataSource dataSource, CaseRecords records, DeadlineRules deadlineRules, Units units,
			RegisterGenerator register) {
		this.jdbc = jdbc;
		this.bulk = new BulkLoad(jdbc, dataSource);
		this.records = records;
		this.deadlineRules = deadlineRules;
		this.units = units;
		this.register = register;
	}

	/**
	 * Generates the cases of the communes given, in one transaction.
	 *
	 * @param staff the officials of each commune (commune officer, case worker, chairman)
	 * @param agencies the agencies of each commune and of each province, by unit id
	 */
	@Transactional
	public Generated generate(Request request, List<Long> communeIds, Map<Long, StaffGenerator.CommuneStaff> staff,
			Map<Long, Map<AgencyKind, AgencyGenerator.Generated>> agencies) {
		Map<Long, List<RegisterGenerator.Generated>> children = register.childrenOf(communeIds);
		Map<String, Integer> lastNumbers = new HashMap<>();
		jdbc.sql("SELECT unit_id, year, last FROM casework.case_number WHERE unit_id IN (:ids)")
			.param("ids", communeIds)
			.query(rs -> {
				lastNumbers.put(rs.getLong("unit_id") + "/" + rs.getInt("year"), rs.getInt("last"));
			});
		Batch batch = new Batch();
		for (AdministrativeUnit commune : units.findAllById(communeIds)) {
			StaffGenerator.CommuneStaff officials = staff.get(commune.id());
			if (officials == null) {
				throw new IllegalArgumentException("no officials given for commune " + commune.code());
			}
			Map<AgencyKind, AgencyGenerator.Generated> near = new EnumMap<>(AgencyKind.class);
			near.putAll(agencies.getOrDefault(commune.parentId(), Map.of()));
			near.putAll(agencies.getOrDefault(commune.id(), Map.of()));
			generateCommune(request, commune, officials, near, children.getOrDefault(commune.id(), List.of()),
					lastNumbers, batch);
		}
		batch.write();
		return batch.generated();
	}

	// --- one commune ---

	private void generateCommune(Request request, AdministrativeUnit commune, StaffGenerator.CommuneStaff staff,
			Map<AgencyKind, AgencyGenerator.Generated> agencies, List<RegisterGenerator.Generated> children,
			Map<String, Integer> lastNumbers, Batch batch) {
		SplittableRandom random = new SplittableRandom(request.seed() * 7_919L + commune.code().hashCode());
		int count = (int) request.casesPerCommune()
				+ (random.nextDouble() < request.casesPerCommune() - Math.floor(request.casesPerCommune()) ? 1 : 0);
		DeadlineRules.Rule rule = deadlineRules.ruleFor(commune.id());
		long span = Duration.ofDays(365L * request.years()).toMinutes();
		List<LocalDateTime> received = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			received.add(request.asOf().minusMinutes(120 + random.nextLong(span)).withSecond(0).withNano(0));
		}
		received.sort(Comparator.naturalOrder());
		Set<Long> used = new HashSet<>();
		for (LocalDateTime at : received) {
			String key = commune.id() + "/" + at.getYear();
			int sequence = lastNumbers.merge(key, 1, Integer::sum);
			batch.numbers.put(key, sequence);
			String number = "HS-%s-%d-%04d".formatted(commune.code(), at.getYear(), sequence);
			RegisterGenerator.Generated child = pickChild(children, at, used, random);
			new CaseRun(batch, random, request.asOf(), commune, staff, agencies, rule, number, at, child).play();
		}
	}

	/** A register child born before the report and not yet in another generated case; null when none is found. */
	private static RegisterGenerator.Generated pickChild(List<RegisterGenerator.Generated> children, LocalDateTime at,
			Set<Long> used, SplittableRandom random) {
		if (children.isEmpty() || random.nextInt(100) < 15) {
			return null;
		}
		for (int attempt = 0; attempt < 8; attempt++) {
			RegisterGenerator.Generated child = children.get(random.nextInt(children.size()));
			if (child.birthDate().isBefore(at.toLocalDate().minusDays(30)) && used.add(child.id())) {
				return child;
			}
		}
		return null;
	}

	/** A case played from its report to the time of generation, step by step. */
	private final class CaseRun {

		private final Batch batch;
		private final SplittableRandom random;
		private final LocalDateTime asOf;
		private final AdministrativeUnit commune;
		private final StaffGenerator.CommuneStaff staff;
		private final Map<AgencyKind, AgencyGenerator.Generated> agencies;
		private final DeadlineRules.Rule rule;
		private final long caseId;
		private final String number;
		private final LocalDateTime receivedAt;
		private final RegisterGenerator.Generated child;
		/** How fast this commune's staff work this case: most well within the deadlines, a quarter slowly. */
		private final double pace;
		/** Whether the case stalls at some stage (work not recorded, or not done). */
		private final int stallAfter;

		private LocalDateTime now;
		private CaseStage stage = CaseStage.OPENED;
		private int cycle = 1;
		private int version;
		private boolean linked;
		private RiskLevel risk;
		private Boolean emergencyRequired;
		private LocalDateTime emergencyDue;
		private LocalDateTime emergencyTaken;
		private LocalDateTime planDue;
		private LocalDateTime planApproved;
		private LocalDateTime firstPlanDue;
		private LocalDateTime firstPlanApproved;
		private LocalDate reviewDueOn;
		private LocalDateTime reviewedAt;
		private LocalDateTime escalatedAt;
		private String escalationReason;
		private Classification classification = Classification.none();
		private CaseOutcome outcome;
		private LocalDateTime closedAt;
		private String closureReason;
		private final AbuseForm form;
		/** The child as the first report described them, until the case is linked to the register. */
		private String reportedName;
		private Sex reportedSex;
		private LocalDate reportedBirthDate;

		CaseRun(Batch batch, SplittableRandom random, LocalDateTime asOf, AdministrativeUnit commune,
				StaffGenerator.CommuneStaff staff, Map<AgencyKind, AgencyGenerator.Generated> agencies,
				DeadlineRules.Rule rule, String number, LocalDateTime receivedAt, RegisterGenerator.Generated child) {
			this.batch = batch;
			this.random = random;
			this.asOf = asOf;
			this.commune = commune;
			this.staff = staff;
			this.agencies = agencies;
			this.rule = rule;
			this.caseId = batch.caseIds.next();
			this.number = number;
			this.receivedAt = receivedAt;
			this.child = child;
			this.pace = random.nextInt(100) < 75 ? 0.2 + random.nextDouble() * 0.7 : 1.2 + random.nextDouble() * 1.8;
			this.stallAfter = random.nextInt(100) < 12 ? random.nextInt(8) : Integer.MAX_VALUE;
			this.now = receivedAt;
			this.form = FORMS[random.nextInt(FORMS.length)];
		}

		void play() {
			DeadlineRules.DueDates due = deadlineRules.dueDates(rule, receivedAt);
			emergencyDue = due.emergencyDueAt();
			planDue = due.planDueAt();
			firstPlanDue = planDue;
			boolean serious = random.nextInt(100) < 15;
			report(receivedAt, false);
			if (random.nextInt(100) < 8) {
				joinedReport();
			}
			int stepsTaken = 0;
			while (stage != CaseStage.CLOSED || maybeReopen()) {
				if (stepsTaken++ >= stallAfter) {
					break;
				}
				if (!advance(serious)) {
					break;
				}
			}
			watch();
			batch.writeCase(this);
		}

		/** Takes the next step the stage allows, if its time has come by {@code asOf}; false when none was taken. */
		private boolean advance(boolean serious) {
			switch (stage) {
				case OPENED -> {
					LocalDateTime at = later(serious ? 2 : 12);
					if (!reached(at)) {
						return false;
					}
					if (random.nextInt(100) < 12) {
						closeBy(CaseAction.DISMISS, at, random.nextInt(5) == 0 ? CaseOutcome.NOT_A_CHILD_CASE
								: CaseOutcome.NO_ABUSE_FOUND, "Xác minh không có dấu hiệu trẻ bị xâm hại");
						return true;
					}
					if (child != null && !linked) {
						linked = true;
						step("CHILD_LINKED", at, staff.caseWorker(), null, child.fullName());
					}
					step(CaseAction.VERIFY, at, staff.caseWorker(), null, "Đã xác minh thông tin tại gia đình");
				}
				case VERIFIED -> {
					LocalDateTime at = later(serious ? 2 : 24);
					if (!reached(at)) {
						return false;
					}
					risk = serious ? RiskLevel.SERIOUS : new RiskLevel[] { RiskLevel.HIGH, RiskLevel.HIGH,
							RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.LOW }[random
								.nextInt(7)];
					emergencyRequired = risk.callsForEmergencyMeasures();
					step(CaseAction.ASSESS_INITIAL, at, staff.caseWorker(), new InitialAssessment(at,
							staff.caseWorker().displayName() + ", trưởng thôn", CONDITIONS.get(form),
							serious ? "Trẻ đang gặp nguy hiểm nghiêm trọng" : "Trẻ hiện an toàn với người chăm sóc", risk,
							Set.of(form), serious ? "Tách trẻ khỏi người gây hại, khám sức khỏe" : "Theo dõi, hỗ trợ tâm lý",
							serious ? "Áp dụng biện pháp khẩn cấp" : "Đánh giá chi tiết"), null);
					if (serious) {
						emergency();
					}
					classify(at);
				}
				case ASSESSED -> {
					LocalDateTime at = later(36);
					if (!reached(at)) {
						return false;
					}
					if (risk == RiskLevel.LOW && random.nextBoolean()) {
						closeBy(CaseAction.CLOSE_WITHOUT_PLAN, at, CaseOutcome.SAFE_WITH_FAMILY,
								"Trẻ an toàn, gia đình có khả năng bảo vệ trẻ");
						return true;
					}
					step(CaseAction.ASSESS_DETAILED, at, staff.caseWorker(), new DetailedAssessment(at,
							staff.caseWorker().displayName() + ", cán bộ Tổng đài 111", "Sức khỏe ổn định",
							"Trẻ lo âu, khó ngủ", "Trẻ thu mình, ít giao tiếp", "Gia đình khó khăn, cha mẹ đi làm xa",
							"Người chăm sóc còn hạn chế về kỹ năng bảo vệ trẻ", "Hỗ trợ tâm lý, y tế và giáo dục", risk),
							null);
				}
				case DETAILED_ASSESSED, PLANNING -> {
					return plan();
				}
				case AWAITING_APPROVAL -> {
					LocalDateTime at = later(18);
					if (!reached(at)) {
						return false;
					}
					if (batch.plan(this).returns == 0 && random.nextInt(100) < 10) {
						batch.plan(this).returns++;
						batch.plan(this).status = PlanStatus.DRAFT;
						batch.plan(this).returnedComment = "Bổ sung cơ quan phối hợp và thời hạn thực hiện";
						step(CaseAction.RETURN_PLAN, at, staff.chairman(), null, batch.plan(this).returnedComment);
						return true;
					}
					approve(at);
				}
				case IN_PROGRESS -> {
					return implementAndReview();
				}
				case CLOSED -> {
					return false;
				}
			}
			return true;
		}

		private boolean plan() {
			PlanRow plan = batch.plans.get(caseId + "/" + cycle);
			if (plan == null || plan.status == PlanStatus.DRAFT && plan.returnedComment != null && !plan.redrafted) {
				LocalDateTime at = later(24);
				if (!reached(at)) {
					return false;
				}
				if (plan == null) {
					plan = batch.newPlan(this, at);
					step(CaseAction.DRAFT_PLAN, at, staff.caseWorker(), null, plan.goals);
				}
				else {
					plan.redrafted = true;
					plan.draftedAt = at;
					step(CaseAction.DRAFT_PLAN, at, staff.caseWorker(), null, plan.goals);
				}
				return true;
			}
			LocalDateTime at = later(12);
			if (!reached(at)) {
				return false;
			}
			plan.status = PlanStatus.SUBMITTED;
			plan.submittedAt = at;
			plan.returnedComment = null;
			step(CaseAction.SUBMIT_PLAN, at, staff.caseWorker(), null, null);
			return true;
		}

		private void approve(LocalDateTime at) {
			PlanRow plan = batch.plan(this);
			plan.status = PlanStatus.APPROVED;
			plan.approvedAt = at;
			plan.decisionNumber = (100 + random.nextInt(800)) + "/QĐ-UBND";
			planApproved = at;
			firstPlanApproved = firstPlanApproved == null ? at : firstPlanApproved;
			reviewDueOn = plan.reviewOn;
			reviewedAt = null;
			step(CaseAction.APPROVE_PLAN, at, staff.chairman(), null, "Phê duyệt kế hoạch hỗ trợ, can thiệp");
			for (ItemRow item : plan.items) {
				if (item.agency != null && random.nextInt(100) < 60) {
					batch.refer(this, item, at.plusHours(1 + random.nextInt(72)));
				}
			}
		}

		private boolean implementAndReview() {
			PlanRow plan = batch.plan(this);
			LocalDateTime reviewAt = reviewDueOn.atTime(8 + random.nextInt(9), random.nextInt(60))
				.plusDays(random.nextInt(100) < 80 ? -random.nextInt(4) : 1 + random.nextInt(20));
			for (ItemRow item : plan.items) {
				LocalDateTime started = plan.approvedAt.plusDays(1 + random.nextInt(7));
				if (item.status == PlanItemStatus.PLANNED && reached(started) && started.isBefore(reviewAt)) {
					item.status = random.nextInt(100) < 4 ? PlanItemStatus.CANCELLED : PlanItemStatus.IN_PROGRESS;
					item.version++;
					step(CaseAction.UPDATE_PLAN_ITEM, started, staff.caseWorker(), null, item.status.name());
				}
				LocalDateTime done = item.dueOn.atTime(10, 0);
				if (item.status == PlanItemStatus.IN_PROGRESS && reached(done) && done.isBefore(reviewAt)
						&& random.nextInt(100) < 85) {
					item.status = PlanItemStatus.DONE;
					item.result = "Đã thực hiện";
					item.version++;
					step(CaseAction.UPDATE_PLAN_ITEM, done, staff.caseWorker(), null, "DONE: Đã thực hiện");
				}
			}
			if (!reached(reviewAt) || reviewAt.isBefore(now)) {
				return false;
			}
			boolean close = cycle > 1 || random.nextInt(100) < 80;
			Map<ReviewCriterion, Rating> ratings = new EnumMap<>(ReviewCriterion.class);
			for (ReviewCriterion criterion : ReviewCriterion.values()) {
				boolean good = criterion == ReviewCriterion.SELF_PROTECTION_AND_RECOVERY;
				ratings.put(criterion, close == good ? Rating.HIGH : random.nextBoolean() ? Rating.LOW : Rating.MEDIUM);
			}
			CaseOutcome ended = close ? pick(new CaseOutcome[] { CaseOutcome.SAFE_WITH_FAMILY,
					CaseOutcome.SAFE_WITH_FAMILY, CaseOutcome.SAFE_WITH_FAMILY, CaseOutcome.ALTERNATIVE_CARE,
					CaseOutcome.SOCIAL_PROTECTION_FACILITY, CaseOutcome.MOVED_AWAY, CaseOutcome.TURNED_SIXTEEN }) : null;
			String findings = close ? "Trẻ đã ổn định, gia đình bảo vệ được trẻ" : "Nguy cơ còn cao, cần kế hoạch mới";
			reviewedAt = reviewAt;
			step(close ? CaseAction.REVIEW_AND_CLOSE : CaseAction.REVIEW_AND_REPLAN, reviewAt, staff.caseWorker(),
					new Review(reviewAt, ratings, findings, close, ended, close ? null : "Lập kế hoạch chu kỳ mới"),
					findings);
			if (close) {
				outcome = ended;
				closedAt = reviewAt;
				closureReason = findings;
			}
			else {
				watch();
				cycle++;
				planApproved = null;
				planDue = deadlineRules.planDue(rule, reviewAt);
				reviewDueOn = null;
				reviewedAt = null;
			}
			return true;
		}

		/** A few closed cases are opened again for a new concern, with new deadlines from then. */
		private boolean maybeReopen() {
			if (cycle > 2 || closedAt == null || random.nextInt(100) >= 3) {
				return false;
			}
			LocalDateTime at = closedAt.plusDays(30 + random.nextInt(200));
			if (!reached(at)) {
				return false;
			}
			watch();
			DeadlineRules.DueDates due = deadlineRules.dueDates(rule, at);
			closedAt = null;
			closureReason = null;
			outcome = null;
			cycle++;
			emergencyRequired = null;
			emergencyTaken = null;
			emergencyDue = due.emergencyDueAt();
			planApproved = null;
			planDue = due.planDueAt();
			firstPlanDue = firstPlanApproved == null ? planDue : firstPlanDue;
			reviewDueOn = null;
			reviewedAt = null;
			step(CaseAction.REOPEN, at, staff.officer(), null, "Tiếp nhận thông báo mới về trẻ");
			return true;
		}

		private void emergency() {
			LocalDateTime at = random.nextInt(100) < 85 ? later(2) : emergencyDue.plusHours(1 + random.nextInt(36));
			if (at.isBefore(now)) {
				at = now.plusMinutes(30);
			}
			if (!reached(at)) {
				return;
			}
			EmergencyMeasure measure = new EmergencyMeasure(at,
					Set.of(EmergencyMeasureKind.TEMPORARY_ISOLATION_FROM_ABUSER, EmergencyMeasureKind.TEMPORARY_SAFE_PLACE),
					staff.chairman().displayName(), (10 + random.nextInt(90)) + "/QĐ-UBND",
					"Tách trẻ khỏi người gây hại", "Trẻ ở với bà ngoại", at.toLocalDate().plusDays(30));
			emergencyTaken = at;
			emergencyRequired = true;
			step(CaseAction.TAKE_EMERGENCY_MEASURE, at, staff.chairman(), measure, null);
		}

		private void classify(LocalDateTime assessed) {
			LocalDateTime at = assessed.plusMinutes(10 + random.nextInt(600));
			if (!reached(at)) {
				return;
			}
			Set<AbuseForm> forms = EnumSet.of(form);
			if (random.nextInt(100) < 10) {
				forms.add(FORMS[random.nextInt(FORMS.length)]);
			}
			Set<AbuseSubtype> subtypes = EnumSet.noneOf(AbuseSubtype.class);
			for (AbuseSubtype subtype : AbuseSubtype.values()) {
				if (forms.contains(subtype.form()) && random.nextInt(100) < 40) {
					subtypes.add(subtype);
				}
			}
			AbuseSetting setting = pick(new AbuseSetting[] { AbuseSetting.FAMILY, AbuseSetting.FAMILY, AbuseSetting.FAMILY,
					AbuseSetting.COMMUNITY, AbuseSetting.SCHOOL, AbuseSetting.ONLINE, AbuseSetting.WORKPLACE });
			PerpetratorType perpetrator = pick(new PerpetratorType[] { PerpetratorType.PARENT, PerpetratorType.PARENT,
					PerpetratorType.STEP_PARENT, PerpetratorType.RELATIVE, PerpetratorType.ACQUAINTANCE,
					PerpetratorType.NEIGHBOUR, PerpetratorType.STRANGER, PerpetratorType.TEACHER,
					PerpetratorType.ANOTHER_CHILD, PerpetratorType.UNKNOWN });
			classification = new Classification(random.nextInt(100) < 70, forms, subtypes, setting, perpetrator,
					perpetrator == PerpetratorType.PARENT ? "Cha" : null);
			step(CaseAction.CLASSIFY, at, staff.caseWorker(), null, null);
		}

		private void closeBy(CaseAction action, LocalDateTime at, CaseOutcome ended, String reason) {
			outcome = ended;
			closedAt = at;
			closureReason = reason;
			step(action, at, staff.caseWorker(), null, reason);
		}

		/**
		 * What the deadline watch would have done by {@code asOf}: an alert before each deadline and at each breach,
		 * and the escalation of the case at its first breach.
		 */
		private void watch() {
			List<Object[]> breaches = new ArrayList<>();
			// the emergency deadline runs until measures are taken, or an assessment finds them not needed
			LocalDateTime emergencyEnd = emergencyTaken != null ? emergencyTaken
					: Boolean.FALSE.equals(emergencyRequired)
							? batch.firstTime(caseId, CaseAction.ASSESS_INITIAL.name(), cycle) : closedAt;
			alert("EMERGENCY", emergencyDue, emergencyEnd, Duration.ofHours(3), breaches);
			alert("PLAN", planDue, planApproved != null ? planApproved : closedAt, Duration.ofDays(1), breaches);
			if (reviewDueOn != null) {
				alert("REVIEW", reviewDueOn.atTime(DeadlineRules.END_OF_DAY), reviewedAt != null ? reviewedAt : closedAt,
						Duration.ofDays(1), breaches);
			}
			breaches.stream().min(Comparator.comparing(b -> (LocalDateTime) b[0])).ifPresent(first -> {
				if (escalatedAt == null) {
					escalatedAt = (LocalDateTime) first[0];
					escalationReason = "casework.escalation.deadline-missed." + first[1];
				}
			});
		}

		private void alert(String deadline, LocalDateTime due, LocalDateTime done, Duration notice,
				List<Object[]> breaches) {
			LocalDateTime warned = due.minus(notice);
			if ((done == null || done.isAfter(warned)) && reached(warned)) {
				batch.alert(caseId, deadline, cycle, "APPROACHING", warned.plusMinutes(1));
			}
			if ((done == null || done.isAfter(due)) && reached(due)) {
				batch.alert(caseId, deadline, cycle, "BREACHED", due.plusMinutes(1));
				breaches.add(new Object[] { due.plusMinutes(1), deadline });
			}
		}

		private void report(LocalDateTime at, boolean joined) {
			boolean hotline = batch.report(this, at, joined);
			step(joined ? "REPORT_JOINED" : "RECEIVED", at, hotline ? null : staff.officer(), null, batch.lastReference);
		}

		private void joinedReport() {
			LocalDateTime at = receivedAt.plusDays(1 + random.nextInt(60));
			if (reached(at)) {
				batch.pendingJoins.add(new Object[] { this, at });
			}
		}

		/** The time of the next step: the step's usual hours, at this case's pace, never before the previous step. */
		private LocalDateTime later(int usualHours) {
			double hours = usualHours * pace * (0.5 + random.nextDouble());
			return now.plusMinutes(Math.max(10, Math.round(hours * 60))).withSecond(0).withNano(0);
		}

		private boolean reached(LocalDateTime at) {
			return !at.isAfter(asOf);
		}

		private void step(CaseAction action, LocalDateTime at, StaffGenerator.Official actor, Object content, String note) {
			CaseStage next = stage.after(action).orElseThrow(() -> new IllegalStateException(action + " at " + stage));
			stage = next;
			version++;
			step(action.name(), at, actor, content, note);
		}

		private void step(String kind, LocalDateTime at, StaffGenerator.Official actor, Object content, String note) {
			now = at.isAfter(now) ? at : now;
			batch.step(caseId, kind, cycle, at, actor, content, note);
		}

		/** A step of someone else (an agency answering a referral), which does not hold up the case worker's next one. */
		private void aside(String kind, LocalDateTime at, String note) {
			batch.step(caseId, kind, cycle, at, null, null, note);
		}

		private <T> T pick(T[] values) {
			return values[random.nextInt(values.length)];
		}
	}

	// --- the rows of a batch, copied at the end ---

	private static final class PlanRow {
		long id;
		long caseId;
		int cycle;
		PlanStatus status = PlanStatus.DRAFT;
		String goals;
		LocalDate reviewOn;
		StaffGenerator.Official drafter;
		LocalDateTime draftedAt;
		LocalDateTime submittedAt;
		String returnedComment;
		boolean redrafted;
		int returns;
		StaffGenerator.Official approver;
		LocalDateTime approvedAt;
		String decisionNumber;
		final List<ItemRow> items = new ArrayList<>();
	}

	private static final class ItemRow {
		long id;
		int position;
		ServiceKind service;
		AgencyGenerator.Generated agency;
		String provider;
		LocalDate dueOn;
		PlanItemStatus status = PlanItemStatus.PLANNED;
		String result;
		int version;
	}

	/** Ids taken from a table's sequence in blocks, so that rows can point to rows of the same batch. */
	private final class Ids {

		private final String table;
		private List<Long> block = List.of();
		private int next;

		Ids(String table) {
			this.table = table;
		}

		long next() {
			if (next == block.size()) {
				block = bulk.ids(table, 1000);
				next = 0;
			}
			return block.get(next++);
		}
	}

	private final class Batch {

		final Ids caseIds = new Ids("casework.child_case");
		final Ids reportIds = new Ids("casework.report");
		final Ids planIds = new Ids("casework.intervention_plan");
		final Ids itemIds = new Ids("casework.plan_item");
		final Map<String, Integer> numbers = new HashMap<>();
		final Map<String, PlanRow> plans = new HashMap<>();
		final List<Object[]> pendingJoins = new ArrayList<>();
		final StringBuilder cases = new StringBuilder();
		final StringBuilder reports = new StringBuilder();
		final StringBuilder steps = new StringBuilder();
		final StringBuilder referrals = new StringBuilder();
		final StringBuilder alerts = new StringBuilder();
		final Map<Long, List<Object[]>> stepTimes = new HashMap<>();
		String lastReference;
		int caseCount;
		int reportCount;
		int stepCount;
		int referralCount;

		PlanRow plan(CaseRun run) {
			return plans.get(run.caseId + "/" + run.cycle);
		}

		PlanRow newPlan(CaseRun run, LocalDateTime at) {
			PlanRow plan = new PlanRow();
			plan.id = planIds.next();
			plan.caseId = run.caseId;
			plan.cycle = run.cycle;
			plan.goals = "Bảo đảm an toàn, phục hồi sức khỏe và tâm lý cho trẻ";
			plan.drafter = run.staff.caseWorker();
			plan.approver = run.staff.chairman();
			plan.draftedAt = at;
			plan.reviewOn = at.toLocalDate().plusDays(30 + run.random.nextInt(60));
			int services = 1 + run.random.nextInt(4);
			List<ServiceKind> kinds = new ArrayList<>(List.of(ServiceKind.PSYCHOLOGICAL_SUPPORT, ServiceKind.MEDICAL_CARE,
					ServiceKind.EDUCATION_SUPPORT, ServiceKind.FAMILY_SUPPORT, ServiceKind.LEGAL_AID,
					ServiceKind.POLICE_PROTECTION, ServiceKind.SOCIAL_ALLOWANCE, ServiceKind.SAFE_SHELTER));
			for (int i = 0; i < services; i++) {
				ItemRow item = new ItemRow();
				item.id = itemIds.next();
				item.position = i + 1;
				item.service = kinds.remove(run.random.nextInt(kinds.size()));
				item.agency = run.agencies.get(switch (item.service) {
					case MEDICAL_CARE -> AgencyKind.HEALTH_FACILITY;
					case POLICE_PROTECTION -> AgencyKind.POLICE;
					case LEGAL_AID -> AgencyKind.JUSTICE;
					case EDUCATION_SUPPORT -> AgencyKind.EDUCATION;
					case FAMILY_SUPPORT -> AgencyKind.WOMENS_UNION;
					case SOCIAL_ALLOWANCE -> AgencyKind.PEOPLES_COMMITTEE;
					default -> AgencyKind.SERVICE_PROVIDER;
				});
				item.provider = item.agency == null ? "UBND " + lowerFirst(run.commune.fullName()) : null;
				item.dueOn = at.toLocalDate().plusDays(7 + run.random.nextInt(50));
				plan.items.add(item);
			}
			plans.put(run.caseId + "/" + run.cycle, plan);
			return plan;
		}

		void refer(CaseRun run, ItemRow item, LocalDateTime sentAt) {
			if (!run.reached(sentAt)) {
				return;
			}
			run.step(CaseAction.REFER, sentAt, run.staff.caseWorker(), null, item.agency.name());
			ReferralStatus status = ReferralStatus.SENT;
			LocalDateTime responded = sentAt.plusHours(12 + run.random.nextInt(120));
			String responder = "Đầu mối " + lowerFirst(item.agency.name());
			String decline = null;
			String feedback = null;
			LocalDateTime feedbackAt = null;
			if (run.reached(responded) && run.random.nextInt(100) < 90) {
				status = run.random.nextInt(100) < 90 ? ReferralStatus.ACCEPTED : ReferralStatus.DECLINED;
				decline = status == ReferralStatus.DECLINED ? "Không thuộc chức năng, nhiệm vụ của cơ quan" : null;
				run.aside("REFERRAL_" + status.name(), responded, item.agency.name());
				LocalDateTime completed = responded.plusDays(5 + run.random.nextInt(40));
				if (status == ReferralStatus.ACCEPTED && run.reached(completed) && run.random.nextInt(100) < 70) {
					status = ReferralStatus.COMPLETED;
					feedback = "Đã hoàn thành hỗ trợ theo đề nghị";
					feedbackAt = completed;
					run.aside("REFERRAL_COMPLETED", completed, item.agency.name());
				}
			}
			else {
				responded = null;
			}
			Referral.Shared shared = new Referral.Shared(null,
					run.child == null ? null : java.time.Period.between(run.child.birthDate(), sentAt.toLocalDate()).getYears(),
					run.child == null ? Sex.UNKNOWN.name() : run.child.sex().name(), null, null,
					"Trẻ cần được hỗ trợ theo kế hoạch đã phê duyệt", run.staff.caseWorker().displayName(),
					run.commune.fullName());
			BulkLoad.csv(referrals, run.caseId, item.id, item.agency.id(), item.service.name(),
					"Đề nghị phối hợp hỗ trợ trẻ theo kế hoạch", records.json(shared), sentAt.toLocalDate().plusDays(5),
					CaseRecords.zoned(sentAt), run.staff.caseWorker().id(), run.staff.caseWorker().displayName(),
					status.name(), CaseRecords.zoned(responded), responded == null ? null : responder, decline, feedback,
					CaseRecords.zoned(feedbackAt));
			referralCount++;
		}

		/** Writes a report of the case; answers whether the 111 hotline received it. */
		boolean report(CaseRun run, LocalDateTime at, boolean joined) {
			long id = reportIds.next();
			lastReference = reference(id);
			ReportChannel channel = CHANNELS[run.random.nextInt(CHANNELS.length)];
			boolean hotline = channel == ReportChannel.HOTLINE_111;
			boolean linkedAtIntake = run.child != null && (joined || run.linked || run.random.nextInt(100) < 82);
			RegisterGenerator.Generated child = run.child;
			String someone = pick(run, INFORMANT_NAMES);
			String name = child != null ? child.fullName()
					: run.random.nextInt(3) == 0 ? null : "Cháu " + someone.substring(someone.lastIndexOf(' ') + 1);
			Sex sex = child != null ? child.sex() : run.random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
			LocalDate birth = child != null ? child.birthDate()
					: LocalDate.of(at.getYear() - 3 - run.random.nextInt(12), 1, 1);
			boolean informant = run.random.nextInt(100) < 60;
			String place = "Thôn " + (1 + run.random.nextInt(8)) + ", " + lowerFirst(run.commune.fullName());
			BulkLoad.csv(reports, id, lastReference, channel.name(), CaseRecords.zoned(at), CaseRecords.zoned(at.plusMinutes(5)),
					hotline ? null : run.staff.officer().id(), hotline ? "Tổng đài viên 111" : run.staff.officer().displayName(),
					false, hotline ? "111-" + id : null, linkedAtIntake ? child.id() : null, name, sex.name(), birth,
					child == null, place, run.commune.id(), place, run.commune.id(), CONDITIONS.get(run.form),
					"Trẻ có thể bị tổn hại nghiêm trọng nếu không được can thiệp", "Cha mẹ làm ăn xa", "Ông bà nội",
					hotline ? "Đã hướng dẫn người gọi giữ an toàn cho trẻ" : null, "{" + run.form.name() + "}",
					informant ? pick(run, INFORMANT_NAMES) : null,
					informant ? "09" + (10_000_000 + run.random.nextInt(89_999_999)) : null, null,
					informant ? pick(run, INFORMANT_RELATIONS) : null, run.commune.id(), run.commune.provinceCode(),
					run.caseId, joined);
			reportCount++;
			if (!joined) {
				run.linked = linkedAtIntake;
				run.reportedName = name;
				run.reportedSex = sex;
				run.reportedBirthDate = birth;
			}
			return hotline;
		}

		void step(long caseId, String kind, int cycle, LocalDateTime at, StaffGenerator.Official actor, Object content,
				String note) {
			BulkLoad.csv(steps, caseId, kind, cycle, CaseRecords.zoned(at), actor == null ? null : actor.id(),
					actor == null ? "Tổng đài viên 111" : actor.displayName(), content == null ? null : records.json(content),
					note);
			stepTimes.computeIfAbsent(caseId, k -> new ArrayList<>()).add(new Object[] { kind, cycle, at });
			stepCount++;
		}

		LocalDateTime firstTime(long caseId, String kind, int cycle) {
			return stepTimes.getOrDefault(caseId, List.of()).stream().filter(s -> s[0].equals(kind) && (int) s[1] == cycle)
				.map(s -> (LocalDateTime) s[2]).findFirst().orElse(null);
		}

		void alert(long caseId, String deadline, int cycle, String kind, LocalDateTime at) {
			BulkLoad.csv(alerts, caseId, deadline, cycle, kind, CaseRecords.zoned(at));
		}

		void writeCase(CaseRun run) {
			for (Object[] join : new ArrayList<>(pendingJoins)) {
				if (join[0] == run) {
					LocalDateTime at = (LocalDateTime) join[1];
					if (run.closedAt == null || at.isBefore(run.closedAt)) {
						report(run, at, true);
						step(run.caseId, "REPORT_JOINED", run.cycle, at, null, null, lastReference);
					}
					pendingJoins.remove(join);
				}
			}
			RegisterGenerator.Generated child = run.linked ? run.child : null;
			Classification c = run.classification;
			BulkLoad.csv(cases, run.caseId, run.number, run.commune.id(), run.commune.provinceCode(),
					child == null ? null : child.id(), child != null ? child.fullName() : run.reportedName,
					child != null ? child.sex().name() : run.reportedSex.name(),
					child != null ? child.birthDate() : run.reportedBirthDate,
					child != null ? child.birthDateEstimated() : run.reportedBirthDate != null, run.stage.name(), run.cycle,
					CaseRecords.zoned(run.receivedAt), CaseRecords.zoned(run.receivedAt.plusMinutes(5)),
					run.staff.caseWorker().id(), run.staff.caseWorker().displayName(), CaseRecords.zoned(run.escalatedAt),
					run.escalationReason, run.risk == null ? null : run.risk.name(), run.emergencyRequired,
					CaseRecords.zoned(run.emergencyDue), CaseRecords.zoned(run.emergencyTaken), CaseRecords.zoned(run.planDue),
					CaseRecords.zoned(run.planApproved), CaseRecords.zoned(run.firstPlanDue),
					CaseRecords.zoned(run.firstPlanApproved), run.reviewDueOn, CaseRecords.zoned(run.reviewedAt),
					c.abuseConfirmed(), array(c.forms()), array(c.subtypes()),
					c.setting() == null ? null : c.setting().name(),
					c.perpetratorType() == null ? null : c.perpetratorType().name(), c.perpetratorRelationship(),
					run.outcome == null ? null : run.outcome.name(), CaseRecords.zoned(run.closedAt), run.closureReason,
					run.version);
			caseCount++;
		}

		void write() {
			StringBuilder numberRows = new StringBuilder();
			numbers.forEach((key, last) -> BulkLoad.csv(numberRows, Long.parseLong(key.substring(0, key.indexOf('/'))),
					Integer.parseInt(key.substring(key.indexOf('/') + 1)), last));
			// a commune may already have numbers of the year (the demo's cases): the generated ones continue them
			jdbc.sql("CREATE TEMPORARY TABLE generated_case_number (unit_id BIGINT, year INT, last INT) ON COMMIT DROP")
				.update();
			bulk.copy("generated_case_number (unit_id, year, last)", numberRows);
			jdbc.sql("""
					INSERT INTO casework.case_number (unit_id, year, last) SELECT unit_id, year, last FROM generated_case_number
					ON CONFLICT (unit_id, year) DO UPDATE SET last = GREATEST(casework.case_number.last, EXCLUDED.last)""")
				.update();
			bulk.copy("""
					casework.child_case (id, number, unit_id, province_code, child_id, child_name, child_sex, child_birth_date,
					child_birth_estimated, stage, cycle, received_at, opened_at, case_worker_id, case_worker_name,
					escalated_at, escalation_reason, risk_level, emergency_required, emergency_due_at, emergency_taken_at,
					plan_due_at, plan_approved_at, first_plan_due_at, first_plan_approved_at, review_due_on, reviewed_at,
					abuse_confirmed, abuse_forms, abuse_subtypes, setting, perpetrator_type, perpetrator_relationship,
					outcome, closed_at, closure_reason, version)""", cases);
			bulk.copy("""
					casework.report (id, reference, channel, received_at, recorded_at, received_by_id, received_by_name,
					from_public, external_reference, child_id, child_name, child_sex, child_birth_date, child_birth_estimated,
					child_address, child_unit_id, place, place_unit_id, condition, consequences, parents, caregiver,
					actions_taken, suspected_forms, informant_name, informant_phone, informant_address, informant_relation,
					unit_id, province_code, case_id, joined_open_case)""", reports);
			bulk.copy("casework.case_step (case_id, step, cycle, taken_at, actor_id, actor_name, content, note)", steps);
			StringBuilder planRows = new StringBuilder();
			StringBuilder itemRows = new StringBuilder();
			for (PlanRow plan : plans.values()) {
				BulkLoad.csv(planRows, plan.id, plan.caseId, plan.cycle, plan.status.name(), plan.goals, null, plan.reviewOn,
						plan.drafter.id(), plan.drafter.displayName(), CaseRecords.zoned(plan.draftedAt),
						CaseRecords.zoned(plan.submittedAt), plan.returnedComment,
						plan.approvedAt == null ? null : plan.approver.id(),
						plan.approvedAt == null ? null : plan.approver.displayName(), CaseRecords.zoned(plan.approvedAt),
						plan.decisionNumber, plan.returns + (plan.submittedAt == null ? 0 : 1) + (plan.approvedAt == null ? 0 : 1));
				for (ItemRow item : plan.items) {
					BulkLoad.csv(itemRows, item.id, plan.id, item.position, item.service.name(), null,
							item.agency == null ? null : item.agency.id(), item.provider, item.dueOn, item.status.name(),
							item.result, item.version);
				}
			}
			bulk.copy("""
					casework.intervention_plan (id, case_id, cycle, status, goals, content, review_on, drafted_by_id,
					drafted_by_name, drafted_at, submitted_at, returned_comment, approved_by_id, approved_by_name, approved_at,
					decision_number, version)""", planRows);
			bulk.copy("casework.plan_item (id, plan_id, position, service, description, agency_id, provider_name, due_on, "
					+ "status, result, version)", itemRows);
			bulk.copy("""
					casework.referral (case_id, plan_item_id, agency_id, service, request, shared, respond_by, sent_at,
					sent_by_id, sent_by_name, status, responded_at, responded_by_name, decline_reason, feedback, feedback_at)""",
					referrals);
			bulk.copy("casework.deadline_alert (case_id, deadline, cycle, kind, sent_at)", alerts);
		}

		Generated generated() {
			return new Generated(caseCount, reportCount, stepCount, plans.size(), referralCount);
		}
	}

	private static String array(Set<? extends Enum<?>> values) {
		return "{" + String.join(",", values.stream().map(Enum::name).sorted().toList()) + "}";
	}

	/** TB- and eight characters of Crockford's alphabet, from the report's id scrambled: unique, not sequential. */
	static String reference(long id) {
		long scrambled = (id * 0x9E3779B1L) & ((1L << 40) - 1);
		StringBuilder reference = new StringBuilder("TB-");
		for (int i = 0; i < 8; i++) {
			reference.append(ALPHABET.charAt((int) (scrambled >>> (35 - 5 * i)) & 31));
			if (i == 3) {
				reference.append('-');
			}
		}
		return reference.toString();
	}

	private static String pick(CaseRun run, String[] values) {
		return values[run.random.nextInt(values.length)];
	}

	private static String lowerFirst(String name) {
		return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}
}
