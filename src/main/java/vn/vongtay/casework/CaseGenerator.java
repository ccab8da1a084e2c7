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
import java.util.IdentityHashMap;
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
import vn.vongtay.identity.Role;
import vn.vongtay.identity.StaffGenerator;

/**
 * Invented reports and cases for national data (benchmarks, a demo at scale), written with COPY, as the process would
 * have left them: each case is played through the steps of Nghị định 56 from its report to the generation time by
 * the same {@link CaseFile} methods the application calls, with a clock of the generator's own, at a pace of its own,
 * so that recent cases are early in the process, old ones mostly closed, and some stalled past their deadlines (and
 * alerted and escalated by {@link CaseFile#watch}, as the deadline watch would have done). The rules (stages, roles,
 * forms, deadlines on the working-day calendar) are therefore the application's; only the writing differs: what each
 * file recorded is collected and copied in bulk at the end. Numbers run per commune and year after those already
 * given. Deterministic: the same seed, commune and time give the same cases. Not written: audit entries and
 * notifications (what people read and were told), and the register's groups a confirmed abuse suggests.
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
	private final CaseFiles files;
	private final DeadlineRules deadlineRules;
	private final Units units;
	private final RegisterGenerator register;

	CaseGenerator(JdbcClient jdbc, DataSource dataSource, CaseRecords records, CaseFiles files,
			DeadlineRules deadlineRules, Units units, RegisterGenerator register) {
		this.jdbc = jdbc;
		this.bulk = new BulkLoad(jdbc, dataSource);
		this.records = records;
		this.files = files;
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
		DeadlineTerms terms = deadlineRules.termsFor(commune.id());
		Officials officials = new Officials(staff);
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
			String number = CaseFiles.number(commune.code(), at.getYear(), sequence);
			RegisterGenerator.Generated child = pickChild(children, at, used, random);
			new CaseRun(batch, random, request.asOf(), commune, staff, officials, agencies, terms, number, at, child)
				.play();
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

	/** The commune's officials as they act in a case: the officer, the case worker, the chairman, and the 111 hotline. */
	private record Officials(Actor officer, Actor caseWorker, Actor chairman, Actor hotline) {

		Officials(StaffGenerator.CommuneStaff staff) {
			this(actor(staff.officer(), Role.COMMUNE_OFFICER), actor(staff.caseWorker(), Role.CASE_WORKER),
					actor(staff.chairman(), Role.COMMUNE_CHAIRMAN),
					new Actor(null, "Tổng đài viên 111", Set.of(Role.HOTLINE_OPERATOR)));
		}

		private static Actor actor(StaffGenerator.Official official, Role role) {
			return new Actor(official.id(), official.displayName(), Set.of(role));
		}
	}

	/**
	 * A case played from its report to the time of generation, step by step, through the methods of {@link CaseFile}
	 * with the run's own clock: each step at the time the run gives it, the deadline watch run up to that time before
	 * it, as the scheduled watch would have.
	 */
	private final class CaseRun {

		private final Batch batch;
		private final SplittableRandom random;
		private final LocalDateTime asOf;
		private final AdministrativeUnit commune;
		private final StaffGenerator.CommuneStaff staff;
		private final Officials officials;
		private final Map<AgencyKind, AgencyGenerator.Generated> agencies;
		private final DeadlineTerms terms;
		private final long caseId;
		private final String number;
		private final LocalDateTime receivedAt;
		private final RegisterGenerator.Generated child;
		/** How fast this commune's staff work this case: most well within the deadlines, a quarter slowly. */
		private final double pace;
		/** Whether the case stalls at some stage (work not recorded, or not done). */
		private final int stallAfter;
		private final AbuseForm form;

		private CaseFile file;
		/** The time of the latest step of the case worker's chain of work. */
		private LocalDateTime now;
		/** How far the deadline watch has run. */
		private LocalDateTime watched;
		private boolean linked;
		private boolean redrafted;
		private int returns;
		/** The child as the first report described them, until the case is linked to the register. */
		private ReportedChild reported;

		CaseRun(Batch batch, SplittableRandom random, LocalDateTime asOf, AdministrativeUnit commune,
				StaffGenerator.CommuneStaff staff, Officials officials, Map<AgencyKind, AgencyGenerator.Generated> agencies,
				DeadlineTerms terms, String number, LocalDateTime receivedAt, RegisterGenerator.Generated child) {
			this.batch = batch;
			this.random = random;
			this.asOf = asOf;
			this.commune = commune;
			this.staff = staff;
			this.officials = officials;
			this.agencies = agencies;
			this.terms = terms;
			this.caseId = batch.caseIds.next();
			this.number = number;
			this.receivedAt = receivedAt;
			this.child = child;
			this.pace = random.nextInt(100) < 75 ? 0.2 + random.nextDouble() * 0.7 : 1.2 + random.nextDouble() * 1.8;
			this.stallAfter = random.nextInt(100) < 12 ? random.nextInt(8) : Integer.MAX_VALUE;
			this.now = receivedAt;
			this.watched = receivedAt;
			this.form = FORMS[random.nextInt(FORMS.length)];
		}

		void play() {
			boolean serious = random.nextInt(100) < 15;
			boolean hotline = batch.report(this, receivedAt, false);
			file = CaseFile.open(new CaseId(caseId), number, CaseUnit.of(commune),
					linked ? registered() : reported, receivedAt, officials.caseWorker(), terms,
					receivedAt.plusMinutes(5));
			file.reportReceived(batch.lastReference, receivedAt, hotline ? officials.hotline() : officials.officer(),
					false);
			batch.absorb(this);
			if (random.nextInt(100) < 8) {
				joinedReport();
			}
			int stepsTaken = 0;
			while (file.stage() != CaseStage.CLOSED || maybeReopen()) {
				if (stepsTaken++ >= stallAfter) {
					break;
				}
				if (!advance(serious)) {
					break;
				}
			}
			watchUntil(asOf);
			batch.writeCase(this);
		}

		/** Takes the next step the stage allows, if its time has come by {@code asOf}; false when none was taken. */
		private boolean advance(boolean serious) {
			switch (file.stage()) {
				case OPENED -> {
					LocalDateTime at = later(serious ? 2 : 12);
					if (!reached(at)) {
						return false;
					}
					if (random.nextInt(100) < 12) {
						take(at, () -> file.dismiss(officials.caseWorker(), random.nextInt(5) == 0
								? CaseOutcome.NOT_A_CHILD_CASE : CaseOutcome.NO_ABUSE_FOUND,
								"Xác minh không có dấu hiệu trẻ bị xâm hại", at));
						return true;
					}
					if (child != null && !linked) {
						linked = true;
						take(at, () -> file.linkChild(officials.caseWorker(), registered(), at));
					}
					take(at, () -> file.verify(officials.caseWorker(), "Đã xác minh thông tin tại gia đình", at));
				}
				case VERIFIED -> {
					LocalDateTime at = later(serious ? 2 : 24);
					if (!reached(at)) {
						return false;
					}
					RiskLevel risk = serious ? RiskLevel.SERIOUS : new RiskLevel[] { RiskLevel.HIGH, RiskLevel.HIGH,
							RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.MEDIUM, RiskLevel.LOW, RiskLevel.LOW }[random
								.nextInt(7)];
					take(at, () -> file.assessInitial(officials.caseWorker(), new InitialAssessment(at,
							staff.caseWorker().displayName() + ", trưởng thôn", CONDITIONS.get(form),
							serious ? "Trẻ đang gặp nguy hiểm nghiêm trọng" : "Trẻ hiện an toàn với người chăm sóc", risk,
							Set.of(form), serious ? "Tách trẻ khỏi người gây hại, khám sức khỏe" : "Theo dõi, hỗ trợ tâm lý",
							serious ? "Áp dụng biện pháp khẩn cấp" : "Đánh giá chi tiết"), at));
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
					if (file.riskLevel() == RiskLevel.LOW && random.nextBoolean()) {
						take(at, () -> file.closeWithoutPlan(officials.caseWorker(), CaseOutcome.SAFE_WITH_FAMILY,
								"Trẻ an toàn, gia đình có khả năng bảo vệ trẻ", at));
						return true;
					}
					take(at, () -> file.assessDetailed(officials.caseWorker(), new DetailedAssessment(at,
							staff.caseWorker().displayName() + ", cán bộ Tổng đài 111", "Sức khỏe ổn định",
							"Trẻ lo âu, khó ngủ", "Trẻ thu mình, ít giao tiếp", "Gia đình khó khăn, cha mẹ đi làm xa",
							"Người chăm sóc còn hạn chế về kỹ năng bảo vệ trẻ", "Hỗ trợ tâm lý, y tế và giáo dục",
							file.riskLevel()), at));
				}
				case DETAILED_ASSESSED, PLANNING -> {
					return plan();
				}
				case AWAITING_APPROVAL -> {
					LocalDateTime at = later(18);
					if (!reached(at)) {
						return false;
					}
					if (returns == 0 && random.nextInt(100) < 10) {
						returns++;
						redrafted = false;
						take(at, () -> file.returnPlan(officials.chairman(),
								"Bổ sung cơ quan phối hợp và thời hạn thực hiện", at));
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

		/** The plan drafted (again, once the chairman returned it) and submitted. */
		private boolean plan() {
			CasePlan plan = file.plan().orElse(null);
			if (plan == null || plan.status() == PlanStatus.DRAFT && plan.returnedComment() != null && !redrafted) {
				LocalDateTime at = later(24);
				if (!reached(at)) {
					return false;
				}
				redrafted = plan != null;
				PlanDraft draft = draft(at);
				take(at, () -> file.draftPlan(officials.caseWorker(), draft, agency -> true, at));
				return true;
			}
			LocalDateTime at = later(12);
			if (!reached(at)) {
				return false;
			}
			take(at, () -> file.submitPlan(officials.caseWorker(), at));
			return true;
		}

		/** One to four services, each with the agency of its kind near the commune, or the commune itself. */
		private PlanDraft draft(LocalDateTime at) {
			List<ServiceKind> kinds = new ArrayList<>(List.of(ServiceKind.PSYCHOLOGICAL_SUPPORT, ServiceKind.MEDICAL_CARE,
					ServiceKind.EDUCATION_SUPPORT, ServiceKind.FAMILY_SUPPORT, ServiceKind.LEGAL_AID,
					ServiceKind.POLICE_PROTECTION, ServiceKind.SOCIAL_ALLOWANCE, ServiceKind.SAFE_SHELTER));
			int services = 1 + random.nextInt(4);
			List<PlanDraft.Item> items = new ArrayList<>();
			for (int i = 0; i < services; i++) {
				ServiceKind service = kinds.remove(random.nextInt(kinds.size()));
				AgencyGenerator.Generated agency = agencies.get(switch (service) {
					case MEDICAL_CARE -> AgencyKind.HEALTH_FACILITY;
					case POLICE_PROTECTION -> AgencyKind.POLICE;
					case LEGAL_AID -> AgencyKind.JUSTICE;
					case EDUCATION_SUPPORT -> AgencyKind.EDUCATION;
					case FAMILY_SUPPORT -> AgencyKind.WOMENS_UNION;
					case SOCIAL_ALLOWANCE -> AgencyKind.PEOPLES_COMMITTEE;
					default -> AgencyKind.SERVICE_PROVIDER;
				});
				if (agency != null) {
					batch.agencyNames.put(agency.id(), agency.name());
				}
				items.add(new PlanDraft.Item(service, null, agency == null ? null : agency.id(),
						agency == null ? "UBND " + lowerFirst(commune.fullName()) : null,
						at.toLocalDate().plusDays(7 + random.nextInt(50))));
			}
			return new PlanDraft("Bảo đảm an toàn, phục hồi sức khỏe và tâm lý cho trẻ", items,
					at.toLocalDate().plusDays(30 + random.nextInt(60)), null);
		}

		private void approve(LocalDateTime at) {
			take(at, () -> file.approvePlan(officials.chairman(), (100 + random.nextInt(800)) + "/QĐ-UBND",
					"Phê duyệt kế hoạch hỗ trợ, can thiệp", at));
			for (CasePlan.Item item : file.plan().orElseThrow().items()) {
				if (item.agencyId() != null && random.nextInt(100) < 60) {
					batch.refer(this, item, at.plusHours(1 + random.nextInt(72)));
				}
			}
		}

		private boolean implementAndReview() {
			CasePlan plan = file.plan().orElseThrow();
			LocalDate reviewOn = plan.reviewOn();
			LocalDateTime reviewAt = reviewOn.atTime(8 + random.nextInt(9), random.nextInt(60))
				.plusDays(random.nextInt(100) < 80 ? -random.nextInt(4) : 1 + random.nextInt(20));
			for (CasePlan.Item item : plan.items()) {
				LocalDateTime started = plan.approvedAt().plusDays(1 + random.nextInt(7));
				long itemId = item.id().orElseThrow();
				if (item.status() == PlanItemStatus.PLANNED && reached(started) && started.isBefore(reviewAt)) {
					PlanItemStatus to = random.nextInt(100) < 4 ? PlanItemStatus.CANCELLED : PlanItemStatus.IN_PROGRESS;
					take(started, () -> file.updatePlanItem(officials.caseWorker(), itemId, item.version(), to, null,
							started));
				}
				LocalDateTime done = item.dueOn().atTime(10, 0);
				if (item.status() == PlanItemStatus.IN_PROGRESS && reached(done) && done.isBefore(reviewAt)
						&& random.nextInt(100) < 85) {
					take(done, () -> file.updatePlanItem(officials.caseWorker(), itemId, item.version(),
							PlanItemStatus.DONE, "Đã thực hiện", done));
				}
			}
			if (!reached(reviewAt) || reviewAt.isBefore(now)) {
				return false;
			}
			boolean close = file.cycle() > 1 || random.nextInt(100) < 80;
			Map<ReviewCriterion, Rating> ratings = new EnumMap<>(ReviewCriterion.class);
			for (ReviewCriterion criterion : ReviewCriterion.values()) {
				boolean good = criterion == ReviewCriterion.SELF_PROTECTION_AND_RECOVERY;
				ratings.put(criterion, close == good ? Rating.HIGH : random.nextBoolean() ? Rating.LOW : Rating.MEDIUM);
			}
			CaseOutcome ended = close ? pick(new CaseOutcome[] { CaseOutcome.SAFE_WITH_FAMILY,
					CaseOutcome.SAFE_WITH_FAMILY, CaseOutcome.SAFE_WITH_FAMILY, CaseOutcome.ALTERNATIVE_CARE,
					CaseOutcome.SOCIAL_PROTECTION_FACILITY, CaseOutcome.MOVED_AWAY, CaseOutcome.TURNED_SIXTEEN }) : null;
			String findings = close ? "Trẻ đã ổn định, gia đình bảo vệ được trẻ" : "Nguy cơ còn cao, cần kế hoạch mới";
			Review review = new Review(reviewAt, ratings, findings, close, ended, close ? null : "Lập kế hoạch chu kỳ mới");
			take(reviewAt, () -> file.review(officials.caseWorker(), review, terms, reviewAt));
			redrafted = false;
			returns = 0;
			return true;
		}

		/** A few closed cases are opened again for a new concern, with new deadlines from then. */
		private boolean maybeReopen() {
			if (file.cycle() > 2 || file.closedAt() == null || random.nextInt(100) >= 3) {
				return false;
			}
			LocalDateTime at = file.closedAt().plusDays(30 + random.nextInt(200));
			if (!reached(at)) {
				return false;
			}
			take(at, () -> file.reopen(officials.officer(), "Tiếp nhận thông báo mới về trẻ", terms, at));
			redrafted = false;
			returns = 0;
			return true;
		}

		private void emergency() {
			LocalDateTime planned = random.nextInt(100) < 85 ? later(2)
					: file.deadlines(now).get(0).dueAt().plusHours(1 + random.nextInt(36));
			LocalDateTime at = planned.isBefore(now) ? now.plusMinutes(30) : planned;
			if (!reached(at)) {
				return;
			}
			EmergencyMeasure measure = new EmergencyMeasure(at,
					Set.of(EmergencyMeasureKind.TEMPORARY_ISOLATION_FROM_ABUSER, EmergencyMeasureKind.TEMPORARY_SAFE_PLACE),
					staff.chairman().displayName(), (10 + random.nextInt(90)) + "/QĐ-UBND",
					"Tách trẻ khỏi người gây hại", "Trẻ ở với bà ngoại", at.toLocalDate().plusDays(30));
			take(at, () -> file.takeEmergencyMeasure(officials.chairman(), measure, at));
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
			Classification classification = new Classification(random.nextInt(100) < 70, forms, subtypes, setting,
					perpetrator, perpetrator == PerpetratorType.PARENT ? "Cha" : null);
			take(at, () -> file.classify(officials.caseWorker(), classification, at));
		}

		/**
		 * A step of the case's chain of work at {@code at}: the deadline watch first runs up to then, as the scheduled
		 * watch would have; the step is then taken and what it recorded written to the batch.
		 */
		private void take(LocalDateTime at, Runnable step) {
			watchUntil(at);
			step.run();
			batch.absorb(this);
			now = at.isAfter(now) ? at : now;
		}

		/** The deadline watch, once a minute after each alert falls due, up to {@code until} (never past asOf). */
		private void watchUntil(LocalDateTime until) {
			LocalDateTime end = until.isAfter(asOf) ? asOf : until;
			while (true) {
				LocalDateTime next = file.nextAlertAt(batch.notice).map(t -> t.plusMinutes(1)).orElse(null);
				if (next == null || next.isAfter(end)) {
					return;
				}
				watched = next.isAfter(watched) ? next : watched;
				file.watch(watched, batch.notice);
				batch.absorb(this);
			}
		}

		private void joinedReport() {
			LocalDateTime at = receivedAt.plusDays(1 + random.nextInt(60));
			if (reached(at)) {
				batch.pendingJoins.add(new PendingJoin(this, at));
			}
		}

		private ReportedChild registered() {
			return new ReportedChild(child.id(), child.fullName(), child.sex(), child.birthDate(),
					child.birthDateEstimated());
		}

		/** The time of the next step: the step's usual hours, at this case's pace, never before the previous step. */
		private LocalDateTime later(int usualHours) {
			double hours = usualHours * pace * (0.5 + random.nextDouble());
			return now.plusMinutes(Math.max(10, Math.round(hours * 60))).withSecond(0).withNano(0);
		}

		private boolean reached(LocalDateTime at) {
			return !at.isAfter(asOf);
		}

		private <T> T pick(T[] values) {
			return values[random.nextInt(values.length)];
		}
	}

	/** A later report about the child of a case, written when the case is (if it was still open then). */
	private record PendingJoin(CaseRun run, LocalDateTime at) {
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

	/** The rows of a batch, copied at the end: what each case file recorded, as {@link CaseFiles} would store it. */
	private final class Batch {

		final DeadlineNotice notice = files.notice();
		final Ids caseIds = new Ids("casework.child_case");
		final Ids reportIds = new Ids("casework.report");
		final Ids planIds = new Ids("casework.intervention_plan");
		final Ids itemIds = new Ids("casework.plan_item");
		final Ids referralIds = new Ids("casework.referral");
		final Map<String, Integer> numbers = new HashMap<>();
		final Map<Long, String> agencyNames = new HashMap<>();
		final List<CasePlan> plans = new ArrayList<>();
		final Map<CasePlan, Long> planCases = new IdentityHashMap<>();
		final List<PendingJoin> pendingJoins = new ArrayList<>();
		final StringBuilder cases = new StringBuilder();
		final StringBuilder reports = new StringBuilder();
		final StringBuilder steps = new StringBuilder();
		final StringBuilder referrals = new StringBuilder();
		final StringBuilder alerts = new StringBuilder();
		String lastReference;
		int caseCount;
		int reportCount;
		int stepCount;
		int referralCount;

		/** Writes what the file recorded since the last time, and gives new plans and services their ids. */
		void absorb(CaseRun run) {
			CaseFile file = run.file;
			for (CaseFile.Step step : file.steps()) {
				BulkLoad.csv(steps, run.caseId, step.kind(), step.cycle(), CaseRecords.zoned(step.at()),
						step.actor() == null ? null : step.actor().id(),
						step.actor() == null ? Actor.SYSTEM_NAME : step.actor().name(),
						step.content() == null ? null : records.json(step.content()), step.note());
				stepCount++;
			}
			for (CaseFile.Alert alert : file.alerts()) {
				BulkLoad.csv(alerts, run.caseId, alert.deadline().name(), alert.cycle(), alert.kind().name(),
						CaseRecords.zoned(alert.sentAt()));
			}
			file.plan().ifPresent(plan -> {
				if (!planCases.containsKey(plan)) {
					planCases.put(plan, run.caseId);
					plans.add(plan);
				}
				plan.items().stream().filter(i -> i.id().isEmpty()).forEach(i -> i.identify(itemIds.next()));
				plan.stored(plan.id().orElseGet(planIds::next));
			});
			file.stored(null);
		}

		void refer(CaseRun run, CasePlan.Item item, LocalDateTime sentAt) {
			if (!run.reached(sentAt)) {
				return;
			}
			long id = referralIds.next();
			String agency = agencyNames.get(item.agencyId());
			run.take(sentAt, () -> run.file.referralSent(run.officials.caseWorker(), id, item.agencyId(), agency, sentAt));
			ReferralStatus status = ReferralStatus.SENT;
			LocalDateTime responded = sentAt.plusHours(12 + run.random.nextInt(120));
			Actor responder = new Actor(null, "Đầu mối " + lowerFirst(agency), Set.of(Role.AGENCY_FOCAL_POINT));
			String decline = null;
			String accepted = null;
			String feedback = null;
			LocalDateTime feedbackAt = null;
			if (run.reached(responded) && run.random.nextInt(100) < 90) {
				status = run.random.nextInt(100) < 90 ? ReferralStatus.ACCEPTED : ReferralStatus.DECLINED;
				decline = status == ReferralStatus.DECLINED ? "Không thuộc chức năng, nhiệm vụ của cơ quan" : null;
				accepted = status == ReferralStatus.ACCEPTED ? "Đã tiếp nhận đề nghị" : null;
				// the agency's answer does not hold up the case worker's next step
				run.file.referralAnswered(responder, id, item.agencyId(), agency, status,
						decline != null ? decline : accepted, responded);
				LocalDateTime completed = responded.plusDays(5 + run.random.nextInt(40));
				if (status == ReferralStatus.ACCEPTED && run.reached(completed) && run.random.nextInt(100) < 70) {
					status = ReferralStatus.COMPLETED;
					feedback = "Đã hoàn thành hỗ trợ theo đề nghị";
					feedbackAt = completed;
					run.file.referralAnswered(responder, id, item.agencyId(), agency, status, feedback, completed);
				}
				absorb(run);
			}
			else {
				responded = null;
			}
			Referral.Shared shared = new Referral.Shared(null,
					run.child == null ? null : java.time.Period.between(run.child.birthDate(), sentAt.toLocalDate()).getYears(),
					run.child == null ? Sex.UNKNOWN.name() : run.child.sex().name(), null, null,
					"Trẻ cần được hỗ trợ theo kế hoạch đã phê duyệt", run.staff.caseWorker().displayName(),
					run.commune.fullName());
			BulkLoad.csv(referrals, id, run.caseId, item.id().orElseThrow(), item.agencyId(), item.service().name(),
					"Đề nghị phối hợp hỗ trợ trẻ theo kế hoạch", records.json(shared), sentAt.toLocalDate().plusDays(5),
					CaseRecords.zoned(sentAt), run.staff.caseWorker().id(), run.staff.caseWorker().displayName(),
					status.name(), CaseRecords.zoned(responded), responded == null ? null : responder.name(), decline,
					feedback != null ? feedback : accepted, CaseRecords.zoned(feedbackAt));
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
				run.reported = new ReportedChild(null, name, sex, birth, child == null);
			}
			return hotline;
		}

		void writeCase(CaseRun run) {
			for (PendingJoin join : new ArrayList<>(pendingJoins)) {
				if (join.run() == run) {
					LocalDateTime closedAt = run.file.closedAt();
					if (closedAt == null || join.at().isBefore(closedAt)) {
						boolean hotline = report(run, join.at(), true);
						run.file.reportReceived(lastReference, join.at(),
								hotline ? run.officials.hotline() : run.officials.officer(), true);
						absorb(run);
					}
					pendingJoins.remove(join);
				}
			}
			CaseFile.State c = run.file.state();
			CaseFile.Derived derived = run.file.derived(notice);
			ReportedChild child = c.child();
			Classification k = c.classification();
			BulkLoad.csv(cases, run.caseId, c.number(), c.unitId(), c.provinceCode(), child.registerId(), child.name(),
					child.sex().name(), child.birthDate(), child.birthEstimated(), c.stage().name(), c.cycle(),
					CaseRecords.zoned(c.receivedAt()), CaseRecords.zoned(c.openedAt()), c.caseWorkerId(),
					c.caseWorkerName(), CaseRecords.zoned(c.escalatedAt()), c.escalationReason(),
					c.riskLevel() == null ? null : c.riskLevel().name(), c.emergencyRequired(),
					CaseRecords.zoned(c.emergencyDueAt()), CaseRecords.zoned(c.emergencyTakenAt()),
					CaseRecords.zoned(c.planDueAt()), CaseRecords.zoned(c.planApprovedAt()),
					CaseRecords.zoned(c.firstPlanDueAt()), CaseRecords.zoned(c.firstPlanApprovedAt()), c.reviewDueOn(),
					CaseRecords.zoned(c.reviewedAt()), k.abuseConfirmed(), array(k.forms()), array(k.subtypes()),
					k.setting() == null ? null : k.setting().name(),
					k.perpetratorType() == null ? null : k.perpetratorType().name(), k.perpetratorRelationship(),
					c.outcome() == null ? null : c.outcome().name(), CaseRecords.zoned(c.closedAt()), c.closureReason(),
					CaseRecords.zoned(derived.nextDueAt()), CaseRecords.zoned(derived.nextAlertAt()), c.version());
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
					outcome, closed_at, closure_reason, next_due_at, next_alert_at, version)""", cases);
			bulk.copy("""
					casework.report (id, reference, channel, received_at, recorded_at, received_by_id, received_by_name,
					from_public, external_reference, child_id, child_name, child_sex, child_birth_date, child_birth_estimated,
					child_address, child_unit_id, place, place_unit_id, condition, consequences, parents, caregiver,
					actions_taken, suspected_forms, informant_name, informant_phone, informant_address, informant_relation,
					unit_id, province_code, case_id, joined_open_case)""", reports);
			bulk.copy("casework.case_step (case_id, step, cycle, taken_at, actor_id, actor_name, content, note)", steps);
			StringBuilder planRows = new StringBuilder();
			StringBuilder itemRows = new StringBuilder();
			for (CasePlan plan : plans) {
				long planId = plan.id().orElseThrow();
				BulkLoad.csv(planRows, planId, planCases.get(plan), plan.cycle(), plan.status().name(), plan.goals(),
						plan.notes() == null ? null : records.json(Map.of("notes", plan.notes())), plan.reviewOn(),
						plan.draftedById(), plan.draftedByName(), CaseRecords.zoned(plan.draftedAt()),
						CaseRecords.zoned(plan.submittedAt()), plan.returnedComment(), plan.approvedById(),
						plan.approvedByName(), CaseRecords.zoned(plan.approvedAt()), plan.decisionNumber(), plan.version());
				for (CasePlan.Item item : plan.items()) {
					BulkLoad.csv(itemRows, item.id().orElseThrow(), planId, item.position(), item.service().name(),
							item.description(), item.agencyId(), item.providerName(), item.dueOn(), item.status().name(),
							item.result(), item.version());
				}
			}
			bulk.copy("""
					casework.intervention_plan (id, case_id, cycle, status, goals, content, review_on, drafted_by_id,
					drafted_by_name, drafted_at, submitted_at, returned_comment, approved_by_id, approved_by_name, approved_at,
					decision_number, version)""", planRows);
			bulk.copy("casework.plan_item (id, plan_id, position, service, description, agency_id, provider_name, due_on, "
					+ "status, result, version)", itemRows);
			bulk.copy("""
					casework.referral (id, case_id, plan_item_id, agency_id, service, request, shared, respond_by, sent_at,
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
