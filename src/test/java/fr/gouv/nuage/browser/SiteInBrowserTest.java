package fr.gouv.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal's frame in a real browser: the language switch followed and remembered, the
 * skip links reached first from the keyboard, an unknown page answered in the layout, and
 * the site's own pages free of serious and critical accessibility violations, in both
 * languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class SiteInBrowserTest {

	static Browser browser;

	static Browser withoutScripts;

	@LocalServerPort
	int port;

	@BeforeAll
	static void start(@LocalServerPort int port) {
		browser = Browser.open("http://localhost:" + port, true);
		withoutScripts = Browser.open("http://localhost:" + port, false);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
		if (withoutScripts != null) {
			withoutScripts.close();
		}
	}

	@Test
	void theLanguageSwitchIsFollowedAndRemembered() throws Exception {
		for (Browser visitor : List.of(browser, withoutScripts)) {
			visitor.driver().manage().deleteAllCookies();
			visitor.go("/");
			assertThat(visitor.find("html").getDomAttribute("lang")).isEqualTo("fr");
			assertThat(visitor.find("h1").getText()).isEqualTo("Où votre projet numérique peut-il être hébergé ?");
			visitor.find("a[hreflang=en]").click();
			assertThat(visitor.find("html").getDomAttribute("lang")).isEqualTo("en");
			assertThat(visitor.find("h1").getText()).isEqualTo("Where may your digital project be hosted?");
			visitor.go("/mentions-legales");
			assertThat(visitor.find("h1").getText()).as("remembered on the next page").isEqualTo("Legal notice");
			visitor.find("a[hreflang=fr]").click();
			assertThat(visitor.find("h1").getText()).isEqualTo("Mentions légales");
			assertThat(visitor.path()).isEqualTo("/mentions-legales?lang=fr");
		}
		withoutScripts.go("/?lang=en");
		withoutScripts.screenshot("home-en-without-javascript");
		withoutScripts.go("/?lang=fr");
		withoutScripts.screenshot("home-fr-without-javascript");
	}

	@Test
	void theSkipLinksComeFirstFromTheKeyboard() throws Exception {
		browser.go("/?lang=fr");
		browser.find("body").sendKeys(Keys.TAB);
		WebElement focused = browser.driver().switchTo().activeElement();
		assertThat(focused.getText()).isEqualTo("Contenu");
		focused.sendKeys(Keys.ENTER);
		assertThat(browser.path()).endsWith("#contenu");
		browser.screenshot("home-fr");
	}

	@Test
	void anUnknownPageAnswersInTheLayout() throws Exception {
		browser.go("/doctrine/no-such-pack/R99?lang=fr");
		assertThat(browser.find("h1").getText()).isEqualTo("Page non trouvée");
		assertThat(browser.all(".fr-logo")).isNotEmpty();
		assertThat(browser.title()).isEqualTo("Erreur 404 — Nuage");
	}

	@Test
	void theSitesOwnPagesHaveNoSeriousAccessibilityViolation() {
		List<String> violations = new ArrayList<>();
		for (String language : List.of("fr", "en")) {
			for (String page : List.of("/", "/accessibilite", "/mentions-legales", "/donnees-personnelles",
					"/plan-du-site")) {
				browser.go(page + "?lang=" + language);
				violations.addAll(browser.accessibilityViolations());
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void thePagesRunTheDesignSystemsModuleOnlyWhenScriptsRun() {
		browser.go("/");
		assertThat(browser.ranScripts()).isTrue();
	}

}
