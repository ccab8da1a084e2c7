package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The commune officer imports a register file in the browser and decides on its likely duplicates. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ChildImportBrowserTests {

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

	/**
	 * Issue 17 §6: the button that writes the rows says how many children it will write, and the count follows the
	 * officer's decision on each likely duplicate before they press it.
	 */
	@Test
	void theCommitButtonCountsTheDuplicatesTheOfficerChoseToAdd() throws Exception {
		Browsers.signIn(browser, port, "xa.a");
		String suffix = "Trinh" + (char) ('a' + System.nanoTime() % 26) + (char) ('a' + System.nanoTime() / 7 % 26);
		Path file = Files.createTempFile("so-", ".csv");
		Files.writeString(file, """
				Họ và tên,Ngày sinh,Giới tính,Mã xã
				Quàng Văn Một %1$s,01/02/2016,Nam,03253
				Quàng Văn Một %1$s,01/02/2016,Nam,03253
				Quàng Thị Hai %1$s,03/04/2017,Nữ,03253
				""".formatted(suffix), StandardCharsets.UTF_8);
		try {
			browser.get("http://localhost:" + port + "/children/imports");
			browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			browser.findElement(By.cssSelector("form.card button[type=submit]")).click();
			By commit = By.cssSelector("#run form button.primary");
			new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(commit));
			assertThat(browser.findElement(commit).getText()).isEqualTo("Ghi 2 trẻ vào sổ");

			new Select(browser.findElement(By.name("row-3"))).selectByValue("KEEP");
			assertThat(browser.findElement(commit).getText()).isEqualTo("Ghi 3 trẻ vào sổ");
			new Select(browser.findElement(By.name("row-3"))).selectByValue("SKIP");
			assertThat(browser.findElement(commit).getText()).isEqualTo("Ghi 2 trẻ vào sổ");

			new Select(browser.findElement(By.name("row-3"))).selectByValue("KEEP");
			browser.findElement(commit).click();
			new WebDriverWait(browser, Duration.ofSeconds(30))
				.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#run .alert"), "Đã ghi 3 trẻ"));
		}
		finally {
			Files.deleteIfExists(file);
		}
	}
}
