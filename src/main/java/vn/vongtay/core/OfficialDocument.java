package vn.vongtay.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableWidthType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTable.XWPFBorderType;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabs;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;

/**
 * A Word document laid out as Vietnamese administrative documents must be (Nghị định 30/2020/NĐ-CP về công tác văn
 * thư, Điều 8-9 and Phụ lục I), for the forms and reports that offices print, sign and stamp.
 *
 * <p>The rules applied, from Phụ lục I: A4 portrait; margins top and bottom 20-25 mm, left 30-35 mm, right 15-20 mm
 * (here 20, 20, 30 and 15 mm, the widest text the decree allows, which tables need); Times New Roman in black for
 * every run; the body in 13 or 14 pt (default 14), justified, the first line indented 1.27 cm, at least 6 pt between
 * paragraphs and line spacing between single and 1.5 lines (here 1.15); page numbers in Arabic figures, 13-14 pt,
 * centred in the top margin and not shown on the first page. The heading is a borderless table: on the left the
 * direct superior body (upper case, 12-13 pt, upright), the issuing body (upper case, 12-13 pt, bold) with a rule of
 * a third to a half of its width under it, and the number line (13 pt: «Số:», the number, a slash and the symbol);
 * on the right the national name (upper case, 12-13 pt, bold) and the motto (13-14 pt, bold, hyphens with spaces)
 * with a rule as long as the motto, the place-and-date line (13-14 pt, italic) on the line of the number. Days below
 * 10 and the months 1 and 2 take a leading zero. The document kind (upper case, 13-14 pt, bold) and its summary
 * (13-14 pt, bold, with a rule of a third to a half of it) are centred under the heading. Closing: «Nơi nhận:» (12 pt,
 * bold italic) and its list (11 pt, one recipient a line from «- », ending «;», the last line «- Lưu: VT, ...») beside
 * the signature (authority and title upper case bold, the signer's name bold, 13-14 pt). The primary text of the
 * decree was not in the reference corpora; the values come from several consistent transcriptions of Phụ lục I, see
 * docs/decisions/0006-official-documents.md.
 *
 * <p>Every piece of text becomes plain runs: nothing a caller passes can become a field, a formula or markup; line
 * breaks and tabs in it become breaks and tabs, and characters XML cannot hold are dropped. The only field is the
 * page number. A builder is not thread-safe; {@link #toBytes()} may be called more than once.
 */
public final class OfficialDocument {

	public static final String FONT = "Times New Roman";

	public static final int MARGIN_TOP_MM = 20;
	public static final int MARGIN_BOTTOM_MM = 20;
	public static final int MARGIN_LEFT_MM = 30;
	public static final int MARGIN_RIGHT_MM = 15;

	static final int A4_WIDTH_TWIPS = 11906;
	static final int A4_HEIGHT_TWIPS = 16838;
	static final int TEXT_WIDTH_TWIPS = A4_WIDTH_TWIPS - marginTwips(MARGIN_LEFT_MM) - marginTwips(MARGIN_RIGHT_MM);

	/** Characters to write by hand over; the decree's samples use dots. */
	public static final String TO_FILL = ".......";

	private static final String BOX = "\u2610";
	private static final String CHECKED_BOX = "\u2612";
	private static final String NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
	private static final String MOTTO = "Độc lập - Tự do - Hạnh phúc";
	// Set in Times New Roman Bold, the national name at 13 pt measures 95.7 mm and the motto at 14 pt 60.5 mm (measured
	// with Liberation Serif 2, metric-compatible with Times New Roman): the right column must hold 96 mm of text.
	private static final double MOTTO_WIDTH_MM = 60.5;
	private static final int HEADING_LEFT_TWIPS = twips(60);
	private static final double DOT_WIDTH_MM = 0.25 * 14 * 25.4 / 72;
	private static final int CELL_MARGIN_TWIPS = 108;
	private static final int FIRST_LINE_INDENT_TWIPS = 720;
	private static final int PARAGRAPH_SPACING_TWIPS = 120;
	private static final double LINE_SPACING = 1.15;
	private static final int SIGNATURE_SPACE_LINES = 4;

	private String superiorBody;
	private String issuingBody;
	private String numberLine;
	private String regarding;
	private String placeAndDate;
	private String kind;
	private String summary;
	private final List<String> addressees = new ArrayList<>();
	private final List<Consumer<Writer>> blocks = new ArrayList<>();
	private int bodySize = 14;
	private boolean form;

	private OfficialDocument() {
	}

	public static OfficialDocument create() {
		return new OfficialDocument();
	}

	// ---------------------------------------------------------------------------------------------------- heading

	/** The direct superior body, printed upper case above the issuing body, e.g. UBND TỈNH ĐIỆN BIÊN; optional. */
	public OfficialDocument superiorBody(String name) {
		this.superiorBody = blankToNull(name);
		return this;
	}

