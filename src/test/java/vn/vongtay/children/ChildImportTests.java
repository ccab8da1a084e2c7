package vn.vongtay.children;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;

import vn.vongtay.IntegrationTest;
import vn.vongtay.core.InputProblem;
import vn.vongtay.core.UserFacingException;

/**
 * A commune's Excel file with good rows, bad rows, text typed in TCVN3, decomposed Unicode, duplicates and a formula:
 * the check shows every rejected row and duplicate, the commit registers exactly the accepted rows, a second import of
 * the same file finds them all as duplicates, and a broken file stores nothing.
 */
@IntegrationTest
@WithUserDetails("xa.a")
class ChildImportTests {

	@Autowired
	ChildImports imports;

	@Autowired
	Children children;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void aMixedFileIsCheckedRowByRowAndCommitsExactlyTheAcceptedRows() throws IOException {
		String suffix = "Nhap" + letters();
		String pid = "0113" + String.format("%08d", System.nanoTime() % 100_000_000L);
		pid = pid.substring(0, 4) + "14" + pid.substring(6);
		children.register(new ChildDraft("Đã Có Sẵn " + suffix, Sex.FEMALE, LocalDate.of(2014, 4, 4), false, "01", pid,
				true, "03253", null, null, null, null, false, null, null, null, null, null, null, null));
		byte[] file = workbook(suffix, pid);

		ChildImports.Report preview = imports.importNow("so-theo-doi-" + suffix + ".xlsx", file, false);
		assertThat(preview.status()).isEqualTo(ChildImports.Status.PREVIEWED);
		assertThat(preview.totalRows()).isEqualTo(11);
		assertThat(preview.accepted()).isEqualTo(5);
		assertThat(preview.rejected()).isEqualTo(4);
		assertThat(preview.duplicates()).isEqualTo(2);
		assertThat(preview.errors()).extracting(p -> p.row() + " " + p.column() + " " + p.messageKey())
			.containsExactlyInAnyOrder("7 Họ và tên error.field.required", "8 Giới tính error.import.sex",
					"9 Ngày sinh error.import.date", "10 Mã xã error.unit.outside-jurisdiction");
		assertThat(preview.duplicateRows()).extracting(d -> d.row() + " " + d.reason())
			.containsExactlyInAnyOrder("11 NAME_IN_FILE", "12 PID_IN_REGISTER");
		assertThat(count(suffix)).as("only the child registered before the import").isEqualTo(1);

		ChildImports.Report committed = imports.importNow("so-theo-doi-" + suffix + ".xlsx", file, true);
		assertThat(committed.status()).isEqualTo(ChildImports.Status.COMMITTED);
		assertThat(committed.committed()).isEqualTo(5);
		assertThat(count(suffix)).isEqualTo(5 + 1);
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT c.full_name, c.birth_date, c.birth_date_estimated, c.notes, c.household_id, c.unit_id,
				       (SELECT string_agg(group_code, ',' ORDER BY group_code) FROM children.circumstance s WHERE s.child_id = c.id) AS groups
				FROM children.child c WHERE c.full_name LIKE :suffix ORDER BY c.id""")
			.param("suffix", "%" + suffix).query().listOfRows();
		assertThat(rows).extracting(r -> r.get("full_name")).contains("Nguyễn Văn Một " + suffix, "Lò Thị Hoa " + suffix,
				"Trần Văn Ba " + suffix);
		Map<String, Object> tcvn3 = row(rows, "Lò Thị Hoa " + suffix);
		assertThat(tcvn3.get("birth_date").toString()).isEqualTo("2013-11-20");
		Map<String, Object> decomposed = row(rows, "Trần Văn Ba " + suffix);
		assertThat(Normalizer.isNormalized((String) decomposed.get("full_name"), Normalizer.Form.NFC)).isTrue();
		assertThat(row(rows, "Đỗ Thị Công Thức " + suffix).get("notes")).isEqualTo("=HYPERLINK(\"http://x\")");
		Map<String, Object> first = row(rows, "Nguyễn Văn Một " + suffix);
		Map<String, Object> yearOnly = row(rows, "Nguyễn Thị Năm " + suffix);
		assertThat(yearOnly.get("birth_date_estimated")).isEqualTo(true);
		assertThat(yearOnly.get("household_id")).isEqualTo(first.get("household_id"));
		assertThat(first.get("groups")).isEqualTo("a,d");

		ChildImports.Report again = imports.importNow("so-theo-doi-" + suffix + ".xlsx", file, true);
		assertThat(again.accepted()).isZero();
		assertThat(again.duplicates()).isEqualTo(7);
		assertThat(again.committed()).isZero();
		assertThat(count(suffix)).isEqualTo(6);
		assertThat(imports.history(0, 5)).extracting(ChildImports.Report::fileName).contains("so-theo-doi-" + suffix + ".xlsx");
	}

	@Test
	void aBrokenFileIsRefusedAndStoresNothing() {
		long before = jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single();
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> imports.importNow("hong.xlsx", "PK\u0003\u0004 không phải Excel".getBytes(), true));
		assertThat(refusal.messageKey()).isEqualTo("error.file.unreadable-workbook");
		UserFacingException noHeader = catchThrowableOfType(UserFacingException.class,
				() -> imports.importNow("sai.csv", "a,b,c\n1,2,3\n".getBytes(), true));
		assertThat(noHeader.problems()).extracting(InputProblem::messageKey).containsExactly("error.import.no-header");
		assertThat(jdbc.sql("SELECT count(*) FROM children.child").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theApiChecksAndCommitsAFileAndListsEveryRejectedRowInVietnamese() throws Exception {
		String suffix = "Api" + letters();
		String csv = """
				Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số định danh cá nhân,Mã xã,Thôn/ấp,Họ tên người chăm sóc,Quan hệ,Nhóm hoàn cảnh đặc biệt,Ghi chú
				Hà Văn Đúng %1$s,1/2/2016,Nam,Thái,,03253,Bản Cá,Hà Thị Mẹ,Mẹ,,
				Hà Văn Sai %1$s,2016-13-01,Nam,Thái,,03253,,,,,
				""".formatted(suffix);
		mvc.perform(multipart("/api/v1/children/imports")
			.file(new MockMultipartFile("file", "so.csv", "text/csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.param("commit", "true")
			.with(user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.duplicates").value(0))
			.andExpect(jsonPath("$.committed").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].column").value("Ngày sinh"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("Ngày sinh \"2016-13-01\" không hợp lệ")));
	}

	/**
	 * Issue 17 §6: Excel's "CSV (Comma delimited)" on a Vietnamese Windows saves in Windows-1258 with ";" between
	 * cells; such a file was refused with "không tìm thấy dòng tiêu đề". It is read, its names as typed.
	 */
	@Test
	void aCsvSavedByExcelOnVietnameseWindowsIsImported() {
		String suffix = "Ansi" + letters();
		String csv = """
				Họ và tên;Ngày sinh;Giới tính;Dân tộc;Số định danh cá nhân;Mã xã;Thôn/ấp;Họ tên người chăm sóc;Quan hệ;Nhóm hoàn cảnh đặc biệt;Ghi chú\r
				Nguyễn Thị Ánh Tuyết %1$s;05/09/2015;Nữ;Thái;;03253;Bản Phiêng Pẻn;Lò Thị Ước;Mẹ;a;\r
				""".formatted(suffix);
		ChildImports.Report report = imports.importNow("so.csv", vn.vongtay.core.ExcelCsv.windows1258(csv), true);
		assertThat(report.errors()).isEmpty();
		assertThat(report.committed()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT full_name FROM children.child WHERE full_name LIKE :s").param("s", "%" + suffix)
			.query(String.class).single()).isEqualTo("Nguyễn Thị Ánh Tuyết " + suffix);
	}

	/**
	 * Issue 17 §6: a row is fixed once, not once per problem. Every problem of a row is listed: a date that cannot be
	 * read does not hide a name with a digit in it nor a commune outside the caller's reach.
	 */
	@Test
	void everyProblemOfARowIsShownNotOnlyTheFirst() {
		String csv = """
				Họ và tên,Ngày sinh,Giới tính,Mã xã,Nhóm hoàn cảnh đặc biệt
				Hà Văn 2,31/02/2015,Nam,03295,z
				""";
		ChildImports.Report report = imports.importNow("so.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				false);
		assertThat(report.rejected()).isEqualTo(1);
		assertThat(report.errors()).extracting(p -> p.row() + " " + p.column() + " " + p.messageKey())
			.containsExactlyInAnyOrder("2 Họ và tên error.child.name-invalid", "2 Ngày sinh error.import.date",
					"2 Mã xã error.unit.outside-jurisdiction", "2 Nhóm hoàn cảnh đặc biệt error.import.group");
	}

	/**
	 * Issue 17 §6: the rejected rows come back as a workbook in the template's columns, as typed, with a column saying
	 * what is wrong in each, so that the officer fixes them in Excel and uploads the workbook again.
	 */
	@Test
	void theRejectedRowsComeBackAsAWorkbookToFixAndUploadAgain() throws Exception {
		String suffix = "Sua" + letters();
		String csv = """
				Mã xã,Họ và tên,Ngày sinh,Giới tính,Thôn/ấp
				03253,Lò Văn Đúng %1$s,01/02/2016,Nam,Bản Cá
				3253,Lò Văn Sai %1$s,31/02/2016,X,Bản Cá
				03253,Lò Thị Thiếu %1$s,,Nữ,
				""".formatted(suffix);
		ChildImports.Report preview = imports.importNow("so.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				false);
		assertThat(preview.rejected()).isEqualTo(2);

		org.springframework.security.core.context.SecurityContext signedIn =
				org.springframework.security.core.context.SecurityContextHolder.getContext();
		byte[] workbook = mvc.perform(get("/children/imports/{id}/rejected.xlsx", preview.id())
			.with(user(users.loadUserByUsername("xa.a"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		// the request cleared the test's own sign-in
		org.springframework.security.core.context.SecurityContextHolder.setContext(signedIn);
		List<List<String>> rows = vn.vongtay.core.TabularFile.read("loi.xlsx", workbook);
		assertThat(rows.get(0)).startsWith("Họ và tên", "Ngày sinh", "Giới tính").endsWith("Lỗi cần sửa");
		assertThat(rows).hasSize(3);
		int errors = rows.get(0).size() - 1;
		assertThat(rows.get(1)).startsWith("Lò Văn Sai " + suffix, "31/02/2016", "X");
		assertThat(rows.get(1).get(rows.get(0).indexOf("Mã xã"))).as("the code as typed").isEqualTo("3253");
		assertThat(rows.get(1).get(errors)).contains("Dòng 3", "Ngày sinh \"31/02/2016\" không hợp lệ",
				"Giới tính \"X\" không hợp lệ");
		assertThat(rows.get(2).get(0)).isEqualTo("Lò Thị Thiếu " + suffix);
		assertThat(rows.get(2).get(errors)).contains("Dòng 4", "Ngày sinh");

		// uploaded again as it is, it is read with the same headings and refused for the same reasons
		ChildImports.Report again = imports.importNow("loi.xlsx", workbook, false);
		assertThat(again.totalRows()).isEqualTo(2);
		assertThat(again.rejected()).isEqualTo(2);
		assertThat(again.errors()).extracting(InputProblem::messageKey).contains("error.import.date", "error.import.sex",
				"error.field.required");
	}

	/** Issue 17 §6: what is written is the accepted rows and the duplicates the officer chose to add or merge. */
	@Test
	void theCommittedCountFollowsTheOfficersDecisions() {
		String suffix = "Quyet" + letters();
		String csv = """
				Họ và tên,Ngày sinh,Giới tính,Mã xã
				Lường Văn Một %1$s,01/02/2016,Nam,03253
				Lường Văn Một %1$s,01/02/2016,Nam,03253
				Lường Thị Hai %1$s,03/04/2017,Nữ,03253
				Lường Thị Hai %1$s,03/04/2017,Nữ,03253
				""".formatted(suffix);
		ChildImports.Report preview = imports.importNow("so.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				false);
		assertThat(preview.accepted()).isEqualTo(2);
		assertThat(preview.duplicates()).isEqualTo(2);
		ChildImports.Report committed = imports.commitNow(preview.id(),
				Map.of(3, ChildImports.Decision.KEEP, 5, ChildImports.Decision.SKIP));
		assertThat(committed.committed()).isEqualTo(3);
		assertThat(count(suffix)).isEqualTo(3);
	}

	/** A run-specific word of letters: names may not contain digits. */
	private static String letters() {
		StringBuilder word = new StringBuilder();
		for (long n = System.nanoTime(); word.length() < 6; n /= 26) {
			word.append((char) ('a' + (int) (n % 26)));
		}
		return word.toString();
	}

	private long count(String suffix) {
		return jdbc.sql("SELECT count(*) FROM children.child WHERE full_name LIKE :s").param("s", "%" + suffix)
			.query(Long.class).single();
	}

	private static Map<String, Object> row(List<Map<String, Object>> rows, String name) {
		return rows.stream().filter(r -> name.equals(r.get("full_name"))).findFirst().orElseThrow(() -> new AssertionError(name));
	}

	/** The file as a commune keeps it: a title row, headings as the office wrote them, and rows of every kind. */
	private static byte[] workbook(String suffix, String registeredPid) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Sổ");
			sheet.createRow(0).createCell(0).setCellValue("SỔ THEO DÕI TRẺ EM XÃ TUẦN GIÁO");
			String[] headings = { "Họ tên", "Ngày, tháng, năm sinh", "Giới tính", "Dân tộc", "Số CCCD", "Mã xã", "Thôn",
					"Người chăm sóc", "Quan hệ với trẻ", "Hoàn cảnh đặc biệt", "Ghi chú" };
			Row header = sheet.createRow(1);
			for (int c = 0; c < headings.length; c++) {
				header.createCell(c).setCellValue(headings[c]);
			}
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy"));
			String nfd = Normalizer.normalize("Trần Văn Ba " + suffix, Normalizer.Form.NFD);
			Object[][] rows = {
					{ "Nguyễn Văn Một " + suffix, "05/09/2015", "Nam", "Kinh", "", 3253d, "Bản Đông", "Nguyễn Thị Mẹ", "Mẹ", "a, d", "" },
					// "Lò Thị Hoa" typed with the .VnTime font (TCVN3), its date a real Excel date
					{ "L\u00df Th\u00de Hoa " + suffix, LocalDate.of(2013, 11, 20), "N\u00f7", "Th\u00b8i", "", "03253", "B\u00b6n \u00a7\u00abng", "", "", "", "" },
					{ nfd, "2015-03-01", "Nam", "Kinh", "", "03253", "", "", "", "", "" },
					{ "Đỗ Thị Công Thức " + suffix, "1/1/2014", "Nữ", "Kinh", "", "03253", "", "", "", "", "=HYPERLINK(\"http://x\")" },
					{ "", "01/01/2014", "Nữ", "Kinh", "", "03253", "", "", "", "", "" },
					{ "Bùi Văn Sáu " + suffix, "01/01/2014", "X", "Kinh", "", "03253", "", "", "", "", "" },
					{ "Bùi Văn Bảy " + suffix, "31/02/2015", "Nam", "Kinh", "", "03253", "", "", "", "", "" },
					{ "Bùi Văn Tám " + suffix, "01/01/2014", "Nam", "Kinh", "", "03295", "", "", "", "", "" },
					{ "Nguyễn Văn Một " + suffix, "5/9/2015", "Nam", "Kinh", "", "03253", "Bản Đông", "", "", "", "" },
					{ "Trùng Số Định Danh " + suffix, "04/04/2014", "Nữ", "Kinh", registeredPid, "03253", "", "", "", "", "" },
					{ "Nguyễn Thị Năm " + suffix, "2016", "Nữ", "Kinh", "", "03253", "bản đông", "Nguyễn Thị Mẹ", "Mẹ", "", "" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r + 2);
				for (int c = 0; c < rows[r].length; c++) {
					Object value = rows[r][c];
					Cell cell = row.createCell(c);
					if (value instanceof Double number) {
						cell.setCellValue(number);
					}
					else if (value instanceof LocalDate date) {
						cell.setCellValue(date);
						cell.setCellStyle(dateStyle);
					}
					else if (((String) value).startsWith("=")) {
						cell.setCellFormula(((String) value).substring(1));
					}
					else {
						cell.setCellValue((String) value);
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
