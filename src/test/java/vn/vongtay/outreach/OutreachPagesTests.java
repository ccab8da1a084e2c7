package vn.vongtay.outreach;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.Transactional;

import vn.vongtay.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The outreach pages render in Vietnamese for the demo accounts, and the coverage feeds the plan's tracking. */
@IntegrationTest
class OutreachPagesTests extends OutreachTestSupport {

	@Test
	void theActivityLogOfTuanGiaoShowsItsForumInVietnamese() throws Exception {
		String log = pageBody("xa.a", "/outreach");
		assertThat(log).contains("Nhật ký hoạt động", "Diễn đàn trẻ em xã Tuần Giáo", "Diễn đàn, đối thoại với trẻ em",
				"Truyền thông, tập huấn");
		long forum = jdbc.sql("SELECT id FROM outreach.activity WHERE title LIKE 'Diễn đàn trẻ em xã Tuần Giáo%'")
			.query(Long.class).single();
		assertThat(pageBody("xa.a", "/outreach/activities/" + forum)).contains("Ý kiến, kiến nghị của trẻ em tại diễn đàn",
				"Công an xã Tuần Giáo", "Chưa trả lời", "Ghi nhận ý kiến của trẻ em");
		assertThat(pageBody("xa.a", "/outreach/activities/new")).contains("Ghi nhận hoạt động", "Cán bộ tham gia tập huấn",
				"Phòng, chống đuối nước");
	}

	@Test
	void theOpinionsPageShowsTheOverdueOpinionFirst() throws Exception {
		String page = pageBody("xa.a", "/outreach/opinions");
		assertThat(page).contains("Ý kiến, kiến nghị của trẻ em", "Quá hạn");
		assertThat(page.indexOf("quán điện tử")).isLessThan(page.indexOf("lắp đèn chiếu sáng"));
	}

	@Test
	void aTrainingPageListsItsOfficialsByName() throws Exception {
		long training = jdbc.sql("SELECT id FROM outreach.activity WHERE title LIKE 'Tập huấn nâng cao năng lực%'")
			.query(Long.class).single();
		assertThat(pageBody("ldtbxh.thoxuan", "/outreach/activities/" + training)).contains("Lê Văn Thành",
				"Phó Trưởng phòng", "Thị trấn Thọ Xuân");
	}

	/** Issue 18, section 4: one target, one value, on the coverage page and on the plan. */
	@Test
	void theCoverageAndThePlanShowTheSameValueForATarget() throws Exception {
		String coverage = pageBody("ldtbxh.thoxuan", "/outreach/coverage");
		assertThat(coverage).contains("Chỉ tiêu kế hoạch", "66,67 %", "(20/30)", "8,67 %", "(13/150)");
		long plan = jdbc.sql("SELECT id FROM planning.plan WHERE key = 'tho-xuan-2024'").query(Long.class).single();
		assertThat(pageBody("ldtbxh.thoxuan", "/plans/" + plan)).contains("66,67", "(20/30)", "8,67", "(13/150)");
	}

	@Test
	void everyPageResolvesItsMessagesInVietnameseAndEnglish() throws Exception {
		long forum = jdbc.sql("SELECT id FROM outreach.activity WHERE title LIKE 'Diễn đàn trẻ em xã Tuần Giáo%'")
			.query(Long.class).single();
		for (String url : new String[] { "/outreach", "/outreach/activities/new", "/outreach/activities/" + forum,
				"/outreach/opinions", "/outreach/coverage" }) {
			assertThat(pageBody("xa.a", url)).as(url).doesNotContain("??");
			assertThat(pageBody("xa.a", url + (url.contains("?") ? "&" : "?") + "lang=en")).as(url).doesNotContain("??");
		}
		assertThat(pageBody("ldtbxh.thoxuan", "/outreach/coverage?lang=en")).contains("Results against targets")
			.doesNotContain("??");
	}

	@Test
	void aViewerSeesTheCoveragePage() throws Exception {
		assertThat(pageBody("lanhdao.dienbien", "/outreach/coverage")).contains("Kết quả truyền thông, tập huấn so với chỉ tiêu",
				"Xã, thị trấn chưa có hoạt động");
	}
}