	/** The issuing body, upper case and bold; a line break splits it, e.g. ỦY BAN NHÂN DÂN, new line, XÃ TUẦN GIÁO. */
	public OfficialDocument issuingBody(String name) {
		this.issuingBody = blankToNull(name);
		return this;
	}

	/** The registered number and symbol, printed «Số: 12/KH-UBND». */
	public OfficialDocument number(String numberAndSymbol) {
		this.numberLine = "Số: " + Objects.requireNonNull(numberAndSymbol, "numberAndSymbol");
		return this;
	}

	/**
	 * A number the office writes by hand: «Số: ......./KH-UBND», or «Số: ......./......» when the symbol is null too.
	 */
	public OfficialDocument numberToFill(String symbol) {
		this.numberLine = "Số: " + TO_FILL + "/" + (blankToNull(symbol) == null ? "......" : symbol);
		return this;
	}

	/** The summary of an official letter (công văn), «V/v ...», printed under its number instead of under a kind. */
	public OfficialDocument regarding(String subject) {
		this.regarding = blankToNull(subject);
		return this;
	}

	/** The place-and-date line, e.g. «Tuần Giáo, ngày 02 tháng 12 năm 2026». */
	public OfficialDocument dated(String place, LocalDate date) {
		this.placeAndDate = placeAndDateLine(place, date);
		return this;
	}

	/** A place-and-date line to complete by hand; a null place is left to fill as well. */
	public OfficialDocument datedToFill(String place) {
		this.placeAndDate = (blankToNull(place) == null ? "......" : place) + ", ngày ..... tháng ..... năm 20.....";
		return this;
	}

	/** The document kind, e.g. KẾ HOẠCH, BÁO CÁO, QUYẾT ĐỊNH; printed upper case. */
	public OfficialDocument kind(String documentKind) {
		this.kind = blankToNull(documentKind);
		return this;
	}

	/** The summary (trích yếu) under the kind, bold and centred, with a short rule under it. */
	public OfficialDocument summary(String text) {
		this.summary = blankToNull(text);
		return this;
	}

	/** Kính gửi: one addressee on the same line, several each on its own line from «- ». */
	public OfficialDocument addressedTo(String... recipients) {
		for (String recipient : recipients) {
			if (blankToNull(recipient) != null) {
				addressees.add(recipient);
			}
		}
		return this;
	}

	/**
	 * Sets headings flush left with the fields, as the forms annexed to decrees print them, instead of indenting them
	 * like body paragraphs.
	 */
	public OfficialDocument formLayout() {
		this.form = true;
		return this;
	}

	/** The body text size, 13 or 14 pt as the decree allows; 14 unless set. */
	public OfficialDocument bodySize(int points) {
		if (points != 13 && points != 14) {
			throw new IllegalArgumentException("Nghị định 30/2020 sets body text at 13 or 14 pt, not " + points);
		}
		this.bodySize = points;
		return this;
	}

	// ---------------------------------------------------------------------------------------------------- body

	/** A section heading such as «I. MỤC ĐÍCH, YÊU CẦU» or «1. Mục đích», bold, kept with what follows. */
	public OfficialDocument heading(String text) {
		blocks.add(w -> w.bodyParagraph(!form).keepNext().text(text, w.bodySize, true, false));
		return this;
	}

	/** A lower heading such as «a) Đối với trẻ em», bold italic, kept with what follows. */
	public OfficialDocument subheading(String text) {
		blocks.add(w -> w.bodyParagraph(!form).keepNext().text(text, w.bodySize, true, true));
		return this;
	}

	/** A body paragraph: justified, first line indented. */
	public OfficialDocument paragraph(String text) {
		blocks.add(w -> w.bodyParagraph(true).text(text, w.bodySize, false, false));
		return this;
	}

	/** A paragraph opening with a bold lead, e.g. «Điều 1.» followed by the article's text. */
	public OfficialDocument paragraph(String boldLead, String text) {
		blocks.add(w -> w.bodyParagraph(true).text(boldLead, w.bodySize, true, false).text(" " + text, w.bodySize,
				false, false));
		return this;
	}

	/** The legal bases of a decision (căn cứ), each in italics on its own line. */
	public OfficialDocument bases(String... lines) {
		for (String line : lines) {
			blocks.add(w -> w.bodyParagraph(true).text(line, w.bodySize, false, true));
		}
		return this;
	}

	/** A centred line, such as the deciding authority of a decision or «QUYẾT ĐỊNH:». */
	public OfficialDocument centred(String text, boolean bold) {
		blocks.add(w -> w.paragraph(ParagraphAlignment.CENTER, 0, PARAGRAPH_SPACING_TWIPS).keepNext()
			.text(text, w.bodySize, bold, false));
		return this;
	}

