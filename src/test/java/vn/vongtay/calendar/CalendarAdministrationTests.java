package vn.vongtay.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import vn.vongtay.IntegrationTest;

/**
 * The calendar page and API: everyone signed in reads the national calendar, only system administrators change it,
 * every change is audited, and mistakes are explained in Vietnamese and English.
 */
@IntegrationTest
class CalendarAdministrationTests extends CalendarTestSupport {

	@Test
	void everyoneSignedInReadsTheYearInVietnameseAndEnglish() throws Exception {
		String admin = pageBody("admin", "/admin/calendar?year=2026");
		assertThat(admin).contains("Lịch ngày làm việc năm 2026", "17/02/2026", "Tết Âm lịch (mùng 1 tháng Giêng)",
				"Tính theo luật", "Bộ luật Lao động 2019, Điều 112", "Làm bù cho thứ Sáu 02/01/2026",
				"Quản trị viên đặt", "Công văn 12729/VPCP-KGVX", "Đặt một ngày", "Xóa, trở về mặc định", "Tháng 12");
		String officer = pageBody("xa.a", "/admin/calendar?year=2026");
		assertThat(officer).contains("Tết Âm lịch (mùng 1 tháng Giêng)", "Công văn 12729/VPCP-KGVX")
			.doesNotContain("Đặt một ngày", "Xóa, trở về mặc định");
		String english = pageBody("xa.a", "/admin/calendar?year=2026&lang=en");
		assertThat(english).contains("Working-day calendar 2026", "Lunar New Year (1st day)", "Computed from the law",
				"Make-up working day for Friday 02/01/2026");
		assertThat(pageBody("admin", "/")).contains("/admin/calendar");
		assertThat(pageBody("xa.a", "/")).doesNotContain("/admin/calendar");
	}

	@Test
	void anAdministratorSetsAndRemovesADayOnThePageAndBothAreAudited() throws Exception {
		int version = calendar.version(2026);
		form("admin", "/admin/calendar/overrides", "day", "24/11/2026", "kind", "DAY_OFF", "name",
				"Ngày Văn hóa Việt Nam", "nameEn", "Vietnamese Culture Day", "source", "Thông báo thử",
				"yearVersion", String.valueOf(version), "year", "2026")
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/calendar?year=2026&saved"));
		CalendarDay day = calendar.describe(LocalDate.of(2026, 11, 24));
		assertThat(day.workingDay()).isFalse();
		assertThat(day.nameEn()).isEqualTo("Vietnamese Culture Day");
		assertThat(auditCount("CALENDAR_DAY_SET", day.overrideId())).isEqualTo(1);
		assertThat(jdbc.sql("SELECT actor FROM audit.entry WHERE action = 'CALENDAR_DAY_SET' AND subject_id = :id")
			.param("id", String.valueOf(day.overrideId())).query(String.class).single()).isEqualTo("admin");
		assertThat(pageBody("admin", "/admin/calendar?year=2026")).contains("Ngày Văn hóa Việt Nam", "Thông báo thử");

		form("admin", "/admin/calendar/overrides/" + day.overrideId() + "/remove", "version",
				String.valueOf(day.overrideVersion()), "year", "2026")
			.andExpect(redirectedUrl("/admin/calendar?year=2026&removed"));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
		assertThat(auditCount("CALENDAR_DAY_REMOVED", day.overrideId())).isEqualTo(1);
	}

