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
	ObligationSources sources;

	@Autowired
	PeriodicReports reports;

	@Autowired
	Completeness completeness;

	@Autowired
	ReportExports exports;

	@Test
	void theCaoBangPlanOwesHalfYearAndAnnualReportsOfEveryDistrictAndDepartmentByItsDeadlines() {
		List<Map<String, Object>> rows = jdbc.sql("""
				SELECT o.kind, o.period, o.due_on, count(*) AS bodies, count(o.reporter_agency_id) AS agencies
				FROM reporting.obligation o
				JOIN planning.plan p ON p.id = o.plan_id WHERE p.key = 'cao-bang-2022' AND o.withdrawn_at IS NULL
				GROUP BY o.kind, o.period, o.due_on ORDER BY o.due_on""").query().listOfRows();
		assertThat(rows).extracting(r -> r.get("kind") + " " + r.get("period") + " " + r.get("due_on"))
			.containsExactly("HALF_YEAR 2022-H1 2022-05-25", "ANNUAL 2022 2022-11-20", "SUMMARY 2022 2022-11-30");
		long districts = jdbc.sql("""
				SELECT count(*) FROM geography.unit WHERE level = 'DISTRICT' AND province_code = '04'
				  AND daterange(valid_from, valid_to, '[]') @> DATE '2022-12-31'""").query(Long.class).single();
		assertThat(rows.get(0)).containsEntry("bodies", districts + 7).containsEntry("agencies", 7L);
	}

	/**
	 * The reform: the half-year before 01/07/2025 follows the tree of that time (old communes report to their
	 * district, the district to the province), and an abolished district owes nothing for a period it did not last to
	 * the end of.
	 */
	@Test
	void theHalfYearBeforeTheReformFollowsTheTreeOfThatTimeAndAnAbolishedDistrictOwesNothingAfter() {
		List<Map<String, Object>> communes = jdbc.sql("""
				SELECT DISTINCT cu.level FROM reporting.obligation o JOIN geography.unit ru ON ru.id = o.reporter_unit_id
				JOIN geography.unit cu ON cu.id = o.recipient_unit_id
				WHERE o.source = 'STANDING:COMMUNE_H1' AND o.period = '2025-H1' AND ru.province_code = '04'""")
			.query().listOfRows();
		assertThat(communes).extracting(r -> r.get("level")).containsExactly("DISTRICT");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM reporting.obligation o JOIN geography.unit ru ON ru.id = o.reporter_unit_id
				WHERE o.source = 'STANDING:DISTRICT_H1' AND o.period = '2025-H1' AND ru.province_code = '04'""")
			.query(Long.class).single()).isEqualTo(10);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM reporting.obligation o JOIN geography.unit ru ON ru.id = o.reporter_unit_id
				WHERE ru.code = '099' AND ru.level = 'DISTRICT' AND o.period_end > DATE '2025-06-30'""")
			.query(Long.class).single()).as("UBND huyện Tuần Giáo owes nothing for 2025 or 2026").isZero();
	}

	/** The provincial health department took child affairs over: it sees the reports owed to the labour department. */
	@Test
	void theHealthDepartmentSeesTheCompletenessOfTheReportsItReceives() throws Exception {
		Completeness.View view = as("soyte.caobang", () -> completeness.of(ReportKind.HALF_YEAR, "2022-H1"));
		assertThat(view.obligations()).hasSize(17)
			.allSatisfy(o -> assertThat(o.recipientName()).endsWith("(nay là Sở Y tế tỉnh Cao Bằng)"));
		assertThat(view.levels()).extracting(Completeness.Level::owed).containsExactly(7L, 10L);
		assertThat(pageBody("soyte.caobang", "/reporting/completeness?kind=HALF_YEAR&period=2022-H1"))
			.contains("Sở Tài chính", "Ủy ban nhân dân huyện Bảo Lâm");
		assertThat(as("soyte.caobang", () -> obligations.receivable(null, "2022", 0, 100))).hasSize(17);
		apiGet("thanhtra.thoxuan", "/api/v1/reporting/completeness?period=2022-H1").andExpect(status().isForbidden());
	}

	/** Seed 001 VI.2: the labour department (now the health department) writes the province's summary. */
	@Test
	void aDepartmentDraftsTheReportThePlanAsksOfItAndNobodyElseDoes() {
		Obligation summary = as("soyte.caobang", () -> obligations.owed(null, 0, 50)).stream()
			.filter(o -> o.kind() == ReportKind.SUMMARY).findFirst().orElseThrow();
		assertThat(summary.recipientName()).isEqualTo("Ủy ban nhân dân tỉnh Cao Bằng");
		long id = as("soyte.caobang", () -> reports.open(summary.id()));
		assertThat(as("soyte.caobang", () -> reports.get(id)).signerTitle()).isEqualTo("GIÁM ĐỐC");
		assertThatThrownBy(() -> as("congan.tuangiao", () -> reports.open(summary.id())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(404));
	}

	/** A due date the plan does not give is assumed, and the receiving office sets it for everyone who owes the report. */
	@Test
	void theReceivingOfficeSetsAnAssumedDueDateForEveryBodyOwingTheReport() throws Exception {
		Obligation one = as("huyen.hongngu", () -> obligations.receivable(ReportKind.ANNUAL, "2024", 0, 100)).stream()
			.filter(o -> o.recipientName().startsWith("Phòng Lao động")).findFirst().orElseThrow();
		assertThat(one.dueAssumed()).isTrue();
		assertThat(one.dueRule()).contains("không nêu hạn");
		assertThat(pageBody("huyen.hongngu", "/reporting/obligations/" + one.id())).contains("giả định", "15/12/2024");
		assertThatThrownBy(() -> as("xa.a", () -> {
			obligations.setDueDate(one.id(), one.version(), LocalDate.of(2024, 12, 10));
			return null;
		})).isInstanceOf(UserFacingException.class);
		form("huyen.hongngu", "/reporting/obligations/" + one.id() + "/due", "version", String.valueOf(one.version()),
				"dueOn", "10/12/2024").andExpect(status().is3xxRedirection());
		List<Obligation> after = as("huyen.hongngu", () -> obligations.receivable(ReportKind.ANNUAL, "2024", 0, 100))
			.stream().filter(o -> o.source().equals(one.source())).toList();
		assertThat(after).hasSizeGreaterThan(10).allSatisfy(o -> {
			assertThat(o.dueOn()).isEqualTo(LocalDate.of(2024, 12, 10));
			assertThat(o.dueAssumed()).isFalse();
			assertThat(o.dueSetBy()).isNotBlank();
		});
		sources.generate();
		assertThat(as("huyen.hongngu", () -> obligations.get(one.id())).dueOn())
			.as("making the obligations again keeps the date the office set").isEqualTo(LocalDate.of(2024, 12, 10));
		form("huyen.hongngu", "/reporting/obligations/" + one.id() + "/due", "version", "0", "dueOn", "31/02/2024")
			.andExpect(status().isUnprocessableEntity());
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
		ReportView accepted = as("tinh.dienbien", () -> reports.get(id));
		assertThat(accepted.status()).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(accepted.sections().results()).isEqualTo("Kết quả");
		assertThat(accepted.obligation().timeliness()).isEqualTo(Timeliness.ON_TIME);

		// the province's report of the half-year takes the commune's accepted figures and sums its communes
		Obligation province = owedBy("tinh.dienbien", "11", "STANDING:PROVINCE_H2", "2026-H2");
		long provinceReport = as("tinh.dienbien", () -> reports.open(province.id()));
		ReportView.AnnexTable sectors = as("tinh.dienbien", () -> reports.get(provinceReport)).annexes().stream()
			.filter(t -> t.annex().code().equals("CHILDREN")).findFirst().orElseThrow();
		ReportView.Row quaiTo = sectors.rows().stream().filter(r -> r.unitCode().equals("03295")).findFirst()
			.orElseThrow();
		assertThat(quaiTo.report()).isEqualTo(ReportStatus.ACCEPTED);
		assertThat(quaiTo.figure("CHILDREN_UNDER_16").origin()).isEqualTo(ReportView.Origin.REPORTED);
		BigDecimal sum = sectors.rows().stream().filter(r -> !r.reportingUnit())
			.map(r -> r.figure("CHILDREN_UNDER_16").value()).reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(sectors.rows().get(0).figure("CHILDREN_UNDER_16"))
			.extracting(ReportView.Figure::value, ReportView.Figure::origin)
			.containsExactly(sum, ReportView.Origin.SUMMED);
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
		// a leader reads the reports and who sent them (decision 0009: VIEWER reads PERIODIC_REPORTS), drafts none
		apiGet("lanhdao.dienbien", "/api/v1/reporting/completeness?period=2026").andExpect(status().isOk());
		assertThatThrownBy(() -> as("lanhdao.dienbien", () -> reports.open(council.id())))
			.isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.status()).isEqualTo(403));
		apiGet("tongdai111", "/api/v1/reporting/obligations").andExpect(status().isForbidden());
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
			assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
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
		assertThat(csv).startsWith("\uFEFFphu_luc,ma_dong");
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
