package fr.gouv.nuage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The portal's frame and its mandatory pages: the bloc marque and the footer's links in
 * their order, the licence line, the pages a State site must have, French by default and
 * English by a remembered switch, the security headers; the accessibility status said as
 * the deployment's settings say it, "non conforme" without an audit.
 */
class SitePagesTest {

	static final List<String> PAGES = List.of("/", "/accessibilite", "/mentions-legales", "/donnees-personnelles",
			"/plan-du-site");

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	class WithoutAnAudit {

		@Autowired
		MockMvc mvc;

		@Test
		void everyPageHasTheBlocMarqueTheMenuAndTheFooterLinksInTheirOrder() throws Exception {
			for (String page : PAGES) {
				String html = html(get(page));
				assertThat(html).as(page)
					.contains("<html lang=\"fr\">")
					.contains("<p class=\"fr-logo\">République<br>Française</p>")
					.contains("href=\"#contenu\"", "id=\"contenu\"", "id=\"navigation\"", "id=\"pied-de-page\"")
					.contains("Sauf mention contraire, tous les contenus de ce site sont sous")
					.contains("licence etalab-2.0");
				assertThat(order(html, "https://www.info.gouv.fr", "https://www.service-public.gouv.fr",
						"https://www.legifrance.gouv.fr", "https://www.data.gouv.fr"))
					.as(page + ": the institutional links in their order")
					.isTrue();
				assertThat(order(html, "Accessibilité : non conforme", "Mentions légales",
						"Données personnelles et gestion des cookies"))
					.as(page + ": the mandatory links")
					.isTrue();
			}
		}

		@Test
		void theHomePageGivesTheThreeWaysIn() throws Exception {
			String html = html(get("/"));
			assertThat(html).contains("data-way=\"self-assessment\"", "href=\"/auto-evaluation\"",
					"data-way=\"doctrine\"", "href=\"/doctrine\"", "data-way=\"catalogue\"", "href=\"/catalogue\"");
		}

		@Test
		void everyPageHasItsOwnTitle() throws Exception {
			Set<String> titles = new HashSet<>();
			for (String language : List.of("fr", "en")) {
				for (String page : PAGES) {
					Matcher title = Pattern.compile("<title>([^<]+)</title>")
						.matcher(html(get(page + "?lang=" + language)));
					assertThat(title.find()).as(page).isTrue();
					assertThat(titles.add(title.group(1)))
						.as("%s has the title of another page: %s", page, title.group(1))
						.isTrue();
				}
			}
		}

		@Test
		void theAccessibilityStatementSaysItsStatusContactAndRecourse() throws Exception {
			assertThat(html(get("/accessibilite"))).contains("data-conformity=\"NOT_CONFORMING\"")
				.contains("non conforme")
				.contains("Aucun audit de conformité n’a encore été réalisé")
				.contains("mailto:nuage@numerique.gouv.fr")
				.contains("Défenseur des droits")
				.contains("RGAA")
				.contains("Schéma pluriannuel");
		}

		@Test
		void theLegalNoticeNamesThePublisherTheDirectorAndTheHost() throws Exception {
			assertThat(html(get("/mentions-legales"))).contains("Éditeur", "Directeur ou directrice de la publication",
					"Hébergement", "Direction interministérielle du numérique (DINUM)",
					"Téléphone : +33 1 71 21 01 70");
		}

		@Test
		void thePersonalDataPageListsTheCookiesAndTheRights() throws Exception {
			assertThat(html(get("/donnees-personnelles"))).contains("JSESSIONID", "nuage_lang", "13 mois", "ProConnect",
					"CNIL", "rien n’est conservé");
		}

		@Test
		void englishIsChosenByTheSwitchAndRemembered() throws Exception {
			mvc.perform(get("/?lang=en"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<html lang=\"en\">")))
				.andExpect(content().string(containsString("Where may your digital project be hosted?")))
				.andExpect(cookie().value(Languages.COOKIE, "en"))
				.andExpect(cookie().maxAge(Languages.COOKIE, (int) Languages.KEPT.toSeconds()))
				.andExpect(cookie().httpOnly(Languages.COOKIE, true));
			mvc.perform(get("/mentions-legales").cookie(new Cookie(Languages.COOKIE, "en")))
				.andExpect(content().string(containsString("<html lang=\"en\">")))
				.andExpect(content().string(containsString("Legal notice")))
				// the switch leads back to French, on the same page
				.andExpect(content().string(containsString("href=\"/mentions-legales?lang=fr\"")))
				.andExpect(cookie().doesNotExist(Languages.COOKIE));
		}

