package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import vn.vongtay.DemoAccountTestSupport;
import vn.vongtay.IntegrationTest;

/**
 * The staff intake form (Mẫu 01, Nghị định 56/2017 Art. 21-22) used by commune officers, case workers, the village
 * collaborator and the 111 hotline: it starts with no channel chosen (a report from school was saved as a call to 111)
 * and with the officer's own commune rather than a code to know (issue 17 §3), and a slip brings the same page back
 * with everything typed (issue 17 §2, decision 0013).
 */
@IntegrationTest
class ReportFormTests extends DemoAccountTestSupport {

	private static final String CONDITION = "Cháu thường bị bố đánh khi say rượu, hôm qua có vết bầm ở tay.";

	@Test
	void theFormStartsWithNoChannelChosenAndTheOfficersOwnCommune() throws Exception {
		Document form = Jsoup.parse(pageBody("xa.a", "/reports/new"));
		assertThat(form.select("select[name=channel] option[selected]")).isEmpty();
		assertThat(form.select("select[name=channel] option").first().attr("value")).isEmpty();
		assertThat(form.select("select[name=channel]").attr("required")).isNotNull();
		assertThat(form.select("input[name=childUnitCode]").attr("value")).isEqualTo("03253");
		assertThat(form.select(".field:has(input[name=childUnitCode]) .hint").text()).isEqualTo("Xã Tuần Giáo");
		assertThat(form.select("[data-child-picker] input[type=hidden][name=childId]")).hasSize(1);
	}

	@Test
	void aReportWithoutChannelAndWithAnAgeInWordsComesBackInPlaceWithEverythingTyped() throws Exception {
		String child = "Lò Văn " + ThreadLocalRandom.current().nextInt(100_000);
		RefusedForm page = RefusedForm.of(form("xa.a", "/reports", "submission", "t-" + child, "channel", "",
				"childName", child, "childSex", "MALE", "childAgeYears", "khoảng 9", "childUnitCode", "03253",
				"condition", CONDITION, "suspectedForms", "VIOLENCE", "informantPhone", "0912 345 678"));

		page.says("channel", "Hình thức tiếp nhận", "chọn")
			.says("childAgeYears", "Hoặc tuổi (ước lượng)", "khoảng 9", "chữ số")
			.keeps("childName", child)
			.keeps("childAgeYears", "khoảng 9")
			.keeps("condition", CONDITION)
			.keeps("informantPhone", "0912 345 678")
			.keepsChosen("childSex", "MALE")
			.keepsChosen("suspectedForms", "VIOLENCE");
		assertThat(page.summary()).hasSize(2);
		assertThat(reportsAbout(child)).isZero();
	}

	@Test
	void whatIntakeRefusesIsSaidUnderItsFieldAndNothingIsStored() throws Exception {
		String child = "Quàng Thị " + ThreadLocalRandom.current().nextInt(100_000);
		RefusedForm page = RefusedForm.of(form("xa.a", "/reports", "submission", "t-" + child, "channel", "SCHOOL",
				"childName", child, "childAgeYears", "17", "childUnitCode", "03253", "condition", ""));

		page.says("condition", "Tình trạng hiện tại của trẻ em", "chưa nhập")
			.says("childAgeYears", "Hoặc tuổi (ước lượng)")
			.keepsChosen("channel", "SCHOOL")
			.keeps("childName", child);
		assertThat(reportsAbout(child)).isZero();
	}

	@Test
	void aCorrectReportIsRecordedOnceAndShown() throws Exception {
		String child = "Lò Thị " + ThreadLocalRandom.current().nextInt(100_000);
		String[] fields = { "submission", "t-" + child, "channel", "SCHOOL", "childName", child, "childAgeYears", "9",
				"childUnitCode", "03253", "condition", CONDITION };
		String first = form("xa.a", "/reports", fields).andReturn().getResponse().getRedirectedUrl();
		String again = form("xa.a", "/reports", fields).andReturn().getResponse().getRedirectedUrl();
		assertThat(first).startsWith("/reports/").endsWith("?received").isEqualTo(again);
		assertThat(reportsAbout(child)).isOne();
	}

	private long reportsAbout(String childName) {
		return jdbc.sql("SELECT count(*) FROM casework.report WHERE child_name = :name").param("name", childName)
			.query(Long.class).single();
	}
}
