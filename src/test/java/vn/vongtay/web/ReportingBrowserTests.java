package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A half-year report from a commune to its province in a real browser: the commune officer of Xã Tuần Giáo drafts the
 * report of the second half of 2026, writes its results, enters the vaccination figure the health station gives, and
 * submits it; the province officer returns it with a comment; the officer corrects and submits it again; the province
 * accepts it; the completeness view shows it received on time; the XLSX annexes and the DOCX report download and open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ReportingBrowserTests {

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
	void aCommuneReportIsSubmittedReturnedResubmittedAndAcceptedOnTime() throws Exception {
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));

		signIn("xa.a");
		open("/reporting");
		browser.findElement(By.xpath("//tr[@data-period='2026-H2']//a[contains(., '6 tháng cuối năm')]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft")));
		browser.findElement(By.cssSelector("#draft button")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-status")));
		assertThat(browser.findElement(By.id("report-status")).getText()).isEqualTo("Dự thảo");
		assertThat(browser.findElement(By.cssSelector("table.annex[data-annex='CHILDREN']")).getText())
			.contains("Xã Tuần Giáo");

		browser.findElement(By.id("results")).sendKeys("Rà soát, cập nhật sổ theo dõi trẻ em tại 12 thôn, bản.");
		browser.findElement(By.id("figure-SECTORS-FULL_VACCINATION_U1")).sendKeys("97,5");
		browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.success")));
		assertThat(browser.findElement(By.id("figure-SECTORS-FULL_VACCINATION_U1")).getAttribute("value"))
			.isEqualTo("97,5");
		browser.findElement(By.cssSelector("#submit button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-status"), "Đã gửi"));
		String reportUrl = browser.getCurrentUrl().replaceAll("\\?.*", "");
		Browsers.screenshot(browser, "report-1-submitted");
		signOut();

		signIn("tinh.dienbien");
		open("/reporting?tab=received");
		assertThat(browser.findElement(By.id("obligations")).getText()).contains("Ủy ban nhân dân xã Tuần Giáo");
		browser.get(reportUrl);
		browser.findElement(By.id("comment")).sendKeys("Bổ sung số trẻ em được hỗ trợ trong 6 tháng.");
		browser.findElement(By.cssSelector("#return button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-status"), "Bị trả lại"));
		signOut();

		signIn("xa.a");
		browser.get(reportUrl);
		assertThat(browser.findElement(By.id("returned")).getText()).contains("Bổ sung số trẻ em được hỗ trợ");
		browser.findElement(By.id("results")).sendKeys(" Đã hỗ trợ 15 trẻ em có hoàn cảnh đặc biệt.");
		browser.findElement(By.cssSelector("#report-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.success")));
		browser.findElement(By.cssSelector("#submit button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-status"), "Đã gửi"));
		signOut();

		signIn("tinh.dienbien");
		browser.get(reportUrl);
		browser.findElement(By.cssSelector("#accept button")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-status"), "Đã chấp nhận"));
		assertThat(browser.findElement(By.id("report-history")).getText()).contains("Gửi báo cáo", "Trả lại",
				"Chấp nhận");
		Browsers.screenshot(browser, "report-2-accepted");

		open("/reporting/completeness?kind=HALF_YEAR&period=2026-H2");
		String row = browser.findElement(By.xpath("//table[@id='completeness']//tr[td[1][contains(., 'xã Tuần Giáo')]]"))
			.getText();
		assertThat(row).contains("Đã chấp nhận", "Gửi đúng hạn");
		Browsers.screenshot(browser, "report-3-completeness");

		browser.get(reportUrl);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
				download(browser.findElement(By.id("export-xlsx")).getAttribute("href"))))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
			XSSFSheet sectors = workbook.getSheetAt(6);
			DataFormatter vietnamese = new DataFormatter(Locale.forLanguageTag("vi-VN"));
			String text = java.util.stream.StreamSupport.stream(sectors.spliterator(), false)
				.map(r -> java.util.stream.StreamSupport.stream(r.spliterator(), false).map(vietnamese::formatCellValue)
					.collect(Collectors.joining(" | ")))
				.collect(Collectors.joining("\n"));
			assertThat(text).contains("Phụ lục 4", "Đơn vị", "97,5");
			Row first = workbook.getSheetAt(0).getRow(0);
			assertThat(first.getCell(0).getStringCellValue()).startsWith("Phụ lục 1");
		}
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(
				download(browser.findElement(By.id("export-docx")).getAttribute("href"))));
				XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
			assertThat(extractor.getText()).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO",
					"6 tháng cuối năm 2026", "Rà soát, cập nhật sổ theo dõi trẻ em", "Nơi nhận", "PHỤ LỤC 1");
		}
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

	private byte[] download(String url) throws IOException, InterruptedException {
		return Browsers.download(browser, url);
	}
}
