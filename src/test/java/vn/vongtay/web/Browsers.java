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

	/** Signs in as a demo account and waits for the home page. */
	static void signIn(WebDriver browser, int port, String username) {
		browser.get("http://localhost:" + port + "/login");
		browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		browser.findElement(org.openqa.selenium.By.id("password")).sendKeys("Demo@2026");
		browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
					org.openqa.selenium.By.tagName("h1"), "Xin chào"));
	}

	static void signOut(WebDriver browser) {
		browser.findElement(org.openqa.selenium.By.cssSelector("form[action$='/logout'] button")).click();
		new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
	}

	/** Downloads a file with the browser's session (its cookies), which must answer 200. */
	static byte[] download(WebDriver browser, String url) throws IOException, InterruptedException {
		String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
			.collect(java.util.stream.Collectors.joining("; "));
		java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
				java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).header("Cookie", cookies).build(),
				java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + url + " answered " + response.statusCode());
		}
		return response.body();
	}

	/** Leaves a picture of the page in {@code target/screenshots/} for a person to review. */
	static void screenshot(WebDriver browser, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
	}
}
