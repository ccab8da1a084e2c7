package vn.vongtay.core;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of an uploaded CSV or Excel file as text, the way the user sees them: the first sheet of a workbook, cells
 * as displayed (formulas are never evaluated: their text is kept; date cells as ISO dates, whole numbers in full), a
 * CSV separated by commas, semicolons or tabs in the encoding it was saved in ({@link #charset}: UTF-8 with or without
 * BOM, UTF-16 from Excel's "Unicode text", Windows-1258 from Excel's "CSV" on a Vietnamese Windows), its cells composed
 * (NFC), a stray NUL character dropped.
 *
 * <p>Files are read as a stream, one row at a time ({@link #stream}): an XLSX sheet through its XML (never as a
 * workbook held whole in memory), a CSV character by character. Whoever reads stops when they have what they need, so
 * a sheet of a million rows costs no more than the rows read. What one row or cell may hold is capped as Excel caps
 * it; an old binary .xls, whose format holds at most 65,536 rows, is read whole.
 */
public final class TabularFile {

	/** Excel's own limits: characters in a cell, columns in a row. */
	public static final int MAX_CELL_CHARS = 32_767;
	public static final int MAX_COLUMNS = 16_384;

	/**
	 * The shared text of a workbook (every distinct cell text, held in memory while the sheet is read): 64 MB of it is
	 * several hundred thousand rows of names, far beyond a file anyone uploads here.
	 */
	static final long MAX_SHARED_TEXT_BYTES = 64L << 20;

	/** Receives the rows of a file in order; answers false to stop reading. */
	@FunctionalInterface
	public interface RowReader {

		/**
		 * @param index the row's 0-based position in the sheet or file (rows a sheet leaves out are skipped)
		 * @param cells the row's cells as text, "" for an empty cell
		 * @return whether to go on reading
		 */
		boolean row(int index, List<String> cells);
	}

	private TabularFile() {
	}

	/** The whole file as rows, rows a sheet leaves out as empty rows: for small files (a few thousand rows). */
	public static List<List<String>> read(String fileName, byte[] content) {
		List<List<String>> rows = new ArrayList<>();
		stream(fileName, content, (index, cells) -> {
			while (rows.size() < index) {
				rows.add(new ArrayList<>());
			}
			rows.add(cells);
			return true;
		});
		return rows;
	}

	/** Reads the rows one at a time until {@code reader} answers false or the file ends. */
	public static void stream(String fileName, byte[] content, RowReader reader) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		if (isZip(content)) {
			streamXlsx(content, reader);
		}
		else if (isOle2(content)) {
			streamXls(content, reader);
		}
		else if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
			throw UserFacingException.invalid("error.file.unreadable-workbook");
		}
		else if (name.endsWith(".csv") || name.endsWith(".txt") || name.isEmpty()) {
			streamCsv(new InputStreamReader(new ByteArrayInputStream(content), charset(content)), reader);
		}
		else {
			throw UserFacingException.invalid("error.file.unsupported-type", fileName);
		}
	}

	static final Charset WINDOWS_1258 = Charset.forName("windows-1258");
	static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	/** How much of a file the encoding is guessed from: the headings and a few hundred rows. */
	private static final int SAMPLE_BYTES = 1 << 16;

	/**
	 * The encoding a text file was saved in, as the programs offices use save them:
	 * <ul>
	 * <li>a byte order mark says it: UTF-8 (Excel's "CSV UTF-8"), UTF-16 (Excel's "Unicode text");</li>
	 * <li>UTF-16 without its mark shows a NUL beside every ASCII letter;</li>
	 * <li>text that is valid UTF-8 is UTF-8 (LibreOffice, Google Sheets, and any plain ASCII);</li>
	 * <li>anything else is the ANSI code page of the Windows that saved it: Windows-1258 on a Vietnamese Windows (Excel's
	 * "CSV (Comma delimited)"), unless its words read as Vietnamese only in the legacy TCVN3 or VNI fonts, which
	 * drew Windows-1252 characters as Vietnamese letters: such text stays Windows-1252 for
	 * {@link LegacyVietnamese} to convert.</li>
	 * </ul>
	 */
	static Charset charset(byte[] content) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) {
			return StandardCharsets.UTF_8;
		}
		if (content.length >= 2 && ((content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE
				|| (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF)) {
			return StandardCharsets.UTF_16;
		}
		Charset utf16 = utf16WithoutMark(content);
		if (utf16 != null) {
			return utf16;
		}
		if (isUtf8(content)) {
			return StandardCharsets.UTF_8;
		}
		byte[] sample = java.util.Arrays.copyOf(content, Math.min(content.length, SAMPLE_BYTES));
		return legacyWords(new String(sample, WINDOWS_1252)) > vietnameseWords(new String(sample, WINDOWS_1258))
				? WINDOWS_1252 : WINDOWS_1258;
	}

	/** UTF-16 without a byte order mark: NULs at one parity of positions (the high bytes of ASCII), none at the other. */
	private static Charset utf16WithoutMark(byte[] content) {
		int length = Math.min(content.length, 4096) & ~1;
		if (length < 4) {
			return null;
		}
		int evenNuls = 0;
		int oddNuls = 0;
		for (int i = 0; i < length; i += 2) {
			evenNuls += content[i] == 0 ? 1 : 0;
			oddNuls += content[i + 1] == 0 ? 1 : 0;
		}
		int pairs = length / 2;
		if (oddNuls * 10 >= pairs * 3 && evenNuls == 0) {
			return StandardCharsets.UTF_16LE;
		}
		if (evenNuls * 10 >= pairs * 3 && oddNuls == 0) {
			return StandardCharsets.UTF_16BE;
		}
		return null;
	}

	private static boolean isUtf8(byte[] content) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

	private static final Pattern WORDS = Pattern.compile("[\\s\\p{Punct}\\p{N}]+");

	/** The words beyond ASCII that are Vietnamese syllables read as they are (composed). */
	private static int vietnameseWords(String text) {
		int words = 0;
		for (String word : WORDS.split(Normalizer.normalize(text, Normalizer.Form.NFC))) {
			if (beyondAscii(word) && LegacyVietnamese.isVietnameseSyllable(word)) {
				words++;
			}
		}
		return words;
	}

	/** The words beyond ASCII that are Vietnamese syllables read in the TCVN3 or the VNI font, whichever reads more. */
	private static int legacyWords(String text) {
		int tcvn3 = 0;
		int vni = 0;
		for (String word : WORDS.split(text)) {
			if (beyondAscii(word)) {
				tcvn3 += LegacyVietnamese.isVietnameseSyllable(
						LegacyVietnamese.toUnicode(word, LegacyVietnamese.Encoding.TCVN3)) ? 1 : 0;
				vni += LegacyVietnamese.isVietnameseSyllable(
						LegacyVietnamese.toUnicode(word, LegacyVietnamese.Encoding.VNI)) ? 1 : 0;
			}
		}
		return Math.max(tcvn3, vni);
	}

	private static boolean beyondAscii(String word) {
		return word.chars().anyMatch(c -> c > 0x7F);
	}

	private static boolean isZip(byte[] content) {
		return content.length > 4 && content[0] == 'P' && content[1] == 'K';
	}

	private static boolean isOle2(byte[] content) {
		return content.length > 8 && (content[0] & 0xFF) == 0xD0 && (content[1] & 0xFF) == 0xCF
				&& (content[2] & 0xFF) == 0x11 && (content[3] & 0xFF) == 0xE0;
	}

	// --- XLSX: the sheet's XML, parsed as it is read ---

	/** Thrown inside the parser to stop it once the reader has what it needs. */
	private static final class Stop extends SAXException {

		Stop() {
			super("stop");
		}
	}

	private static void streamXlsx(byte[] content, RowReader reader) {
		Path file = null;
		OPCPackage workbook = null;
		try {
			// a package opened from a file reads each part when asked; opened from a stream it would inflate them all
			file = Files.createTempFile("vongtay-upload-", ".xlsx");
			Files.write(file, content);
			workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
			for (PackagePart part : workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
				if (part.getSize() > MAX_SHARED_TEXT_BYTES) {
					throw UserFacingException.invalid("error.file.too-much-text");
				}
			}
			XSSFReader parts = new XSSFReader(workbook);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
			StylesTable styles = parts.getStylesTable();
			java.util.Iterator<InputStream> sheets = parts.getSheetsData();
			if (!sheets.hasNext()) {
				return;
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new SheetHandler(strings, styles, reader));
				parser.parse(new InputSource(sheet));
			}
			catch (SAXException e) {
				if (e instanceof Stop || e.getException() instanceof Stop) {
					return; // the reader has what it needs
				}
				if (e.getException() instanceof UserFacingException refusal) {
					throw refusal;
				}
				throw e;
			}
		}
		catch (UserFacingException e) {
			throw e;
		}
		catch (Exception e) {
			throw UserFacingException.invalid("error.file.unreadable-workbook");
		}
		finally {
			if (workbook != null) {
				workbook.revert();
			}
			if (file != null) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException e) {
					file.toFile().deleteOnExit();
				}
			}
		}
	}

	/**
	 * The cells of {@code <sheetData>}: {@code <row r="1"><c r="A1" s="2" t="s"><f>..</f><v>..</v><is><t>..</t></is></c>}.
	 * Cell types as ECMA-376 Part 1, 18.18.11: shared string (s), inline string, formula string (str), boolean (b),
	 * error (e), ISO date (d), else a number whose style may make it a date.
	 */
	private static final class SheetHandler extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;
		private final StylesTable styles;
		private final RowReader reader;
		private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

		private List<String> cells;
		private int rowIndex = -1;
		private int column;
		private String type;
		private int style;
		private boolean inValue;
		private boolean inInlineText;
		private boolean inPhonetic;
		private final StringBuilder value = new StringBuilder();
		private final StringBuilder formula = new StringBuilder();
		private boolean inFormula;
		private boolean hasFormula;

		SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, RowReader reader) {
			this.strings = strings;
			this.styles = styles;
			this.reader = reader;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "row" -> {
					String r = attributes.getValue("r");
					rowIndex = r == null ? rowIndex + 1 : Integer.parseInt(r) - 1;
					cells = new ArrayList<>();
				}
				case "c" -> {
					String reference = attributes.getValue("r");
					column = reference == null ? cells.size() : new CellReference(reference).getCol();
					if (column >= MAX_COLUMNS) {
						throw new IllegalStateException("column beyond the sheet's limit");
					}
					type = attributes.getValue("t");
					String s = attributes.getValue("s");
					style = s == null ? -1 : Integer.parseInt(s);
					value.setLength(0);
					formula.setLength(0);
					hasFormula = false;
				}
				case "v" -> inValue = true;
				case "t" -> inInlineText = "inlineStr".equals(type) && !inPhonetic;
				case "rPh" -> inPhonetic = true;
				case "f" -> {
					inFormula = true;
					hasFormula = true;
				}
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			StringBuilder target = inValue || inInlineText ? value : inFormula ? formula : null;
			if (target == null) {
				return;
			}
			if (target.length() + length > MAX_CELL_CHARS) {
				throw new SAXException(cellTooLong(rowIndex + 1));
			}
			target.append(ch, start, length);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "v" -> inValue = false;
				case "t" -> inInlineText = false;
				case "rPh" -> inPhonetic = false;
				case "f" -> inFormula = false;
				case "c" -> {
					while (cells.size() < column) {
						cells.add("");
					}
					cells.add(text());
				}
				case "row" -> {
					if (!reader.row(rowIndex, cells)) {
						throw new Stop();
					}
				}
				default -> {
				}
			}
		}

		private String text() {
			if (hasFormula && !formula.isEmpty()) {
				return "=" + formula;
			}
			String raw = value.toString();
			if (type == null || "n".equals(type)) {
				return raw.isEmpty() ? "" : number(raw);
			}
			return switch (type) {
				case "s" -> raw.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(raw.strip())).getString();
				case "b" -> "1".equals(raw.strip()) ? "TRUE" : "FALSE";
				case "d" -> raw.length() >= 10 ? raw.substring(0, 10) : raw;
				default -> raw;
			};
		}

		private String number(String raw) {
			double number;
			try {
				number = Double.parseDouble(raw);
			}
			catch (NumberFormatException e) {
				return raw;
			}
			XSSFCellStyle cellStyle = styles == null || style < 0 || style >= styles.getNumCellStyles() ? null
					: styles.getStyleAt(style);
			int formatIndex = cellStyle == null ? 0 : cellStyle.getDataFormat();
			String format = cellStyle == null ? "General" : cellStyle.getDataFormatString();
			if (format != null && DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(number)) {
				// a date cell as ISO text, whatever display format the office's copy of Excel gave it
				return DateUtil.getLocalDateTime(number).toLocalDate().toString();
			}
			if (number == Math.rint(number) && Math.abs(number) < 1e15) {
				// whole numbers in full: a 12-digit identification number typed as a number is not 1.23E+11
				return String.valueOf((long) number);
			}
			return formatter.formatRawCellContents(number, formatIndex, format == null ? "General" : format);
		}
	}

	// --- XLS: the old binary format, bounded by the format itself ---

	private static void streamXls(byte[] content, RowReader reader) {
		try (InputStream in = new ByteArrayInputStream(content); Workbook workbook = WorkbookFactory.create(in)) {
			if (workbook.getNumberOfSheets() == 0) {
				return;
			}
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter(Locale.ROOT);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
					cells.add(cellText(row.getCell(c), formatter));
				}
				if (!reader.row(row.getRowNum(), cells)) {
					return;
				}
			}
		}
		catch (UserFacingException e) {
			throw e;
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
				return cell.getLocalDateTimeCellValue().toLocalDate().toString();
			}
			double value = cell.getNumericCellValue();
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return String.valueOf((long) value);
			}
		}
		return formatter.formatCellValue(cell);
	}

	// --- CSV ---

	static List<List<String>> readCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		streamCsv(new java.io.StringReader(text), (index, cells) -> rows.add(cells));
		return rows;
	}

	private static void streamCsv(Reader source, RowReader reader) {
		try (BufferedReader in = new BufferedReader(source, 1 << 16)) {
			in.mark(1 << 16);
			int first = in.read();
			if (first != '\uFEFF') {
				in.reset();
			}
			char separator = detectSeparator(in);
			List<String> row = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean quoted = false;
			int index = 0;
			int ch;
			while ((ch = in.read()) >= 0) {
				if (ch == 0) {
					continue; // no text holds a NUL: a stray one from the program that wrote the file is dropped
				}
				if (quoted) {
					if (ch == '"') {
						in.mark(1);
						if (in.read() == '"') {
							append(cell, '"', index);
						}
						else {
							in.reset();
							quoted = false;
						}
					}
					else {
						append(cell, (char) ch, index);
					}
				}
				else if (ch == '"' && cell.isEmpty()) {
					quoted = true;
				}
				else if (ch == separator) {
					endCell(row, cell, index);
				}
				else if (ch == '\n' || ch == '\r') {
					if (ch == '\r') {
						in.mark(1);
						if (in.read() != '\n') {
							in.reset();
						}
					}
					endCell(row, cell, index);
					if (!reader.row(index++, row)) {
						return;
					}
					row = new ArrayList<>();
				}
				else {
					append(cell, (char) ch, index);
				}
			}
			if (!cell.isEmpty() || !row.isEmpty()) {
				endCell(row, cell, index);
				reader.row(index, row);
			}
		}
		catch (IOException e) {
			throw UserFacingException.invalid("error.file.unreadable-text");
		}
	}

	private static void append(StringBuilder cell, char ch, int rowIndex) {
		if (cell.length() >= MAX_CELL_CHARS) {
			throw cellTooLong(rowIndex + 1);
		}
		cell.append(ch);
	}

	private static void endCell(List<String> row, StringBuilder cell, int rowIndex) {
		if (row.size() >= MAX_COLUMNS) {
			throw UserFacingException.invalid("error.file.too-many-columns", rowIndex + 1, MAX_COLUMNS);
		}
		// Windows-1258 spells most toned letters as a letter and a tone mark, a Mac spells them all so: composed, the
		// text compares equal to what the same person types in a form
		row.add(Normalizer.normalize(cell, Normalizer.Form.NFC));
		cell.setLength(0);
	}

	private static UserFacingException cellTooLong(int row) {
		return UserFacingException.invalid("error.file.cell-too-long", row, MAX_CELL_CHARS);
	}

	/** The separator the heading line uses most: semicolons (Excel in a Vietnamese locale), tabs, else commas. */
	private static char detectSeparator(BufferedReader in) throws IOException {
		in.mark(1 << 16);
		StringBuilder header = new StringBuilder();
		int ch;
		while (header.length() < (1 << 15) && (ch = in.read()) >= 0 && ch != '\n') {
			header.append((char) ch);
		}
		in.reset();
		int commas = count(header, ','), semicolons = count(header, ';'), tabs = count(header, '\t');
		if (tabs > commas && tabs > semicolons) {
			return '\t';
		}
		return semicolons > commas ? ';' : ',';
	}

	private static int count(CharSequence text, char ch) {
		return (int) text.chars().filter(c -> c == ch).count();
	}
}
