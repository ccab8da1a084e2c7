package vn.vongtay.children;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import vn.vongtay.core.InputProblem;
import vn.vongtay.core.LegacyVietnamese;
import vn.vongtay.core.TabularFile;
import vn.vongtay.core.VietnameseText;

/**
 * A commune's register file, one row per child, read the way communes keep it: the headings of the template or their
 * common variants (found in the first rows, below any title), names typed in the old TCVN3 or VNI encodings, dates as
 * dd/MM/yyyy, d/M/yyyy, ISO, a year alone or an Excel serial number. Every cell that cannot be read becomes a problem
 * with its row and column; nothing here touches the database.
 */
final class RegisterFile {

	/** The columns of the template, in its order, with the headings offices write instead. */
	enum Column {
		FULL_NAME("Họ và tên", "ho ten", "ho va ten tre", "ho ten tre", "ho ten tre em", "ho va ten tre em", "ten tre",
				"full name", "name"),
		BIRTH_DATE("Ngày sinh", "ngay thang nam sinh", "ngay, thang, nam sinh", "sinh ngay", "nam sinh", "date of birth",
				"dob"),
		SEX("Giới tính", "gioi", "nam/nu", "nam nu", "sex"),
		ETHNICITY("Dân tộc", "ethnicity"),
		PERSONAL_ID("Số định danh cá nhân", "so dinh danh", "ma dinh danh", "ma dinh danh ca nhan", "so cccd", "cccd",
				"so can cuoc", "personal id"),
		COMMUNE_CODE("Mã xã", "ma xa/phuong", "ma xa, phuong", "ma xa phuong", "ma don vi", "ma dvhc", "commune code"),
		VILLAGE("Thôn/ấp", "thon", "ap", "thon, ap", "thon/xom", "thon/ban", "thon, to", "to dan pho", "village"),
		CAREGIVER("Họ tên người chăm sóc", "ho va ten nguoi cham soc", "nguoi cham soc", "ho ten cha/me",
				"ho ten cha me", "ho ten cha, me", "ho ten cha me/nguoi cham soc", "caregiver"),
		RELATIONSHIP("Quan hệ", "quan he voi tre", "quan he voi tre em", "moi quan he", "relationship"),
		GROUPS("Nhóm hoàn cảnh đặc biệt", "hoan canh dac biet", "nhom hcdb", "nhom hoan canh", "hcdb",
				"special circumstances"),
		NOTES("Ghi chú", "ghi chu khac", "notes");

		final String heading;
		final Set<String> variants = new LinkedHashSet<>();

		Column(String heading, String... variants) {
			this.heading = heading;
			this.variants.add(normalise(heading));
			for (String variant : variants) {
				this.variants.add(normalise(variant));
			}
		}

		static Optional<Column> of(String heading) {
			String normalised = normalise(heading);
			for (Column column : values()) {
				if (column.variants.contains(normalised)) {
					return Optional.of(column);
				}
			}
			return Optional.empty();
		}
	}

	/** The template's headings, the columns of an export too, so that an export can be imported again. */
	static final List<String> HEADINGS = java.util.Arrays.stream(Column.values()).map(c -> c.heading).toList();

	static final Set<Column> REQUIRED = Set.of(Column.FULL_NAME, Column.BIRTH_DATE, Column.SEX, Column.COMMUNE_CODE);

	/** Group letters as the law letters them; "dd" for đ where a keyboard has no đ. */
	private static final Pattern GROUP = Pattern.compile("[a-o]|đ|dd");

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** One row of the file as read: the child it describes, or the problems that keep it out. */
	record Row(int number, ChildDraft draft, List<String> groups, List<InputProblem> problems) {

		boolean accepted() {
			return problems.isEmpty();
		}
	}

	record Content(int headerRow, List<Row> rows, List<InputProblem> fileProblems) {
	}

	private RegisterFile() {
	}

