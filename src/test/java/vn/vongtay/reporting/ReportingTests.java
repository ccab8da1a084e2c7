package vn.vongtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.core.UserFacingException;
import vn.vongtay.planning.ReportKind;

/**
 * Periodic reporting on the demo data: the obligations of the Cao Bằng and Thọ Xuân plans with their real deadlines
 * and of the communes' standing reports; a report cannot be submitted with a required figure missing, nor changed once
 * accepted, nor by anyone outside the reporting unit; the province's report counts the communes' accepted reports;
 * completeness judges the first submission; the exports open.
 */
@IntegrationTest
class ReportingTests extends DemoAccountTestSupport {

	@Autowired
	Obligations obligations;

	@Autowired
	PeriodicReports reports;

	@Autowired
	Completeness completeness;

	@Autowired
	ReportExports exports;

	@Test
	void theCaoBangPlanOwesHalfYearAndAnnualReportsOfEveryDistrictByItsDeadlines() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT o.kind, o.period, o.due_on, count(*) AS units FROM reporting.obligation o
				JOIN planning.plan p ON p.id = o.plan_id WHERE p.key = 'cao-bang-2022'
				GROUP BY o.kind, o.period, o.due_on ORDER BY o.due_on""").query().listOfRows();
		assertThat(rows).extracting(r -> r.get("kind") + " " + r.get("period") + " " + r.get("due_on"))
			.contains("HALF_YEAR 2022-H1 2022-05-25", "ANNUAL 2022 2022-11-20", "SUMMARY 2022 2022-11-30");
		long districts = jdbc.sql("""
				SELECT count(*) FROM geography.unit WHERE level = 'DISTRICT' AND province_code = '04'
				  AND daterange(valid_from, valid_to, '[]') @> DATE '2022-12-31'""").query(Long.class).single();
		assertThat(rows.stream().filter(r -> "HALF_YEAR".equals(r.get("kind"))).findFirst().orElseThrow().get("units"))
			.isEqualTo(districts);
	}

	@Test
	void theThoXuanPlanOwesTheReportsOfItsCommunesByTheTenthOfJuneAndDecember() {
		List<String> dues = jdbc.sql("""
				SELECT DISTINCT o.kind || ' ' || o.due_on FROM reporting.obligation o
				JOIN planning.plan p ON p.id = o.plan_id WHERE p.key = 'tho-xuan-2024'""").query(String.class).list();
		assertThat(dues).contains("HALF_YEAR 2024-06-10", "ANNUAL 2024-12-10");
	}

	@Test
	void aCommuneOwesItsCouncilAnAnnualReportOnChildrensRights() throws Exception {
		JsonNode list = read(apiGet("xa.a", "/api/v1/reporting/obligations?unit=03253").andExpect(status().isOk()));
		boolean council = false;
		for (JsonNode o : list) {
			assertThat(o.has("kind") && o.has("period") && o.has("dueOn") && o.has("status")).isTrue();
			if (o.get("source").asString().equals("STANDING:COMMUNE_COUNCIL") && o.get("period").asString().equals("2026")) {
				council = true;
				assertThat(o.get("dueOn").asString()).isEqualTo("2026-11-30");
				assertThat(o.get("recipientName").asString()).isEqualTo("Hội đồng nhân dân xã Tuần Giáo");
			}
		}
		assertThat(council).isTrue();
	}

	@Test
	void aReportIsNotSubmittedWithARequiredFigureMissingAndIsLockedOnceAccepted() {
		Obligation h1 = owedBy("xa.b", "03295", "STANDING:COMMUNE_H2", "2026-H2");
		long id = as("xa.b", () -> reports.open(h1.id()));
		as("xa.b", () -> {
			reports.save(id, version(id), new PeriodicReport.Sections("Kết quả 6 tháng cuối năm", null, null, null),
					null, null, Map.of());
			return null;
		});
		assertThatThrownBy(() -> as("xa.b", () -> {
			reports.submit(id, version(id));
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> {
			assertThat(e.status()).isEqualTo(422);
			assertThat(e.problems()).extracting(p -> p.column()).contains("figure.FULL_VACCINATION_U1");
		});
		assertThatThrownBy(() -> as("xa.b", () -> {
			reports.save(id, version(id), new PeriodicReport.Sections("Kết quả", null, null, null), null, null,
					Map.of("FULL_VACCINATION_U1", new BigDecimal("130")));
			return null;
		})).isInstanceOf(UserFacingException.class);
		as("xa.b", () -> {
			reports.save(id, version(id), new PeriodicReport.Sections("Kết quả", null, null, null), "07/BC-UBND",
					"Lò Văn Thành", Map.of("FULL_VACCINATION_U1", new BigDecimal("96.4")));
			reports.submit(id, version(id));
			return null;
		});
		as("tinh.dienbien", () -> {
			reports.accept(id, version(id));
			return null;
		});
		assertThatThrownBy(() -> as("xa.b", () -> {
			reports.save(id, version(id), new PeriodicReport.Sections("Sửa sau khi duyệt", null, null, null), null,
					null, Map.of());
			return null;
		})).isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(409));
		PeriodicReport accepted = as("tinh.dienbien", () -> reports.get(id));
		assertThat(accepted.status()).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(accepted.sections().results()).isEqualTo("Kết quả");
		assertThat(accepted.obligation().timeliness()).isEqualTo(Timeliness.ON_TIME);

		// the province's report of the half-year takes the commune's accepted figures and sums its communes
		Obligation province = owedBy("tinh.dienbien", "11", "STANDING:PROVINCE_H2", "2026-H2");
		long provinceReport = as("tinh.dienbien", () -> reports.open(province.id()));
		PeriodicReport.AnnexTable sectors = as("tinh.dienbien", () -> reports.get(provinceReport)).annexes().stream()
			.filter(t -> t.annex().code().equals("CHILDREN")).findFirst().orElseThrow();
		PeriodicReport.Row quaiTo = sectors.rows().stream().filter(r -> r.unitCode().equals("03295")).findFirst()
			.orElseThrow();
		assertThat(quaiTo.report()).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(quaiTo.figure("CHILDREN_UNDER_16").origin()).isEqualTo(PeriodicReport.Origin.REPORTED);
		BigDecimal sum = sectors.rows().stream().filter(r -> !r.reportingUnit())
			.map(r -> r.figure("CHILDREN_UNDER_16").value()).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sectors.rows().get(0).figure("CHILDREN_UNDER_16"))
			.extracting(PeriodicReport.Figure::value, PeriodicReport.Figure::origin)
			.containsExactly(sum, PeriodicReport.Origin.SUMMED);
	}

	@Test
	void nobodyOutsideTheReportingUnitDraftsOrSubmitsItsReport() throws Exception {
		Obligation council = owedBy("xa.b", "03295", "STANDING:COMMUNE_COUNCIL", "2026");
		assertThatThrownBy(() -> as("xa.a", () -> reports.open(council.id())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(404));
		apiPost("xa.a", "/api/v1/reporting/obligations/" + council.id() + "/report", "{}")
			.andExpect(status().isNotFound());
		assertThatThrownBy(() -> as("tinh.dienbien", () -> reports.open(council.id())))
			.as("the province may read the commune's obligations but not draft its report")
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
		apiGet("lanhdao.dienbien", "/api/v1/reporting/completeness?period=2026").andExpect(status().isForbidden());
	}

	@Test
	void completenessCountsOnTimeLateAndMissingByLevel() {
		Completeness.View view = as("tinh.dienbien", () -> completeness.of(ReportKind.HALF_YEAR, "2025-H1"));
		Completeness.Level communes = view.levels().stream().filter(l -> l.level().equals("COMMUNE")).findFirst()
			.orElseThrow();
		assertThat(communes.owed()).isPositive();
		assertThat(communes.owed()).isEqualTo(communes.onTime() + communes.late() + communes.overdue() + communes.pending());
		assertThat(LocalDate.of(2025, 6, 20)).isBefore(LocalDate.now());
		assertThat(communes.pending()).isZero();
	}

	@Test
	void theExportsOpenAsXlsxAndAdx() throws Exception {
		Obligation council = owedBy("xa.a", "03253", "STANDING:COMMUNE_COUNCIL", "2026");
		long id = as("xa.a", () -> reports.open(council.id()));
		byte[] xlsx = as("xa.a", () -> exports.xlsx(id));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Phụ lục 1. Tình hình trẻ em");
			assertThat(workbook.getSheetAt(0).getRow(4).getCell(0).getStringCellValue()).isEqualTo("Đơn vị");
		}
		String adx = new String(as("xa.a", () -> exports.adx(id)), StandardCharsets.UTF_8);
		var document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(adx.getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("adx");
		assertThat(document.getElementsByTagName("group").getLength()).isPositive();
		assertThat(adx).contains("xmlns=\"urn:ihe:qrph:adx:2015\"", "orgUnit=\"03253\"", "period=\"2026-01-01/P1Y\"");
		String csv = new String(as("xa.a", () -> exports.csv(id)), StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFphu_luc,ma_don_vi");
	}

	private Obligation owedBy(String username, String unitCode, String source, String period) {
		return as(username, () -> obligations.owed(unitCode, 0, 500)).stream()
			.filter(o -> o.source().equals(source) && o.period().equals(period)).findFirst()
			.orElseThrow(() -> new AssertionError("no obligation " + source + " " + period + " of " + unitCode));
	}

	private int version(long reportId) {
		return jdbc.sql("SELECT version FROM reporting.report WHERE id = :id").param("id", reportId)
			.query(Integer.class).single();
	}
}
