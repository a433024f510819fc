package fr.gouv.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven by its chromium-driver, on a page of a running
 * Nuage: with JavaScript, or without it, as a visitor whose browser runs none. Where
 * Chromium is absent the browser tests are skipped, unless {@code NUAGE_BROWSER_TESTS} is
 * {@code required} (as {@code .ci/run} sets it), and then they fail. Screenshots go to
 * {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("NUAGE_CHROMIUM", "/usr/bin/chromium"));

	static final Path DRIVER = Path.of(System.getenv().getOrDefault("NUAGE_CHROMEDRIVER", "/usr/bin/chromedriver"));

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	/** The impacts axe-core reports that fail a page (RGAA 4.1 through WCAG 2.1 AA). */
	static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

	private final ChromeDriver driver;

	private final String base;

	private Browser(ChromeDriver driver, String base) {
		this.driver = driver;
		this.base = base;
	}

	/** A browser on the Nuage at {@code base}; skips the test where there is none. */
	static Browser open(String base, boolean javascript) {
		boolean required = "required".equals(System.getenv("NUAGE_BROWSER_TESTS"));
		boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
		if (!present && required) {
			throw new IllegalStateException(
					"NUAGE_BROWSER_TESTS=required but " + CHROMIUM + " or " + DRIVER + " is missing");
		}
		Assumptions.assumeTrue(present, "no Chromium at " + CHROMIUM + " with its driver at " + DRIVER);
		// Selenium Manager must not look for a driver on the network, which is closed.
		System.setProperty("SE_OFFLINE", "true");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
				"--lang=fr-FR");
		if (!javascript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, base);
	}

	WebDriver driver() {
		return driver;
	}

	Browser go(String path) {
		driver.get(path.startsWith("http") ? path : base + path);
		return this;
	}

	String path() {
		String url = driver.getCurrentUrl();
		return url.startsWith(base) ? url.substring(base.length()) : url;
	}

	WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/** Clicks what leads to another page, and waits until this one is gone. */
	Browser follow(String css) {
		WebElement page = find("html");
		find(css).click();
		new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
			.until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
		return this;
	}

	String title() {
		return driver.getTitle();
	}

	/**
	 * The whole page, as tall as its content, under {@code target/screenshots/name.png}.
	 */
	Path screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Dimension window = driver.manage().window().getSize();
		Object height = driver.executeScript("return document.documentElement.scrollHeight");
		if (height instanceof Number tall) {
			driver.manage().window().setSize(new Dimension(window.getWidth(), Math.min(tall.intValue() + 140, 8000)));
		}
		File shot = driver.getScreenshotAs(OutputType.FILE);
		Path target = SCREENSHOTS.resolve(name + ".png");
		Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		driver.manage().window().setSize(window);
		return target;
	}

	/**
	 * The page's serious and critical violations that axe-core finds, each with its rule
	 * and the elements concerned; runs only with JavaScript.
	 */
	List<String> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver);
		assertThat(results.getErrorMessage()).as("axe-core on " + path()).isNull();
		List<String> violations = new ArrayList<>();
		for (Rule rule : results.getViolations()) {
			if (FAILING_IMPACTS.contains(rule.getImpact())) {
				violations.add(path() + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " — "
						+ rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList());
			}
		}
		return violations;
	}

	/** Whether the page ran any script: the layout's DSFR module marks the root. */
	boolean ranScripts() {
		return Boolean.TRUE.equals(((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.hasAttribute('data-fr-js')"));
	}

	@Override
	public void close() {
		driver.quit();
	}

}
