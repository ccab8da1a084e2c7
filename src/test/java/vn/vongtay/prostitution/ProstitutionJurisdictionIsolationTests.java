package vn.vongtay.prostitution;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.core.VietnamTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An officer of Xã Tuần Giáo (xa.a) reaches nothing of Xã Quài Tở (xa.b): not its establishments, tip-offs or support
 * records, by page or API, by list, id or count; and support records stay out of reach of inspectors and viewers.
 */
@IntegrationTest
class ProstitutionJurisdictionIsolationTests extends ProstitutionTestSupport {

	long establishment;
	long tipOff;
	long record;
	String code;

	@BeforeEach
	void quaiToHasItsOwnRecords() {
		String suffix = Long.toString(System.nanoTime(), 36);
		establishment = as("xa.b", () -> establishments.create(new EstablishmentDraft(EstablishmentType.KARAOKE,
				"Karaoke Quài Tở " + suffix, "Bản Chiềng", "03295", "Lò Văn Ba", "62A-" + suffix, 5,
				EstablishmentStatus.OPEN, LocalDate.of(2020, 1, 1), null, null)));
		tipOff = as("xa.b", () -> tipOffs.receive(new TipOffDraft(TipOffChannel.PHONE, TipOffKind.TIP,
				LocalDateTime.now(VietnamTime.ZONE).minusHours(2), "Tin báo Quài Tở " + suffix, "03295", establishment)));
		record = as("xa.b", () -> support.create(new SupportRecordDraft(1995, Sex.FEMALE, "03295",
				LocalDate.of(2025, 10, 1), Set.of(SupportServiceKind.HEALTH_CARE), ReintegrationStatus.IN_PROGRESS, null)));
		code = jdbc.sql("SELECT code FROM prostitution.support_record WHERE id = :id").param("id", record)
			.query(String.class).single();
	}

	@Test
	void aCommuneOfficerNeitherListsNorOpensTheEstablishmentsOfAnotherCommune() throws Exception {
		String name = establishmentsName();
		assertThat(pageBody("xa.b", "/prostitution/establishments")).contains(name);
		assertThat(pageBody("xa.a", "/prostitution/establishments")).doesNotContain(name);
		assertThat(pageBody("xa.a", "/prostitution/establishments?q=Quài")).doesNotContain(name);
		assertThat(text(apiGet("xa.a", "/api/v1/prostitution/establishments").andExpect(status().isOk())))
			.doesNotContain(name);
		page("xa.a", get("/prostitution/establishments/" + establishment)).andExpect(status().isNotFound());
		apiGet("xa.a", "/api/v1/prostitution/establishments/" + establishment).andExpect(status().isNotFound());
		apiGet("xa.b", "/api/v1/prostitution/establishments/" + establishment).andExpect(status().isOk());
	}

	@Test
	void aCommuneOfficerNeitherListsNorOpensTheTipOffsOfAnotherCommune() throws Exception {
		String content = jdbc.sql("SELECT content FROM prostitution.tip_off WHERE id = :id").param("id", tipOff)
			.query(String.class).single();
		assertThat(pageBody("xa.b", "/prostitution/tip-offs")).contains(content);
		assertThat(pageBody("xa.a", "/prostitution/tip-offs")).doesNotContain(content);
		assertThat(text(apiGet("xa.a", "/api/v1/prostitution/tip-offs").andExpect(status().isOk()))).doesNotContain(content);
		page("xa.a", get("/prostitution/tip-offs/" + tipOff)).andExpect(status().isNotFound());
		apiGet("xa.a", "/api/v1/prostitution/tip-offs/" + tipOff).andExpect(status().isNotFound());
	}

	@Test
	void aCommuneOfficerNeitherListsNorOpensTheSupportRecordsOfAnotherCommune() throws Exception {
		assertThat(pageBody("xa.b", "/prostitution/support")).contains(code);
		assertThat(pageBody("xa.a", "/prostitution/support")).doesNotContain(code);
		assertThat(text(apiGet("xa.a", "/api/v1/prostitution/support-records").andExpect(status().isOk())))
			.doesNotContain(code);
		page("xa.a", get("/prostitution/support/" + record)).andExpect(status().isNotFound());
		apiGet("xa.a", "/api/v1/prostitution/support-records/" + record).andExpect(status().isNotFound());
	}

	@Test
	void aCommuneOfficerCannotCountAnotherCommune() throws Exception {
		apiGet("xa.a", "/api/v1/prostitution/figures?unit=03295").andExpect(status().isNotFound());
		page("xa.a", get("/prostitution/figures?unit=03295")).andExpect(status().isNotFound());
		long quaiTo = units.byCode("03295", LocalDate.now()).id();
		assertThatThrownBy(() -> as("xa.a", () -> figures.of(quaiTo, LocalDate.now().getYear())))
			.isInstanceOf(UserFacingException.class);
		assertThat(read(apiGet("xa.b", "/api/v1/prostitution/figures?unit=03295").andExpect(status().isOk()))
			.get("establishments").asLong()).isPositive();
	}

	@Test
	void aCommuneOfficerCannotFileATipOffOrEstablishmentInAnotherCommune() throws Exception {
		form("xa.a", "/prostitution/establishments", "type", "HOTEL", "name", "Khách sạn lấn sân", "unitCode", "03295",
				"status", "OPEN")
			.andExpect(status().is(422));
		apiPost("xa.a", "/api/v1/prostitution/tip-offs",
				"{\"channel\":\"PHONE\",\"kind\":\"TIP\",\"content\":\"x\",\"unitCode\":\"03295\"}")
			.andExpect(status().is(422));
	}

	@Test
	void supportRecordsAreInvisibleToInspectorsViewersAndChairmenEvenWithinTheirJurisdiction() throws Exception {
		page("tinh.dienbien", get("/prostitution/support/" + record)).andExpect(status().isOk());
		page("lanhdao.dienbien", get("/prostitution/support")).andExpect(status().isForbidden());
		page("lanhdao.dienbien", get("/prostitution/support/" + record)).andExpect(status().isForbidden());
		apiGet("lanhdao.dienbien", "/api/v1/prostitution/support-records").andExpect(status().isForbidden());
		page("thanhtra.thoxuan", get("/prostitution/support")).andExpect(status().isForbidden());
		apiGet("thanhtra.thoxuan", "/api/v1/prostitution/support-records").andExpect(status().isForbidden());
		page("chutich.a", get("/prostitution/support")).andExpect(status().isForbidden());
		page("admin", get("/prostitution/support")).andExpect(status().isForbidden());
		assertThat(pageBody("cb.a", "/prostitution/support")).doesNotContain(code);
	}

	@Test
	void aViewerSeesFiguresButNoEstablishmentOrTipOff() throws Exception {
		page("lanhdao.dienbien", get("/prostitution/establishments")).andExpect(status().isForbidden());
		page("lanhdao.dienbien", get("/prostitution/tip-offs")).andExpect(status().isForbidden());
		apiGet("lanhdao.dienbien", "/api/v1/prostitution/establishments").andExpect(status().isForbidden());
		page("lanhdao.dienbien", get("/prostitution/figures?unit=11")).andExpect(status().isOk());
	}

	private String establishmentsName() {
		return jdbc.sql("SELECT name FROM prostitution.establishment WHERE id = :id").param("id", establishment)
			.query(String.class).single();
	}
}
