package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every read of a support record, by page, API or Java, and every listing, is on the audit log with its reader. */
@IntegrationTest
class ProstitutionSupportRecordAuditTests extends ProstitutionTestSupport {

	@Test
	void everyReadOfASupportRecordIsAudited() throws Exception {
		long id = as("cb.a", () -> support.create(new SupportRecordDraft(1998, Sex.FEMALE, "03253",
				LocalDate.of(2025, 11, 2), Set.of(SupportServiceKind.VOCATIONAL_TRAINING), ReintegrationStatus.NOT_STARTED,
				null)));
		assertThat(auditCount("SUPPORT_RECORD_READ", id)).isZero();

		page("cb.a", get("/prostitution/support/" + id)).andExpect(status().isOk());
		assertThat(auditCount("SUPPORT_RECORD_READ", id)).isEqualTo(1);

		apiGet("xa.a", "/api/v1/prostitution/support-records/" + id).andExpect(status().isOk());
		assertThat(auditCount("SUPPORT_RECORD_READ", id)).isEqualTo(2);

		as("xa.a", () -> support.get(id));
		assertThat(auditCount("SUPPORT_RECORD_READ", id)).isEqualTo(3);
		assertThat(jdbc.sql("""
				SELECT array_agg(actor ORDER BY id) FROM audit.entry
				WHERE action = 'SUPPORT_RECORD_READ' AND subject_id = :id""").param("id", String.valueOf(id))
			.query(String.class).single()).isEqualTo("{cb.a,xa.a,xa.a}");
	}

	@Test
	void listingSupportRecordsIsAuditedWithTheCodesShown() throws Exception {
		long id = as("xa.a", () -> support.create(new SupportRecordDraft(null, Sex.UNKNOWN, "03253",
				LocalDate.of(2025, 12, 20), Set.of(), ReintegrationStatus.IN_PROGRESS, null)));
		String code = jdbc.sql("SELECT code FROM prostitution.support_record WHERE id = :id").param("id", id)
			.query(String.class).single();
		assertThat(code).matches("HT-[A-Z2-9]{8}");
		long before = listings();
		assertThat(pageBody("xa.a", "/prostitution/support")).contains(code);
		apiGet("xa.a", "/api/v1/prostitution/support-records").andExpect(status().isOk());
		assertThat(listings()).isEqualTo(before + 2);
		assertThat(jdbc.sql("SELECT details FROM audit.entry WHERE action = 'SUPPORT_RECORDS_LISTED' ORDER BY id DESC LIMIT 1")
			.query(String.class).single()).contains(code);
	}

	@Test
	void aRefusedReadIsNotMistakenForAReadAndLeavesNoPersonalDataInTheAnswer() throws Exception {
		long id = as("xa.a", () -> support.create(new SupportRecordDraft(1990, Sex.FEMALE, "03253",
				LocalDate.of(2025, 9, 9), Set.of(SupportServiceKind.LEGAL_AID), ReintegrationStatus.IN_PROGRESS, null)));
		String body = text(apiGet("thanhtra.thoxuan", "/api/v1/prostitution/support-records/" + id)
			.andExpect(status().isForbidden()));
		assertThat(body).contains("cán bộ công tác xã hội").doesNotContain("HT-");
		assertThat(auditCount("SUPPORT_RECORD_READ", id)).isZero();
	}

	private long listings() {
		return jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'SUPPORT_RECORDS_LISTED' AND actor = 'xa.a'")
			.query(Long.class).single();
	}
}