		@Test
		void theSwitchKeepsThePageAndItsQuery() throws Exception {
			assertThat(html(get("/plan-du-site?x=1&lang=fr"))).contains("href=\"/plan-du-site?x=1&amp;lang=en\"");
		}

		@Test
		void aLanguageNuageDoesNotSpeakIsIgnored() throws Exception {
			mvc.perform(get("/?lang=de"))
				.andExpect(content().string(containsString("<html lang=\"fr\">")))
				.andExpect(cookie().doesNotExist(Languages.COOKIE));
		}

		@Test
		void theApiKeepsItsOwnLangParameter() throws Exception {
			mvc.perform(get("/api/v1/packs?lang=en"))
				.andExpect(status().isOk())
				.andExpect(cookie().doesNotExist(Languages.COOKIE));
		}

		@Test
		void everyPageIsServedUnderTheSecurityHeaders() throws Exception {
			for (String page : PAGES) {
				mvc.perform(get(page))
					.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
					.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
					.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
					.andExpect(header().string("Referrer-Policy", "same-origin"))
					.andExpect(content().string(not(containsString("style="))))
					.andExpect(content().string(not(containsString("<style"))))
					.andExpect(content().string(not(containsString("<script>"))));
			}
		}

		@Test
		void theSiteMapLinksEveryPublicPage() throws Exception {
			String html = html(get("/plan-du-site"));
			List<String> missing = new ArrayList<>();
			for (String page : List.of("/auto-evaluation", "/certificats/verification", "/doctrine",
					"/doctrine/6282-SG", "/doctrine/6404-SG", "/doctrine/evolutions", "/catalogue", "/accessibilite",
					"/mentions-legales", "/donnees-personnelles")) {
				if (!html.contains("href=\"" + page + "\"")) {
					missing.add(page);
				}
			}
			assertThat(missing).isEmpty();
		}

		private String html(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
			return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		}

	}

	@Nested
	@SpringBootTest(properties = { "nuage.site.accessibility.status=PARTIALLY_CONFORMING",
			"nuage.site.accessibility.audit-date=2026-11-20", "nuage.site.accessibility.auditor=Access42",
			"nuage.site.accessibility.rate=62.5", "nuage.site.host=Hébergeur Exemple",
			"nuage.site.host-phone=+33 1 00 00 00 00" })
	@AutoConfigureMockMvc
	class AfterAnAudit {

		@Autowired
		MockMvc mvc;

		@Test
		void theStatementAndTheFooterSayWhatTheAuditFound() throws Exception {
			String html = mvc.perform(get("/accessibilite")).andReturn().getResponse().getContentAsString();
			assertThat(html).contains("data-conformity=\"PARTIALLY_CONFORMING\"")
				.contains("Accessibilité : partiellement conforme")
				.contains("20/11/2026", "Access42", "62,5 %")
				.doesNotContain("Aucun audit");
			String english = mvc.perform(get("/accessibilite?lang=en")).andReturn().getResponse().getContentAsString();
			assertThat(english).contains("Accessibility: partially conforming", "62.5 %");
		}

		@Test
		void theLegalNoticeNamesTheDeploymentsHost() throws Exception {
			assertThat(mvc.perform(get("/mentions-legales")).andReturn().getResponse().getContentAsString())
				.contains("Hébergeur Exemple", "+33 1 00 00 00 00");
		}

	}

	/** Whether the texts appear in this order. */
	private static boolean order(String html, String... texts) {
		int at = -1;
		for (String text : texts) {
			int next = html.indexOf(text, at + 1);
			if (next < 0) {
				return false;
			}
			at = next;
		}
		return true;
	}

}
