package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * In a real browser the focal point of the Thọ Xuân labour office opens their tasks, reports a task done for the first
 * half of 2024 with a scanned minute attached, and the plan's tracking shows the task done. Screenshots of each page are
 * left in {@code target/screenshots/} for review.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class FocalPointBrowserTests {

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browsers.start();
	}

	@AfterAll
	static void stopBrowser() {
		Browsers.stop(browser);
	}

	@Test
	void aFocalPointReportsATaskDoneWithEvidenceAndThePlanShowsIt() throws IOException {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(By.id("username")).sendKeys("ldtbxh.thoxuan");
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Xin chào"));

		browser.get("http://localhost:" + port + "/my-tasks");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Nhiệm vụ của cơ quan tôi");
		screenshot("my-tasks");
		browser.findElement(By.xpath("//tr[td[1][normalize-space()='II.5.2.c']]//a")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "II.5.2.c"));

		new Select(browser.findElement(By.id("period"))).selectByValue("2024-H1");
		new Select(browser.findElement(By.id("status"))).selectByValue("DONE");
		browser.findElement(By.id("done")).sendKeys("Tổ chức 02 lớp tập huấn cho 85 cán bộ cấp huyện và cấp xã");
		browser.findElement(By.id("figures")).sendKeys("85 lượt cán bộ");
		Path minute = Files.createTempFile("bien-ban-tap-huan", ".pdf");
		Files.writeString(minute, "%PDF-1.4 biên bản tập huấn", StandardCharsets.UTF_8);
		browser.findElement(By.id("files")).sendKeys(minute.toAbsolutePath().toString());
		browser.findElement(By.cssSelector("form.card button[type=submit]")).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert.success"),
				"Đã lưu báo cáo tiến độ"));
		String history = browser.findElement(By.tagName("main")).getText();
		assertThat(history).contains("6 tháng đầu năm 2024", "Tổ chức 02 lớp tập huấn", "85 lượt cán bộ",
				minute.getFileName().toString(), "Hoàn thành");
		screenshot("task");

		browser.findElement(By.cssSelector(".breadcrumb a:nth-of-type(2)")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tabs")));
		String row = browser.findElement(By.xpath("//tr[td[1][normalize-space()='II.5.2.c']]")).getText();
		assertThat(row).contains("Hoàn thành");
		screenshot("plan");
	}

	private static void screenshot(String name) throws IOException {
		Browsers.screenshot(browser, name);
	}
}