	/**
	 * Reads the file as a stream: the headings are looked for in the first {@value #HEADING_ROWS} rows, and reading stops
	 * there when they are missing, or as soon as the file has more than {@code maxRows} rows of children, so that a
	 * sheet of any size costs no more than the rows a register may hold.
	 *
	 * @param ethnicities the code of each ethnic group, found by its folded name, alias or code
	 */
	static Content read(String fileName, byte[] content, Function<String, Optional<String>> ethnicities, LocalDate today,
			int maxRows) {
		Reading reading = new Reading(ethnicities, today, maxRows);
		TabularFile.stream(fileName, content, reading);
		return reading.content();
	}

	private static final int HEADING_ROWS = 10;

	/** What has been read so far: the headings, then the rows, or the problem that stopped the reading. */
	private static final class Reading implements TabularFile.RowReader {

		private final Function<String, Optional<String>> ethnicities;
		private final LocalDate today;
		private final int maxRows;
		private int headerIndex = -1;
		private Map<Column, Integer> columns = new EnumMap<>(Column.class);
		private final List<Row> rows = new ArrayList<>();
		private final List<InputProblem> fileProblems = new ArrayList<>();

		Reading(Function<String, Optional<String>> ethnicities, LocalDate today, int maxRows) {
			this.ethnicities = ethnicities;
			this.today = today;
			this.maxRows = maxRows;
		}

		@Override
		public boolean row(int index, List<String> cells) {
			if (headerIndex < 0) {
				return heading(index, cells);
			}
			if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
				return true;
			}
			if (rows.size() == maxRows) {
				fileProblems.add(InputProblem.at(index + 1, null, "error.import.too-many-rows", maxRows));
				return false;
			}
			rows.add(RegisterFile.row(index + 1, cells, columns, ethnicities, today));
			return true;
		}

		/** Whether to go on: a row with three headings is the heading row, whose required columns must be there. */
		private boolean heading(int index, List<String> cells) {
			if (index >= HEADING_ROWS) {
				fileProblems.add(InputProblem.at(1, null, "error.import.no-header"));
				return false;
			}
			Map<Column, Integer> found = headings(cells);
			if (found.size() < 3) {
				return true;
			}
			headerIndex = index;
			columns = found;
			for (Column column : Column.values()) {
				if (REQUIRED.contains(column) && !columns.containsKey(column)) {
					fileProblems.add(InputProblem.at(index + 1, column.heading, "error.file.missing-column",
							column.heading));
				}
			}
			return fileProblems.isEmpty();
		}

