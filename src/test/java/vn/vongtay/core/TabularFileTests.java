package vn.vongtay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Files read as a stream, one row at a time, cells as the user sees them; reading stops when the reader says so. */
class TabularFileTests {

	@Test
	void aSheetIsReadRowByRowAndStopsWhenTheReaderHasEnough() throws IOException {
		byte[] sheet = workbook(1_000);
		List<Integer> seen = new ArrayList<>();
		TabularFile.stream("so.xlsx", sheet, (index, cells) -> {
			seen.add(index);
			return seen.size() < 10;
		});
		assertThat(seen).as("row 5 of the sheet (index 4) is left out by the sheet").containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9, 10);
	}

	@Test
	void cellsOfASheetAreTheTextTheUserSees() throws IOException {
		List<List<String>> rows = TabularFile.read("so.xlsx", workbook(5));
		assertThat(rows.get(0)).containsExactly("Họ và tên", "Ngày sinh", "Số định danh", "Ghi chú", "Tỷ lệ");
		// a date cell as an ISO date, a 12-digit number in full, a formula as its text, a fraction as shown
		assertThat(rows.get(1)).containsExactly("Nguyễn Văn 1", "2015-09-05", "11315000001", "=HYPERLINK(\"http://x\")",
				"0.5");
		// a row the sheet leaves out is an empty row, so that row numbers stay those of the sheet
		assertThat(rows.get(4)).isEmpty();
		assertThat(rows.get(5).get(0)).isEqualTo("cuối");
	}

	@Test
	void aCsvIsReadRowByRowWithItsSeparatorQuotesAndByteOrderMark() {
		String csv = "\uFEFFHọ và tên;Ghi chú\r\n\"Lò, Thị \"\"Hoa\"\"\";\"hai\ndòng\"\nA;B\nC;D\n";
		List<List<String>> rows = new ArrayList<>();
		TabularFile.stream("so.csv", csv.getBytes(StandardCharsets.UTF_8), (index, cells) -> {
			rows.add(cells);
			return rows.size() < 3;
		});
		assertThat(rows).containsExactly(List.of("Họ và tên", "Ghi chú"), List.of("Lò, Thị \"Hoa\"", "hai\ndòng"),
				List.of("A", "B"));
	}

	/**
	 * Excel on a Vietnamese Windows saves "CSV (Comma delimited)" in the ANSI code page, Windows-1258, with the list
	 * separator of the locale, ";"; Windows-1258 writes most toned letters as a base letter and a combining tone mark,
	 * which the reader composes (NFC) so that the text compares equal to what was typed.
	 */
	@Test
	void aCsvSavedByExcelOnVietnameseWindowsIsReadAsWindows1258() {
		String text = "Họ và tên;Ngày sinh;Giới tính;Thôn/ấp\r\nNguyễn Thị Ánh Tuyết;05/09/2015;Nữ;Bản Phiêng Pẻn\r\n";
		List<List<String>> rows = TabularFile.read("so.csv", ExcelCsv.windows1258(text));
		assertThat(rows).containsExactly(List.of("Họ và tên", "Ngày sinh", "Giới tính", "Thôn/ấp"),
				List.of("Nguyễn Thị Ánh Tuyết", "05/09/2015", "Nữ", "Bản Phiêng Pẻn"));
		assertThat(rows.get(1).get(0)).as("composed, as typed").isEqualTo(Normalizer.normalize("Nguyễn Thị Ánh Tuyết",
				Normalizer.Form.NFC));
	}

	@Test
	void aCsvIsReadInTheEncodingItWasSavedIn() {
		String text = "Họ và tên,Thôn/ấp\nLò Văn Đức,Nà Sáng\n";
		List<List<String>> expected = List.of(List.of("Họ và tên", "Thôn/ấp"), List.of("Lò Văn Đức", "Nà Sáng"));
		// UTF-8 without a byte order mark (LibreOffice, Google Sheets), and decomposed as a Mac writes it
		assertThat(TabularFile.read("so.csv", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
		assertThat(TabularFile.read("so.csv", Normalizer.normalize(text, Normalizer.Form.NFD)
			.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
		// Excel's "Unicode text": UTF-16 little-endian with its byte order mark, tab-separated
		String tabbed = text.replace(',', '\t');
		byte[] utf16 = ("\uFEFF" + tabbed).getBytes(StandardCharsets.UTF_16LE);
		assertThat(TabularFile.read("so.txt", utf16)).isEqualTo(expected);
		// and without the mark, big- or little-endian
		assertThat(TabularFile.read("so.txt", tabbed.getBytes(StandardCharsets.UTF_16LE))).isEqualTo(expected);
		assertThat(TabularFile.read("so.txt", tabbed.getBytes(StandardCharsets.UTF_16BE))).isEqualTo(expected);
	}

	/**
	 * Text typed in the TCVN3 fonts (.VnTime) is ordinary Windows-1252 text that the font drew as Vietnamese; saved as
	 * CSV it is neither UTF-8 nor Windows-1258 (its letters sit where Windows-1258 keeps its tone marks, after any
	 * letter), and stays Windows-1252 for the legacy conversion to recognise.
	 */
	@Test
	void aCsvOfTextTypedInTheOldTcvn3FontsIsLeftForTheLegacyConversion() {
		String legacy = "Hä vµ tªn;Ghi chó\nNguyÔn ThÞ Hµ;kh«ng\n";
		List<List<String>> rows = TabularFile.read("so.csv", legacy.getBytes(java.nio.charset.Charset.forName("windows-1252")));
		assertThat(rows.get(1).get(0)).isEqualTo("NguyÔn ThÞ Hµ");
		assertThat(LegacyVietnamese.toUnicode(rows.get(1).get(0))).isEqualTo("Nguyễn Thị Hà");
	}

	@Test
	void aCellLongerThanExcelAllowsIsRefusedWithItsRow() {
		String csv = "Họ và tên\n" + "x".repeat(TabularFile.MAX_CELL_CHARS + 1) + "\n";
		UserFacingException refusal = catchThrowableOfType(UserFacingException.class,
				() -> TabularFile.read("so.csv", csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(refusal.messageKey()).isEqualTo("error.file.cell-too-long");
		assertThat(refusal.arguments()).containsExactly(2, TabularFile.MAX_CELL_CHARS);
	}

	private static byte[] workbook(int rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Sổ");
			Row header = sheet.createRow(0);
			String[] headings = { "Họ và tên", "Ngày sinh", "Số định danh", "Ghi chú", "Tỷ lệ" };
			for (int c = 0; c < headings.length; c++) {
				header.createCell(c).setCellValue(headings[c]);
			}
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("m/d/yy"));
			for (int r = 1; r <= rows; r++) {
				if (r == 4) {
					continue;
				}
				Row row = sheet.createRow(r);
				if (r == 5) {
					row.createCell(0).setCellValue("cuối");
					continue;
				}
				row.createCell(0).setCellValue("Nguyễn Văn " + r);
				row.createCell(1).setCellValue(LocalDate.of(2015, 9, 5));
				row.getCell(1).setCellStyle(date);
				row.createCell(2).setCellValue(11315000001d);
				row.createCell(3).setCellFormula("HYPERLINK(\"http://x\")");
				row.createCell(4).setCellValue(0.5);
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}
}
