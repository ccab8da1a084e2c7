package vn.vongtay.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.identity.UserAccount;

/** Who administers whom (docs/decisions/0009-need-to-know.md), without Spring. */
class AdministrationRulesTests {

	static final SignedInUser PROVINCE = user(1, Role.PROVINCE_OFFICER);
	static final SignedInUser ADMIN = user(2, Role.SYSTEM_ADMIN);

	@Test
	void theRolesThatWriteAccountsAreExactlyThoseThatAdminister() {
		for (Role role : Role.values()) {
			assertThat(NeedToKnow.of(role, NeedToKnow.Data.ACCOUNTS).contains(NeedToKnow.Use.WRITE)).as(role.name())
				.isEqualTo(role.administers());
		}
	}

	@Test
	void aProvinceOfficerChangesLowerAndEqualRolesWhollyWithinTheirProvince() {
		assertThat(AdministrationRules.refusal(PROVINCE, account(10, Role.COMMUNE_OFFICER, Role.CASE_WORKER), true))
			.isEmpty();
		assertThat(AdministrationRules.refusal(PROVINCE, account(11, Role.PROVINCE_OFFICER), true)).isEmpty();
	}

	@Test
	void noAdministratorChangesAHigherRoleAnAccountReachingBeyondThemOrThemself() {
		assertThat(AdministrationRules.refusal(PROVINCE, account(12, Role.SYSTEM_ADMIN), true))
			.contains("error.user.higher-role");
		assertThat(AdministrationRules.refusal(PROVINCE, account(13, Role.VIEWER, Role.SYSTEM_ADMIN), true))
			.contains("error.user.higher-role");
		assertThat(AdministrationRules.refusal(PROVINCE, account(14, Role.COMMUNE_OFFICER), false))
			.contains("error.user.beyond-jurisdiction");
		assertThat(AdministrationRules.refusal(ADMIN, account(2, Role.SYSTEM_ADMIN), true))
			.contains("error.user.not-yourself");
		assertThat(AdministrationRules.refusal(user(3, Role.COMMUNE_OFFICER), account(15, Role.VIEWER), true))
			.contains("error.access-denied");
	}

	@Test
	void onlyASystemAdministratorGrantsTheSystemAdministratorRole() {
		assertThat(AdministrationRules.firstAbove(PROVINCE, Set.of(Role.PROVINCE_OFFICER, Role.SYSTEM_ADMIN)))
			.contains(Role.SYSTEM_ADMIN);
		assertThat(AdministrationRules.firstAbove(PROVINCE, Set.of(Role.PROVINCE_OFFICER, Role.HOTLINE_OPERATOR)))
			.isEmpty();
		assertThat(AdministrationRules.firstAbove(ADMIN, Set.of(Role.SYSTEM_ADMIN))).isEmpty();
	}

	static SignedInUser user(long id, Role role) {
		return new SignedInUser(id, "u" + id, "u" + id, Set.of(role), Set.of(1L), null, Set.of(), true, null);
	}

	static UserAccount account(long id, Role... roles) {
		return new UserAccount(id, "a" + id, "a" + id, null, true, null, null, Set.of(roles), Set.of("11"), Set.of(1L),
				0);
	}
}
