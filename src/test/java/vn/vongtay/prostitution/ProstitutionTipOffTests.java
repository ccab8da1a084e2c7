package vn.vongtay.prostitution;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A tip-off goes received → verified → classified → handled, each step dated and signed, with deadlines. */
@IntegrationTest
class ProstitutionTipOffTests extends ProstitutionTestSupport {

	@Test
	void aTipOffCannotBeHandledBeforeItIsVerifiedAndClassified() throws Exception {
		long id = receive("xa.a", LocalDateTime.now(VietnamTime.ZONE).minusHours(3), "Tin báo thử tuần tự");

		JsonNode refused = read(step("xa.a", id, 0, "HANDLED", null, "Đã xử lý").andExpect(status().isConflict()));
		assertThat(refused.get("detail").asString())
			.contains("Không thể chuyển tin báo từ bước \"Đã tiếp nhận\" sang \"Đã xử lý\"");
		assertThat(refused.get("detailEn").asString()).contains("cannot go from \"Received\" to \"Handled\"");
		assertThat(refused.has("trace")).isFalse();

		step("xa.a", id, 0, "VERIFIED", null, "Đã xác minh tại chỗ").andExpect(status().isOk());
		step("xa.a", id, 1, "HANDLED", null, "x").andExpect(status().isConflict());
		JsonNode unclassified = read(step("xa.a", id, 1, "CLASSIFIED", null, null).andExpect(status().is(422)));
		assertThat(unclassified.get("errors").get(0).get("message").asString()).contains("phân loại");
		step("xa.a", id, 1, "CLASSIFIED", "ADMINISTRATIVE", null).andExpect(status().isOk());
		JsonNode handled = read(step("xa.a", id, 2, "HANDLED", null, "Đã lập biên bản, xử phạt").andExpect(status().isOk()));

		assertThat(handled.get("step").asString()).isEqualTo("HANDLED");
		assertThat(handled.get("dueAt").isNull()).isTrue();
		assertThat(handled.get("steps")).hasSize(4);
		for (JsonNode taken : handled.get("steps")) {
			assertThat(taken.get("responsibleName").asString()).isEqualTo("Công chức VH-XH xã Tuần Giáo");
			assertThat(taken.get("takenAt").isNull()).isFalse();
		}
		step("xa.a", id, 3, "CLOSED_UNFOUNDED", null, "x").andExpect(status().isConflict());
	}

	@Test
	void onlyAVerifiedTipOffMayBeClosedAsUnfounded() throws Exception {
		long id = receive("xa.a", LocalDateTime.now(VietnamTime.ZONE).minusHours(1), "Tin báo không có cơ sở");
		step("xa.a", id, 0, "CLOSED_UNFOUNDED", null, "Không có cơ sở").andExpect(status().isConflict());
		step("xa.a", id, 0, "VERIFIED", null, null).andExpect(status().isOk());
		step("xa.a", id, 1, "CLOSED_UNFOUNDED", null, "Không có cơ sở").andExpect(status().isOk());
	}

	@Test
	void aStepTakenFromAStaleFormIsRefused() throws Exception {
		long id = receive("xa.a", LocalDateTime.now(VietnamTime.ZONE).minusHours(1), "Tin báo hai người cùng xử lý");
		step("xa.a", id, 0, "VERIFIED", null, null).andExpect(status().isOk());
		assertThat(read(step("xa.a", id, 0, "CLASSIFIED", "CRIMINAL", null).andExpect(status().isConflict()))
			.get("detail").asString()).contains("đã được người khác thay đổi");
	}

	@Test
	void overdueTipOffsAreListedFirstAndOnTheirOwn() throws Exception {
		LocalDateTime now = LocalDateTime.now(VietnamTime.ZONE);
		long fresh = receive("xa.a", now.minusHours(1), "Tin báo mới tiếp nhận");
		long late = receive("xa.a", now.minusDays(10), "Tin báo để quá hạn xác minh");
		long lateAfterVerification = receive("xa.a", now.minusDays(12), "Tin báo quá hạn phân loại");
		step("xa.a", lateAfterVerification, 0, "VERIFIED", null, null, now.minusDays(11)).andExpect(status().isOk());

		JsonNode overdue = read(apiGet("xa.a", "/api/v1/prostitution/tip-offs?overdue=true").andExpect(status().isOk()));
		assertThat(ids(overdue)).contains(late, lateAfterVerification).doesNotContain(fresh);
		for (JsonNode t : overdue) {
			assertThat(t.get("overdue").asBoolean()).isTrue();
		}
		JsonNode all = read(apiGet("xa.a", "/api/v1/prostitution/tip-offs").andExpect(status().isOk()));
		assertThat(all.get(0).get("overdue").asBoolean()).isTrue();
		assertThat(ids(all).indexOf(fresh)).isGreaterThan(ids(all).indexOf(late));
		assertThat(pageBody("xa.a", "/prostitution/tip-offs?overdue=true")).contains("Tin báo để quá hạn xác minh")
			.contains("Quá hạn").doesNotContain("Tin báo mới tiếp nhận");
	}

	@Test
	void aTipOffReceivedInTheFutureIsRefusedInVietnamese() throws Exception {
		JsonNode problem = read(apiPost("xa.a", "/api/v1/prostitution/tip-offs", body(
				LocalDateTime.now(VietnamTime.ZONE).plusDays(2), "Tin báo tương lai")).andExpect(status().is(422)));
		assertThat(problem.get("errors").get(0).get("message").asString())
			.isEqualTo("Ngày không được sau ngày hôm nay.");
	}

	private long receive(String username, LocalDateTime at, String content) throws Exception {
		return read(apiPost(username, "/api/v1/prostitution/tip-offs", body(at, content)).andExpect(status().isCreated()))
			.get("id").asLong();
	}

	private static String body(LocalDateTime at, String content) {
		return "{\"channel\":\"PHONE\",\"kind\":\"TIP\",\"receivedAt\":\""
				+ at.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "\",\"content\":\"" + content
				+ "\",\"unitCode\":\"03253\"}";
	}

	private org.springframework.test.web.servlet.ResultActions step(String username, long id, int version, String step,
			String classification, String note) throws Exception {
		return step(username, id, version, step, classification, note, null);
	}

	private org.springframework.test.web.servlet.ResultActions step(String username, long id, int version, String step,
			String classification, String note, LocalDateTime at) throws Exception {
		return apiPost(username, "/api/v1/prostitution/tip-offs/" + id + "/steps", "{\"version\":" + version
				+ ",\"step\":\"" + step + "\"" + (classification == null ? "" : ",\"classification\":\"" + classification + "\"")
				+ (note == null ? "" : ",\"note\":\"" + note + "\"")
				+ (at == null ? "" : ",\"at\":\"" + at.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "\"") + "}");
	}

	private static java.util.List<Long> ids(JsonNode list) {
		java.util.List<Long> ids = new java.util.ArrayList<>();
		list.forEach(t -> ids.add(t.get("id").asLong()));
		return ids;
	}
}
