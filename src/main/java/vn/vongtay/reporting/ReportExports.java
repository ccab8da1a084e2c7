package vn.vongtay.reporting;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.audit.AuditLog;
import vn.vongtay.core.OfficialDocument;
import vn.vongtay.core.OfficialDocument.Column;
import vn.vongtay.core.OfficialDocument.Signature;
import vn.vongtay.core.Period;
import vn.vongtay.core.Spreadsheets;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.identity.Jurisdictions;
import vn.vongtay.identity.NeedToKnow;
import vn.vongtay.reporting.ReportView.AnnexTable;
import vn.vongtay.reporting.ReportView.Figure;
import vn.vongtay.reporting.ReportView.Row;

/**
 * A report as the files offices exchange: the annexes as XLSX (one sheet each, Vietnamese headings, numbers as
 * numbers), the report as a DOCX in the administrative layout of Nghị định 30/2020 with its annexes, the figures as
 * CSV, and as ADX, the aggregate data exchange DHIS2 imports (data elements are the indicator codes, org units the
 * unit codes). Every export is audited.
 */
@Component
@Transactional(readOnly = true)
public class ReportExports {

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final PeriodicReports reports;
	private final MessageSource messages;
	private final AuditLog audit;
	private final java.time.Clock clock;

	ReportExports(PeriodicReports reports, MessageSource messages, AuditLog audit, java.time.Clock clock) {
		this.reports = reports;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * A report the caller may take out of the system: exporting periodic reports is its own use in the need-to-know
	 * table (0009), the chairman's who signs the printed report, not the case worker's or a viewer's, who read them.
	 *
	 * @throws UserFacingException 403 for a role that may not export periodic reports, 404 for a report out of reach
	 */
	private ReportView exportable(long id) {
		NeedToKnow.require(Jurisdictions.requireUser(), NeedToKnow.Data.PERIODIC_REPORTS, NeedToKnow.Use.EXPORT);
		return reports.get(id);
	}

	public byte[] xlsx(long id) {
		ReportView report = exportable(id);
		List<Spreadsheets.SheetContent> sheets = new ArrayList<>();
		for (AnnexTable table : report.annexes()) {
			List<String> headings = new ArrayList<>(List.of(firstHeading(table), secondHeading(table)));
			table.columns().forEach(c -> headings.add(c.name() + (c.rate() ? " (%)" : "")));
			List<List<Object>> rows = new ArrayList<>();
			for (Row row : table.rows()) {
				List<Object> values = new ArrayList<>(List.of(rowName(row), rowCode(row)));
				row.figures().forEach(f -> values.add(f.origin() == ReportView.Origin.SUPPRESSED ? hidden() : f.value()));
				rows.add(values);
			}
			sheets.add(new Spreadsheets.SheetContent(table.annex().title().replaceFirst("^Phụ lục", "PL").replace(".", ""),
					List.of(table.annex().title(), report.obligation().reporterName() + " — " + periodText(report),
							"Số liệu tính đến ngày " + VietnameseFormats.date(asOf(report))),
					headings, rows));
		}
		audit("XLSX", report);
		return Spreadsheets.workbook(sheets);
	}

	public byte[] docx(long id) {
		ReportView report = exportable(id);
		Obligation o = report.obligation();
		boolean committee = o.reporterAgencyId() == null;
		// an agency's report is issued by the agency (Nghị định 30/2020: its own name, the body above it first)
		String unitName = committee ? o.reporterName().replaceFirst("^Ủy ban nhân dân ", "")
				: o.reporterName().replaceFirst(" \\(nay là .*\\)$", "");
		OfficialDocument doc = OfficialDocument.create()
			.issuingBody(committee ? "ỦY BAN NHÂN DÂN\n" + unitName.toUpperCase(VIETNAMESE)
					: unitName.toUpperCase(VIETNAMESE));
		if (report.number() != null) {
			doc.number(report.number());
		}
		else {
			doc.numberToFill(committee ? "BC-UBND" : "BC");
		}
		LocalDate dated = report.submittedAt() != null ? report.submittedAt().toLocalDate() : LocalDate.now(clock);
		doc.dated(place(committee ? unitName : lower(o.reporterUnitName())), dated)
			.kind("BÁO CÁO")
			.summary(o.title() + " — " + periodText(report))
			.addressedTo(o.recipientName())
			.heading("I. KẾT QUẢ ĐẠT ĐƯỢC").paragraph(orDots(report.sections().results()))
			.heading("II. HẠN CHẾ, TỒN TẠI").paragraph(orDots(report.sections().limitations()))
			.heading("III. NGUYÊN NHÂN").paragraph(orDots(report.sections().causes()))
			.heading("IV. ĐỀ XUẤT, KIẾN NGHỊ").paragraph(orDots(report.sections().proposals()));
		if (!report.tasks().isEmpty()) {
			List<List<?>> rows = new ArrayList<>();
			for (ReportView.TaskLine t : report.tasks()) {
				rows.add(List.of(t.number(), abbreviate(t.statement(), 220), t.leadAgency() == null ? "" : t.leadAgency(),
						t.status() == null ? "" : label("plan.progress." + t.status(), t.status())));
			}
			doc.heading("V. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH")
				.table(List.of(Column.centred("Số", 12), Column.text("Nhiệm vụ", 90), Column.text("Cơ quan chủ trì", 40),
						Column.centred("Tiến độ", 25)), rows);
		}
		doc.closing(List.of(o.recipientName()), null,
				Signature.of(committee ? "TM. Ủy ban nhân dân" : null,
						report.signerTitle() == null ? "Chủ tịch" : report.signerTitle(),
						report.signerName() == null ? "" : report.signerName()));
		for (AnnexTable table : report.annexes()) {
			doc.pageBreak().centred(table.annex().title().toUpperCase(VIETNAMESE), true)
				.centred("(Kèm theo Báo cáo của " + o.reporterName() + ", " + periodText(report) + ")", false);
			List<Column> columns = new ArrayList<>(List.of(Column.text(firstHeading(table),
					table.annex().kind() == Annex.Kind.TARGETS ? 90 : 45)));
			table.columns().forEach(c -> columns.add(Column.number(c.name() + (c.rate() ? " (%)" : ""), 22)));
			List<List<?>> rows = new ArrayList<>();
			for (Row row : table.rows()) {
				List<Object> values = new ArrayList<>();
				values.add(rowName(row));
				row.figures().forEach(f -> values.add(f.origin() == ReportView.Origin.SUPPRESSED ? hidden()
						: f.value() == null ? "—" : f.value()));
				rows.add(values);
			}
			doc.table(columns, rows);
		}
		audit("DOCX", report);
		return doc.toBytes();
	}

	public byte[] csv(long id) {
		ReportView report = exportable(id);
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append("phu_luc,ma_dong,dong,ma_chi_tieu,chi_tieu,ky,gia_tri,nguon\r\n");
		for (AnnexTable table : report.annexes()) {
			for (Row row : table.rows()) {
				for (int i = 0; i < table.columns().size(); i++) {
					FigureSource.Column column = table.columns().get(i);
					Figure figure = row.figures().get(i);
					out.append(csvCell(table.annex().code())).append(',').append(csvCell(rowCode(row))).append(',')
						.append(csvCell(row.name())).append(',').append(csvCell(column.code())).append(',')
						.append(csvCell(column.name())).append(',').append(csvCell(report.obligation().period()))
						.append(',').append(figure.value() == null ? "" : figure.value().toPlainString()).append(',')
						.append(figure.origin().name()).append("\r\n");
				}
			}
		}
		audit("CSV", report);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * ADX 1.0 (IHE QRPH, urn:ihe:qrph:adx:2015): one group per unit, its period as an ISO 8601 start and duration, the
	 * indicator codes as data elements; figures without a value are left out, as ADX expects.
	 */
	public byte[] adx(long id) {
		ReportView report = exportable(id);
		String period = adxPeriod(report.obligation().period());
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"")
			.append(OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\">\n");
		for (AnnexTable table : report.annexes()) {
			if (table.annex().kind() == Annex.Kind.TARGETS) {
				continue;
			}
			for (Row row : table.rows()) {
				xml.append("  <group orgUnit=\"").append(escape(row.unitCode())).append("\" period=\"").append(period)
					.append("\" dataSet=\"").append(escape("VONGTAY_" + table.annex().code())).append("\" completed=\"")
					.append(report.status() == ReportStatus.ACCEPTED).append("\">\n");
				// a breakdown's value is a disaggregation of the data element: an attribute named after its dimension
				String[] part = row.key().isEmpty() ? null : row.key().split(":", 2);
				for (Figure figure : row.figures()) {
					if (figure.value() != null) {
						xml.append("    <dataValue dataElement=\"").append(escape(figure.code())).append("\" value=\"")
							.append(figure.value().toPlainString()).append('"');
						if (part != null) {
							xml.append(' ').append(part[0]).append("=\"").append(escape(part[1])).append('"');
						}
						xml.append("/>\n");
					}
				}
				xml.append("  </group>\n");
			}
		}
		xml.append("</adx>\n");
		audit("ADX", report);
		return xml.toString().getBytes(StandardCharsets.UTF_8);
	}

	static String adxPeriod(String period) {
		if (period.matches("\\d{4}-\\d{4}")) {
			int from = Integer.parseInt(period.substring(0, 4));
			int to = Integer.parseInt(period.substring(5));
			return from + "-01-01/P" + (to - from + 1) + "Y";
		}
		Period p = Period.parse(period);
		String duration = switch (p.kind()) {
			case YEAR -> "P1Y";
			case HALF_YEAR -> "P6M";
			case QUARTER -> "P3M";
			case MONTH -> "P1M";
		};
		return p.start() + "/" + duration;
	}

	/** «6 tháng đầu năm 2026», «năm 2026», «giai đoạn 2020-2021». */
	String periodText(ReportView report) {
		String period = report.obligation().period();
		if (period.matches("\\d{4}-\\d{4}")) {
			return "giai đoạn " + period;
		}
		Period p = Period.parse(period);
		return messages.getMessage(p.messageKey(), p.messageArguments(), period, VIETNAMESE);
	}

	private LocalDate asOf(ReportView report) {
		LocalDate end = report.obligation().periodEnd();
		LocalDate today = LocalDate.now(clock);
		return end.isAfter(today) ? today : end;
	}

	private void audit(String format, ReportView report) {
		audit.record("REPORT_EXPORTED", "PeriodicReport", report.id(), report.obligation().reporterUnitId(), format);
	}

	private String label(String key, String fallback) {
		return messages.getMessage(key, null, fallback, VIETNAMESE);
	}

	private static String firstHeading(AnnexTable table) {
		return switch (table.annex().kind()) {
			case UNITS -> "Đơn vị";
			case BREAKDOWN -> "Phân tổ";
			case TARGETS -> "Chỉ tiêu";
		};
	}

	private static String secondHeading(AnnexTable table) {
		return table.annex().kind() == Annex.Kind.UNITS ? "Mã đơn vị" : "Mã";
	}

	private static String rowName(Row row) {
		return row.reportingUnit() ? "Toàn " + lower(row.unitName()) : row.name();
	}

	private static String rowCode(Row row) {
		return row.key().isEmpty() ? row.unitCode() : row.key();
	}

	/** A small count the reader may not see, as pages show it. */
	private String hidden() {
		return "< " + reports.smallCountThreshold();
	}

	private static String place(String unitName) {
		return unitName.replaceFirst("^(xã|phường|thị trấn|đặc khu|huyện|quận|thị xã|thành phố|tỉnh) ", "");
	}

	private static String lower(String name) {
		return Character.toLowerCase(name.charAt(0)) + name.substring(1);
	}

	private static String orDots(String text) {
		return text == null ? OfficialDocument.TO_FILL : text;
	}

	private static String abbreviate(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	private static String csvCell(String text) {
		if (text == null) {
			return "";
		}
		String value = Spreadsheets.neutralise(text);
		return value.contains(",") || value.contains("\"") || value.contains("\n")
				? "\"" + value.replace("\"", "\"\"") + "\"" : value;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
