package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * Answers never depend on records the caller cannot see (issue 16, item 12). A personal identification number stays
 * unique in the whole country, but whoever meets one registered outside their reach is told only that it cannot be
 * used here and whom to ask, never where or whose it is; the province officer who answers for the record is told.
 */
@IntegrationTest
@Transactional
class OutOfReachAnswersTests extends DemoAccountTestSupport {

	private static final String QUAI_TO_NAME = "Tòng Thị Định Danh";

	@Autowired
	Children children;

	@Autowired
	ChildImports imports;

	@Autowired
	MessageSource messages;

	@Test
	void aNumberRegisteredOutsideTheCallersReachIsRefusedWithoutSayingWhereAndTheProvinceIsTold() {
		String pid = uniqueFemale2014Pid();
		long inQuaiTo = as("xa.b", () -> children.register(draft(QUAI_TO_NAME, "03295", pid)));

		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> as("xa.a", () -> children.register(draft("Lò Thị Khác Người", "03253", pid))));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey())
			.containsExactly("personalId error.child.pid-unavailable");
		for (Locale locale : new Locale[] { Locale.forLanguageTag("vi"), Locale.ENGLISH }) {
			InputProblem problem = refusal.problems().get(0);
			String said = messages.getMessage(problem.messageKey(), problem.arguments(), locale);
			assertThat(said).doesNotContain("Quài Tở", "Tòng", String.valueOf(inQuaiTo));
		}
		assertThat(notificationsOf("tinh.dienbien", "/children/" + inQuaiTo))
			.as("the province officer who answers for the record is told").isEqualTo(1);
		assertThat(notificationsOf("xa.a", "/children/" + inQuaiTo)).isZero();

		// within reach the answer may say that the child is already in the register
		UserFacingException taken = catchThrowableOfType(UserFacingException.class,
				() -> as("xa.b", () -> children.register(draft("Tòng Thị Hai Lần", "03295", pid))));
		assertThat(taken.problems()).extracting(InputProblem::messageKey).containsExactly("error.child.pid-taken");
	}

	@Test
	void theImportDoesNotSayWhetherANumberIsRegisteredOutsideTheCallersReach() {
		String pid = uniqueFemale2014Pid();
		as("xa.b", () -> children.register(draft(QUAI_TO_NAME, "03295", pid)));
		String csv = """
				Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Mã xã
				Lò Thị Nhập Tệp,04/04/2014,Nữ,%s,03253
				""".formatted(pid);
		ChildImports.Report report = as("xa.a",
				() -> imports.importNow("so.csv", csv.getBytes(StandardCharsets.UTF_8), false));
		assertThat(report.duplicateRows()).as("no duplicate of a record the caller cannot see").isEmpty();
		assertThat(report.errors()).extracting(p -> p.row() + " " + p.messageKey())
			.containsExactly("2 error.child.pid-unavailable");
	}

	@Test
	void aCollaboratorsNameSearchDoesNotDependOnNamesInOtherVillages() {
		Map<String, Object> own = jdbc.sql("""
				SELECT v.id, v.name FROM identity.user_village uv JOIN identity.app_user u ON u.id = uv.user_id
				JOIN children.village v ON v.id = uv.village_id WHERE u.username = 'ctv.a'""").query().singleRow();
		String otherVillage = jdbc.sql("""
				SELECT v.name FROM children.village v JOIN geography.unit u ON u.id = v.unit_id
				WHERE u.code = '03253' AND u.valid_to IS NULL AND v.id <> :own ORDER BY v.id LIMIT 1""")
			.param("own", own.get("id")).query(String.class).single();
		long near = as("xa.a", () -> children.register(new ChildDraft("Lường Văn Khánh Thửa", Sex.MALE,
				LocalDate.of(2016, 6, 6), false, "03", null, null, "03253", (String) own.get("name"), null, null, null,
				false, null, null, null, null, null, null, null)));
		ChildQuery typed = ChildQuery.text("Luong Van Khanh Thu", 0, 50);
		assertThat(as("ctv.a", () -> children.search(typed))).extracting(ChildSummary::id).contains(near);

		// the exact name now exists, but in a village the collaborator does not work in
		as("xa.a", () -> children.register(new ChildDraft("Lường Văn Khánh Thử", Sex.MALE, LocalDate.of(2016, 7, 7),
				false, "03", null, null, "03253", otherVillage, null, null, null, false, null, null, null, null, null,
				null, null)));
		assertThat(as("ctv.a", () -> children.search(typed))).extracting(ChildSummary::id).contains(near);
		assertThat(as("ctv.a", () -> children.count(typed))).isEqualTo(1);
	}

	private long notificationsOf(String username, String link) {
		return jdbc.sql("""
				SELECT count(*) FROM notifications.notification n JOIN identity.app_user u ON u.id = n.user_id
				WHERE u.username = :user AND n.link = :link""").param("user", username).param("link", link)
			.query(Long.class).single();
	}

	/** A number of a girl born in 2014 (digit 4: a woman born 2000-2099), unique to the run. */
	private static String uniqueFemale2014Pid() {
		return "011314" + String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
	}

	private static ChildDraft draft(String name, String commune, String pid) {
		return new ChildDraft(name, Sex.FEMALE, LocalDate.of(2014, 4, 4), false, "01", pid, true, commune, null, null,
				null, null, false, null, null, null, null, null, null, null);
	}
}
