package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every page of the menu, as the officials who have the most of it, at 1366 and 390 px (issue 17 §6): no error in the
 * console (script errors, CSP refusals, files not found), nothing wider than the screen, no serious or critical
 * WCAG 2.1 AA violation found by axe-core; the header names who is signed in and marks the section they are in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class EveryPageBrowserTests {

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
	void thePublicPagesWorkOnALaptopAndAPhoneForEveryone() throws Exception {
		List<String> problems = new ArrayList<>();
		for (int width : Browsers.WIDTHS) {
			Browsers.width(browser, width);
			for (String path : List.of("/login", "/report")) {
				browser.get(url(path));
				problems.addAll(Browsers.problemsOf(browser));
			}
			assertThat(browser.findElements(By.cssSelector("a[href='tel:111']"))).as("111 is a tap away").isNotEmpty();
			assertThat(browser.findElements(By.cssSelector("a[href='tel:113']"))).isNotEmpty();
			// a report refused for its age comes back with the error summary focused
			browser.findElement(By.id("childAgeYears")).sendKeys("khoảng 8");
			browser.findElement(By.id("condition")).sendKeys("Cháu bé bị bỏ đói nhiều ngày.");
			browser.findElement(By.cssSelector("#public-report button[type=submit].primary")).click();
			assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
			assertThat(browser.getTitle()).startsWith("Lỗi:");
			assertThat(browser.findElement(By.id("childAgeYears")).getAttribute("value")).isEqualTo("khoảng 8");
			problems.addAll(Browsers.problemsOf(browser));
			Browsers.screenshot(browser, "public-report-refused-" + width);
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyPageOfTheMenuWorksOnALaptopAndAPhoneForACommuneOfficer() throws Exception {
		assertThat(visitTheMenu("xa.a", "Công chức VH-XH xã Tuần Giáo", "Công chức cấp xã", "Xã Tuần Giáo")).isEmpty();
	}

	@Test
	void everyPageOfTheMenuWorksOnALaptopAndAPhoneForTheAdministrator() throws Exception {
		assertThat(visitTheMenu("admin", "Quản trị hệ thống", "Việt Nam")).isEmpty();
	}

	/**
	 * Signs in, checks that the header says who it is (name, role, unit), then visits each page the menu offers at
	 * both widths; the problems found, for one assertion.
	 */
	private List<String> visitTheMenu(String username, String... header) throws Exception {
		Browsers.width(browser, Browsers.WIDTHS[0]);
		Browsers.signIn(browser, port, username);
		List<String> problems = new ArrayList<>();
		try {
			WebElement who = browser.findElement(By.cssSelector(".who"));
			assertThat(who.getText()).contains(header);
			Set<String> pages = new LinkedHashSet<>();
			for (WebElement link : browser.findElements(By.cssSelector("#main-menu a"))) {
				pages.add(link.getAttribute("href"));
			}
			pages.add(url("/account"));
			assertThat(pages).hasSizeGreaterThan(5);
			for (int width : Browsers.WIDTHS) {
				Browsers.width(browser, width);
				for (String page : pages) {
					browser.get(page);
					problems.addAll(Browsers.problemsOf(browser));
					if (page.endsWith("/cases") || page.endsWith("/children")) {
						String section = page.substring(page.lastIndexOf('/'));
						assertThat(browser.findElement(By.cssSelector("#main-menu a[aria-current=page]"))
							.getAttribute("href")).endsWith(section);
					}
				}
				if (width < 640) {
					WebElement toggle = browser.findElement(By.cssSelector(".menu-toggle"));
					assertThat(browser.findElement(By.id("main-menu")).isDisplayed()).as("the menu folds").isFalse();
					toggle.click();
					assertThat(browser.findElement(By.id("main-menu")).isDisplayed()).isTrue();
					assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
					Browsers.screenshot(browser, "menu-" + username + "-" + width);
					toggle.click();
				}
				else {
					Browsers.screenshot(browser, "page-" + username + "-" + width);
				}
			}
		}
		finally {
			browser.get(url("/"));
			Browsers.width(browser, Browsers.WIDTHS[0]);
			Browsers.signOut(browser);
		}
		return problems;
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
