package vn.vongtay.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;
import vn.vongtay.casework.AbuseForm;
import vn.vongtay.casework.ReportChannel;
import vn.vongtay.casework.ReportDraft;
import vn.vongtay.casework.Reports;
import vn.vongtay.children.Sex;
import vn.vongtay.core.VietnameseFormats;
import vn.vongtay.reporting.Obligation;
import vn.vongtay.reporting.Obligations;

/**
 * The home page as each role lands on it (issue 17, item 1): the words an official reads, each item linking to where
 * the work is done, an empty list saying so, and nothing of another role's work. The casework queues themselves are
 * proved in {@code casework.WorkQueueTests}.
 */
@IntegrationTest
class WorkQueuePageTests extends DemoAccountTestSupport {

	@Autowired
	Reports reports;

	@Autowired
	Clock clock;

	@Autowired
	Obligations obligations;

	@Test
	void theCommuneOfficerLandsOnTheCommunesWorkWithEveryListNamedAndTheUnitFactsALinkAway() throws Exception {
		String page = pageBody("xa.a", "/");
		assertThat(page).contains("Thông báo chờ xác minh", "Hồ sơ quá hạn", "Hồ sơ theo hạn tiếp theo",
				"Kế hoạch can thiệp bị trả lại", "Kế hoạch can thiệp chờ phê duyệt", "Đề nghị hỗ trợ chờ cơ quan trả lời",
				"Báo cáo định kỳ đến hạn trong 30 ngày", "Trẻ em chờ xác định xã mới", "Tệp nhập sổ chưa hoàn tất");
		// in the demo, the half-year report of the commune is due on 20/12/2026 (standing rule COMMUNE_H2), 12 days
		// from 08/12, unless a test already sent it
		List<Obligation> due = as("xa.a", () -> obligations.dueWithin(HomePage.DUE_SOON_DAYS, HomePage.SHOWN));
		for (Obligation o : due) {
			assertThat(page).contains(o.title(), "/reporting/obligations/" + o.id(),
					"hạn " + VietnameseFormats.date(o.dueOn()));
		}
		assertThat(due).allMatch(o -> !o.dueOn().isAfter(LocalDate.now(clock).plusDays(30)));
		assertThat(page).contains("href=\"/units?code=03253\"", "href=\"/admin/agencies\"");
		// the province's figures and the decisions are others' work
		assertThat(page).doesNotContain("Số liệu chính", "Biện pháp khẩn cấp chờ quyết định", "Nhiệm vụ quá hạn");
	}

	@Test
	void anEmptyListSaysSoInWords() throws Exception {
		// the commune of Quài Tở has no import of xa.b's in progress
		assertThat(pageBody("xa.b", "/")).contains("Không có tệp nhập sổ nào chưa hoàn tất");
	}

	@Test
	void theFocalPointLandsOnItsTasksAndReferralsWithBothPagesInItsMenu() throws Exception {
		String page = pageBody("ldtbxh.thoxuan", "/");
		assertThat(page).contains("Nhiệm vụ quá hạn", "Nhiệm vụ đến hạn trong 30 ngày", "Đề nghị hỗ trợ cần trả lời",
				"href=\"/plans/tasks/", "href=\"/my-tasks\"", "href=\"/referrals\"", "Nhiệm vụ của tôi");
		assertThat(page).doesNotContain("Thông báo chờ xác minh", "Hồ sơ quá hạn theo xã");
	}

	@Test
	void theProvinceLandsOnItsHeadlineFiguresReportingAndOverdueCasesByCommune() throws Exception {
		for (String username : List.of("tinh.dienbien", "lanhdao.dienbien")) {
			String page = pageBody(username, "/");
			assertThat(page).as(username).contains("Tỉnh Điện Biên năm 2026", "Số liệu chính", "So với năm 2025",
					"Chỉ tiêu kế hoạch", "Dân số trẻ em (dưới 16 tuổi)", "Báo cáo định kỳ của các xã năm 2026",
					"Hồ sơ quá hạn theo xã", "Xã Tuần Giáo", "Xã Quài Tở");
			assertThat(page).as(username).doesNotContain("Thông báo chờ xác minh", "năm 2.026");
		}
	}

	@Test
	void theHotlineLandsOnTheReportsItReceivedAndWhereEachWent() throws Exception {
		LocalDateTime now = LocalDateTime.now(clock).withNano(0);
		String child = "Lò Văn Khải";
		String reference = as("tongdai111", () -> reports.receive(new ReportDraft(ReportChannel.HOTLINE_111,
				now.minusMinutes(5), null, null, child, Sex.MALE, null, 7, "Bản Chiềng", "03295", null, null,
				"Trẻ bị bỏ mặc nhiều ngày, không có người chăm sóc.", null, null, null, null,
				Set.of(AbuseForm.NEGLECT), "Người gọi", "0912000111", null, null))).reference();

		String page = pageBody("tongdai111", "/");
		assertThat(page).contains("Thông báo đã tiếp nhận gần đây", reference, child, "Tổng đài 111");
		assertThat(page).containsAnyOf("Đã chuyển đến Xã Quài Tở", "Mới tiếp nhận, chờ xác minh");
		assertThat(page).doesNotContain("Hồ sơ quá hạn", "Thông báo chờ xác minh");
		// what it received is a record of work done, not counted as waiting: no "(6)" for six of thousands
		assertThat(page).doesNotContainPattern("Xem tất cả \\(\\d+\\)");
		// the commune it went to has it to verify; the other commune does not
		assertThat(pageBody("xa.b", "/")).contains(child);
		assertThat(pageBody("xa.a", "/")).doesNotContain(child);
	}

	@Test
	void everyDemoAccountLandsOnAPage() throws Exception {
		for (String username : List.of("admin", "tinh.dienbien", "xa.a", "xa.b", "chutich.a", "cb.a", "ctv.a",
				"tongdai111", "lanhdao.dienbien", "huyen.hongngu", "thanhtra.thoxuan", "ldtbxh.thoxuan",
				"congan.tuangiao", "soyte.caobang")) {
			assertThat(pageBody(username, "/")).as(username).contains("Xin chào");
		}
	}
}
