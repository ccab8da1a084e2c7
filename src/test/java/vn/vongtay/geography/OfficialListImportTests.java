package vn.vongtay.geography;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.geography.internal.UnitImports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@IntegrationTest
class OfficialListImportTests {

	private static final String HEADER = "Tỉnh/Thành phố,Mã TP,Quận/Huyện,Mã QH,Phường/Xã,Mã PX,Cấp\n";

	@Autowired
	UnitImports imports;

	@Autowired
	Units units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	@Autowired
	org.springframework.security.core.userdetails.UserDetailsService users;

	@Test
	void importsAStatisticsOfficeListWithDistrictsAndRestoresLeadingZeros() {
		String csv = HEADER + """
				Tỉnh Thử Nghiệm,97,Huyện Mẫu,990,Xã Một,99001,Xã
				Tỉnh Thử Nghiệm,97,Huyện Mẫu,990,Thị trấn Hai,99002,Thị trấn
				""";
		var result = imports.importOfficialList("list.csv", csv.getBytes(StandardCharsets.UTF_8),
				LocalDate.of(2030, 1, 1), null);
		assertThat(result.provinces()).isEqualTo(1);
		assertThat(result.districts()).isEqualTo(1);
		assertThat(result.communes()).isEqualTo(2);
		var children = units.childrenOf(units.byCode("990", LocalDate.of(2030, 6, 1)).id(), LocalDate.of(2030, 6, 1));
		assertThat(children).extracting(AdministrativeUnit::fullName).containsExactly("Xã Một", "Thị trấn Hai");
		assertThat(children).extracting(AdministrativeUnit::name).containsExactly("Một", "Hai");
	}

	@Test
	void aMalformedFileNamesEveryRowAndColumnAtFaultAndStoresNothing() {
		long before = jdbc.sql("SELECT count(*) FROM geography.unit").query(Long.class).single();
		String csv = HEADER + """
				Tỉnh Lỗi,96,Huyện Lỗi,980,Xã Đúng,98001,Xã
				Tỉnh Lỗi,96,Huyện Lỗi,980,,98002,Xã
				Tỉnh Lỗi,96,Huyện Lỗi,98X,Xã Sai Mã,98003,Xã
				Tỉnh Lỗi,96,Huyện Lỗi,980,Xã Trùng,98001,Xã
				""";
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> imports.importOfficialList("broken.csv", csv.getBytes(StandardCharsets.UTF_8),
						LocalDate.of(2030, 1, 1), null));
		assertThat(refusal.status()).isEqualTo(422);
		assertThat(refusal.problems()).extracting(p -> p.row() + ":" + p.column())
			.containsExactly("3:Phường/Xã", "4:Mã QH", "5:Mã PX");
		assertThat(jdbc.sql("SELECT count(*) FROM geography.unit").query(Long.class).single()).isEqualTo(before);
		assertThat(units.findByCode("98001", LocalDate.of(2030, 6, 1))).isEmpty();
	}

	@Test
	void anAdministratorUploadingABrokenFileSeesEachRowAndColumnInVietnamese() throws Exception {
		String csv = HEADER + "Tỉnh Lỗi,96,,,Xã Không Mã,,Xã\n";
		String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/admin/units/import")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "broken.csv", "text/csv",
					csv.getBytes(StandardCharsets.UTF_8)))
			.param("layout", "OFFICIAL_LIST")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.loadUserByUsername("admin")))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is(422))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("Dữ liệu có 1 lỗi; không có gì được lưu.", "<td>2</td>", "<td>Mã PX</td>",
				"Thiếu thông tin bắt buộc: Mã PX.");
		assertThat(units.findByCode("96", LocalDate.of(2030, 6, 1)).filter(u -> "Tỉnh Lỗi".equals(u.fullName())))
			.isEmpty();
	}

	@Test
	void aFileWithoutTheRequiredColumnsIsRefusedAtTheHeaderRow() {
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> imports.importOfficialList("wrong.csv", "Tên,Mã\nA,1\n".getBytes(StandardCharsets.UTF_8),
						LocalDate.of(2030, 1, 1), null));
		assertThat(refusal.problems()).allSatisfy(p -> assertThat(p.row()).isEqualTo(1));
		assertThat(refusal.problems()).extracting(p -> p.column()).contains("Mã PX", "Tỉnh/Thành phố");
	}

	@Test
	void aMalformedJsonListIsRefusedWithThePathOfTheFaultAndStoresNothing() {
		long before = jdbc.sql("SELECT count(*) FROM geography.unit").query(Long.class).single();
		String json = """
				[{"Code": "95", "Name": "Tỉnh Một", "FullName": "Tỉnh Một", "Wards": [
				  {"Code": "95001", "Name": "Xã A", "FullName": "Xã A"},
				  {"Code": "", "Name": "Xã B", "FullName": "Xã B"}]}]""";
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class, () -> imports
			.importJson(UnitImports.JsonLayout.TWO_LEVEL, "two.json", json.getBytes(StandardCharsets.UTF_8)));
		assertThat(refusal.problems()).extracting(p -> p.column()).containsExactly("$[0].Wards[1].Code");
		assertThat(jdbc.sql("SELECT count(*) FROM geography.unit").query(Long.class).single()).isEqualTo(before);
	}
}