		Content content() {
			if (headerIndex < 0 && fileProblems.isEmpty()) {
				fileProblems.add(InputProblem.at(1, null, "error.import.no-header"));
			}
			return new Content(headerIndex + 1, fileProblems.isEmpty() ? List.copyOf(rows) : List.of(),
					List.copyOf(fileProblems));
		}
	}

	/** The template's columns a row names, by position: the heading row is the first that names three. */
	private static Map<Column, Integer> headings(List<String> cells) {
		Map<Column, Integer> found = new EnumMap<>(Column.class);
		for (int c = 0; c < cells.size(); c++) {
			int at = c;
			Column.of(cells.get(c)).ifPresent(column -> found.putIfAbsent(column, at));
		}
		return found;
	}

	/**
	 * The cells of some rows of a file (by their number in the file, from 1) in the template's columns, in the order of
	 * {@link #HEADINGS}, as typed (text of the old fonts converted): a column the file lacks is empty. For the rows an
	 * officer fixes and uploads again; reading stops at the last row asked for.
	 */
	static Map<Integer, List<String>> cells(String fileName, byte[] content, Set<Integer> numbers) {
		Map<Integer, List<String>> found = new java.util.TreeMap<>();
		if (numbers.isEmpty()) {
			return found;
		}
		int last = numbers.stream().mapToInt(Integer::intValue).max().getAsInt();
		Map<Column, Integer> columns = new EnumMap<>(Column.class);
		TabularFile.stream(fileName, content, (index, cells) -> {
			if (columns.isEmpty()) {
				Map<Column, Integer> headings = headings(cells);
				if (headings.size() >= 3) {
					columns.putAll(headings);
				}
				return index < HEADING_ROWS;
			}
			if (numbers.contains(index + 1)) {
				List<String> row = new ArrayList<>();
				for (Column column : Column.values()) {
					Integer at = columns.get(column);
					String raw = at == null || at >= cells.size() ? "" : cells.get(at);
					row.add(LegacyVietnamese.toUnicode(raw));
				}
				found.put(index + 1, row);
			}
			return index + 1 < last;
		});
		return found;
	}

	private static Row row(int number, List<String> cells, Map<Column, Integer> columns,
			Function<String, Optional<String>> ethnicities, LocalDate today) {
		List<InputProblem> problems = new ArrayList<>();
		Function<Column, String> text = column -> {
			Integer index = columns.get(column);
			String raw = index == null || index >= cells.size() ? null : cells.get(index);
			return raw == null ? null : VietnameseText.clean(LegacyVietnamese.toUnicode(raw));
		};
		Function<Column, String> code = column -> {
			Integer index = columns.get(column);
			String raw = index == null || index >= cells.size() ? null : cells.get(index);
			return raw == null || raw.isBlank() ? null : raw.strip().replace(" ", "");
		};

		String name = text.apply(Column.FULL_NAME);
		if (name == null) {
			problems.add(InputProblem.at(number, Column.FULL_NAME.heading, "error.field.required", Column.FULL_NAME.heading));
		}

		Sex sex = null;
		String sexText = text.apply(Column.SEX);
		if (sexText == null) {
			problems.add(InputProblem.at(number, Column.SEX.heading, "error.field.required", Column.SEX.heading));
		}
		else {
			sex = sex(sexText);
			if (sex == null) {
				problems.add(InputProblem.at(number, Column.SEX.heading, "error.import.sex", sexText));
			}
		}

		LocalDate birthDate = null;
		boolean estimated = false;
		String dateText = code.apply(Column.BIRTH_DATE);
		if (dateText == null) {
			problems.add(InputProblem.at(number, Column.BIRTH_DATE.heading, "error.field.required",
					Column.BIRTH_DATE.heading));
		}
		else if (dateText.matches("[0-9]{4}")) {
			// a year alone: the register keeps it as 1 January of that year, marked estimated
			birthDate = LocalDate.of(Integer.parseInt(dateText), 1, 1);
			estimated = true;
		}
		else {
			birthDate = date(dateText);
			if (birthDate == null) {
				problems.add(InputProblem.at(number, Column.BIRTH_DATE.heading, "error.import.date", dateText));
			}
		}

		String ethnicityCode = null;
		String ethnicity = text.apply(Column.ETHNICITY);
		if (ethnicity != null) {
			ethnicityCode = ethnicities.apply(ethnicity).orElse(null);
			if (ethnicityCode == null) {
				problems.add(InputProblem.at(number, Column.ETHNICITY.heading, "error.child.ethnicity-unknown", ethnicity));
			}
		}

		String communeCode = code.apply(Column.COMMUNE_CODE);
		if (communeCode == null) {
			problems.add(InputProblem.at(number, Column.COMMUNE_CODE.heading, "error.field.required",
					Column.COMMUNE_CODE.heading));
		}
		else if (communeCode.matches("[0-9]{1,5}")) {
			// Excel drops the leading zeros of a code typed as a number: 3253 is 03253
			communeCode = "0".repeat(5 - communeCode.length()) + communeCode;
		}
		else {
			problems.add(InputProblem.at(number, Column.COMMUNE_CODE.heading, "error.unit.code-format", communeCode, 5));
		}

		List<String> groups = new ArrayList<>();
		String groupText = text.apply(Column.GROUPS);
		if (groupText != null) {
			for (String part : groupText.toLowerCase(Locale.ROOT).split("[,;/\\s]+")) {
				String letter = part.replace(")", "").replace(".", "");
				if (letter.isEmpty()) {
					continue;
				}
				if (!GROUP.matcher(letter).matches()) {
					problems.add(InputProblem.at(number, Column.GROUPS.heading, "error.import.group", part));
				}
				else {
					groups.add(letter.equals("dd") ? "đ" : letter);
				}
			}
		}

		String caregiver = text.apply(Column.CAREGIVER);
		String relationship = text.apply(Column.RELATIONSHIP);
		ChildDraft draft = new ChildDraft(name, sex, birthDate, estimated, ethnicityCode, code.apply(Column.PERSONAL_ID),
				null, communeCode, text.apply(Column.VILLAGE), null, null, null, false, null, null, notes(cells, columns), null, caregiver, caregiver == null ? null : relationship, null);
		// every problem of the row at once, so that it is fixed in one go; a field already found wrong is told once
		Set<String> wrong = new java.util.HashSet<>();
		problems.forEach(problem -> wrong.add(problem.column()));
		for (InputProblem problem : ChildRules.check(draft, today)) {
			String column = heading(problem.column());
			if (wrong.add(column)) {
				problems.add(InputProblem.at(number, column, problem.messageKey(), problem.arguments()));
			}
		}
		return new Row(number, draft, List.copyOf(groups), List.copyOf(problems));
	}

	/** Notes are kept exactly as typed, including text that looks like a formula; exports neutralise it. */
	private static String notes(List<String> cells, Map<Column, Integer> columns) {
		Integer index = columns.get(Column.NOTES);
		String raw = index == null || index >= cells.size() ? null : cells.get(index);
		return raw == null ? null : VietnameseText.clean(LegacyVietnamese.toUnicode(raw));
	}

	private static String heading(String field) {
		return switch (field == null ? "" : field) {
			case "fullName" -> Column.FULL_NAME.heading;
			case "birthDate" -> Column.BIRTH_DATE.heading;
			case "sex" -> Column.SEX.heading;
			case "personalId" -> Column.PERSONAL_ID.heading;
			case "village" -> Column.VILLAGE.heading;
			case "notes" -> Column.NOTES.heading;
			case "caregiverName" -> Column.CAREGIVER.heading;
			case "caregiverRelationship" -> Column.RELATIONSHIP.heading;
			default -> field;
		};
	}

	static Sex sex(String text) {
		return switch (VietnameseText.fold(text).strip()) {
			case "nam", "trai", "m", "male", "1" -> Sex.MALE;
			case "nu", "gai", "f", "female", "0", "2" -> Sex.FEMALE;
			case "khong ro", "chua ro", "?", "unknown" -> Sex.UNKNOWN;
			default -> null;
		};
	}

	static LocalDate date(String text) {
		try {
			if (text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
				return LocalDate.parse(text);
			}
			if (text.matches("[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}")) {
				return LocalDate.parse(text.replace('.', '/').replace('-', '/'), DAY_MONTH_YEAR);
			}
			if (text.matches("[0-9]{3,5}")) {
				// an Excel serial number (days since 30/12/1899) from a date column formatted as a number
				return EXCEL_EPOCH.plusDays(Long.parseLong(text));
			}
		}
		catch (DateTimeException e) {
			return null;
		}
		return null;
	}

	/** Headings compared as officials type them: no accents, any case, spaces around slashes and commas ignored. */
	static String normalise(String heading) {
		if (heading == null) {
			return "";
		}
		String folded = VietnameseText.fold(LegacyVietnamese.toUnicode(heading)).replace('\u00a0', ' ');
		return folded.replaceAll("[*:()]", " ").replaceAll("\\s*([/,])\\s*", "$1").replaceAll("\\s+", " ").strip();
	}
}
