package vn.vongtay.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * The home page every role lands on (issue 17, item 1), in Chromium at 1366 and 390 px: the lists of work an official
 * reads first, each item a link to where the work is done, an empty list saying so, no console error, nothing wider
 * than the screen and no serious axe-core violation. Screenshots go to {@code target/screenshots/home-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WorkQueueBrowserTests {

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
	void eachRoleLandsOnItsWorkOnALaptopAndAPhone() throws Exception {
		Map<String, List<String>> reads = Map.of(
				"xa.a", List.of("Thông báo chờ xác minh", "Hồ sơ quá hạn", "Báo cáo định kỳ đến hạn trong 30 ngày",
						"Trẻ em chờ xác định xã mới"),
				"chutich.a", List.of("Kế hoạch can thiệp chờ phê duyệt", "Biện pháp khẩn cấp chờ quyết định"),
				"ldtbxh.thoxuan", List.of("Nhiệm vụ quá hạn", "Nhiệm vụ đến hạn trong 30 ngày", "Đề nghị hỗ trợ cần trả lời"),
				"tinh.dienbien", List.of("Số liệu chính", "Báo cáo định kỳ của các xã năm 2026", "Hồ sơ quá hạn theo xã"),
				"lanhdao.dienbien", List.of("Số liệu chính", "Hồ sơ quá hạn theo xã"),
				"tongdai111", List.of("Thông báo đã tiếp nhận gần đây"));
		List<String> problems = new ArrayList<>();
		for (String username : List.of("xa.a", "chutich.a", "ldtbxh.thoxuan", "tinh.dienbien", "lanhdao.dienbien",
				"tongdai111")) {
			Browsers.width(browser, Browsers.WIDTHS[0]);
			Browsers.signIn(browser, port, username);
			try {
				for (int width : Browsers.WIDTHS) {
					Browsers.width(browser, width);
					browser.get(url("/"));
					String text = browser.findElement(By.tagName("main")).getText();
					assertThat(text).as(username + " at " + width).contains(reads.get(username));
					assertThat(browser.findElement(By.cssSelector("#main-menu a[aria-current=page]")).getAttribute("href"))
						.isEqualTo(url("/"));
					for (WebElement section : browser.findElements(By.cssSelector(".queue-section"))) {
						// the hotline's latest reports are a record, not counted
						List<WebElement> counts = section.findElements(By.cssSelector(".count"));
						if (!counts.isEmpty() && "0".equals(counts.get(0).getText())) {
							assertThat(section.findElement(By.cssSelector(".empty")).getText()).startsWith("Không có")
								.as("an empty list says so");
						}
						else {
							assertThat(section.findElements(By.cssSelector(".queue-items a"))).as("the first items link")
								.isNotEmpty();
						}
					}
					problems.addAll(Browsers.problemsOf(browser));
					Browsers.screenshot(browser, "home-" + username + "-" + width);
				}
			}
			finally {
				Browsers.width(browser, Browsers.WIDTHS[0]);
				Browsers.signOut(browser);
			}
		}
		assertThat(problems).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}
}
