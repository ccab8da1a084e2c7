package vn.vongtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.identity.Role;
import vn.vongtay.identity.SignedInUser;
import vn.vongtay.planning.ReportKind;

/**
 * Issue 18 §1, annexes as officials need them: a child report carries the breakdowns Thông tư 13/2021 gives (the 14
 * groups of Art. 10, sex, age group, ethnicity, form of abuse); the prostitution report of Thọ Xuân (seed 004, II.1-II.5)
 * carries all fourteen figures of its targets; a report carries the progress of the tasks its reporting body owns.
 */
@IntegrationTest
class ReportAnnexTests extends DemoAccountTestSupport {

	@Autowired
	Obligations obligations;

	@Autowired
	PeriodicReports reports;

	@Test
	void aChildReportCarriesTheBreakdownsOfTheCircular() {
		Obligation council = owed("xa.b", "03295", "STANDING:COMMUNE_COUNCIL", "2026");
		ReportView report = as("xa.b", () -> reports.get(reports.open(council.id())));
		assertThat(table(report, "SPECIAL_BY_GROUP").rows()).extracting(ReportView.Row::key).containsExactly("group:a",
				"group:b", "group:c", "group:d", "group:đ", "group:e", "group:g", "group:h", "group:i", "group:k", "group:l",
				"group:m", "group:n", "group:o");
		assertThat(table(report, "SPECIAL_BY_GROUP").rows().get(0).name()).startsWith("Nhóm hoàn cảnh đặc biệt: a) ");
		assertThat(table(report, "CHILDREN_BREAKDOWN").rows()).extracting(ReportView.Row::name)
			.contains("Giới tính: Nam", "Giới tính: Nữ", "Nhóm tuổi: Dưới 6 tuổi")
			.anyMatch(name -> name.startsWith("Dân tộc: "));
		assertThat(table(report, "ABUSE_BREAKDOWN").rows()).extracting(ReportView.Row::name)
			.contains("Hình thức xâm hại: Bạo lực", "Hình thức xâm hại: Xâm hại tình dục", "Giới tính: Nữ");
		ReportView.Row boys = table(report, "CHILDREN_BREAKDOWN").rows().stream().filter(r -> r.key().equals("sex:MALE"))
			.findFirst().orElseThrow();
		assertThat(boys.figure("CHILDREN_UNDER_16").value()).isPositive();
	}

	/** Seed 004, II.1-II.5: 80 %, an assessed target, 25/20/30 %, 100 %, 60 %, 100 %, 5 %, 25 %, 30 %, 80 %, 20/20 %. */
	@Test
	void theThoXuanProstitutionReportHasAllFourteenTargetFiguresOfThePlan() {
		SignedInUser culture = cultureOfficeOfThoXuan();
		Obligation annual = as(culture, () -> obligations.owed(null, 0, 50)).stream()
			.filter(o -> o.kind() == ReportKind.ANNUAL && o.period().equals("2024")).findFirst().orElseThrow();
		ReportView report = as(culture, () -> reports.get(reports.open(annual.id())));
		ReportView.AnnexTable targets = table(report, "TARGETS");
		assertThat(targets.rows()).extracting(ReportView.Row::key).containsExactly("1.1-a", "1.1-b", "1.1-c.1",
				"1.1-c.2", "1.1-c.3", "2.1-a", "2.1-b", "3.1-a", "3.1-b.1", "3.1-b.2", "4.1-a", "4.1-b", "5.1-a.1",
				"5.1-a.2");
		assertThat(targets.rows()).extracting(r -> r.figure(AnnexFill.TARGET).value() == null ? null
				: r.figure(AnnexFill.TARGET).value().stripTrailingZeros().toPlainString())
			.containsExactly("80", null, "25", "20", "30", "100", "60", "100", "5", "25", "30", "80", "20", "20");
		assertThat(targets.rows().get(1).name()).contains("(định tính)");
		assertThat(targets.rows().get(0).name()).startsWith("1.1-a. Ít nhất 80%").endsWith("— chỉ tiêu năm 2024");
		assertThat(table(report, "PREVENTION").rows()).isNotEmpty();
		assertThat(report.tasks()).as("the tasks the culture office leads, not all the plan's")
			.allSatisfy(t -> assertThat(t.leadAgency()).startsWith("Phòng Văn hoá"));
	}

	/** A commune's half-year report of 2025-H1 shows the tasks the Tuần Giáo plan gives "UBND các xã, thị trấn". */
	@Test
	void aStandingReportCarriesTheProgressOfTheTasksTheReporterOwns() {
		Obligation halfYear = as("xa.a", () -> obligations.owed("03253", 0, 200)).stream()
			.filter(o -> o.source().equals("STANDING:COMMUNE_H1") && o.period().equals("2025-H1")).findFirst()
			.orElseThrow();
		assertThat(halfYear.recipientName()).isEqualTo("Ủy ban nhân dân huyện Tuần Giáo");
		ReportView report = as("xa.a", () -> reports.get(reports.open(halfYear.id())));
		assertThat(report.tasks()).isNotEmpty()
			.allSatisfy(t -> assertThat(t.leadAgency()).isEqualTo("UBND các xã, thị trấn"));
	}

	private SignedInUser cultureOfficeOfThoXuan() {
		long agency = jdbc.sql("""
				SELECT a.id FROM directory.agency a JOIN geography.unit u ON u.id = a.unit_id
				WHERE u.code = '395' AND a.kind = 'CULTURE' AND a.name = 'Phòng Văn hoá - Thông tin'""")
			.query(Long.class).single();
		long province = units.byCode("38", LocalDate.now()).id();
		return new SignedInUser(990_001, "vhtt.thoxuan", "Phòng Văn hoá - Thông tin huyện Thọ Xuân",
				Set.of(Role.AGENCY_FOCAL_POINT), Set.of(province), agency, true, null, null);
	}

	private Obligation owed(String username, String unitCode, String source, String period) {
		return as(username, () -> obligations.owed(unitCode, 0, 500)).stream()
			.filter(o -> o.source().equals(source) && o.period().equals(period)).findFirst()
			.orElseThrow(() -> new AssertionError("no obligation " + source + " " + period + " of " + unitCode));
	}

	private static ReportView.AnnexTable table(ReportView report, String annex) {
		List<ReportView.AnnexTable> found = report.annexes().stream().filter(t -> t.annex().code().equals(annex)).toList();
		assertThat(found).as(annex).hasSize(1);
		return found.get(0);
	}
}
