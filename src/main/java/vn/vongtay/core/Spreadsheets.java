package vn.vongtay.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes lists as XLSX the way offices read them: a bold heading row, dates as dd/MM/yyyy, numbers as numbers, and any
 * text that a spreadsheet would take for a formula (starting with =, +, -, @, or a tab or carriage return) written as
 * plain text behind an apostrophe, so that opening an export never runs anything.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/** A workbook of one sheet; each row is a list of values (String, Number, LocalDate, Boolean or null). */
	public static byte[] workbook(String sheetName, List<String> headings, Iterable<List<Object>> rows) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet(sheetName);
			CellStyle heading = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			heading.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			Row header = sheet.createRow(0);
			for (int c = 0; c < headings.size(); c++) {
				Cell cell = header.createCell(c);
				cell.setCellValue(headings.get(c));
				cell.setCellStyle(heading);
			}
			int r = 1;
			for (List<Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int c = 0; c < values.size(); c++) {
					Object value = values.get(c);
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof Number number) {
						cell.setCellValue(number.doubleValue());
					}
					else if (value instanceof LocalDate day) {
						cell.setCellValue(day);
						cell.setCellStyle(date);
					}
					else if (value instanceof Boolean flag) {
						cell.setCellValue(flag);
					}
					else {
						cell.setCellValue(neutralise(value.toString()));
					}
				}
			}
			sheet.createFreezePane(0, 1);
			workbook.write(out);
			workbook.dispose();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Text a spreadsheet would evaluate, made inert; other text unchanged. */
	public static String neutralise(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + text : text;
	}
}
