package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * What each role reaches of the register, by every path, as the need-to-know table (docs/decisions/0009) decides: a
 * village collaborator no group in any form and nothing of another village; the 111 hotline a child's identity and
 * commune, nothing more; support totals as figures, small counts hidden from those who do not see the records.
 */
@IntegrationTest
@Transactional
class RegisterNeedToKnowTests extends DemoAccountTestSupport {

	@Autowired
	Children children;

	@Test
	void aVillageCollaboratorCannotFilterSearchOrCountTheRegisterByGroup() throws Exception {
		for (String url : List.of("/api/v1/children", "/api/v1/children/count", "/children")) {
			page("ctv.a", get(url).param("group", "l")).andExpect(status().isForbidden());
			page("ctv.a", get(url).param("group", "đ").param("atRisk", "true")).andExpect(status().isForbidden());
		}
		page("ctv.a", get("/api/v1/children").param("atRisk", "true")).andExpect(status().isForbidden());
		String list = pageBody("ctv.a", "/children");
		assertThat(list).doesNotContain("name=\"group\"", "name=\"atRisk\"", "Xuất Excel");
		// the commune officer, who reads the groups, still filters by them
		page("xa.a", get("/api/v1/children").param("group", "l")).andExpect(status().isOk());
		assertThat(pageBody("xa.a", "/children")).contains("name=\"group\"");
	}

