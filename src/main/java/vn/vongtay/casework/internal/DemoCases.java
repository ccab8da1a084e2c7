package vn.vongtay.casework.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.AbuseSetting;
import vn.vongtay.casework.AbuseSubtype;
import vn.vongtay.casework.CaseOutcome;
import vn.vongtay.casework.CaseProcess;
import vn.vongtay.casework.Classification;
import vn.vongtay.casework.DetailedAssessment;
import vn.vongtay.casework.InitialAssessment;
import vn.vongtay.casework.PerpetratorType;
import vn.vongtay.casework.PlanDraft;
import vn.vongtay.casework.PlanMeeting;
import vn.vongtay.casework.Rating;
import vn.vongtay.casework.ReferralDraft;
import vn.vongtay.casework.Referrals;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.casework.Reports;
import vn.vongtay.casework.Review;
import vn.vongtay.casework.ReviewCriterion;
import vn.vongtay.casework.RiskLevel;
import vn.vongtay.casework.ServiceKind;
import vn.vongtay.children.ChildQuery;
import vn.vongtay.children.ChildSummary;
import vn.vongtay.children.Children;
import vn.vongtay.children.Sex;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;

/**
 * Invented casework in Xã Tuần Giáo (xa.a, cb.a, chutich.a) and one case in Xã Quài Tở (xa.b), each taken through the
 * process by the demo accounts as a person would: a case being implemented with a referral the commune police
 * accepted; one just reported by the 111 hotline; one whose plan is overdue; one reviewed and closed.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "vongtay.demo.enabled", havingValue = "true")
class DemoCases implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCases.class);

	private final JdbcClient jdbc;
	private final UserDetailsService users;
	private final Reports reports;
	private final CaseProcess process;
	private final Referrals referrals;
	private final Children children;
	private final Agencies agencies;
	private final Clock clock;

	DemoCases(JdbcClient jdbc, UserDetailsService users, Reports reports, CaseProcess process,
			Referrals referrals, Children children, Agencies agencies, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.reports = reports;
		this.process = process;
		this.referrals = referrals;
		this.children = children;
		this.agencies = agencies;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM casework.child_case)").query(Boolean.class).single()) {
			return;
		}
		LocalDateTime now = LocalDateTime.now(clock).withSecond(0).withNano(0);
		List<ChildSummary> tuanGiao = as("cb.a", () -> children.search(
				new ChildQuery(null, "03253", null, now.toLocalDate().minusYears(8), null, false, false, null, 0, 4)));
		List<ChildSummary> quaiTo = as("xa.b", () -> children.search(
				new ChildQuery(null, "03295", null, now.toLocalDate().minusYears(8), null, false, false, null, 0, 1)));
		if (tuanGiao.size() < 3 || quaiTo.isEmpty()) {
			log.warn("Demo cases skipped: the demo register has too few children in Tuần Giáo and Quài Tở");
			return;
		}
		// looked up as the case worker: the directory shows nobody signed out any agency, and without the police the
		// demo had no referral for the README's "referral the commune police accepted"
		Agency police = as("cb.a", () -> agencies.list("Công an xã Tuần Giáo", null, 0, 1)).stream().findFirst().orElse(null);

		// 1. violence at home, reported to 111 four days ago: assessed, planned, approved, police referral accepted
		long inProgress = as("tongdai111", () -> reports.receive(draft(ReportChannel.HOTLINE_111, now.minusDays(4),
				tuanGiao.get(0).id(), "Hàng xóm nghe tiếng trẻ khóc, thấy vết bầm tím trên tay trẻ sau khi bị bố đánh.",
				Set.of(AbuseForm.VIOLENCE), "Lò Thị Hoa", "0912000111", "Hàng xóm"))).caseId();
		as("cb.a", () -> {
			process.verify(inProgress, version(inProgress), "Đã đến nhà, gặp trẻ và mẹ; thông tin là có thật.");
			process.assessInitial(inProgress, version(inProgress), new InitialAssessment(now.minusDays(4).plusHours(3),
					"Người làm công tác BVTE xã, Công an xã", "Trẻ có vết bầm ở cánh tay trái, sợ hãi khi nhắc đến bố.",
					"Trẻ ở với mẹ và bà ngoại; bố đã được Công an xã mời làm việc.", RiskLevel.HIGH,
					Set.of(AbuseForm.VIOLENCE), "Khám vết thương, tư vấn tâm lý cho trẻ.", "Đánh giá nguy cơ cụ thể."));
			process.assessDetailed(inProgress, version(inProgress), new DetailedAssessment(now.minusDays(3),
					"Người làm công tác BVTE xã, Trạm Y tế xã", "Vết bầm đang lành, không gãy xương.",
					"Trẻ lo âu, ngủ không yên.", "Gắn bó với mẹ và bà.", "Bố nghiện rượu, thường xuyên say.",
					"Mẹ và bà có khả năng bảo vệ trẻ khi được hỗ trợ.", "Tư vấn tâm lý; giám sát của Công an xã;"
							+ " hỗ trợ gia đình.", RiskLevel.MEDIUM));
			process.draftPlan(inProgress, version(inProgress), new PlanDraft(
					"Bảo đảm an toàn cho trẻ tại gia đình; phục hồi tâm lý; chấm dứt hành vi bạo lực của bố.",
					List.of(new PlanDraft.Item(ServiceKind.POLICE_PROTECTION, "Răn đe, giám sát người bố",
							police == null ? null : police.id(), police == null ? "Công an xã" : null,
							now.toLocalDate().plusDays(10)),
							new PlanDraft.Item(ServiceKind.PSYCHOLOGICAL_SUPPORT, "04 buổi tư vấn tâm lý cho trẻ", null,
									"Trung tâm Công tác xã hội tỉnh Điện Biên", now.toLocalDate().plusDays(30))),
					now.toLocalDate().plusDays(45), null, new PlanMeeting(now.toLocalDate().minusDays(2),
							"Người làm công tác bảo vệ trẻ em xã Tuần Giáo",
							"Trẻ, mẹ và bà ngoại của trẻ; Công an xã; Trạm Y tế xã; Trung tâm Công tác xã hội tỉnh",
							"Công an xã răn đe, giám sát người bố; Trung tâm Công tác xã hội tư vấn tâm lý 04 buổi;"
									+ " mẹ và bà ngoại chăm sóc trẻ tại nhà.")));
			process.submitPlan(inProgress, version(inProgress));
			return null;
		});
		as("chutich.a", () -> {
			process.approvePlan(inProgress, version(inProgress), "15/QĐ-UBND", null);
			return null;
		});
		if (police != null) {
			long referral = as("cb.a", () -> referrals.refer(inProgress, version(inProgress), new ReferralDraft(
					police.id(), null, ServiceKind.POLICE_PROTECTION, "Đề nghị Công an xã răn đe, giám sát người bố.",
					now.toLocalDate().plusDays(3), true, true, false, "Trẻ 8 tuổi bị bố đánh khi say rượu.")));
			as("congan.tuangiao", () -> {
				referrals.accept(referral, 0, "Đã mời người bố làm việc, lập biên bản cam kết.");
				return null;
			});
		}

		// 2. just reported by the hotline: nobody has verified it yet, the emergency deadline runs
		as("tongdai111", () -> reports.receive(draft(ReportChannel.HOTLINE_111, now.minusHours(2), null,
				"Một em nhỏ khoảng 10 tuổi thường bị bỏ đói, đi xin ăn ở chợ trung tâm.", Set.of(AbuseForm.NEGLECT),
				null, null, null)));

		// 3. reported by the school eight days ago, assessed, no plan yet: overdue
		long overdue = as("cb.a", () -> reports.receive(draft(ReportChannel.SCHOOL, now.minusDays(8),
				tuanGiao.get(1).id(), "Giáo viên chủ nhiệm thấy em nghỉ học nhiều ngày, phải đi làm thuê ở xưởng gỗ.",
				Set.of(AbuseForm.EXPLOITATION), "Giáo viên chủ nhiệm", null, "Giáo viên"))).caseId();
		as("cb.a", () -> {
			process.verify(overdue, version(overdue), null);
			process.assessInitial(overdue, version(overdue), new InitialAssessment(now.minusDays(7), null,
					"Trẻ làm việc nặng, mệt mỏi, bỏ học.", "Không có nguy hiểm tức thời.", RiskLevel.MEDIUM,
					Set.of(AbuseForm.EXPLOITATION), "Đưa trẻ trở lại trường.", null));
			return null;
		});

		// 4. reviewed and closed
		long closed = as("xa.a", () -> reports.receive(draft(ReportChannel.IN_PERSON, now.minusDays(60),
				tuanGiao.get(2).id(), "Trẻ bị bạn cùng lớp bắt nạt, đe dọa trên mạng xã hội.",
				Set.of(AbuseForm.VIOLENCE), null, null, null))).caseId();
		as("cb.a", () -> {
			process.verify(closed, version(closed), null);
			process.assessInitial(closed, version(closed), new InitialAssessment(now.minusDays(59), null,
					"Trẻ buồn, không muốn đến trường.", "An toàn tại gia đình.", RiskLevel.MEDIUM,
					Set.of(AbuseForm.VIOLENCE), null, null));
			process.assessDetailed(closed, version(closed), new DetailedAssessment(now.minusDays(58), null, null,
					"Lo âu khi dùng điện thoại.", null, "Gia đình quan tâm.", "Tốt.", "Tư vấn; phối hợp nhà trường.",
					RiskLevel.LOW));
			process.draftPlan(closed, version(closed), new PlanDraft("Chấm dứt việc bắt nạt; trẻ đi học bình thường.",
					List.of(new PlanDraft.Item(ServiceKind.EDUCATION_SUPPORT, "Nhà trường làm việc với học sinh bắt nạt",
							null, "Trường THCS Tuần Giáo", now.toLocalDate().plusDays(1))),
					now.toLocalDate().plusDays(2), null, new PlanMeeting(now.toLocalDate(),
							"Người làm công tác bảo vệ trẻ em xã Tuần Giáo", "Trẻ, cha mẹ của trẻ, Trường THCS Tuần Giáo",
							"Nhà trường làm việc với học sinh bắt nạt; gia đình theo dõi việc dùng điện thoại của trẻ.")));
			process.submitPlan(closed, version(closed));
			return null;
		});
		as("chutich.a", () -> {
			process.approvePlan(closed, version(closed), null, null);
			return null;
		});
		as("cb.a", () -> {
			process.classify(closed, version(closed), new Classification(true, Set.of(AbuseForm.VIOLENCE),
					Set.of(AbuseSubtype.PSYCHOLOGICAL_VIOLENCE), AbuseSetting.ONLINE, PerpetratorType.ANOTHER_CHILD,
					"Bạn cùng lớp"));
			process.review(closed, version(closed), new Review(null, Map.of(ReviewCriterion.HARM_STILL_SERIOUS,
					Rating.LOW, ReviewCriterion.ABUSER_ACCESS, Rating.LOW, ReviewCriterion.CARE_ENVIRONMENT_OBSTACLES,
					Rating.LOW, ReviewCriterion.SELF_PROTECTION_AND_RECOVERY, Rating.HIGH),
					"Việc bắt nạt đã chấm dứt; trẻ đi học đều.", true, CaseOutcome.SAFE_WITH_FAMILY, null));
			return null;
		});

		// 5. in Quài Tở, which xa.a must never see
		as("xa.b", () -> reports.receive(draft(ReportChannel.PHONE, now.minusDays(1), quaiTo.get(0).id(),
				"Trẻ bị người lạ dụ dỗ qua mạng, hẹn gặp.", Set.of(AbuseForm.SEXUAL_ABUSE), null, null, null)));
		log.info("Demo cases created in Tuần Giáo and Quài Tở");
	}

	private static ReportDraft draft(ReportChannel channel, LocalDateTime at, Long childId, String condition,
			Set<AbuseForm> forms, String informant, String phone, String relation) {
		return new ReportDraft(channel, at, null, childId, null, childId == null ? Sex.MALE : null,
				null, childId == null ? 10 : null, childId == null ? "Chợ trung tâm" : null,
				childId == null ? "03253" : null, null, null, condition, null, null, null, null, forms, informant, phone,
				null, relation);
	}

	private int version(long caseId) {
		return jdbc.sql("SELECT version FROM casework.child_case WHERE id = :id").param("id", caseId)
			.query(Integer.class).single();
	}

	private <T> T as(String username, Supplier<T> work) {
		UserDetails user = users.loadUserByUsername(username);
		var previous = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(previous);
		}
	}
}
