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
		// the browser's console, read after each page by problemsOf: script errors and CSP refusals show there
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
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

	/** The widths every page must work at: a modest laptop and a phone (issue 17 §6). */
	static final int[] WIDTHS = { 1366, 390 };

	/** Sets the width of the page as the reader sees it (the viewport), for the next page loaded. */
	static void width(WebDriver browser, int width) {
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
		Object inner = ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.innerWidth");
		int chrome = width - ((Number) inner).intValue();
		if (chrome != 0) {
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(width + chrome, 900));
		}
	}

	/**
	 * What is wrong with the page the browser shows, as lines for a person to read, empty when nothing is: errors in
	 * the console since the last call (a script error, a refusal of the Content-Security-Policy, a resource not found),
	 * anything wider than the screen, and the serious and critical violations of WCAG 2.1 A and AA that axe-core finds.
	 */
	static java.util.List<String> problemsOf(WebDriver browser) {
		java.util.List<String> problems = new java.util.ArrayList<>();
		String page = browser.getCurrentUrl();
		for (org.openqa.selenium.logging.LogEntry entry : browser.manage().logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()) {
			// the page's own status is the test's to check (a refused form is answered 422, which chromium logs)
			boolean pageStatus = entry.getMessage().startsWith(page + " - Failed to load resource: the server responded");
			if (entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue() && !pageStatus) {
				problems.add(page + ": console: " + entry.getMessage());
			}
		}
		@SuppressWarnings("unchecked")
		java.util.List<String> wide = (java.util.List<String>) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("""
					var width = document.documentElement.clientWidth, found = [];
					if (document.documentElement.scrollWidth <= width) { return found; }
					document.querySelectorAll('body *').forEach(function (e) {
					  var box = e.getBoundingClientRect();
					  if (box.right > width + 1 && found.length < 5 && getComputedStyle(e).position !== 'absolute') {
					    found.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
					      ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') + ' ends at ' + Math.round(box.right) + ' px');
					  }
					});
					return found.length ? found : ['the page is ' + document.documentElement.scrollWidth + ' px wide'];""");
		for (String element : wide) {
			problems.add(page + ": wider than the screen: " + element);
		}
		com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
			.withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		for (com.deque.html.axecore.results.Rule rule : results.getViolations()) {
			if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
				problems.add(page + ": " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
						+ rule.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
			}
		}
		return problems;
	}
}
