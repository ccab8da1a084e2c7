package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.vongtay.IntegrationTest;

/** The register's pages in Vietnamese, and an import followed in the browser from upload to commit. */
@IntegrationTest
class ChildPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theListAChildsRecordTheFormAndTheImportPageRenderInVietnamese() throws Exception {
		assertThat(page("/children")).contains("Sổ theo dõi trẻ em", "Xã Tuần Giáo", "Xuất Excel");
		long child = jdbc.sql("SELECT c.id FROM children.child c JOIN geography.unit u ON u.id = c.unit_id "
				+ "WHERE u.code = '03253' AND u.valid_to IS NULL AND c.household_id IS NOT NULL ORDER BY c.id LIMIT 1")
			.query(Long.class).single();
		assertThat(page("/children/" + child)).contains("Hộ gia đình và người chăm sóc", "Hoàn cảnh đặc biệt",
				"Hỗ trợ đã nhận", "Nơi cư trú");
		assertThat(page("/children/new")).contains("Họ tên người chăm sóc", "Kinh", "Mông");
		assertThat(page("/children/imports")).contains("Tải mẫu tệp nhập (XLSX)");
		assertThat(page("/children/awaiting")).contains("Trẻ em chờ phân về xã mới");
		byte[] template = mvc.perform(get("/children/imports/template.xlsx").with(as("xa.a"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(template).isNotEmpty();
	}

	@Test
	void anUploadIsCheckedInTheBackgroundThenCommittedOnConfirmation() throws Exception {
		String csv = """
				Họ và tên,Ngày sinh,Giới tính,Mã xã,Thôn/ấp
				Vàng Thị Trang Nền,03/03/2017,Nữ,03253,Bản Nền
				""";
		String location = mvc.perform(multipart("/children/imports")
			.file(new MockMultipartFile("file", "nen.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(as("xa.a")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		String progress = location + "/progress";
		String fragment = waitWhile(progress, "Đang kiểm tra", "Đã nhận tệp");
		assertThat(fragment).contains("Đã kiểm tra, chờ ghi vào sổ", "Ghi 1 trẻ vào sổ");
		mvc.perform(post(location + "/commit").with(as("xa.a")).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(waitWhile(progress, "Đang ghi vào sổ")).contains("Đã ghi 1 trẻ vào sổ theo dõi.");
		assertThat(jdbc.sql("SELECT count(*) FROM children.child WHERE full_name = 'Vàng Thị Trang Nền'")
			.query(Long.class).single()).isEqualTo(1);
	}

	/** Issue 17 §3: the sex starts empty (a girl was saved as a boy by the default) and, left empty, is refused in place. */
	@Test
	void theSexStartsEmptyAndLeftEmptyIsARequiredFieldError() throws Exception {
		String form = page("/children/new");
		assertThat(form).containsPattern("<select id=\"sex\" name=\"sex\" required[^>]*>\\s*<option value=\"\"[^>]*>");
		assertThat(form).doesNotContainPattern("<option value=\"(MALE|FEMALE|UNKNOWN)\" selected");

		String refused = mvc.perform(post("/children").param("fullName", "Lò Thị Chưa Chọn").param("sex", "")
			.param("birthDate", "2016-02-01").param("communeCode", "03253").with(as("xa.a")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("Giới tính: ", "value=\"Lò Thị Chưa Chọn\"")
			.containsPattern("<select id=\"sex\" name=\"sex\" required[^>]*aria-invalid=\"true\"");
		assertThat(jdbc.sql("SELECT count(*) FROM children.child WHERE full_name = 'Lò Thị Chưa Chọn'")
			.query(Long.class).single()).isZero();
	}

	/**
	 * Issue 17 §3: registering by hand a child already in the register (same name without accents, birth date and
	 * commune, as the import finds duplicates) warns with a link to the existing record; the officer may register anyway.
	 */
	@Test
	void registeringAChildAlreadyInTheRegisterWarnsAndOffersTheExistingRecord() throws Exception {
		String suffix = (char) ('a' + System.nanoTime() % 26) + "x";
		String name = "Mùa Thị Đã Có " + suffix;
		String first = mvc.perform(registration(name)).andExpect(status().is3xxRedirection()).andReturn().getResponse()
			.getRedirectedUrl();
		long existing = Long.parseLong(first.replaceAll("^/children/([0-9]+).*$", "$1"));

		// typed again without accents, as on a phone
		String warned = mvc.perform(registration("Mua Thi Da Co " + suffix))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(warned).contains("Có thể trẻ này đã có trong sổ", "href=\"/children/" + existing + "\"",
				"Vẫn đăng ký trẻ mới", "Bản Đề Phòng");
		assertThat(count(name)).isEqualTo(1);

		mvc.perform(registration(name).param("registerAnyway", "true")).andExpect(status().is3xxRedirection());
		assertThat(count(name)).isEqualTo(2);
	}

	/** Issue 17 §3: nobody types a commune code: a commune officer's own commune is filled in. */
	@Test
	void theCommuneIsTheOfficersOwnByDefault() throws Exception {
		assertThat(page("/children/new")).containsPattern("<input id=\"communeCode\" name=\"communeCode\"[^>]*value=\"03253\"")
			.contains("Xã Tuần Giáo");
	}

	/**
	 * Issue 17 §3: the child picker finds a child by name and date of birth within the caller's reach only, for whoever
	 * reads identities in the register, and writes each search to the audit log.
	 */
	@Test
	void theChildPickerAnswersWithinTheCallersReachOnlyAndIsAudited() throws Exception {
		String name = "Sùng Thị Chọn " + (char) ('a' + System.nanoTime() % 26) + "y";
		mvc.perform(registration(name)).andExpect(status().is3xxRedirection());
		long audited = jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'CHILDREN_SEARCHED'").query(Long.class)
			.single();

		String found = mvc.perform(get("/children/picker").param("q", name).param("born", "07/06/2015").with(as("xa.a")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(found).contains("\"fullName\":\"" + name + "\"", "\"birthDate\":\"07/06/2015\"",
				"Bản Đề Phòng", "Xã Tuần Giáo");
		assertThat(mvc.perform(get("/children/picker").param("q", name).param("born", "08/06/2015").with(as("xa.a")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("[]");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.entry WHERE action = 'CHILDREN_SEARCHED'").query(Long.class)
			.single()).isGreaterThan(audited);

		// another commune's officer does not reach the child; a viewer of figures reads no names
		assertThat(mvc.perform(get("/children/picker").param("q", name).with(as("xa.b"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("[]");
		mvc.perform(get("/children/picker").param("q", name).with(as("lanhdao.dienbien")))
			.andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder registration(String name) {
		return post("/children").param("fullName", name).param("sex", "FEMALE").param("birthDate", "2015-06-07")
			.param("communeCode", "03253").param("village", "Bản Đề Phòng").with(as("xa.a")).with(csrf());
	}

	private long count(String name) {
		return jdbc.sql("SELECT count(*) FROM children.child WHERE full_name = :name").param("name", name)
			.query(Long.class).single();
	}

	private String waitWhile(String url, String... busy) throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			String body = mvc.perform(get(url).with(as("xa.a"))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			if (java.util.Arrays.stream(busy).noneMatch(body::contains)) {
				return body;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("still busy: " + url);
	}

	private String page(String url) throws Exception {
		return mvc.perform(get(url).with(as("xa.a"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}
}
