package vn.vongtay.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.vongtay.core.InputProblem;

/** The rules of a new password (OWASP ASVS 4.0 V2.1), without Spring, on the list the application ships. */
class PasswordPolicyTests {

	static final PasswordPolicy POLICY = new PasswordPolicy();

	@Test
	void twelveCharactersAreTheLeastAndSpacesAndVietnameseLettersCount() {
		assertThat(problem("Mèo đen 2026")).isEmpty();
		assertThat(key("Mèo đen 202")).contains("error.password.too-short");
	}

	@Test
	void aPasswordLongerThanBcryptReadsIsRefusedRatherThanCutShort() {
		assertThat(problem("Con đường làng quê em đi học mỗi sáng sớm!!")).isEmpty();
		assertThat(key("Cây tre ".repeat(10))).contains("error.password.too-long");
		assertThat(problem("a1b2c3d4e5".repeat(7).substring(0, 64))).as("64 characters without diacritics fit")
			.isEmpty();
	}

	@Test
	void theCommonPasswordsAttackersTryFirstAreRefusedHoweverDressedUp() {
		for (String common : new String[] { "1qaz2wsx3edc4rfv", "administrator", "Password1234!", "P@ssw0rd2026!",
				"!!Iloveyou2025", "Anhyeuem@123456", "Nguyen19901990", "qazwsxedcrfvtgb" }) {
			assertThat(key(common)).as(common).contains("error.password.common");
		}
	}

	@Test
	void aPasswordBuiltOnTheAccountsOwnNameOrTheSystemsIsRefused() {
		assertThat(POLICY.problem("p", "tinh.dienbien-2026", "tinh.dienbien", null).map(InputProblem::messageKey))
			.contains("error.password.context");
		assertThat(POLICY.problem("p", "Dienbien-mua-hoa-ban", "tinh.dienbien", null).map(InputProblem::messageKey))
			.contains("error.password.context");
		assertThat(POLICY.problem("p", "NguyenVanAn#2026", "an.nv", "Nguyễn Văn An").map(InputProblem::messageKey))
			.contains("error.password.context");
		assertThat(key("Vòng Tay của tôi 9")).contains("error.password.context");
		assertThat(key("Mật Khẩu Mới Nhé 9")).contains("error.password.context");
	}

	@Test
	void repeatedOrConsecutiveCharactersAreTooEasyToGuess() {
		for (String pattern : new String[] { "aaaaaaaaaaaa", "abcdefghijkl", "ababababababab", "abcabcabcabc",
				"zyxwvutsrqpo", "111122223333" }) {
			assertThat(key(pattern)).as(pattern).contains("error.password.predictable");
		}
		// a walk along the keyboard is refused, as a pattern or, for the walks people use, as a common password
		for (String walk : new String[] { "lkjhgfdsa;'/", "mnbvcxz,./!!", "poiuytrewq[]" }) {
			assertThat(key(walk)).as(walk).isPresent();
		}
	}

	@Test
	void ordinaryPassphrasesPass() {
		for (String phrase : new String[] { "Correct-Horse-Battery-42", "Cay tre lang Quai Nua 7",
				"bản Chiềng mùa lúa chín", "Tuangiao@2026!" }) {
			assertThat(problem(phrase)).as(phrase).isEmpty();
		}
	}

	@Test
	void theShippedListHoldsTheTopTenThousandAndItsLongEntries() {
		assertThat(key("123456789012")).isPresent();
		assertThat(key("websolutions")).as("an entry of twelve characters beyond the top 10,000")
			.contains("error.password.common");
	}

	private static Optional<InputProblem> problem(String password) {
		return POLICY.problem("password", password, "xa.a", "Công chức VH-XH xã Tuần Giáo");
	}

	private static Optional<String> key(String password) {
		return problem(password).map(InputProblem::messageKey);
	}
}
