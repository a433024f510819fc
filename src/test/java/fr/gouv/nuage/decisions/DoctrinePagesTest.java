package fr.gouv.nuage.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.gouv.nuage.doctrine.RulePacks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The doctrine pages: each circular's fifteen rules linked at their stable addresses, a
 * rule with its obligation, checks, sources and confidence, what changed computed rule by
 * rule, unknown ids answered 404, and English on the switch.
 */
@WebMvcTest(DoctrinePages.class)
@AutoConfigureMockMvc(addFilters = false)
class DoctrinePagesTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theCircularsPageNamesTheOneInForceAndLinksToEachAndToTheChanges() throws Exception {
		String page = page("/doctrine");
		assertThat(page).contains("href=\"/doctrine/6404-SG\"", "href=\"/doctrine/6282-SG\"",
				"href=\"/doctrine/evolutions\"", "https://www.legifrance.gouv.fr/circulaire/id/45446");
		assertThat(between(page, "data-pack=\"6404-SG\"", "data-pack=\"6282-SG\""))
			.contains("data-status=\"in-force\"");
		assertThat(page.substring(page.indexOf("data-pack=\"6282-SG\""))).contains("data-status=\"previous\"")
			.doesNotContain("data-status=\"in-force\"");
		assertThat(page).contains("5 règles modifiées, 10 inchangées, aucune ajoutée, aucune retirée.");
	}

	@Test
	void aPackPageListsItsFifteenRulesByBlockWithTheirObligationAndLink() throws Exception {
		String page = page("/doctrine/6404-SG");
		assertThat(page).contains("2023.1", RulePacks.shipped().get("6404-SG").info().digest(), "6404/SG",
				"31 mai 2023", "La culture cloud", "Le cloud pour les équipes informatiques",
				"Le cloud pour les utilisateurs",
				"Saisir la DINUM pour avis après le cadrage et avant tout engagement contractuel.");
		for (int i = 1; i <= 15; i++) {
			assertThat(page).contains("href=\"/doctrine/6404-SG/R" + i + "\"");
		}
		assertThat(count(page, "data-rule=\"")).isEqualTo(15);
		assertThat(between(page, "data-block=\"culture\"", "data-block=\"it-teams\"")).contains("data-rule=\"R5\"")
			.doesNotContain("data-rule=\"R6\"");
		// a placeholder of an obligation is shown as a name, not as prose or braces
		assertThat(page).contains(">allowedHosting</code>").doesNotContain("{allowedHosting}");
	}

	@Test
	void aRulePageShowsItsObligationChecksSourcesConfidenceAndUncertainty() throws Exception {
		String page = page("/doctrine/6404-SG/R9");
		assertThat(page).contains("<h1>", "data-obligation",
				"Héberger les données sur une offre admise pour leur sensibilité", "data-check=\"hosting-not-allowed\"",
				"data-check=\"extra-eu-access\"", "Règle non respectée", "Point à confirmer",
				"data-source=\"RULES-2023\"", "RULES-2023 R9", "data-source=\"CHOISIR\"",
				"data-confidence=\"sourced-secondary\"", "Confiance : source secondaire", "data-uncertainty",
				"Ce qui reste incertain",
				"La substance de la règle est établie par la page de la DINUM mise à jour en 2023",
				"href=\"/doctrine/6282-SG/R9\"", "href=\"/doctrine/evolutions#R9\"", "data-change=\"CHANGED\"");
		assertThat(count(page, "<h1")).isEqualTo(1);
		String older = page("/doctrine/6282-SG/R9");
		assertThat(older)
			.contains("data-check=\"prefer-secnumcloud\"", "data-confidence=\"sourced\"",
					"href=\"/doctrine/6404-SG/R9\"", "data-status=\"previous\"")
			.doesNotContain("data-uncertainty");
		assertThat(page("/doctrine/6404-SG/R2")).contains("data-administration", "data-scope=\"administration\"")
			.doesNotContain("data-checks");
	}

	@Test
	void theChangesAreComputedRuleByRuleWithAStableAnchorEach() throws Exception {
		String page = page("/doctrine/evolutions");
		for (int i = 1; i <= 15; i++) {
			assertThat(page).contains("<section id=\"R" + i + "\"");
		}
		String r9 = section(page, "R9");
		assertThat(r9)
			.contains("data-status=\"CHANGED\"", "data-aspect=\"TITLE\"", "data-aspect=\"TEXT\"",
					"data-check=\"data-location\" data-status=\"ADDED\"",
					"data-check=\"prefer-secnumcloud\" data-status=\"REMOVED\"", "data-aspect=\"CONFIDENCE\"", "<del>",
					"<ins>")
			.doesNotContain("data-aspect=\"OBLIGATION\"");
		String r1 = section(page, "R1");
		assertThat(r1).contains("data-status=\"UNCHANGED\"", "data-unchanged", "data-aspect=\"SOURCE\"")
			.doesNotContain("data-aspect=\"TEXT\"", "<del>");
	}

	@Test
	void anUnknownPackOrRuleIsNotFound() throws Exception {
		mvc.perform(get("/doctrine/6000-SG")).andExpect(status().isNotFound());
		mvc.perform(get("/doctrine/6404-SG/R16")).andExpect(status().isNotFound());
		mvc.perform(get("/doctrine/6000-SG/R1")).andExpect(status().isNotFound());
	}

	@Test
	void thePagesSpeakEnglishOnTheSwitch() throws Exception {
		mvc.perform(get("/doctrine/6404-SG/R9").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What it requires")))
			.andExpect(content().string(containsString("Host the data on an offer allowed for their sensitivity")))
			.andExpect(content().string(containsString("Confidence: secondary source")))
			.andExpect(content().string(containsString("What remains uncertain")))
			.andExpect(content().string(not(containsString("Ce qu’elle impose"))));
		mvc.perform(get("/doctrine/6404-SG").param("lang", "en"))
			.andExpect(content().string(containsString("Cloud for IT teams")))
			.andExpect(content().string(containsString("31 May 2023")));
		mvc.perform(get("/doctrine/evolutions").param("lang", "en"))
			.andExpect(content().string(containsString("What changed from circular 6282-SG")))
			.andExpect(content().string(containsString("Unchanged: what the rule says")));
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String section(String page, String id) {
		int start = page.indexOf("<section id=\"" + id + "\"");
		assertThat(start).as("section " + id).isNotNegative();
		return page.substring(start, page.indexOf("</section>", start));
	}

	private static String between(String page, String start, String end) {
		int from = page.indexOf(start);
		int to = page.indexOf(end, from);
		assertThat(from).isNotNegative();
		assertThat(to).isGreaterThan(from);
		return page.substring(from, to);
	}

	private static int count(String page, String text) {
		Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(page);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

}
