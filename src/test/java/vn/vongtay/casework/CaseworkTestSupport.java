package vn.vongtay.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.children.ChildDraft;
import vn.vongtay.children.Children;
import vn.vongtay.children.Sex;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.directory.Agencies;
import vn.vongtay.directory.Agency;

/**
 * What the casework tests share: reports and cases made the way the demo accounts would make them, each with names no
 * other test uses, a case taken through the steps of the process, the version to name in a step, and counts of
 * notifications and audit entries to compare before and after.
 */
abstract class CaseworkTestSupport extends DemoAccountTestSupport {

	static final String TUAN_GIAO = "03253";
	static final String QUAI_TO = "03295";

	@Autowired
	Reports reports;

	@Autowired
	Cases cases;

	@Autowired
	CaseProcess process;

	@Autowired
	Referrals referrals;

	@Autowired
	CaseForms forms;

	@Autowired
	Children children;

	@Autowired
	Agencies agencies;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	/** Now by the application's clock, in Vietnam, the time every deadline is read in. */
	LocalDateTime now() {
		return LocalDateTime.now(clock).withNano(0);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Letters only, so that a name made with it still reads as a name and is found by the name search. */
	static String unique() {
		StringBuilder letters = new StringBuilder();
		long n = System.nanoTime();
		for (int i = 0; i < 7; i++) {
			letters.append((char) ('a' + (int) (n % 26)));
			n /= 26;
		}
		return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
	}

	/** A concern about a child not in the register, living in the commune given, with an informant. */
	static ReportDraft concern(ReportChannel channel, LocalDateTime receivedAt, String childName, String communeCode,
			String informant) {
		return new ReportDraft(channel, receivedAt, null, null, childName, Sex.FEMALE, null, 9, "Bản Đông",
				communeCode, null, null, "Trẻ bị cha dượng đánh nhiều lần, có vết bầm ở lưng và tay.",
				"Trẻ có thể bị tổn thương nặng hơn.", "Mẹ: Lò Thị Én; cha dượng: Quàng Văn Pọm", "Mẹ", null,
				Set.of(AbuseForm.VIOLENCE), informant, informant == null ? null : "0912345678",
				informant == null ? null : "Bản Đông", informant == null ? null : "Hàng xóm");
	}

	/** A concern about a child of the register. */
	static ReportDraft concernAbout(long childId, ReportChannel channel, LocalDateTime receivedAt) {
		return new ReportDraft(channel, receivedAt, null, childId, null, null, null, null, null, null, null, null,
				"Trẻ nghỉ học nhiều ngày, có dấu hiệu bị xâm hại.", null, null, null, null, Set.of(), null, null, null,
				null);
	}

	/** Opens a case in Tuần Giáo through the 111 hotline: assigned to cb.a, the commune's only case worker. */
	long hotlineCase(String childName, String informant) {
		return as("tongdai111", () -> reports.receive(concern(ReportChannel.HOTLINE_111, now().minusMinutes(30),
				childName, TUAN_GIAO, informant))).caseId();
	}

	long registerChild(String username, String communeCode, String fullName) {
		return as(username, () -> children.register(new ChildDraft(fullName, Sex.FEMALE, today().minusYears(9), false,
				"01", null, true, communeCode, null, null, null, null, false, null, null, null, null, null, null, null)));
	}

	int version(long caseId) {
		return jdbc.sql("SELECT version FROM casework.child_case WHERE id = :id").param("id", caseId)
			.query(Integer.class).single();
	}

	CaseStage stage(long caseId) {
		return CaseStage.valueOf(jdbc.sql("SELECT stage FROM casework.child_case WHERE id = :id").param("id", caseId)
			.query(String.class).single());
	}

	String number(long caseId) {
		return jdbc.sql("SELECT number FROM casework.child_case WHERE id = :id").param("id", caseId)
			.query(String.class).single();
	}

	String unitCodeOf(long caseId) {
		return jdbc.sql("""
				SELECT u.code FROM casework.child_case c JOIN geography.unit u ON u.id = c.unit_id WHERE c.id = :id""")
			.param("id", caseId).query(String.class).single();
	}

	long reportOf(long caseId) {
		return jdbc.sql("SELECT min(id) FROM casework.report WHERE case_id = :id").param("id", caseId)
			.query(Long.class).single();
	}

	long userId(String username) {
		return jdbc.sql("SELECT id FROM identity.app_user WHERE username = :u").param("u", username)
			.query(Long.class).single();
	}

	String displayName(String username) {
		return jdbc.sql("SELECT display_name FROM identity.app_user WHERE username = :u").param("u", username)
			.query(String.class).single();
	}

	ChildCase asCaseWorker(long caseId) {
		return as("cb.a", () -> cases.get(caseId));
	}

	/** The notifications a user got with the message and link given. */
	long notifications(String username, String messageKey, String link) {
		return jdbc.sql("""
				SELECT count(*) FROM notifications.notification n JOIN identity.app_user a ON a.id = n.user_id
				WHERE a.username = :user AND n.message_key = :key AND n.link = :link""")
			.param("user", username).param("key", messageKey).param("link", link)
			.query(Long.class).single();
	}

	/** Every notification a user got about what the link opens, whatever the message. */
	long notificationsAbout(String username, String link) {
		return jdbc.sql("""
				SELECT count(*) FROM notifications.notification n JOIN identity.app_user a ON a.id = n.user_id
				WHERE a.username = :user AND n.link = :link""")
			.param("user", username).param("link", link)
			.query(Long.class).single();
	}

	/** The commune police of Tuần Giáo, whose focal point is congan.tuangiao. */
	Agency police() {
		return as("cb.a", () -> agencies.list("Công an xã Tuần Giáo", null, 0, 1)).get(0);
	}

	/** An agency the case worker may refer to other than the commune police. */
	Agency anotherAgency() {
		long police = police().id();
		return as("cb.a", () -> agencies.list(null, null, 0, 50)).stream().filter(a -> a.id() != police).findFirst()
			.orElseThrow();
	}

	// --- the steps, as the process gives them to people ---

	void verify(long caseId) {
		as("cb.a", () -> {
			process.verify(caseId, version(caseId), "Đã đến nhà, gặp trẻ và mẹ; thông tin là có thật.");
			return null;
		});
	}

	void assessInitial(long caseId, RiskLevel risk) {
		as("cb.a", () -> {
			process.assessInitial(caseId, version(caseId), new InitialAssessment(null, "Người làm công tác BVTE xã",
					"Trẻ có vết bầm ở lưng, sợ hãi khi nhắc đến cha dượng.", "Trẻ đang ở với bà ngoại.", risk,
					Set.of(AbuseForm.VIOLENCE), "Khám vết thương, tư vấn tâm lý.", "Đánh giá nguy cơ cụ thể."));
			return null;
		});
	}

	void takeEmergencyMeasure(long caseId) {
		as("chutich.a", () -> {
			process.takeEmergencyMeasure(caseId, version(caseId), new EmergencyMeasure(null,
					Set.of(EmergencyMeasureKind.TEMPORARY_SAFE_PLACE, EmergencyMeasureKind.EMERGENCY_MEDICAL_CARE),
					"Chủ tịch UBND xã Tuần Giáo", "07/QĐ-UBND", null, "Nhà bà ngoại của trẻ, bản Đông",
					today().plusDays(14)));
			return null;
		});
	}

	void assessDetailed(long caseId) {
		as("cb.a", () -> {
			process.assessDetailed(caseId, version(caseId), new DetailedAssessment(null,
					"Người làm công tác BVTE xã, Trạm Y tế xã", "Vết bầm đang lành.", "Trẻ lo âu, ngủ không yên.",
					"Gắn bó với mẹ và bà.", "Cha dượng nghiện rượu.", "Bà ngoại có khả năng bảo vệ trẻ.",
					"Tư vấn tâm lý; giám sát của Công an xã.", RiskLevel.MEDIUM));
			return null;
		});
	}

	static final String PLAN_GOALS = "Bảo đảm an toàn cho trẻ; phục hồi tâm lý; chấm dứt hành vi bạo lực.";
	static final String PLAN_COUNSELLING = "04 buổi tư vấn tâm lý cho trẻ";
	static final String PLAN_POLICE = "Răn đe, giám sát người cha dượng";

	void draftPlan(long caseId) {
		long police = police().id();
		as("cb.a", () -> {
			process.draftPlan(caseId, version(caseId), new PlanDraft(PLAN_GOALS, List.of(
					new PlanDraft.Item(ServiceKind.PSYCHOLOGICAL_SUPPORT, PLAN_COUNSELLING, null,
							"Trung tâm Công tác xã hội tỉnh Điện Biên", today().plusDays(30)),
					new PlanDraft.Item(ServiceKind.POLICE_PROTECTION, PLAN_POLICE, police, null, today().plusDays(10))),
					today().plusDays(45), null));
			return null;
		});
	}

	void submitPlan(long caseId) {
		as("cb.a", () -> {
			process.submitPlan(caseId, version(caseId));
			return null;
		});
	}

	void approvePlan(long caseId) {
		as("chutich.a", () -> {
			process.approvePlan(caseId, version(caseId), "15/QĐ-UBND", null);
			return null;
		});
	}

	static Review review(boolean close) {
		return new Review(null, Map.of(ReviewCriterion.HARM_STILL_SERIOUS, Rating.LOW, ReviewCriterion.ABUSER_ACCESS,
				Rating.MEDIUM, ReviewCriterion.CARE_ENVIRONMENT_OBSTACLES, Rating.LOW,
				ReviewCriterion.SELF_PROTECTION_AND_RECOVERY, Rating.HIGH),
				"Trẻ an toàn, đi học đều; cha dượng đã chuyển đi nơi khác.", close,
				close ? CaseOutcome.SAFE_WITH_FAMILY : null, close ? null : "Tiếp tục hỗ trợ tâm lý.");
	}

	void reviewCase(long caseId, boolean close) {
		as("cb.a", () -> {
			process.review(caseId, version(caseId), review(close));
			return null;
		});
	}

	/** Verified, assessed (not in serious danger), assessed in detail, planned and approved: being implemented. */
	void bringToImplementation(long caseId) {
		verify(caseId);
		assessInitial(caseId, RiskLevel.HIGH);
		assessDetailed(caseId);
		draftPlan(caseId);
		submitPlan(caseId);
		approvePlan(caseId);
		assertThat(stage(caseId)).isEqualTo(CaseStage.IN_PROGRESS);
	}

	/** The refusal a Java API call throws. */
	static UserFacingException refusal(Runnable call) {
		UserFacingException refused = catchThrowableOfType(UserFacingException.class, call::run);
		assertThat(refused).as("the call is refused").isNotNull();
		return refused;
	}

	/** A refusal's message as the reader sees it in Vietnamese. */
	String vietnamese(UserFacingException refused) {
		return messages.getMessage(refused.messageKey(), refused.arguments(), Locale.forLanguageTag("vi"));
	}
}
