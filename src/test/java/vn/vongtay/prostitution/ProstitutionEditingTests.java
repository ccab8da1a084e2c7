package vn.vongtay.prostitution;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Edits that collide or carry bad input are refused with a message in Vietnamese, never a stack trace. */
@IntegrationTest
class ProstitutionEditingTests extends ProstitutionTestSupport {

	@Test
	void aSecondEditOfAnEstablishmentFromAStaleFormIsRefused() throws Exception {
		long id = as("xa.a", () -> establishments.create(new EstablishmentDraft(EstablishmentType.GUESTHOUSE,
				"Nhà nghỉ Tuần Giáo", "Khối Tân Giang", "03253", "Quàng Văn Hải", "62B-001", 3, EstablishmentStatus.OPEN,
				LocalDate.of(2018, 4, 1), null, null)));
		edit(id, 0, "4").andExpect(status().is3xxRedirection());
		assertThat(text(edit(id, 0, "9").andExpect(status().isConflict())))
			.contains("đã được người khác thay đổi");
		assertThat(jdbc.sql("SELECT registered_workers FROM prostitution.establishment WHERE id = :id").param("id", id)
			.query(Integer.class).single()).isEqualTo(4);
		assertThat(auditCount("PRONE_ESTABLISHMENT_UPDATED", id)).isEqualTo(1);
	}

	@Test
	void aSupportRecordEditedFromAStaleFormIsRefused() throws Exception {
		long id = as("xa.a", () -> support.create(new SupportRecordDraft(1993, Sex.FEMALE, "03253",
				LocalDate.of(2025, 7, 1), java.util.Set.of(), ReintegrationStatus.NOT_STARTED, null)));
		form("xa.a", "/prostitution/support/" + id, "version", "0", "sex", "FEMALE", "unitCode", "03253",
				"consentOn", "2025-07-01", "reintegrationStatus", "IN_PROGRESS").andExpect(status().is3xxRedirection());
		form("xa.a", "/prostitution/support/" + id, "version", "0", "sex", "FEMALE", "unitCode", "03253",
				"consentOn", "2025-07-01", "reintegrationStatus", "LOST_CONTACT").andExpect(status().isConflict());
	}

	@Test
	void badEstablishmentInputIsExplainedInVietnameseWithoutAStackTrace() throws Exception {
		String page = text(form("xa.a", "/prostitution/establishments", "type", "HOTEL", "name", "  ",
				"unitCode", "03253", "status", "CLOSED", "registeredWorkers", "-3").andExpect(status().is(422)));
		assertThat(page).contains("Dữ liệu có 3 lỗi; không có gì được lưu.")
			.contains("Thiếu thông tin bắt buộc: name.")
			.contains("Cơ sở đã ngừng hoạt động cần có ngày ngừng hoạt động.")
			.contains("Giá trị registeredWorkers không được âm.")
			.doesNotContain("Exception").doesNotContain("at vn.vongtay");
		String api = text(apiPost("xa.a", "/api/v1/prostitution/establishments",
				"{\"type\":\"CASINO\",\"name\":\"x\",\"unitCode\":\"03253\",\"status\":\"OPEN\"}").andExpect(status().isBadRequest()));
		assertThat(api).contains("Yêu cầu không hợp lệ").doesNotContain("Exception");
		String typo = text(form("xa.a", "/prostitution/establishments", "type", "HOTEL", "name", "Khách sạn A",
				"unitCode", "03253", "status", "OPEN", "registeredWorkers", "mười").andExpect(status().isBadRequest()));
		assertThat(typo).contains("Giá trị không hợp lệ: mười.");
	}

	@Test
	void aSupportRecordWithoutConsentIsNotKept() throws Exception {
		String page = text(form("xa.a", "/prostitution/support", "sex", "FEMALE", "unitCode", "03253",
				"reintegrationStatus", "NOT_STARTED").andExpect(status().is(422)));
		assertThat(page).contains("không lập hồ sơ khi chưa có sự đồng ý");
	}

	private org.springframework.test.web.servlet.ResultActions edit(long id, int version, String workers)
			throws Exception {
		return form("xa.a", "/prostitution/establishments/" + id, "version", String.valueOf(version), "type", "GUESTHOUSE",
				"name", "Nhà nghỉ Tuần Giáo", "unitCode", "03253", "status", "OPEN", "registeredWorkers", workers);
	}
}
