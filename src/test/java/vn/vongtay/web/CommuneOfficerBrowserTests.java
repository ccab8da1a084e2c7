package vn.vongtay.web;

import java.time.Duration;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser (Debian's chromium and chromedriver, installed by {@code .ci/run}) signs in as the commune officer xa.a
 * and lands on their commune's page in Vietnamese. On a developer machine without chromedriver the test is skipped;
 * under CI it must run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CommuneOfficerBrowserTests {

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
	void aCommuneOfficerSignsInAndLandsOnTheirCommuneInVietnamese() {
		browser.get("http://localhost:" + port + "/");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập Vòng Tay");
		browser.findElement(By.id("username")).sendKeys("xa.a");
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Xin chào"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Xin chào, Công chức VH-XH xã Tuần Giáo");
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
		// the home page is the commune's work (issue 17 §1); the commune's facts are one link away, on its unit page
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Thông báo chờ xác minh");
		browser.findElement(By.cssSelector(".home-links a[href='/units?code=03253']")).click();
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Xã Tuần Giáo");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("Thị trấn Tuần Giáo", "Xã Quài Nưa", "Xã Quài Cang");
		assertThat(browser.findElement(By.tagName("nav")).getText()).contains("Trang chủ", "Đơn vị hành chính");
	}
}
