package vn.vongtay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.IntegrationTest;

/**
 * A browser session holds the rights its account had when it signed in; any change to the account ends it at once
 * (issue 16, item 3), as a token stops at once. The sessions are the real ones, kept in {@code identity.spring_session}.
 */
@IntegrationTest
class AccountChangesEndSessionsTests extends AccountTestSupport {

	@Autowired
	VillageCollaborators collaborators;

	@Test
	void disablingAnAccountEndsItsOpenSessions() throws Exception {
		long id = account("phien.vohieu", Role.COMMUNE_OFFICER, "03253");
		Cookie session = signIn("phien.vohieu");
		administer("tinh.dienbien", id, List.of("COMMUNE_OFFICER"), "03253", false);
		assertEnded(session, "phien.vohieu");
	}

	@Test
	void removingARoleEndsTheAccountsSessions() throws Exception {
		long id = account("phien.vaitro", Role.COMMUNE_OFFICER, "03253");
		Cookie session = signIn("phien.vaitro");
		administer("tinh.dienbien", id, List.of("VIEWER"), "03253", true);
		assertEnded(session, "phien.vaitro");
	}

	@Test
	void movingAnAccountToAnotherUnitEndsItsSessions() throws Exception {
		long id = account("phien.donvi", Role.COMMUNE_OFFICER, "03253");
		Cookie session = signIn("phien.donvi");
		administer("tinh.dienbien", id, List.of("COMMUNE_OFFICER"), "03295", true);
		assertEnded(session, "phien.donvi");
	}

	@Test
	void givingACollaboratorOtherVillagesEndsTheirSessions() throws Exception {
		account("phien.ctv", Role.VILLAGE_COLLABORATOR, "03253");
		Cookie session = signIn("phien.ctv");
		collaborators.assign("phien.ctv", List.of());
		assertEnded(session, "phien.ctv");
	}

	@Test
	void unlockingOrChangingAnotherAccountLeavesThisAccountsSessionsAlone() throws Exception {
		account("phien.khac", Role.COMMUNE_OFFICER, "03253");
		long other = account("phien.khac2", Role.COMMUNE_OFFICER, "03253");
		Cookie session = signIn("phien.khac");
		administer("tinh.dienbien", other, List.of("CASE_WORKER"), "03253", true);
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
	}

	/** Signs in, and proves the session works before the change. */
	Cookie signIn(String username) throws Exception {
		Cookie session = signIn(username, PASSWORD);
		mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
		return session;
	}

	void administer(String administrator, long id, List<String> roles, String unitCodes, boolean enabled)
			throws Exception {
		administer(administrator, id, roles, unitCodes, enabled, new String[0])
			.andExpect(redirectedUrl("/admin/users/" + id));
	}

	void assertEnded(Cookie session, String username) throws Exception {
		mvc.perform(get("/").cookie(session)).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT count(*) FROM identity.spring_session WHERE principal_name = :u")
			.param("u", username).query(Long.class).single()).as("sessions of " + username).isZero();
	}
}
