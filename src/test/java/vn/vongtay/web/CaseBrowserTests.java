package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One case end to end in a real browser, each step by the person the process gives it to: the 111 hotline records a
 * report about a child of Xã Tuần Giáo; the commune officer sees it and verifies it; the case worker assesses the risk
 * and drafts a plan; the commune chairman approves it; the case worker refers the child to the commune police, whose
 * focal point accepts; the case worker reviews and closes the case. The deadlines show on the case, and the Mẫu 01
 * and Mẫu 04 documents download and open. Screenshots are left in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CaseBrowserTests {

	private static WebDriver browser;

	@LocalServerPort
	int port;

	private WebDriverWait wait;

	@BeforeAll
	static void startBrowser() {
		browser = Browsers.start();
	}

	@AfterAll
	static void stopBrowser() {
		Browsers.stop(browser);
	}

	@Test
	void aCaseGoesFromTheHotlineToClosureThroughEveryoneTheProcessNames() throws Exception {
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		signIn("tongdai111");
		open("/reports/new");
		new Select(browser.findElement(By.id("channel"))).selectByValue("HOTLINE_111");
		browser.findElement(By.id("childName")).sendKeys("Lò Thị Mai Anh");
		new Select(browser.findElement(By.id("childSex"))).selectByValue("FEMALE");
		browser.findElement(By.id("childAgeYears")).sendKeys("9");
		browser.findElement(By.id("childUnitCode")).sendKeys("03253");
		browser.findElement(By.id("childAddress")).sendKeys("Bản Đông, xã Tuần Giáo");
		browser.findElement(By.id("condition")).sendKeys("Người gọi cho biết cháu thường bị cha dượng đánh, có vết bầm ở lưng.");
		browser.findElement(By.id("informantName")).sendKeys("Người gọi giấu tên");
		browser.findElement(By.cssSelector("#report button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
		String receipt = browser.findElement(By.id("receipt")).getText();
		assertThat(receipt).contains("Xã Tuần Giáo");
		String number = receipt.replaceAll("(?s).*(HS-03253-\\d{4}-\\d{4}).*", "$1");
		assertThat(number).startsWith("HS-03253-");
		screenshot("case-1-hotline-receipt");
		signOut();

		signIn("xa.a");
		open("/cases");
		browser.findElement(By.linkText(number)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), number));
		assertThat(browser.findElement(By.id("stage")).getText()).isEqualTo("Mới tiếp nhận, chờ xác minh");
		assertThat(browser.findElement(By.id("deadlines")).getText()).contains("Áp dụng biện pháp khẩn cấp",
				"Lập và trình kế hoạch hỗ trợ, can thiệp");
		browser.findElement(By.id("verify-note")).sendKeys("Đã xác minh tại gia đình: thông tin đúng.");
		browser.findElement(By.cssSelector("#verify button")).click();
		awaitStage("Đã xác minh, chờ đánh giá ban đầu");
		screenshot("case-2-commune-verified");
		signOut();

		signIn("cb.a");
		openCase(number);
		browser.findElement(By.id("ia-condition")).sendKeys("Trẻ có vết bầm ở lưng, sợ hãi khi nhắc đến cha dượng.");
		new Select(browser.findElement(By.id("ia-risk"))).selectByValue("HIGH");
		browser.findElement(By.cssSelector("#initial-assessment button[type=submit]")).click();
		awaitStage("Đã đánh giá nguy cơ ban đầu");
		browser.findElement(By.id("da-needs")).sendKeys("Bảo vệ khỏi cha dượng; tư vấn tâm lý.");
		new Select(browser.findElement(By.id("da-risk"))).selectByValue("MEDIUM");
		browser.findElement(By.cssSelector("#detailed-assessment button[type=submit]")).click();
		awaitStage("Đã đánh giá nguy cơ cụ thể");
		browser.findElement(By.id("plan-goals")).sendKeys("Trẻ an toàn tại gia đình; chấm dứt bạo lực.");
		WebElement row = browser.findElements(By.cssSelector("#plan tr.plan-row")).get(0);
		new Select(row.findElement(By.name("service"))).selectByValue("POLICE_PROTECTION");
		row.findElement(By.name("description")).sendKeys("Răn đe, giám sát người cha dượng");
		new Select(row.findElement(By.name("agencyId"))).selectByVisibleText("Công an xã Tuần Giáo");
		setDate(row.findElement(By.name("dueOn")), LocalDate.now().plusDays(7));
		setDate(browser.findElement(By.id("plan-review")), LocalDate.now().plusDays(30));
		// Art. 27-28: the minutes of the meeting that agreed the plan go with it to the chairman
		setDate(browser.findElement(By.id("meeting-held-on")), LocalDate.now());
		browser.findElement(By.id("meeting-chair")).sendKeys("Lò Văn Cán bộ");
		browser.findElement(By.id("meeting-participants")).sendKeys("Trẻ, mẹ của trẻ, Công an xã Tuần Giáo");
		browser.findElement(By.id("meeting-conclusions")).sendKeys("Công an xã răn đe, giám sát người cha dượng.");
		browser.findElement(By.cssSelector("#plan button[type=submit]")).click();
		awaitStage("Đang xây dựng kế hoạch");
		browser.findElement(By.cssSelector("#submit-plan button")).click();
		awaitStage("Chờ Chủ tịch phê duyệt kế hoạch");
		screenshot("case-3-plan-submitted");
		signOut();

		signIn("chutich.a");
		openCase(number);
		browser.findElement(By.id("approve-number")).sendKeys("21/QĐ-UBND");
		browser.findElement(By.cssSelector("#approve-plan button")).click();
		awaitStage("Đang thực hiện kế hoạch");
		assertThat(deadlineRow("PLAN")).contains("Đúng hạn");
		signOut();

		signIn("cb.a");
		openCase(number);
		browser.findElement(By.xpath("//details[.//form[@id='refer']]/summary")).click();
		new Select(browser.findElement(By.id("refer-agency"))).selectByVisibleText("Công an xã Tuần Giáo");
		new Select(browser.findElement(By.id("refer-service"))).selectByValue("POLICE_PROTECTION");
		browser.findElement(By.id("refer-request")).sendKeys("Đề nghị mời cha dượng làm việc, cam kết không tái phạm.");
		browser.findElement(By.id("share-name")).click();
		browser.findElement(By.cssSelector("#refer button[type=submit]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("referrals"), "Đã gửi, chờ trả lời"));
		signOut();

		signIn("congan.tuangiao");
		open("/referrals");
		browser.findElement(By.cssSelector("main table.grid tbody tr td a")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("referral-status")));
		String shared = browser.findElement(By.tagName("main")).getText();
		assertThat(shared).contains("Lò Thị Mai Anh", "Đề nghị mời cha dượng").doesNotContain("Người gọi giấu tên");
		browser.findElement(By.id("accept-text")).sendKeys("Đã mời làm việc ngày mai.");
		browser.findElement(By.cssSelector("#accept button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("referral-status"), "Đã tiếp nhận"));
		screenshot("case-4-police-accepted");
		signOut();

		signIn("cb.a");
		openCase(number);
		assertThat(browser.findElement(By.id("referrals")).getText()).contains("Đã tiếp nhận");
		for (String criterion : new String[] { "HARM_STILL_SERIOUS", "ABUSER_ACCESS", "CARE_ENVIRONMENT_OBSTACLES" }) {
			browser.findElement(By.id("rating-" + criterion + "-LOW")).click();
		}
		browser.findElement(By.id("rating-SELF_PROTECTION_AND_RECOVERY-HIGH")).click();
		browser.findElement(By.id("review-findings")).sendKeys("Bạo lực đã chấm dứt; trẻ đi học đều, vui vẻ.");
		new Select(browser.findElement(By.id("review-outcome"))).selectByValue("SAFE_WITH_FAMILY");
		browser.findElement(By.cssSelector("#review button[type=submit]")).click();
		awaitStage("Đã đóng hồ sơ");
		assertThat(browser.findElement(By.id("history")).getText()).contains("Tiếp nhận thông báo",
				"Xác minh thông tin", "Phê duyệt kế hoạch", "Cơ quan tiếp nhận chuyển gửi", "Rà soát, đánh giá; đóng hồ sơ");
		screenshot("case-5-closed");

		String mau01 = download(browser.findElement(By.id("form-01")).getAttribute("href"));
		assertThat(mau01).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TIẾP NHẬN THÔNG TIN TRẺ EM", "Lò Thị Mai Anh",
				"Tổng đài 111").doesNotContain("Người gọi giấu tên");
		String mau04 = download(browser.findElement(By.id("form-04")).getAttribute("href"));
		assertThat(mau04).contains("KẾ HOẠCH", "Hỗ trợ, can thiệp đối với trẻ em", "Công an xã Tuần Giáo",
				"Răn đe, giám sát người cha dượng");
	}

	private void signIn(String username) {
		Browsers.signIn(browser, port, username);
	}

	private void signOut() {
		Browsers.signOut(browser);
	}

	private void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	private void openCase(String number) {
		open("/cases?q=" + number);
		browser.findElement(By.linkText(number)).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), number));
	}

	private void awaitStage(String stage) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage"), stage));
		assertThat(browser.findElement(By.cssSelector(".alert.success")).getText()).isEqualTo("Đã lưu thay đổi.");
	}

	private String deadlineRow(String kind) {
		return browser.findElement(By.cssSelector("#deadlines tr[data-kind='" + kind + "']")).getText();
	}

	private void setDate(WebElement input, LocalDate date) {
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", input, date.toString());
	}

	/** Downloads a document with the browser's session and reads its text back with POI. */
	private String download(String url) throws IOException, InterruptedException {
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(Browsers.download(browser, url)));
				XWPFWordExtractor text = new XWPFWordExtractor(document)) {
			return text.getText();
		}
	}

	private static void screenshot(String name) throws IOException {
		Browsers.screenshot(browser, name);
	}
}
