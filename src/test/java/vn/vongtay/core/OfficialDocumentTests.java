package vn.vongtay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTabStop;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabTlc;

import vn.vongtay.core.OfficialDocument.Column;
import vn.vongtay.core.OfficialDocument.Field;
import vn.vongtay.core.OfficialDocument.Signature;

/** Documents read back with POI, checked against the layout rules of Nghị định 30/2020/NĐ-CP Phụ lục I. */
class OfficialDocumentTests {

	private static OfficialDocument plan() {
		return OfficialDocument.create()
			.superiorBody("UBND tỉnh Điện Biên")
			.issuingBody("Ủy ban nhân dân\nxã Tuần Giáo")
			.number("12/KH-UBND")
			.dated("Tuần Giáo", LocalDate.of(2026, 12, 2))
			.kind("Kế hoạch")
			.summary("Thực hiện công tác bảo vệ trẻ em năm 2027")
			.heading("I. MỤC ĐÍCH, YÊU CẦU")
			.paragraph("Bảo đảm mọi trẻ em được bảo vệ.")
			.closing(List.of("UBND tỉnh (b/c);", "Sở Y tế", "Các thôn, bản."), null,
					Signature.of("TM. Ủy ban nhân dân", "Chủ tịch", "Lò Văn Minh"));
	}