	/**
	 * A label, printed as given (with its colon if the form has one), and its value: «Họ và tên trẻ em: Nguyễn Văn A»;
	 * when the value is empty, dots run to the right margin so that a printed form can be filled in by hand.
	 */
	public OfficialDocument field(String label, String value) {
		return fields(new Field(label, value));
	}

	/**
	 * Several label-value pairs sharing one line in about equal parts, e.g. «Tuổi: .... Nghề nghiệp: ....»: a blank
	 * field before the last gets dots for the rest of its part, the last one dots to the right margin.
	 */
	public OfficialDocument fields(Field... fieldsOnOneLine) {
		List<Field> line = List.of(fieldsOnOneLine);
		if (line.isEmpty()) {
			return this;
		}
		blocks.add(w -> {
			Para p = w.bodyParagraph(false);
			double share = mm(TEXT_WIDTH_TWIPS) / line.size();
			for (int i = 0; i < line.size(); i++) {
				Field f = line.get(i);
				boolean last = i == line.size() - 1;
				p.text(f.label() + " ", w.bodySize, false, false);
				if (!f.isBlank()) {
					p.text(f.value() + (last ? "" : "   "), w.bodySize, false, false);
				}
				else if (last) {
					p.tabStop(TEXT_WIDTH_TWIPS, true).tab();
				}
				else {
					// Dots rather than tab stops: a label longer than its share must not push the rest onto a new line.
					double free = share - estimatedWidthMm(f.label() + " ", w.bodySize, false);
					p.text(".".repeat((int) Math.max(8, free / DOT_WIDTH_MM)) + " ", w.bodySize, false, false);
				}
			}
		});
		return this;
	}

	/** Whole lines of dots for a free answer written by hand. */
	public OfficialDocument dottedLines(int count) {
		for (int i = 0; i < count; i++) {
			blocks.add(w -> w.bodyParagraph(false).tabStop(TEXT_WIDTH_TWIPS, true).tab());
		}
		return this;
	}

	/** A check box and its label on a line of its own: ☒ when checked, ☐ to tick by hand. */
	public OfficialDocument checkbox(String label, boolean checked) {
		blocks.add(w -> w.bodyParagraph(false).text((checked ? CHECKED_BOX : BOX) + " " + label, w.bodySize, false,
				false));
		return this;
	}

	/** A label followed by its options, each behind a box, ticked when selected: «Giới tính: ☐ Nam ☒ Nữ ...». */
	public OfficialDocument choices(String label, List<String> options, Collection<String> selected) {
		blocks.add(w -> {
			Para p = w.bodyParagraph(false);
			if (blankToNull(label) != null) {
				p.text(label, w.bodySize, false, false);
			}
			for (String option : options) {
				String box = selected != null && selected.contains(option) ? CHECKED_BOX : BOX;
				p.text("   " + box + " " + option, w.bodySize, false, false);
			}
		});
		return this;
	}

	/** A list whose items start with «- », the way administrative documents write them. */
	public OfficialDocument bullets(List<String> items) {
		for (String item : items) {
			blocks.add(w -> w.bodyParagraph(true).text("- " + item, w.bodySize, false, false));
		}
		return this;
	}

	/**
	 * A table with borders: a bold heading row repeated on every page, then one row for each list of values (String,
	 * Number as 15.988, LocalDate as dd/MM/yyyy, null as empty). Column widths are relative and fill the text width.
	 */
	public OfficialDocument table(List<Column> columns, Iterable<? extends List<?>> rows) {
		List<List<?>> copied = new ArrayList<>();
		rows.forEach(copied::add);
		List<Column> cols = List.copyOf(columns);
		blocks.add(w -> w.table(cols, copied));
		return this;
	}

	/** A note in small italics, such as the explanations under a form (Ghi chú: (1) ...). */
	public OfficialDocument note(String text) {
		blocks.add(w -> w.paragraph(ParagraphAlignment.BOTH, 0, 0).text(text, 12, false, true));
		return this;
	}

	/** An empty line. */
	public OfficialDocument blankLine() {
		blocks.add(w -> w.paragraph(ParagraphAlignment.LEFT, 0, 0).text("", w.bodySize, false, false));
		return this;
	}

	public OfficialDocument pageBreak() {
		blocks.add(w -> w.paragraph(ParagraphAlignment.LEFT, 0, 0).pageBreak());
		return this;
	}

	// ---------------------------------------------------------------------------------------------------- closing

	/**
	 * The closing block: «Nơi nhận:» with one line per recipient (a trailing ; or . is normalised) and the archive line
	 * «- Lưu: VT, ...» (archive null gives «VT»), beside the signature.
	 */
	public OfficialDocument closing(List<String> recipients, String archive, Signature signature) {
		List<String> lines = new ArrayList<>();
		for (String recipient : recipients) {
			String name = recipient.strip().replaceAll("[;.]+$", "");
			if (!name.isEmpty()) {
				lines.add("- " + name + ";");
			}
		}
		lines.add("- Lưu: " + (blankToNull(archive) == null ? "VT" : archive.strip().replaceAll("[;.]+$", "")) + ".");
		Objects.requireNonNull(signature, "signature");
		blocks.add(w -> w.closing(lines, signature));
		return this;
	}

