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

	/**
	 * A sheet of a workbook of several: title lines above a bold heading row, then the rows. Whole numbers are written
	 * with the format {@code #,##0} and others with {@code #,##0.0#}, which a spreadsheet shows with the separators of
	 * its locale (15.988 and 2,5 in Vietnamese).
	 */
	public record SheetContent(String name, List<String> titleLines, List<String> headings, List<List<Object>> rows) {
	}

	public static byte[] workbook(List<SheetContent> sheets) {
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle heading = workbook.createCellStyle();
			heading.setFont(bold);
			heading.setWrapText(true);
			CellStyle title = workbook.createCellStyle();
			title.setFont(bold);
			CellStyle whole = workbook.createCellStyle();
			whole.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
			CellStyle fraction = workbook.createCellStyle();
			fraction.setDataFormat(workbook.createDataFormat().getFormat("#,##0.0#"));
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
			java.util.Set<String> names = new java.util.HashSet<>();
			for (SheetContent content : sheets) {
				org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet(sheetName(content.name(), names));
				int r = 0;
				for (String line : content.titleLines()) {
					Cell cell = sheet.createRow(r++).createCell(0);
					cell.setCellValue(neutralise(line));
					cell.setCellStyle(title);
				}
				if (!content.titleLines().isEmpty()) {
					r++;
				}
				Row header = sheet.createRow(r++);
				for (int c = 0; c < content.headings().size(); c++) {
					Cell cell = header.createCell(c);
					cell.setCellValue(neutralise(content.headings().get(c)));
					cell.setCellStyle(heading);
					sheet.setColumnWidth(c, c == 0 ? 40 * 256 : 18 * 256);
				}
				for (List<Object> values : content.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object value = values.get(c);
						if (value == null) {
							continue;
						}
						Cell cell = row.createCell(c);
						if (value instanceof Number number) {
							java.math.BigDecimal decimal = new java.math.BigDecimal(number.toString());
							cell.setCellValue(decimal.doubleValue());
							cell.setCellStyle(decimal.stripTrailingZeros().scale() <= 0 ? whole : fraction);
						}
						else if (value instanceof LocalDate day) {
							cell.setCellValue(day);
							cell.setCellStyle(date);
						}
						else {
							cell.setCellValue(neutralise(value.toString()));
						}
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A sheet name a spreadsheet accepts: at most 31 characters, none of []:*?/\, unique in the workbook. */
	private static String sheetName(String wanted, java.util.Set<String> taken) {
		String base = wanted.replaceAll("[\\\\\\[\\]:*?/]", " ").strip();
		base = base.length() > 31 ? base.substring(0, 31) : base;
		String name = base.isEmpty() ? "Sheet" : base;
		for (int i = 2; taken.contains(name.toLowerCase(java.util.Locale.ROOT)); i++) {
			String suffix = " (" + i + ")";
			name = (base.length() + suffix.length() > 31 ? base.substring(0, 31 - suffix.length()) : base) + suffix;
		}
		taken.add(name.toLowerCase(java.util.Locale.ROOT));
		return name;
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
