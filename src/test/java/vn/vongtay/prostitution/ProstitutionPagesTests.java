package vn.vongtay.prostitution;

import org.junit.jupiter.api.Test;

import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page of the module renders for the people who use it, in Vietnamese and in English. */
@IntegrationTest
class ProstitutionPagesTests extends ProstitutionTestSupport {

	@Test
	void everyPageRendersForTheInspectorInVietnameseAndEnglish() throws Exception {
		long establishment = id("SELECT id FROM prostitution.establishment WHERE name LIKE 'Karaoke Ánh Trăng%'");
		long inspection = id("SELECT max(id) FROM prostitution.inspection WHERE establishment_id = " + establishment);
		long tipOff = id("SELECT min(id) FROM prostitution.tip_off WHERE step = 'RECEIVED' AND content LIKE '%dữ liệu mẫu%'");
		for (String url : new String[] { "/prostitution", "/prostitution/establishments",
				"/prostitution/establishments/new", "/prostitution/establishments/" + establishment,
				"/prostitution/teams", "/prostitution/teams/new", "/prostitution/inspections",
				"/prostitution/inspections/new?establishment=" + establishment, "/prostitution/inspections/" + inspection,
				"/prostitution/tip-offs", "/prostitution/tip-offs/new", "/prostitution/tip-offs/" + tipOff,
				"/prostitution/figures", "/prostitution/figures?unit=395&year=2024" }) {
			String vi = pageBody("thanhtra.thoxuan", url);
			assertThat(vi).as(url).contains("Phòng, chống mại dâm");
			String en = pageBody("thanhtra.thoxuan", url + (url.contains("?") ? "&" : "?") + "lang=en");
			assertThat(en).as(url).contains("Prostitution prevention");
		}
		assertThat(pageBody("thanhtra.thoxuan", "/prostitution/inspections/" + inspection)).contains("Hành vi mua dâm")
			.contains("Nghị định 144/2021/NĐ-CP").contains("1.500.000");
		assertThat(pageBody("thanhtra.thoxuan", "/prostitution/tip-offs/" + tipOff)).contains("Đã xác minh");
	}

	@Test
	void supportPagesRenderForACommuneOfficer() throws Exception {
		assertThat(pageBody("xa.a", "/prostitution")).contains("Hỗ trợ người bán dâm");
		assertThat(pageBody("xa.a", "/prostitution/support/new")).contains("Ngày đồng ý tham gia");
		assertThat(pageBody("thanhtra.thoxuan", "/prostitution")).doesNotContain("Hỗ trợ người bán dâm");
	}

	private long id(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