	/**
	 * Signatures side by side with no list of recipients, as on forms signed by several people; a null leaves its
	 * column empty, so that a single signature can stand on the right.
	 */
	public OfficialDocument signatures(Signature... signatures) {
		List<Signature> all = Arrays.asList(signatures.clone());
		blocks.add(w -> w.signatures(all));
		return this;
	}

	// ---------------------------------------------------------------------------------------------------- output

	public byte[] toBytes() {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Writer writer = new Writer(document, bodySize);
			writer.setUp();
			writer.heading(this);
			blocks.forEach(block -> block.accept(writer));
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	// ---------------------------------------------------------------------------------------------------- helpers

	/** «ngày 02 tháng 12 năm 2026»: days below 10 and the months 1 and 2 with a leading zero (Phụ lục I). */
	public static String dateLine(LocalDate date) {
		Objects.requireNonNull(date, "date");
		int month = date.getMonthValue();
		return "ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng "
				+ (month <= 2 ? String.format("%02d", month) : Integer.toString(month)) + " năm " + date.getYear();
	}

	/** «Tuần Giáo, ngày 02 tháng 12 năm 2026». */
	public static String placeAndDateLine(String place, LocalDate date) {
		return Objects.requireNonNull(blankToNull(place), "place") + ", " + dateLine(date);
	}

	/** A label and its value for {@link #fields}; a null or blank value is a blank to fill by hand. */
	public record Field(String label, String value) {

		public Field {
			Objects.requireNonNull(label, "label");
		}

		public static Field blank(String label) {
			return new Field(label, null);
		}

		boolean isBlank() {
			return value == null || value.isBlank();
		}
	}

	public enum Alignment {
		LEFT, CENTRE, RIGHT
	}

	/** A table column: its heading, its relative width and how its values align. */
	public record Column(String heading, int width, Alignment alignment) {

		public Column {
			Objects.requireNonNull(heading, "heading");
			if (width <= 0) {
				throw new IllegalArgumentException("A column needs a positive width");
			}
		}

		public static Column text(String heading, int width) {
			return new Column(heading, width, Alignment.LEFT);
		}

		public static Column centred(String heading, int width) {
			return new Column(heading, width, Alignment.CENTRE);
		}

		/** Numbers, right-aligned. */
		public static Column number(String heading, int width) {
			return new Column(heading, width, Alignment.RIGHT);
		}
	}

	/**
	 * A signature block: the authority (TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH; optional), the title (CHỦ TỊCH), an optional
	 * note in italics such as (Ký, ghi rõ họ tên), space to sign and stamp, and the signer's name (optional, for forms
	 * signed by whoever fills them).
	 */
	public record Signature(String authority, String title, String note, String signer) {

		public Signature {
			Objects.requireNonNull(title, "title");
		}

		public static Signature of(String authority, String title, String signer) {
			return new Signature(authority, title, null, signer);
		}

		/** A block for a person who signs and writes their name by hand. */
		public static Signature toSign(String title, String note) {
			return new Signature(null, title, note, null);
		}
	}

	// ---------------------------------------------------------------------------------------------------- writing

	/** Writes the blocks into one POI document; the only place that knows XWPF. */
	private static final class Writer {

		private final XWPFDocument document;
		private final int bodySize;

		Writer(XWPFDocument document, int bodySize) {
			this.document = document;
			this.bodySize = bodySize;
		}

		void setUp() {
			CTStyles styles = CTStyles.Factory.newInstance();
			CTRPr defaults = styles.addNewDocDefaults().addNewRPrDefault().addNewRPr();
			fonts(defaults.addNewRFonts());
			defaults.addNewSz().setVal(BigInteger.valueOf(bodySize * 2L));
			defaults.addNewSzCs().setVal(BigInteger.valueOf(bodySize * 2L));
			defaults.addNewLang().setVal("vi-VN");
			document.createStyles().setStyles(styles);

			CTSectPr section = document.getDocument().getBody().isSetSectPr()
					? document.getDocument().getBody().getSectPr() : document.getDocument().getBody().addNewSectPr();
			CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
			size.setW(BigInteger.valueOf(A4_WIDTH_TWIPS));
			size.setH(BigInteger.valueOf(A4_HEIGHT_TWIPS));
			size.setOrient(STPageOrientation.PORTRAIT);
			CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
			margins.setTop(BigInteger.valueOf(marginTwips(MARGIN_TOP_MM)));
			margins.setBottom(BigInteger.valueOf(marginTwips(MARGIN_BOTTOM_MM)));
			margins.setLeft(BigInteger.valueOf(marginTwips(MARGIN_LEFT_MM)));
			margins.setRight(BigInteger.valueOf(marginTwips(MARGIN_RIGHT_MM)));
			margins.setHeader(BigInteger.valueOf(twips(10)));
			margins.setFooter(BigInteger.valueOf(twips(10)));
			margins.setGutter(BigInteger.ZERO);

			// The first page shows no number: an empty first-page header and the title-page switch.
			document.createHeader(HeaderFooterType.FIRST);
			if (!section.isSetTitlePg()) {
				section.addNewTitlePg();
			}
			XWPFHeader header = document.createHeader(HeaderFooterType.DEFAULT);
			XWPFParagraph number = header.getParagraphs().isEmpty() ? header.createParagraph()
					: header.getParagraphs().get(0);
			number.setAlignment(ParagraphAlignment.CENTER);
			CTSimpleField page = number.getCTP().addNewFldSimple();
			page.setInstr("PAGE");
			XWPFRun placeholder = new XWPFRun(page.addNewR(), number);
			style(placeholder, bodySize, false, false);
			placeholder.setText("2");
		}

		void heading(OfficialDocument d) {
			XWPFTable table = borderlessTable(2, HEADING_LEFT_TWIPS, TEXT_WIDTH_TWIPS - HEADING_LEFT_TWIPS);
			XWPFTableRow names = table.getRow(0);
			XWPFTableCell left = names.getCell(0);
			XWPFTableCell right = names.getCell(1);
			int leftInner = HEADING_LEFT_TWIPS - 2 * CELL_MARGIN_TWIPS;
			int rightInner = TEXT_WIDTH_TWIPS - HEADING_LEFT_TWIPS - 2 * CELL_MARGIN_TWIPS;

			boolean first = true;
			if (d.superiorBody != null) {
				for (String line : lines(d.superiorBody)) {
					Para p = cellParagraph(left, first, ParagraphAlignment.CENTER);
					p.text(upper(line), 13, false, false);
					first = false;
				}
			}
			List<String> issuing = d.issuingBody == null ? List.of() : lines(d.issuingBody);
			for (String line : issuing) {
				cellParagraph(left, first, ParagraphAlignment.CENTER).text(upper(line), 13, true, false);
				first = false;
			}
			if (!issuing.isEmpty()) {
				double widest = issuing.stream().mapToDouble(line -> estimatedWidthMm(upper(line), 13, true)).max()
					.orElse(0);
				rule(cellParagraph(left, false, ParagraphAlignment.CENTER), leftInner, twips(widest * 0.4));
			}
			else if (first) {
				cellParagraph(left, true, ParagraphAlignment.CENTER);
			}

			cellParagraph(right, true, ParagraphAlignment.CENTER).text(NATIONAL_NAME, 13, true, false);
			cellParagraph(right, false, ParagraphAlignment.CENTER).text(MOTTO, 14, true, false);
			rule(cellParagraph(right, false, ParagraphAlignment.CENTER), rightInner, twips(MOTTO_WIDTH_MM));

			XWPFTableRow numbers = table.createRow();
			Para number = cellParagraph(numbers.getCell(0), true, ParagraphAlignment.CENTER);
			number.spacingBefore(60);
			number.text(d.numberLine == null ? "" : d.numberLine, 13, false, false);
			if (d.regarding != null) {
				cellParagraph(numbers.getCell(0), false, ParagraphAlignment.CENTER).text(d.regarding, 12, false,
						false);
			}
			Para date = cellParagraph(numbers.getCell(1), true, ParagraphAlignment.CENTER);
			date.spacingBefore(60);
			date.text(d.placeAndDate == null ? "" : d.placeAndDate, 14, false, true);

			if (d.kind != null) {
				Para kind = paragraph(ParagraphAlignment.CENTER, 0, 0).keepNext();
				kind.spacingBefore(360);
				kind.text(upper(d.kind), 14, true, false);
			}
			if (d.summary != null) {
				Para summary = paragraph(ParagraphAlignment.CENTER, 0, 0).keepNext();
				if (d.kind == null) {
					summary.spacingBefore(360);
				}
				summary.text(d.summary, 14, true, false);
				boolean capitals = d.summary.equals(upper(d.summary));
				double width = Math.min(estimatedWidthMm(d.summary, 14, capitals), mm(TEXT_WIDTH_TWIPS));
				rule(paragraph(ParagraphAlignment.CENTER, 0, 0), TEXT_WIDTH_TWIPS, twips(width * 0.4));
			}
			if (!d.addressees.isEmpty()) {
				addressees(d.addressees);
			}
			if (d.kind != null || d.summary != null || !d.addressees.isEmpty()) {
				paragraph(ParagraphAlignment.LEFT, 0, 0).text("", bodySize, false, false);
			}
		}

		private void addressees(List<String> addressees) {
			if (addressees.size() == 1) {
				Para p = paragraph(ParagraphAlignment.CENTER, 0, PARAGRAPH_SPACING_TWIPS);
				p.spacingBefore(240);
				p.text("Kính gửi: " + addressees.get(0) + ".", bodySize, false, false);
				return;
			}
			Para title = paragraph(ParagraphAlignment.LEFT, 0, 0);
			title.spacingBefore(240);
			title.indentLeft(twips(40));
			title.text("Kính gửi:", bodySize, false, false);
			for (int i = 0; i < addressees.size(); i++) {
				Para p = paragraph(ParagraphAlignment.LEFT, 0, 0);
				p.indentLeft(twips(65));
				p.text("- " + addressees.get(i) + (i == addressees.size() - 1 ? "." : ";"), bodySize, false, false);
			}
		}

		void table(List<Column> columns, List<List<?>> rows) {
			int total = columns.stream().mapToInt(Column::width).sum();
			int[] widths = new int[columns.size()];
			int used = 0;
			for (int c = 0; c < widths.length; c++) {
				widths[c] = c == widths.length - 1 ? TEXT_WIDTH_TWIPS - used
						: (int) Math.round((double) TEXT_WIDTH_TWIPS * columns.get(c).width() / total);
				used += widths[c];
			}
			XWPFTable table = document.createTable(1 + rows.size(), columns.size());
			layout(table, widths);
			int size = bodySize - 1;
			table.setTopBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
			table.setBottomBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
			table.setLeftBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
			table.setRightBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
			table.setInsideHBorder(XWPFBorderType.SINGLE, 4, 0, "000000");
			table.setInsideVBorder(XWPFBorderType.SINGLE, 4, 0, "000000");

			XWPFTableRow head = table.getRow(0);
			head.setRepeatHeader(true);
			head.setCantSplitRow(true);
			for (int c = 0; c < columns.size(); c++) {
				XWPFTableCell cell = head.getCell(c);
				cell.setVerticalAlignment(XWPFVertAlign.CENTER);
				tableCellParagraph(cell, ParagraphAlignment.CENTER).text(columns.get(c).heading(), size, true, false);
			}
			for (int r = 0; r < rows.size(); r++) {
				List<?> values = rows.get(r);
				XWPFTableRow row = table.getRow(r + 1);
				for (int c = 0; c < columns.size(); c++) {
					Object value = c < values.size() ? values.get(c) : null;
					XWPFTableCell cell = row.getCell(c);
					cell.setVerticalAlignment(XWPFVertAlign.CENTER);
					tableCellParagraph(cell, alignment(columns.get(c).alignment())).text(display(value), size, false,
							false);
				}
			}
			// A table must not touch the next table or the closing block.
			paragraph(ParagraphAlignment.LEFT, 0, 0).text("", bodySize, false, false);
		}

		void closing(List<String> recipientLines, Signature signature) {
			paragraph(ParagraphAlignment.LEFT, 0, 0).text("", bodySize, false, false);
			int leftWidth = twips(80);
			XWPFTable table = borderlessTable(2, leftWidth, TEXT_WIDTH_TWIPS - leftWidth);
			XWPFTableRow row = table.getRow(0);
			row.setCantSplitRow(true);
			XWPFTableCell left = row.getCell(0);
			cellParagraph(left, true, ParagraphAlignment.LEFT).text("Nơi nhận:", 12, true, true);
			for (String line : recipientLines) {
				cellParagraph(left, false, ParagraphAlignment.LEFT).text(line, 11, false, false);
			}
			signature(row.getCell(1), signature);
		}

		void signatures(List<Signature> signatures) {
			if (signatures.isEmpty()) {
				return;
			}
			int[] widths = new int[signatures.size()];
			int used = 0;
			for (int i = 0; i < widths.length; i++) {
				widths[i] = i == widths.length - 1 ? TEXT_WIDTH_TWIPS - used : TEXT_WIDTH_TWIPS / widths.length;
				used += widths[i];
			}
			paragraph(ParagraphAlignment.LEFT, 0, 0).text("", bodySize, false, false);
			XWPFTable table = borderlessTable(widths);
			XWPFTableRow row = table.getRow(0);
			row.setCantSplitRow(true);
			for (int i = 0; i < signatures.size(); i++) {
				if (signatures.get(i) != null) {
					signature(row.getCell(i), signatures.get(i));
				}
			}
		}

		private void signature(XWPFTableCell cell, Signature signature) {
			boolean first = true;
			if (blankToNull(signature.authority()) != null) {
				cellParagraph(cell, true, ParagraphAlignment.CENTER).text(upper(signature.authority()), bodySize,
						true, false);
				first = false;
			}
			cellParagraph(cell, first, ParagraphAlignment.CENTER).text(upper(signature.title()), bodySize, true, false);
			if (blankToNull(signature.note()) != null) {
				cellParagraph(cell, false, ParagraphAlignment.CENTER).text(signature.note(), bodySize - 1, false, true);
			}
			for (int i = 0; i < SIGNATURE_SPACE_LINES; i++) {
				cellParagraph(cell, false, ParagraphAlignment.CENTER).text("", bodySize, false, false);
			}
			cellParagraph(cell, false, ParagraphAlignment.CENTER)
				.text(blankToNull(signature.signer()) == null ? "" : signature.signer(), bodySize, true, false);
		}

		// ------------------------------------------------------------------------------------------ paragraphs

		Para bodyParagraph(boolean indentFirstLine) {
			return paragraph(ParagraphAlignment.BOTH, indentFirstLine ? FIRST_LINE_INDENT_TWIPS : 0,
					PARAGRAPH_SPACING_TWIPS);
		}

		Para paragraph(ParagraphAlignment alignment, int firstLineIndent, int spacingAfter) {
			XWPFParagraph p = document.createParagraph();
			return new Para(p).setUp(alignment, firstLineIndent, spacingAfter, LINE_SPACING);
		}

		private Para cellParagraph(XWPFTableCell cell, boolean first, ParagraphAlignment alignment) {
			XWPFParagraph p = first && !cell.getParagraphs().isEmpty() ? cell.getParagraphs().get(0)
					: cell.addParagraph();
			return new Para(p).setUp(alignment, 0, 0, 1.0);
		}

		private Para tableCellParagraph(XWPFTableCell cell, ParagraphAlignment alignment) {
			Para p = cellParagraph(cell, true, alignment);
			p.spacingBefore(40);
			p.paragraph.setSpacingAfter(40);
			return p;
		}

		/** An empty paragraph whose top border is the rule, centred by equal indents. */
		private void rule(Para p, int availableTwips, int ruleTwips) {
			int length = Math.max(twips(12), Math.min(ruleTwips, availableTwips));
			int indent = Math.max(0, (availableTwips - length) / 2);
			p.indentLeft(indent);
			p.paragraph.setIndentationRight(indent);
			p.paragraph.setSpacingBetween(2, LineSpacingRule.EXACT);
			// Space between the text and its rule, so that the rule does not read as an underline.
			p.spacingBefore(50);
			CTPPr pPr = p.paragraph.getCTP().isSetPPr() ? p.paragraph.getCTP().getPPr()
					: p.paragraph.getCTP().addNewPPr();
			CTPBdr borders = pPr.isSetPBdr() ? pPr.getPBdr() : pPr.addNewPBdr();
			CTBorder top = borders.addNewTop();
			top.setVal(STBorder.SINGLE);
			top.setSz(BigInteger.valueOf(6));
			top.setSpace(BigInteger.ZERO);
			top.setColor("000000");
			p.text("", 2, false, false);
		}

		// ------------------------------------------------------------------------------------------ tables

		private XWPFTable borderlessTable(int... widths) {
			XWPFTable table = document.createTable(1, widths.length);
			table.removeBorders();
			layout(table, widths);
			return table;
		}

		private XWPFTable borderlessTable(int columns, int leftWidth, int rightWidth) {
			if (columns != 2) {
				throw new IllegalArgumentException("two columns");
			}
			return borderlessTable(leftWidth, rightWidth);
		}

		private void layout(XWPFTable table, int[] widths) {
			int total = 0;
			for (int w : widths) {
				total += w;
			}
			table.setWidth(Integer.toString(total));
			table.setWidthType(TableWidthType.DXA);
			CTTblPr pr = table.getCTTbl().getTblPr() != null ? table.getCTTbl().getTblPr()
					: table.getCTTbl().addNewTblPr();
			CTTblLayoutType layout = pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout();
			layout.setType(STTblLayoutType.FIXED);
			CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
					: table.getCTTbl().addNewTblGrid();
			while (grid.sizeOfGridColArray() > 0) {
				grid.removeGridCol(0);
			}
			for (int w : widths) {
				grid.addNewGridCol().setW(BigInteger.valueOf(w));
			}
			for (XWPFTableRow row : table.getRows()) {
				for (int c = 0; c < widths.length; c++) {
					XWPFTableCell cell = row.getCell(c);
					cell.setWidth(Integer.toString(widths[c]));
					cell.setWidthType(TableWidthType.DXA);
				}
			}
		}

		private static ParagraphAlignment alignment(Alignment alignment) {
			return switch (alignment) {
				case LEFT -> ParagraphAlignment.LEFT;
				case CENTRE -> ParagraphAlignment.CENTER;
				case RIGHT -> ParagraphAlignment.RIGHT;
			};
		}

		private static String display(Object value) {
			if (value == null) {
				return "";
			}
			if (value instanceof Number number) {
				return VietnameseFormats.number(number);
			}
			if (value instanceof LocalDate day) {
				return VietnameseFormats.date(day);
			}
			return value.toString();
		}
	}

	/** One paragraph being written: its runs always in Times New Roman, black, at an explicit size. */
	private static final class Para {

		private final XWPFParagraph paragraph;

		Para(XWPFParagraph paragraph) {
			this.paragraph = paragraph;
		}

		Para setUp(ParagraphAlignment alignment, int firstLineIndent, int spacingAfter, double lineSpacing) {
			paragraph.setAlignment(alignment);
			paragraph.setSpacingBefore(0);
			paragraph.setSpacingAfter(spacingAfter);
			paragraph.setSpacingBetween(lineSpacing, LineSpacingRule.AUTO);
			if (firstLineIndent > 0) {
				paragraph.setIndentationFirstLine(firstLineIndent);
			}
			return this;
		}

		Para keepNext() {
			paragraph.setKeepNext(true);
			return this;
		}

		void spacingBefore(int twips) {
			paragraph.setSpacingBefore(twips);
		}

		void indentLeft(int twips) {
			paragraph.setIndentationLeft(twips);
		}

		/** A tab stop; the last one of a line is right-aligned at the margin, earlier ones start the next field. */
		Para tabStop(int position, boolean dotted) {
			CTPPr pPr = paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
			CTTabs tabs = pPr.isSetTabs() ? pPr.getTabs() : pPr.addNewTabs();
			CTTabStop stop = tabs.addNewTab();
			stop.setVal(position >= TEXT_WIDTH_TWIPS ? STTabJc.RIGHT : STTabJc.LEFT);
			stop.setLeader(dotted ? STTabTlc.DOT : STTabTlc.NONE);
			stop.setPos(BigInteger.valueOf(position));
			return this;
		}

		Para tab() {
			XWPFRun run = paragraph.createRun();
			style(run, 14, false, false);
			run.addTab();
			return this;
		}

		void pageBreak() {
			paragraph.createRun().addBreak(BreakType.PAGE);
		}

		/** Adds the text as runs; a line break in it becomes a break, a tab a tab. */
		Para text(String text, double size, boolean bold, boolean italic) {
			String clean = xmlSafe(text == null ? "" : text);
			String[] lines = clean.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
			for (int l = 0; l < lines.length; l++) {
				if (l > 0) {
					XWPFRun lineBreak = paragraph.createRun();
					style(lineBreak, size, bold, italic);
					lineBreak.addBreak();
				}
				String[] parts = lines[l].split("\t", -1);
				for (int t = 0; t < parts.length; t++) {
					if (t > 0) {
						XWPFRun tab = paragraph.createRun();
						style(tab, size, bold, italic);
						tab.addTab();
					}
					if (!parts[t].isEmpty() || lines.length == 1 && parts.length == 1) {
						XWPFRun run = paragraph.createRun();
						style(run, size, bold, italic);
						if (!parts[t].isEmpty()) {
							run.setText(parts[t]);
						}
					}
				}
			}
			return this;
		}
	}

	private static void style(XWPFRun run, double size, boolean bold, boolean italic) {
		for (FontCharRange range : new FontCharRange[] { FontCharRange.ascii, FontCharRange.hAnsi, FontCharRange.cs,
				FontCharRange.eastAsia }) {
			run.setFontFamily(FONT, range);
		}
		run.setFontSize(size);
		run.setBold(bold);
		run.setItalic(italic);
		run.setColor("000000");
	}

	private static void fonts(CTFonts fonts) {
		fonts.setAscii(FONT);
		fonts.setHAnsi(FONT);
		fonts.setCs(FONT);
		fonts.setEastAsia(FONT);
	}

	/** Drops what XML 1.0 cannot hold (control characters, lone surrogates), keeping tabs and line breaks. */
	static String xmlSafe(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				out.append(c).append(text.charAt(++i));
			}
			else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
				out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * A rough width of a line in Times New Roman, enough to size rules that the decree asks to be a third to a half of
	 * the text: bold capitals average 0.70 em, mixed text 0.50 em.
	 */
	static double estimatedWidthMm(String text, double size, boolean capitals) {
		double em = size * 25.4 / 72;
		return text.length() * em * (capitals ? 0.70 : 0.50);
	}

	private static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		for (String line : text.split("\\R")) {
			if (!line.isBlank()) {
				lines.add(line.strip());
			}
		}
		return lines;
	}

	private static String upper(String text) {
		return text.toUpperCase(VietnameseText.VIETNAMESE);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	static int twips(double millimetres) {
		return (int) Math.round(millimetres * 1440 / 25.4);
	}

	/** Rounded up, so that a margin never falls below the decree's minimum (15 mm is 850.4 twips). */
	static int marginTwips(int millimetres) {
		return (int) Math.ceil(millimetres * 1440 / 25.4);
	}

	private static double mm(int twips) {
		return twips * 25.4 / 1440;
	}
}
