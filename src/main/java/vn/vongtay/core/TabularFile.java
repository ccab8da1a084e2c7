package vn.vongtay.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The rows of an uploaded CSV or Excel file as text, the way the user sees them: the first sheet of a workbook, cells
 * as displayed (formulas are never evaluated: their text is kept; date cells as ISO dates, whole numbers in full), a
 * CSV in UTF-8 (with or without BOM) separated by commas, semicolons or tabs.
 */
public final class TabularFile {

	private TabularFile() {
	}

	public static List<List<String>> read(String fileName, byte[] content) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx") || name.endsWith(".xls") || looksLikeWorkbook(content)) {
			return readWorkbook(content);
		}
		if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
			return readCsv(new String(content, StandardCharsets.UTF_8));
		}
		throw UserFacingException.invalid("error.file.unsupported-type", fileName);
	}

	private static boolean looksLikeWorkbook(byte[] content) {
		return content.length > 4 && content[0] == 'P' && content[1] == 'K';
	}

	private static List<List<String>> readWorkbook(byte[] content) {
		try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = WorkbookFactory.create(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				return List.of();
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
						cells.add(cellText(row.getCell(c), formatter));
					}
				}
				rows.add(cells);
			}
			return rows;
		}
		catch (IOException | RuntimeException e) {
			throw UserFacingException.invalid("error.file.unreadable-workbook");
		}
	}

	private static String cellText(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		if (cell.getCellType() == CellType.FORMULA) {
			return "=" + cell.getCellFormula();
		}
		if (cell.getCellType() == CellType.NUMERIC) {
			if (DateUtil.isCellDateFormatted(cell)) {
				// a date cell as ISO text, whatever display format the office's copy of Excel gave it
				return cell.getLocalDateTimeCellValue().toLocalDate().toString();
			}
			double value = cell.getNumericCellValue();
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				// whole numbers in full: a 12-digit identification number typed as a number is not 1.23E+11
				return String.valueOf((long) value);
			}
		}
		return formatter.formatCellValue(cell);
	}

	static List<List<String>> readCsv(String text) {
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		char separator = detectSeparator(text);
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					cell.append(ch);
				}
			}
			else if (ch == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (ch == separator) {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(ch);
			}
		}
		if (!cell.isEmpty() || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	private static char detectSeparator(String text) {
		int end = text.indexOf('\n');
		String header = end < 0 ? text : text.substring(0, end);
		int commas = count(header, ','), semicolons = count(header, ';'), tabs = count(header, '\t');
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	private static int count(String text, char ch) {
		return (int) text.chars().filter(c -> c == ch).count();
	}
}
