package fr.gouv.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of the portal, in French and in English, as a browser shows it: found by
 * following the links from the home page, the site map and the self-assessment's steps,
 * each checked by axe-core for serious and critical violations (RGAA 4.1 through WCAG 2.1
 * AA), each with a title of its own and one {@code h1}, each form that posts with its
 * CSRF token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class AccessibilityInBrowserTest {

	/**
	 * Where the crawl starts: the pages no link of another page reaches without a form.
	 */
	static final List<String> SEEDS = List.of("/", "/plan-du-site", "/auto-evaluation", "/certificats/verification",
			PortalJourneys.SENSITIVE_RESULT);

	/** What is not a page of the portal: files, the API, the demo, other sites. */
	static final List<String> NOT_PAGES = List.of("/api/", "/v3/", "/dsfr/", "/css/", "/demo", "/actuator", "/oauth2/",
			"/login");

	static Browser browser;

	@BeforeAll
	static void start(@LocalServerPort int port) {
		browser = Browser.open("http://localhost:" + port, true);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void everyPageInBothLanguagesHasNoSeriousViolationItsOwnTitleOneHeadingAndItsFormsTokens() {
		List<String> problems = new ArrayList<>();
		for (String language : List.of("fr", "en")) {
			Map<String, String> titles = new LinkedHashMap<>();
			Set<String> pages = crawl(language, problems, titles);
			assertThat(pages).as("pages found in " + language).hasSizeGreaterThan(20);
			Map<String, List<String>> byTitle = new LinkedHashMap<>();
			titles.forEach((page, title) -> byTitle.computeIfAbsent(title, t -> new ArrayList<>()).add(page));
			byTitle.forEach((title, same) -> {
				if (same.size() > 1) {
					problems.add(language + ": pages sharing the title `" + title + "`: " + same);
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	private Set<String> crawl(String language, List<String> problems, Map<String, String> titles) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> queue = new ArrayDeque<>(SEEDS);
		browser.driver().manage().deleteAllCookies();
		browser.go("/?lang=" + language);
		while (!queue.isEmpty() && seen.size() < 400) {
			String page = queue.poll();
			if (!seen.add(key(page))) {
				continue;
			}
			browser.go(page);
			if (!browser.find("html").getDomAttribute("lang").equals(language)) {
				problems.add(page + ": not in " + language);
			}
			problems.addAll(browser.accessibilityViolations().stream().map(v -> language + ": " + v).toList());
			int headings = browser.all("h1").size();
			if (headings != 1) {
				problems.add(language + ": " + page + ": " + headings + " h1");
			}
			titles.put(key(page), browser.title());
			for (WebElement form : browser.all("form")) {
				if ("post".equalsIgnoreCase(form.getDomAttribute("method"))
						&& form.findElements(org.openqa.selenium.By.cssSelector("input[name=_csrf]")).isEmpty()) {
					problems.add(page + ": a form posted without its CSRF token: " + form.getDomAttribute("action"));
				}
			}
			for (WebElement link : browser.all("a[href]")) {
				String next = local(link.getDomAttribute("href"));
				if (next != null && !seen.contains(key(next))) {
					queue.add(next);
				}
			}
		}
		return seen;
	}

	/**
	 * A page is its path: the same page with other filters or answers is not checked
	 * again, but every step and every rule is.
	 */
	private static String key(String page) {
		int query = page.indexOf('?');
		String path = query < 0 ? page : page.substring(0, query);
		return path;
	}

	/**
	 * The link's path and query on this site, or {@code null} when it leads elsewhere.
	 */
	private static String local(String href) {
		if (href == null || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("http")) {
			return null;
		}
		URI uri = URI.create(href.replace(" ", "%20"));
		String path = uri.getRawPath();
		if (path == null || path.isEmpty() || path.endsWith(".pdf")
				|| NOT_PAGES.stream().anyMatch(prefix -> path.startsWith(prefix))) {
			return null;
		}
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

}