	@Test
	void nonAdministratorsCannotChangeTheCalendarByPageOrApi() throws Exception {
		for (String user : new String[] { "xa.a", "tinh.dienbien", "tongdai111" }) {
			String body = text(form(user, "/admin/calendar/overrides", "day", "24/11/2026", "kind", "DAY_OFF", "name",
					"Ngày Văn hóa Việt Nam", "source", "Thử", "year", "2026").andExpect(status().isForbidden()));
			assertThat(body).contains("Chỉ quản trị hệ thống mới được sửa lịch ngày làm việc toàn quốc.");
			JsonNode problem = read(apiPost(user, "/api/v1/calendar/overrides",
					"{\"day\":\"2026-11-24\",\"kind\":\"DAY_OFF\",\"name\":\"Ngày Văn hóa Việt Nam\",\"source\":\"Thử\"}")
				.andExpect(status().isForbidden()));
			assertThat(problem.get("detailEn").asString()).contains("Only system administrators");
		}
		long seeded = jdbc.sql("SELECT id FROM calendar.day_override WHERE day = '2026-01-10'").query(Long.class).single();
		form("xa.a", "/admin/calendar/overrides/" + seeded + "/remove", "version", "0", "year", "2026")
			.andExpect(status().isForbidden());
		apiDelete("xa.a", "/api/v1/calendar/overrides/" + seeded + "?version=0").andExpect(status().isForbidden());
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 24))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
	}

	@Test
	void aBadDateIsExplainedInVietnameseOnThePageAndInBothLanguagesByTheApi() throws Exception {
		String page = text(form("admin", "/admin/calendar/overrides", "day", "31/02/2026", "kind", "DAY_OFF", "name",
				"Nghỉ", "source", "Thử", "year", "2026").andExpect(status().isUnprocessableContent()));
		assertThat(page).contains("không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 24/11/2026", "31/02/2026",
				"Lịch ngày làm việc năm 2026");
		JsonNode problem = read(apiPost("admin", "/api/v1/calendar/overrides",
				"{\"day\":\"2026-13-01\",\"kind\":\"DAY_OFF\",\"name\":\"Nghỉ\",\"source\":\"Thử\"}")
			.andExpect(status().isUnprocessableContent()));
		JsonNode error = problem.get("errors").get(0);
		assertThat(error.get("column").asString()).isEqualTo("day");
		assertThat(error.get("message").asString()).isEqualTo(
				"Ngày \"2026-13-01\" không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 24/11/2026.");
		assertThat(error.get("messageEn").asString()).isEqualTo(
				"The date \"2026-13-01\" is not valid: enter day/month/year, for example 24/11/2026.");
		JsonNode badFrom = read(apiGet("xa.a", "/api/v1/calendar/working-days?from=04/13/2026&days=5")
			.andExpect(status().isBadRequest()));
		assertThat(badFrom.get("detail").asString()).contains("không hợp lệ");
	}

	@Test
	void aSecondChangeOfTheSameDayAndAChangeThatChangesNothingAreRefused() throws Exception {
		set("24/11/2026", OverrideKind.DAY_OFF, "Ngày Văn hóa Việt Nam", "Thông báo thử");
		String duplicate = text(form("admin", "/admin/calendar/overrides", "day", "2026-11-24", "kind", "WORKING_DAY",
				"source", "Thử", "year", "2026").andExpect(status().isConflict()));
		assertThat(duplicate).contains("Ngày 24/11/2026 đã được đặt (Ngày Văn hóa Việt Nam)");
		JsonNode problem = read(apiPost("admin", "/api/v1/calendar/overrides",
				"{\"day\":\"24/11/2026\",\"kind\":\"DAY_OFF\",\"name\":\"Lặp\",\"source\":\"Thử\"}")
			.andExpect(status().isConflict()));
		assertThat(problem.get("detailEn").asString()).isEqualTo(
				"24/11/2026 is set already (Ngày Văn hóa Việt Nam). Remove that change before setting the day again.");

		String weekend = text(form("admin", "/admin/calendar/overrides", "day", "05/12/2026", "kind", "DAY_OFF",
				"name", "Nghỉ", "source", "Thử", "year", "2026").andExpect(status().isUnprocessableContent()));
		assertThat(weekend).contains("Ngày 05/12/2026 là ngày nghỉ hằng tuần");
		String working = text(form("admin", "/admin/calendar/overrides?lang=en", "day", "07/12/2026", "kind",
				"WORKING_DAY", "source", "Test", "year", "2026").andExpect(status().isUnprocessableContent()));
		assertThat(working).contains("07/12/2026 is a working day already.");
	}

	@Test
	void aChangeMadeFromAStalePageIsRefusedAsConcurrent() throws Exception {
		int seen = calendar.version(2026);
		set("24/11/2026", OverrideKind.DAY_OFF, "Ngày Văn hóa Việt Nam", "Thông báo thử");
		String page = text(form("admin", "/admin/calendar/overrides", "day", "25/11/2026", "kind", "DAY_OFF", "name",
				"Nghỉ thêm", "source", "Thử", "yearVersion", String.valueOf(seen), "year", "2026")
			.andExpect(status().isConflict()));
		assertThat(page).contains("Bản ghi đã được người khác thay đổi");
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 25))).isTrue();
	}

	@Test
	void theApiListsTheYearAndComputesAPeriodsEnd() throws Exception {
		JsonNode year = read(apiGet("tongdai111", "/api/v1/calendar/2026").andExpect(status().isOk()));
		assertThat(year.isArray()).isTrue();
		JsonNode tet = null;
		JsonNode makeUp = null;
		for (JsonNode d : year) {
			if (d.get("date").asString().equals("2026-02-17")) {
				tet = d;
			}
			if (d.get("date").asString().equals("2026-01-10")) {
				makeUp = d;
			}
		}
		assertThat(tet.get("workingDay").asBoolean()).isFalse();
		assertThat(tet.get("name").asString()).isEqualTo("Tết Âm lịch (mùng 1 tháng Giêng)");
		assertThat(tet.get("origin").asString()).isEqualTo("COMPUTED");
		assertThat(makeUp.get("workingDay").asBoolean()).isTrue();
		assertThat(makeUp.get("kind").asString()).isEqualTo("WORKING_DAY");
		assertThat(makeUp.get("source").asString()).contains("12729/VPCP-KGVX");

		JsonNode period = read(apiGet("tongdai111", "/api/v1/calendar/working-days?from=2026-12-04&days=5")
			.andExpect(status().isOk()));
		assertThat(period.get("end").asString()).isEqualTo("2026-12-11");
		assertThat(period.get("from").asString()).isEqualTo("2026-12-04");
		read(apiGet("tongdai111", "/api/v1/calendar/working-days?from=2026-12-04&days=0")
			.andExpect(status().isBadRequest()));
		JsonNode outside = read(apiGet("tongdai111", "/api/v1/calendar/2300").andExpect(status().isBadRequest()));
		assertThat(outside.get("detail").asString()).contains("từ năm 2014 đến năm 2199");
	}

	@Test
	void anAdministratorSetsAndRemovesADayThroughTheApi() throws Exception {
		JsonNode created = read(apiPost("admin", "/api/v1/calendar/overrides",
				"{\"day\":\"2026-12-05\",\"kind\":\"WORKING_DAY\",\"source\":\"Thông báo thử\"}")
			.andExpect(status().isCreated()));
		assertThat(created.get("workingDay").asBoolean()).isTrue();
		assertThat(created.get("name").asString()).isEqualTo("Làm bù");
		long id = created.get("overrideId").asLong();
		assertThat(auditCount("CALENDAR_DAY_SET", id)).isEqualTo(1);
		apiDelete("admin", "/api/v1/calendar/overrides/" + id + "?version=" + created.get("overrideVersion").asInt())
			.andExpect(status().isNoContent());
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 12, 5))).isFalse();
		assertThat(auditCount("CALENDAR_DAY_REMOVED", id)).isEqualTo(1);
	}
}
