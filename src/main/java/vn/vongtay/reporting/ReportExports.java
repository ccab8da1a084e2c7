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
import vn.vongtay.reporting.PeriodicReport.AnnexTable;
import vn.vongtay.reporting.PeriodicReport.Figure;
import vn.vongtay.reporting.PeriodicReport.Row;

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

	public byte[] xlsx(long id) {
		PeriodicReport report = reports.get(id);
		List<Spreadsheets.SheetContent> sheets = new ArrayList<>();
		for (AnnexTable table : report.annexes()) {
			List<String> headings = new ArrayList<>(List.of("Đơn vị", "Mã đơn vị"));
			table.columns().forEach(c -> headings.add(c.name() + (c.rate() ? " (%)" : "")));
			List<List<Object>> rows = new ArrayList<>();
			for (Row row : table.rows()) {
				List<Object> values = new ArrayList<>(List.of(row.reportingUnit() ? "Toàn " + lower(row.unitName())
						: row.unitName(), row.unitCode()));
				row.figures().forEach(f -> values.add(f.value()));
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
		PeriodicReport report = reports.get(id);
		Obligation o = report.obligation();
		String unitName = o.reporterName().replaceFirst("^Ủy ban nhân dân ", "");
		OfficialDocument doc = OfficialDocument.create()
			.issuingBody("ỦY BAN NHÂN DÂN\n" + unitName.toUpperCase(VIETNAMESE));
		if (report.number() != null) {
			doc.number(report.number());
		}
		else {
			doc.numberToFill("BC-UBND");
		}
		LocalDate dated = report.submittedAt() != null ? report.submittedAt().toLocalDate() : LocalDate.now(clock);
		doc.dated(place(unitName), dated)
			.kind("BÁO CÁO")
			.summary(o.title() + " — " + periodText(report))
			.addressedTo(o.recipientName())
			.heading("I. KẾT QUẢ ĐẠT ĐƯỢC").paragraph(orDots(report.sections().results()))
			.heading("II. HẠN CHẾ, TỒN TẠI").paragraph(orDots(report.sections().limitations()))
			.heading("III. NGUYÊN NHÂN").paragraph(orDots(report.sections().causes()))
			.heading("IV. ĐỀ XUẤT, KIẾN NGHỊ").paragraph(orDots(report.sections().proposals()));
		if (!report.tasks().isEmpty()) {
			List<List<?>> rows = new ArrayList<>();
			for (PeriodicReport.TaskLine t : report.tasks()) {
				rows.add(List.of(t.number(), abbreviate(t.statement(), 220), t.leadAgency() == null ? "" : t.leadAgency(),
						t.status() == null ? "" : label("plan.progress." + t.status(), t.status())));
			}
			doc.heading("V. TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH")
				.table(List.of(Column.centred("Số", 12), Column.text("Nhiệm vụ", 90), Column.text("Cơ quan chủ trì", 40),
						Column.centred("Tiến độ", 25)), rows);
		}
		doc.closing(List.of(o.recipientName()), null,
				Signature.of("TM. Ủy ban nhân dân", report.signerTitle() == null ? "Chủ tịch" : report.signerTitle(),
						report.signerName() == null ? "" : report.signerName()));
		for (AnnexTable table : report.annexes()) {
			doc.pageBreak().centred(table.annex().title().toUpperCase(VIETNAMESE), true)
				.centred("(Kèm theo Báo cáo của " + o.reporterName() + ", " + periodText(report) + ")", false);
			List<Column> columns = new ArrayList<>(List.of(Column.text("Đơn vị", 45)));
			table.columns().forEach(c -> columns.add(Column.number(c.name() + (c.rate() ? " (%)" : ""), 22)));
			List<List<?>> rows = new ArrayList<>();
			for (Row row : table.rows()) {
				List<Object> values = new ArrayList<>();
				values.add(row.reportingUnit() ? "Toàn " + lower(row.unitName()) : row.unitName());
				row.figures().forEach(f -> values.add(f.value() == null ? "—" : f.value()));
				rows.add(values);
			}
			doc.table(columns, rows);
		}
		audit("DOCX", report);
		return doc.toBytes();
	}

	public byte[] csv(long id) {
		PeriodicReport report = reports.get(id);
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append("phu_luc,ma_don_vi,don_vi,ma_chi_tieu,chi_tieu,ky,gia_tri,nguon\r\n");
		for (AnnexTable table : report.annexes()) {
			for (Row row : table.rows()) {
				for (int i = 0; i < table.columns().size(); i++) {
					FigureSource.Column column = table.columns().get(i);
					Figure figure = row.figures().get(i);
					out.append(csvCell(table.annex().code())).append(',').append(csvCell(row.unitCode())).append(',')
						.append(csvCell(row.unitName())).append(',').append(csvCell(column.code())).append(',')
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
		PeriodicReport report = reports.get(id);
		String period = adxPeriod(report.obligation().period());
		StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		xml.append("<adx xmlns=\"urn:ihe:qrph:adx:2015\" exported=\"")
			.append(OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\">\n");
		for (AnnexTable table : report.annexes()) {
			for (Row row : table.rows()) {
				xml.append("  <group orgUnit=\"").append(escape(row.unitCode())).append("\" period=\"").append(period)
					.append("\" dataSet=\"").append(escape("VONGTAY_" + table.annex().code())).append("\" completed=\"")
					.append(report.status() == ReportStatus.ACCEPTED).append("\">\n");
				for (Figure figure : row.figures()) {
					if (figure.value() != null) {
						xml.append("    <dataValue dataElement=\"").append(escape(figure.code())).append("\" value=\"")
							.append(figure.value().toPlainString()).append("\"/>\n");
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
	String periodText(PeriodicReport report) {
		String period = report.obligation().period();
		if (period.matches("\\d{4}-\\d{4}")) {
			return "giai đoạn " + period;
		}
		Period p = Period.parse(period);
		return messages.getMessage(p.messageKey(), p.messageArguments(), period, VIETNAMESE);
	}

	private LocalDate asOf(PeriodicReport report) {
		LocalDate end = PeriodicReports.periodEnd(report.obligation().period());
		LocalDate today = LocalDate.now(clock);
		return end.isAfter(today) ? today : end;
	}

	private void audit(String format, PeriodicReport report) {
		audit.record("REPORT_EXPORTED", "PeriodicReport", report.id(), report.obligation().reporterUnitId(), format);
	}

	private String label(String key, String fallback) {
		return messages.getMessage(key, null, fallback, VIETNAMESE);
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