	@Test
	void theNationalHeadingStandsOnTheRightAndTheIssuingBodyOnTheLeftWithTheNumberUnderIt() {
		XWPFDocument doc = read(plan());
		XWPFTable heading = doc.getTables().get(0);
		XWPFTableCell left = heading.getRow(0).getCell(0);
		XWPFTableCell right = heading.getRow(0).getCell(1);

		assertThat(texts(left)).containsSubsequence("UBND TỈNH ĐIỆN BIÊN", "ỦY BAN NHÂN DÂN", "XÃ TUẦN GIÁO");
		assertThat(run(left, "UBND TỈNH ĐIỆN BIÊN").isBold()).isFalse();
		assertThat(run(left, "ỦY BAN NHÂN DÂN").isBold()).isTrue();
		assertThat(run(left, "XÃ TUẦN GIÁO").getFontSizeAsDouble()).isBetween(12.0, 13.0);
		assertThat(texts(right)).containsSubsequence("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
		XWPFRun nationalName = run(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
		XWPFRun motto = run(right, "Độc lập - Tự do - Hạnh phúc");
		assertThat(nationalName.isBold()).isTrue();
		assertThat(nationalName.getFontSizeAsDouble()).isBetween(12.0, 13.0);
		assertThat(motto.isBold()).isTrue();
		assertThat(motto.getFontSizeAsDouble()).isEqualTo(nationalName.getFontSizeAsDouble() + 1);

		// A rule under the issuing body and one under the motto, as long as the motto (60.5 mm).
		assertThat(ruleWidthsMm(left)).hasSize(1);
		assertThat(ruleWidthsMm(right)).singleElement().satisfies(w -> assertThat(w).isBetween(59.0, 62.0));
		assertThat(heading.getCTTbl().getTblPr().getTblBorders()).satisfiesAnyOf(
				borders -> assertThat(borders).isNull(),
				borders -> assertThat(borders.getTop().getVal().toString()).isIn("none", "nil"));

		XWPFTableRow second = heading.getRow(1);
		assertThat(second.getCell(0).getText()).isEqualTo("Số: 12/KH-UBND");
		assertThat(run(second.getCell(0), "Số: 12/KH-UBND").getFontSizeAsDouble()).isEqualTo(13.0);
		assertThat(second.getCell(1).getText()).isEqualTo("Tuần Giáo, ngày 02 tháng 12 năm 2026");
		assertThat(run(second.getCell(1), "Tuần Giáo, ngày 02 tháng 12 năm 2026").isItalic()).isTrue();
	}

	@Test
	void theKindAndSummaryAreBoldAndCentredUnderTheHeading() {
		XWPFDocument doc = read(plan());
		XWPFParagraph kind = paragraph(doc, "KẾ HOẠCH");
		XWPFParagraph summary = paragraph(doc, "Thực hiện công tác bảo vệ trẻ em năm 2027");
		assertThat(kind.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
		assertThat(kind.getRuns().get(0).isBold()).isTrue();
		assertThat(summary.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
		assertThat(summary.getRuns().get(0).isBold()).isTrue();
		List<IBodyElement> body = doc.getBodyElements();
		XWPFParagraph rule = (XWPFParagraph) body.get(body.indexOf(summary) + 1);
		assertThat(rule.getCTP().getPPr().getPBdr().getTop().getVal().toString()).isEqualTo("single");
	}

	@Test
	void everyRunIsTimesNewRomanAndTheBodyIsFourteenPointUnlessThirteenIsAsked() {
		XWPFDocument doc = read(plan());
		List<XWPFRun> runs = allRuns(doc);
		assertThat(runs).hasSizeGreaterThan(15);
		assertThat(runs).allSatisfy(r -> {
			assertThat(r.getFontFamily()).isEqualTo("Times New Roman");
			assertThat(r.getCTR().getRPr().getRFontsArray(0).getHAnsi()).isEqualTo("Times New Roman");
			assertThat(r.getColor()).isEqualTo("000000");
		});
		XWPFParagraph body = paragraph(doc, "Bảo đảm mọi trẻ em được bảo vệ.");
		assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
		assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
		assertThat(body.getIndentationFirstLine()).isBetween(567, 720);
		assertThat(body.getSpacingAfter()).isGreaterThanOrEqualTo(120);
		assertThat(body.getSpacingBetween()).isBetween(1.0, 1.5);

		XWPFDocument thirteen = read(plan().bodySize(13));
		assertThat(paragraph(thirteen, "Bảo đảm mọi trẻ em được bảo vệ.").getRuns().get(0).getFontSizeAsDouble())
			.isEqualTo(13.0);
		assertThatThrownBy(() -> OfficialDocument.create().bodySize(12)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void pagesAreA4WithTheDecreesMarginsAndNumbersCentredAtTheTopFromPageTwo() {
		XWPFDocument doc = read(plan());
		CTSectPr section = doc.getDocument().getBody().getSectPr();
		assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
		assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
		CTPageMar margins = section.getPgMar();
		assertThat(mm(margins.getTop())).isBetween(20.0, 25.0);
		assertThat(mm(margins.getBottom())).isBetween(20.0, 25.0);
		assertThat(mm(margins.getLeft())).isBetween(30.0, 35.0);
		assertThat(mm(margins.getRight())).isBetween(15.0, 20.0);

		assertThat(section.isSetTitlePg()).as("first page has its own header").isTrue();
		XWPFHeader first = doc.getHeaderFooterPolicy().getFirstPageHeader();
		XWPFHeader others = doc.getHeaderFooterPolicy().getDefaultHeader();
		assertThat(first.getText()).isBlank();
		assertThat(first.getParagraphs()).allSatisfy(p -> assertThat(p.getCTP().sizeOfFldSimpleArray()).isZero());
		XWPFParagraph number = others.getParagraphs().get(0);
		assertThat(number.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
		assertThat(number.getCTP().getFldSimpleArray(0).getInstr()).isEqualTo("PAGE");
		assertThat(number.getCTP().getFldSimpleArray(0).getRArray(0).getRPr().getSzArray(0).getVal())
			.isEqualTo(BigInteger.valueOf(28));
	}

	@Test
	void theDateLineWritesLeadingZerosForDaysBelowTenAndForJanuaryAndFebruaryOnly() {
		assertThat(OfficialDocument.placeAndDateLine("Tuần Giáo", LocalDate.of(2026, 12, 2)))
			.isEqualTo("Tuần Giáo, ngày 02 tháng 12 năm 2026");
		assertThat(OfficialDocument.dateLine(LocalDate.of(2026, 1, 15))).isEqualTo("ngày 15 tháng 01 năm 2026");
		assertThat(OfficialDocument.dateLine(LocalDate.of(2026, 2, 9))).isEqualTo("ngày 09 tháng 02 năm 2026");
		assertThat(OfficialDocument.dateLine(LocalDate.of(2020, 3, 5))).isEqualTo("ngày 05 tháng 3 năm 2020");
		assertThat(OfficialDocument.dateLine(LocalDate.of(2022, 11, 30))).isEqualTo("ngày 30 tháng 11 năm 2022");
	}

	@Test
	void aFormToNumberAndDateByHandLeavesDotsInTheNumberAndDateLines() {
		XWPFDocument doc = read(OfficialDocument.create().issuingBody("ỦY BAN NHÂN DÂN XÃ A").numberToFill(null)
			.datedToFill("Tuần Giáo").kind("Báo cáo"));
		XWPFTableRow numbers = doc.getTables().get(0).getRow(1);
		assertThat(numbers.getCell(0).getText()).isEqualTo("Số: ......./......");
		assertThat(numbers.getCell(1).getText()).isEqualTo("Tuần Giáo, ngày ..... tháng ..... năm 20.....");
		XWPFDocument symbol = read(OfficialDocument.create().issuingBody("ỦY BAN NHÂN DÂN").numberToFill("QĐ-UBND"));
		assertThat(symbol.getTables().get(0).getRow(1).getCell(0).getText()).isEqualTo("Số: ......./QĐ-UBND");
	}

	@Test
	void aLongTableKeepsItsValuesWithABoldHeadingRowRepeatedOnEveryPageAndNumbersRightAligned() {
		List<List<?>> rows = new ArrayList<>();
		for (int i = 1; i <= 400; i++) {
			rows.add(List.of(i, "Thôn " + i, 15988 + i, LocalDate.of(2026, 6, 30)));
		}
		rows.add(java.util.Arrays.asList(401, "Chưa rõ", null, null));
		XWPFDocument doc = read(OfficialDocument.create().issuingBody("UBND XÃ A")
			.table(List.of(Column.centred("STT", 10), Column.text("Thôn", 60), Column.number("Số trẻ em", 25),
					Column.centred("Ngày chốt", 25)), rows));
		XWPFTable table = doc.getTables().get(1);
		assertThat(table.getNumberOfRows()).isEqualTo(402);
		XWPFTableRow head = table.getRow(0);
		assertThat(head.isRepeatHeader()).isTrue();
		assertThat(head.getTableCells()).extracting(XWPFTableCell::getText)
			.containsExactly("STT", "Thôn", "Số trẻ em", "Ngày chốt");
		assertThat(head.getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isTrue();
		XWPFTableRow first = table.getRow(1);
		assertThat(first.getTableCells()).extracting(XWPFTableCell::getText)
			.containsExactly("1", "Thôn 1", "15.989", "30/06/2026");
		assertThat(first.getCell(2).getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
		assertThat(first.getCell(1).getParagraphs().get(0).getRuns().get(0).isBold()).isFalse();
		assertThat(table.getRow(400).getCell(2).getText()).isEqualTo("16.388");
		assertThat(table.getRow(401).getTableCells()).extracting(XWPFTableCell::getText)
			.containsExactly("401", "Chưa rõ", "", "");
		assertThat(table.getCTTbl().getTblPr().getTblBorders().getInsideH().getVal().toString()).isEqualTo("single");
		int width = table.getCTTbl().getTblGrid().getGridColList().stream()
			.mapToInt(c -> ((BigInteger) c.getW()).intValue()).sum();
		assertThat(width).isEqualTo(OfficialDocument.TEXT_WIDTH_TWIPS);
		assertThat(((BigInteger) table.getCTTbl().getTblGrid().getGridColArray(1).getW()).intValue())
			.isEqualTo(Math.round(OfficialDocument.TEXT_WIDTH_TWIPS * 60f / 120));
	}

	@Test
	void theClosingListsTheRecipientsBesideTheSignatureOfTheAuthority() {
		XWPFDocument doc = read(plan());
		XWPFTable closing = doc.getTables().get(doc.getTables().size() - 1);
		XWPFTableCell recipients = closing.getRow(0).getCell(0);
		XWPFTableCell signature = closing.getRow(0).getCell(1);

		assertThat(texts(recipients)).containsExactly("Nơi nhận:", "- UBND tỉnh (b/c);", "- Sở Y tế;",
				"- Các thôn, bản;", "- Lưu: VT.");
		XWPFRun title = run(recipients, "Nơi nhận:");
		assertThat(title.isBold()).isTrue();
		assertThat(title.isItalic()).isTrue();
		assertThat(title.getFontSizeAsDouble()).isEqualTo(12.0);
		assertThat(run(recipients, "- Sở Y tế;").getFontSizeAsDouble()).isEqualTo(11.0);
		assertThat(run(recipients, "- Sở Y tế;").isBold()).isFalse();

		assertThat(texts(signature).stream().filter(t -> !t.isBlank()))
			.containsExactly("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lò Văn Minh");
		assertThat(run(signature, "CHỦ TỊCH").isBold()).isTrue();
		assertThat(run(signature, "Lò Văn Minh").isBold()).isTrue();
		assertThat(signature.getParagraphs().size()).as("room to sign and stamp").isGreaterThanOrEqualTo(6);
		assertThat(closing.getRow(0).isCantSplitRow()).isTrue();

		XWPFDocument archived = read(OfficialDocument.create().closing(List.of(), "VT, VHXH, 02b.",
				Signature.of(null, "Chủ tịch", null)));
		assertThat(texts(archived.getTables().get(1).getRow(0).getCell(0))).containsExactly("Nơi nhận:",
				"- Lưu: VT, VHXH, 02b.");
	}

	@Test
	void anEmptyFieldRunsDotsToTheMarginAndAFilledOneShowsItsValue() {
		XWPFDocument doc = read(OfficialDocument.create().formLayout()
			.field("Họ và tên trẻ em:", null)
			.field("Họ và tên cha:", "Lò Văn Tám")
			.fields(Field.blank("Tuổi:"), Field.blank("Nghề nghiệp:"))
			.dottedLines(2));
		XWPFParagraph blank = paragraph(doc, "Họ và tên trẻ em:");
		assertThat(blank.getText()).isEqualTo("Họ và tên trẻ em: \t");
		CTTabStop stop = blank.getCTP().getPPr().getTabs().getTabArray(0);
		assertThat(stop.getLeader()).isEqualTo(STTabTlc.DOT);
		assertThat(((BigInteger) stop.getPos()).intValue()).isEqualTo(OfficialDocument.TEXT_WIDTH_TWIPS);

		XWPFParagraph filled = paragraph(doc, "Họ và tên cha:");
		assertThat(filled.getText()).isEqualTo("Họ và tên cha: Lò Văn Tám");
		assertThat(filled.getCTP().getPPr() == null || !filled.getCTP().getPPr().isSetTabs()).isTrue();

		XWPFParagraph twoOnALine = paragraph(doc, "Tuổi:");
		assertThat(twoOnALine.getText()).matches("Tuổi: \\.{8,} Nghề nghiệp: \t");
		long dottedLines = doc.getParagraphs().stream().filter(p -> p.getText().equals("\t")).count();
		assertThat(dottedLines).isEqualTo(2);
	}

	@Test
	void checkBoxesShowWhatIsTickedAndWhatIsLeftToTick() {
		XWPFDocument doc = read(OfficialDocument.create()
			.choices("Giới tính:", List.of("Nam", "Nữ", "Không biết"), Set.of("Nữ"))
			.checkbox("Bạo lực", true)
			.checkbox("Bóc lột", false));
		assertThat(paragraph(doc, "Giới tính:").getText()).isEqualTo("Giới tính:   ☐ Nam   ☒ Nữ   ☐ Không biết");
		assertThat(paragraph(doc, "☒ Bạo lực")).isNotNull();
		assertThat(paragraph(doc, "☐ Bóc lột")).isNotNull();
	}

	@Test
	void textFromUsersStaysPlainTextWithNoFieldOrMarkup() {
		String dde = "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc\" }";
		String formula = "=HYPERLINK(\"http://example.invalid\",\"x\")";
		String markup = "</w:t><w:fldSimple w:instr=\"DATE\"/><w:t>";
		XWPFDocument doc = read(OfficialDocument.create().issuingBody(markup)
			.paragraph(dde)
			.field("Ghi thêm:", formula + "\u0001\u0007 hết")
			.table(List.of(Column.text("A", 1)), List.of(List.of(formula))));
		assertThat(paragraph(doc, dde)).isNotNull();
		assertThat(paragraph(doc, "Ghi thêm:").getText()).isEqualTo("Ghi thêm: " + formula + " hết");
		assertThat(doc.getTables().get(1).getRow(1).getCell(0).getText()).isEqualTo(formula);
		assertThat(doc.getTables().get(0).getRow(0).getCell(0).getText()).contains("FLDSIMPLE");
		String xml = doc.getDocument().xmlText();
		assertThat(xml).doesNotContain("instrText").doesNotContain("fldSimple").doesNotContain("fldChar");
	}

	@Test
	void anOfficialLetterCarriesItsSubjectUnderTheNumberAndItsAddressees() {
		XWPFDocument doc = read(OfficialDocument.create().issuingBody("ỦY BAN NHÂN DÂN\nXÃ TUẦN GIÁO")
			.number("45/UBND-VHXH")
			.regarding("V/v chuyển gửi hồ sơ trẻ em")
			.addressedTo("Công an xã Tuần Giáo", "Trạm Y tế xã Tuần Giáo"));
		assertThat(texts(doc.getTables().get(0).getRow(1).getCell(0))).containsExactly("Số: 45/UBND-VHXH",
				"V/v chuyển gửi hồ sơ trẻ em");
		assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).containsSubsequence("Kính gửi:",
				"- Công an xã Tuần Giáo;", "- Trạm Y tế xã Tuần Giáo.");
	}

	@Test
	void theBlankIntakeReportSampleFollowsMauSo01AndIsWrittenForReview() throws IOException {
		byte[] bytes = OfficialDocumentSamples.blankIntakeReport().toBytes();
		XWPFDocument doc = read(bytes);
		assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).map(String::strip)
			.containsSubsequence("BÁO CÁO", "A. Thông tin chung", "1. Nguồn nhận thông tin",
					"2. Thông tin về trẻ em", "3. Thông tin về người cung cấp thông tin (nếu đồng ý cung cấp)",
					"Ghi chú:");
		assertThat(paragraph(doc, "Họ và tên trẻ em (5)").getText()).endsWith("\t");
		Path folder = Path.of("target", "official-documents");
		Files.createDirectories(folder);
		Path file = folder.resolve("mau-01-bao-cao-tiep-nhan-thong-tin-trong.docx");
		Files.write(file, bytes);
		Files.write(folder.resolve("bao-cao-6-thang-mau.docx"), OfficialDocumentSamples.halfYearReport(60).toBytes());
		assertThat(read(Files.readAllBytes(file)).getTables()).as("heading and signature").hasSize(2);
	}

	// ------------------------------------------------------------------------------------------------ reading

	private static XWPFDocument read(OfficialDocument document) {
		return read(document.toBytes());
	}

	private static XWPFDocument read(byte[] bytes) {
		try {
			return new XWPFDocument(new ByteArrayInputStream(bytes));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> texts(XWPFTableCell cell) {
		return cell.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.toList());
	}

	private static XWPFRun run(XWPFTableCell cell, String text) {
		return cell.getParagraphs().stream().filter(p -> p.getText().equals(text)).findFirst()
			.orElseThrow(() -> new AssertionError("no paragraph " + text + " in " + texts(cell)))
			.getRuns().get(0);
	}

	private static XWPFParagraph paragraph(XWPFDocument doc, String start) {
		return doc.getParagraphs().stream().filter(p -> p.getText().startsWith(start)).findFirst()
			.orElseThrow(() -> new AssertionError("no paragraph starting " + start));
	}

	private static List<Double> ruleWidthsMm(XWPFTableCell cell) {
		int inner = (int) ((BigInteger) cell.getCTTc().getTcPr().getTcW().getW()).intValue() - 2 * 108;
		return cell.getParagraphs().stream()
			.filter(p -> p.getCTP().getPPr() != null && p.getCTP().getPPr().isSetPBdr())
			.map(p -> (inner - p.getIndentationLeft() - p.getIndentationRight()) * 25.4 / 1440)
			.collect(Collectors.toList());
	}

	private static List<XWPFRun> allRuns(XWPFDocument doc) {
		List<XWPFRun> runs = new ArrayList<>();
		for (IBodyElement element : doc.getBodyElements()) {
			if (element instanceof XWPFParagraph p) {
				runs.addAll(p.getRuns());
			}
			else if (element instanceof XWPFTable t) {
				for (XWPFTableRow row : t.getRows()) {
					for (XWPFTableCell cell : row.getTableCells()) {
						cell.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
					}
				}
			}
		}
		return runs;
	}

	private static double mm(Object twips) {
		return ((BigInteger) twips).intValue() * 25.4 / 1440;
	}
}
