package vn.vongtay.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven by its chromedriver, in Vietnamese. On a developer machine without them the
 * browser tests are skipped; under CI ({@code CI=true}, where {@code .ci/run} installs them) they must run.
 */
final class Browsers {

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private Browsers() {
	}

	static WebDriver start() {
		boolean available = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
		if (!available && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI must install chromium and chromium-driver");
		}
		assumeTrue(available, "chromium and chromedriver are not installed");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toString());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1366,900", "--lang=vi-VN");
		return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(),
				options);
	}

	static void stop(WebDriver browser) {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Leaves a picture of the page in {@code target/screenshots/} for a person to review. */
	static void screenshot(WebDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}
}