	@Test
	void aVillageCollaboratorCannotJoinAChildToAHouseholdOfAnotherVillage() {
		Map<String, Object> own = collaboratorsVillage();
		long otherHousehold = jdbc.sql("""
				SELECT h.id FROM children.household h JOIN geography.unit u ON u.id = h.unit_id
				WHERE u.code = '03253' AND u.valid_to IS NULL AND h.village_id <> :village
				  AND EXISTS (SELECT 1 FROM children.child c WHERE c.household_id = h.id) ORDER BY h.id LIMIT 1""")
			.param("village", own.get("id")).query(Long.class).single();
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> as("ctv.a", () -> children.register(new ChildDraft("Lò Văn Lạc Hộ", Sex.MALE,
						LocalDate.of(2017, 2, 2), false, "03", null, null, "03253", (String) own.get("name"), null, null,
						null, false, null, null, null, otherHousehold, null, null, null))));
		assertThat(refusal).as("a household of another village is out of the collaborator's reach").isNotNull();
		assertThat(refusal.problems()).extracting(InputProblem::column).containsExactly("householdId");
	}

	@Test
	void aVillageCollaboratorWritesNoNoteGroupOrSupportAndTheFormDoesNotOfferThem() throws Exception {
		Map<String, Object> own = collaboratorsVillage();
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> as("ctv.a", () -> children.register(new ChildDraft("Lò Thị Ghi Chú", Sex.FEMALE,
						LocalDate.of(2016, 3, 3), false, "03", null, null, "03253", (String) own.get("name"), null, null,
						null, true, "Khiếm thị", true, "Nhà có người nghiện", null, null, null, null))));
		assertThat(refusal.problems()).extracting(p -> p.column() + " " + p.messageKey()).containsExactlyInAnyOrder(
				"disability error.child.field-not-yours", "outOfSchool error.child.field-not-yours",
				"healthInsurance error.child.field-not-yours", "notes error.child.field-not-yours");
		assertThat(pageBody("ctv.a", "/children/new")).contains("name=\"fullName\"", "name=\"caregiverName\"")
			.doesNotContain("name=\"notes\"", "name=\"disability\"", "name=\"outOfSchool\"", "name=\"healthInsurance\"");
	}

	@Test
	void aRefusedFormComesBackWithWhatWasTypedAndEachProblemLabelled() throws Exception {
		String page = text(form("xa.a", "/children", "fullName", "Hờ Thị Dài Dòng", "sex", "FEMALE", "birthDate",
				"2015-05-05", "communeCode", "03253", "notes", "Rất dài. ".repeat(300))
			.andExpect(status().isUnprocessableContent()));
		assertThat(page).contains("value=\"Hờ Thị Dài Dòng\"", "Ghi chú: Quá dài: tối đa 2.000 ký tự", "aria-invalid=\"true\"");
	}

	@Test
	void siblingsAndCaregiversAreShownOnlyWithinTheCallersReach() {
		Map<String, Object> own = collaboratorsVillage();
		long inVillage = jdbc.sql("""
				SELECT c.id FROM children.child c WHERE c.village_id = :village
				  AND c.birth_date > CAST(now() AS date) - INTERVAL '15 years' ORDER BY c.id LIMIT 1""")
			.param("village", own.get("id")).query(Long.class).single();
		long elsewhere = jdbc.sql("""
				SELECT c.household_id FROM children.child c JOIN geography.unit u ON u.id = c.unit_id
				WHERE u.code = '03253' AND u.valid_to IS NULL AND c.village_id <> :village AND c.household_id IS NOT NULL
				ORDER BY c.id LIMIT 1""")
			.param("village", own.get("id")).query(Long.class).single();
		// a record joined to another village's household before the rule held (or by an officer)
		jdbc.sql("UPDATE children.child SET household_id = :household WHERE id = :id").param("household", elsewhere)
			.param("id", inVillage).update();
		Child seen = as("ctv.a", () -> children.get(inVillage));
		assertThat(seen.caregivers()).as("caregivers of a household outside the collaborator's villages").isEmpty();
		assertThat(seen.siblings()).as("children outside the collaborator's villages").isEmpty();
		Child byOfficer = as("xa.a", () -> children.get(inVillage));
		assertThat(byOfficer.caregivers()).isNotEmpty();
		assertThat(byOfficer.siblings()).isNotEmpty();
	}

	@Test
	void theHotlineLocatesAChildAndItsCommuneAndSeesNothingMore() throws Exception {
		long id = as("xa.a", () -> {
			long child = children.register(new ChildDraft("Mùa Thị Tổng Đài", Sex.FEMALE, LocalDate.of(2013, 8, 8), false,
					"08", null, true, "03253", "Bản Đông", "Số 3 bản Đông", null, null, false, "Khiếm thính", true,
					"Ghi chú riêng của xã", null, "Mùa A Páo", "Cha", "0912000111"));
			children.startCircumstance(child, "l", null, false, LocalDate.of(2025, 3, 1), "Biên bản");
			children.recordSupport(child, SupportKind.SCHOLARSHIP, 500_000L, LocalDate.of(2025, 9, 1),
					SupportSource.DONOR, null);
			return child;
		});
		page("tongdai111", get("/api/v1/children").param("q", "mua thi tong dai"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(jsonPath("$[0].communeCode").value("03253"));
		JsonNode record = read(page("tongdai111", get("/api/v1/children/" + id)).andExpect(status().isOk()));
		assertThat(record.get("fullName").asString()).isEqualTo("Mùa Thị Tổng Đài");
		assertThat(record.get("communeName").asString()).isEqualTo("Xã Tuần Giáo");
		assertThat(record.get("circumstances")).isEmpty();
		assertThat(record.get("supports")).isEmpty();
		assertThat(record.get("caregivers")).isEmpty();
		assertThat(record.get("siblings")).isEmpty();
		assertThat(record.get("notes").isNull()).isTrue();
		assertThat(record.get("disability").isNull()).isTrue();
		assertThat(record.get("address").isNull()).isTrue();
		assertThat(record.get("healthInsurance").isNull()).isTrue();
		String shown = pageBody("tongdai111", "/children/" + id);
		assertThat(shown).contains("Mùa Thị Tổng Đài", "Xã Tuần Giáo")
			.doesNotContain("Hoàn cảnh đặc biệt", "Hỗ trợ đã nhận", "Mùa A Páo", "0912000111", "Ghi chú riêng của xã",
					"Khiếm thính");
		for (String url : List.of("/api/v1/children", "/api/v1/children/count", "/children")) {
			page("tongdai111", get(url).param("group", "l")).andExpect(status().isForbidden());
		}
		page("tongdai111", get("/children/export.xlsx")).andExpect(status().isForbidden());
		page("tongdai111", get("/children/awaiting")).andExpect(status().isForbidden());
		page("tongdai111", get("/children/imports")).andExpect(status().isForbidden());
		assertThat(pageBody("tongdai111", "/children")).doesNotContain("name=\"group\"", "Xuất Excel", "Nhập từ tệp");
		UserFacingException register = catchThrowableOfType(UserFacingException.class,
				() -> as("tongdai111", () -> children.register(RegisterNeedToKnowTests.draft("Hờ A Đăng Ký"))));
		assertThat(register.status()).isEqualTo(403);
		UserFacingException group = catchThrowableOfType(UserFacingException.class, () -> as("tongdai111",
				() -> children.startCircumstance(id, "d", null, false, LocalDate.of(2025, 1, 1), null)));
		assertThat(group.status()).isEqualTo(403);
	}

	@Test
	void supportTotalsAreFiguresWithSmallCountsHiddenFromThoseWhoDoNotSeeTheRecords() throws Exception {
		// after the 2025 reform, so that code 03253 names the commune of today on that day too
		LocalDate day = LocalDate.of(2025, 11, 17);
		long before = jdbc.sql("""
				SELECT count(DISTINCT s.child_id) FROM children.support s JOIN geography.unit u ON u.id = s.unit_id
				WHERE u.code = '03253' AND s.given_on = :day AND s.kind = 'NUTRITION'""").param("day", day)
			.query(Long.class).single();
		assertThat(before).as("no nutrition support on the day in the demo data").isZero();
		as("xa.a", () -> {
			long child = children.register(draft("Lầu Thị Dinh Dưỡng"));
			return children.recordSupport(child, SupportKind.NUTRITION, 300_000L, day, SupportSource.STATE_BUDGET, null);
		});
		String url = "/api/v1/children/supports?unit=03253&from=" + day + "&to=" + day;
		page("xa.a", get(url)).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("NUTRITION"))
			.andExpect(jsonPath("$[0].children").value(1))
			.andExpect(jsonPath("$[0].amountVnd").value(300_000))
			.andExpect(jsonPath("$[0].suppressed").value(false));
		for (String reader : List.of("lanhdao.dienbien", "congan.tuangiao", "tongdai111")) {
			page(reader, get(url)).andExpect(status().isOk())
				.andExpect(jsonPath("$[0].kind").value("NUTRITION"))
				.andExpect(jsonPath("$[0].children").doesNotExist())
				.andExpect(jsonPath("$[0].supports").doesNotExist())
				.andExpect(jsonPath("$[0].amountVnd").doesNotExist())
				.andExpect(jsonPath("$[0].suppressed").value(true));
		}
		page("ctv.a", get(url)).andExpect(status().isForbidden());
	}

	private Map<String, Object> collaboratorsVillage() {
		return jdbc.sql("""
				SELECT v.id, v.name FROM identity.user_village uv JOIN identity.app_user u ON u.id = uv.user_id
				JOIN children.village v ON v.id = uv.village_id WHERE u.username = 'ctv.a'""").query().singleRow();
	}

	static ChildDraft draft(String name) {
		return new ChildDraft(name, Sex.FEMALE, LocalDate.of(2015, 5, 5), false, "01", null, true, "03253", "Bản Đông",
				null, null, null, false, null, null, null, null, null, null, null);
	}
}
