package vn.vongtay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
