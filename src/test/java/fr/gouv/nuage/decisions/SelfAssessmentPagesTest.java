package fr.gouv.nuage.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.nuage.doctrine.RulePacks;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.MultiValueMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The self-assessment over the whole application: the result page says what
 * {@code POST /api/v1/decisions} answers on every case of every pack's tests, the steps
 * ask a question only when it matters, correct an answer before going on and go on with
 * every answer in the address, and nothing is kept in a session.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SelfAssessmentPagesTest {

	private static final Pattern VERDICT = Pattern.compile("data-verdict=\"([A-Z_]+)\"");

	private static final Pattern FINDING = Pattern.compile("data-rule=\"([^\"]+)\" data-status=\"([A-Z_]+)\"");

	@Autowired
	MockMvc mvc;

	private final ObjectMapper json = new ObjectMapper();

	@Test
	@SuppressWarnings("unchecked")
	void theResultPageSaysWhatTheApiAnswersOnEveryCaseOfEveryPack() throws Exception {
		RulePacks packs = RulePacks.shipped();
		int cases = 0;
		List<String> failures = new ArrayList<>();
		for (String pack : packs.ids()) {
			Map<String, Object> tests = new Yaml(new LoaderOptions()).load(packs.tests(pack));
			for (Map<String, Object> testCase : (List<Map<String, Object>>) tests.get("cases")) {
				cases++;
				String name = pack + " / " + testCase.get("name");
				Map<String, Object> assessment = (Map<String, Object>) testCase.getOrDefault("assessment", Map.of());
				Map<String, Object> expect = (Map<String, Object>) testCase.get("expect");

				MultiValueMap<String, String> parameters = AssessmentQueries.parameters(assessment);
				parameters.add("doctrine", pack);
				String query = AssessmentParameters.query(parameters);
				MvcResult page = mvc.perform(get(URI.create("/auto-evaluation/resultat?" + query))).andReturn();
				String html = page.getResponse().getContentAsString(StandardCharsets.UTF_8);

				Map<String, Object> body = new LinkedHashMap<>();
				body.put("schema", "nuage.assessment/v1");
				body.putAll(assessment);
				MvcResult api = mvc
					.perform(post("/api/v1/decisions").param("doctrine", pack)
						.contentType(MediaType.APPLICATION_JSON)
						.content(json.writeValueAsString(body)))
					.andExpect(status().isOk())
					.andReturn();
				JsonNode decision = json.readTree(api.getResponse().getContentAsByteArray());

				if (page.getResponse().getStatus() != 200) {
					failures.add(name + ": the page answers " + page.getResponse().getStatus());
					continue;
				}
				String verdict = first(VERDICT, html);
				if (!decision.get("verdict").asText().equals(verdict)) {
					failures.add(name + ": the page says " + verdict + ", the API " + decision.get("verdict"));
				}
				if (expect.containsKey("verdict") && !String.valueOf(expect.get("verdict")).equals(verdict)) {
					failures.add(name + ": the page says " + verdict + ", the case expects " + expect.get("verdict"));
				}
				Map<String, String> shown = findings(html);
				if (count(FINDING, html) != decision.get("findings").size()) {
					failures.add(name + ": the page shows " + count(FINDING, html) + " findings, the API answers "
							+ decision.get("findings").size());
				}
				Map<String, String> answered = new LinkedHashMap<>();
				decision.get("findings").forEach(f -> answered.put(f.get("rule").asText(), f.get("status").asText()));
				if (!shown.equals(answered)) {
					failures.add(name + ": the page shows " + shown + ", the API answers " + answered);
				}
				if (expect.get("findings") instanceof Map<?, ?> expected) {
					expected.forEach((rule, status) -> {
						if (!String.valueOf(status).equals(shown.get(String.valueOf(rule)))) {
							failures.add(name + ": " + rule + " is " + shown.get(String.valueOf(rule))
									+ " on the page, " + status + " in the case");
						}
					});
				}
				for (String field : List.of("sensitivity", "control")) {
					String code = first(Pattern.compile("data-" + field + "=\"([A-Z_]+)\""), html);
					if (!decision.get(field).asText().equals(code)) {
						failures.add(name + ": " + field + " is " + code + " on the page, " + decision.get(field)
								+ " in the API");
					}
				}
				for (JsonNode missing : decision.get("missingFacts")) {
					if (!html.contains("data-missing=\"" + missing.asText() + "\"")) {
						failures.add(name + ": the page does not ask for " + missing.asText());
					}
				}
			}
		}
		assertThat(cases).as("the packs' cases").isGreaterThanOrEqualTo(80);
		assertThat(failures).isEmpty();
	}

	@Test
	void eachOfferTheResultRanksLeadsToItsCataloguePage() throws Exception {
		String result = page("/auto-evaluation/resultat?entity.kind=STATE_ADMINISTRATION&project.stage=NEW"
				+ "&project.solution=CLOUD&hosting.class=COMMERCIAL&data.health=true&data.personal=true");
		java.util.regex.Matcher links = java.util.regex.Pattern.compile(
				"data-offer=\"([^\"]+)\" data-rank=\"\\d+\">\\s*<a class=\"fr-link fr-text--bold\" href=\"([^\"]+)\"")
			.matcher(result);
		int offers = 0;
		while (links.find()) {
			offers++;
			assertThat(links.group(2)).isEqualTo("/catalogue/" + links.group(1));
			mvc.perform(get(links.group(2))).andExpect(status().isOk());
		}
		assertThat(offers).isPositive();
	}

	@Test
	void aQuestionIsAskedOnlyWhenItMatters() throws Exception {
		String fresh = page("/auto-evaluation/projet?entity.kind=STATE_ADMINISTRATION&project.stage=NEW");
		assertThat(fresh).contains("data-question=\"project.stage\"", "data-question=\"project.fullCostEur\"")
			.doesNotContain("data-question=\"project.evolutionShare\"", "data-question=\"project.contractorChange\"");
		String evolution = page("/auto-evaluation/projet?entity.kind=STATE_ADMINISTRATION&project.stage=EVOLUTION");
		assertThat(evolution).contains("data-question=\"project.evolutionShare\"",
				"data-question=\"project.contractorChange\"");

		// The ministry of a body the doctrine does not cover is not asked; a State
		// administration's is.
		assertThat(page("/auto-evaluation/entite?entity.kind=LOCAL_AUTHORITY"))
			.doesNotContain("data-question=\"entity.ministry\"");
		assertThat(page("/auto-evaluation/entite?entity.kind=STATE_ADMINISTRATION"))
			.contains("data-question=\"entity.ministry\"");

		// On an internal cloud, neither the HDS certificate nor the commercial
		// commitments matter.
		String internal = "entity.kind=STATE_ADMINISTRATION&project.stage=NEW&hosting.class=INTERNAL_PI";
		assertThat(page("/auto-evaluation/hebergement?" + internal))
			.doesNotContain("data-question=\"hosting.hdsCertified\"");
		assertThat(page("/auto-evaluation/engagements?" + internal))
			.contains("data-question=\"commitments.multiZoneResilience\"")
			.doesNotContain("data-question=\"commitments.reversibilityPlan\"",
					"data-question=\"commitments.compromiseDetection\"");
		String commercial = "entity.kind=STATE_ADMINISTRATION&project.stage=NEW&hosting.class=COMMERCIAL";
		assertThat(page("/auto-evaluation/engagements?" + commercial)).contains(
				"data-question=\"commitments.reversibilityPlan\"", "data-question=\"commitments.compromiseDetection\"");
	}

	@Test
	void aBadAnswerIsShownAgainWithTheErrorSummaryAndNoRedirect() throws Exception {
		MvcResult answer = mvc.perform(get(URI.create("/auto-evaluation/projet?_step=projet"
				+ "&_asked=project.name,project.stage,project.fullCostEur&entity.kind=STATE_ADMINISTRATION"
				+ "&project.stage=NEW&project.fullCostEur=beaucoup")))
			.andExpect(status().isOk())
			.andReturn();
		String html = answer.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer.getResponse().getHeader("Location")).isNull();
		assertThat(html).contains("id=\"erreurs\"", "href=\"#project-fullCostEur\"", "fr-input-group--error",
				"value=\"beaucoup\"", "<title>Erreur");
		// The other steps' answers are carried along.
		assertThat(html).contains("name=\"entity.kind\" value=\"STATE_ADMINISTRATION\"");
		assertThat(answer.getRequest().getSession(false)).isNull();
	}

	@Test
	void aGoodAnswerGoesOnWithEveryAnswerInTheAddressAndNoSession() throws Exception {
		MvcResult answer = mvc.perform(get(URI.create("/auto-evaluation/projet?_step=projet"
				+ "&_asked=project.name,project.stage,project.fullCostEur&doctrine=6282-SG&entity.kind=STATE_OPERATOR"
				+ "&project.name=Mon%20projet%20A%2BB&project.stage=NEW&project.fullCostEur=1%20200%20000")))
			.andExpect(status().isSeeOther())
			.andReturn();
		String location = answer.getResponse().getHeader("Location");
		assertThat(location).startsWith("/auto-evaluation/solution?")
			.contains("entity.kind=STATE_OPERATOR", "project.name=Mon%20projet%20A%2BB", "project.stage=NEW",
					"project.fullCostEur=1200000", "doctrine=6282-SG")
			.doesNotContain("_step", "_asked");
		assertThat(answer.getRequest().getSession(false)).isNull();
		assertThat(answer.getResponse().getHeader("Set-Cookie")).isNull();

		// The last step leads to the result.
		MvcResult last = mvc
			.perform(get(URI.create("/auto-evaluation/engagements?_step=engagements&_asked=&entity.kind=PRIVATE")))
			.andExpect(status().isSeeOther())
			.andReturn();
		assertThat(last.getResponse().getHeader("Location")).isEqualTo("/auto-evaluation/resultat?entity.kind=PRIVATE");
	}

	@Test
	void aQuestionThatAnAnswerMakesMatterIsAskedBeforeGoingOn() throws Exception {
		String html = mvc
			.perform(get(URI.create("/auto-evaluation/projet?_step=projet"
					+ "&_asked=project.name,project.stage,project.fullCostEur&entity.kind=STATE_ADMINISTRATION"
					+ "&project.stage=EVOLUTION&project.fullCostEur=500000")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("id=\"nouvelles-questions\"", "data-question=\"project.evolutionShare\"");
		mvc.perform(get(URI.create("/auto-evaluation/projet?_step=projet"
				+ "&_asked=project.name,project.stage,project.evolutionShare,project.contractorChange,project.fullCostEur"
				+ "&entity.kind=STATE_ADMINISTRATION&project.stage=EVOLUTION&project.evolutionShare=0,6"
				+ "&project.fullCostEur=500000")))
			.andExpect(status().isSeeOther());
	}

	@Test
	void noneTickedIsTheEmptyListAndIDontKnowLeavesItUnanswered() throws Exception {
		String none = mvc.perform(get(URI
			.create("/auto-evaluation/impacts?_step=impacts&_asked=data.legalSecrets,data.essentialStateMission,data.breachImpacts"
					+ "&entity.kind=STATE_ADMINISTRATION&data.legalSecrets=&data.breachImpacts=&data.breachImpacts=PUBLIC_ORDER")))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(none).contains("data.legalSecrets=&", "data.breachImpacts=PUBLIC_ORDER");
		String unknown = mvc.perform(get(URI
			.create("/auto-evaluation/impacts?_step=impacts&_asked=data.legalSecrets,data.essentialStateMission,data.breachImpacts"
					+ "&entity.kind=STATE_ADMINISTRATION&data.legalSecrets=&_unknown=data.legalSecrets&data.breachImpacts=")))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(unknown).doesNotContain("data.legalSecrets").contains("data.breachImpacts=");
	}

	@Test
	void anOfferOfTheCatalogueSuppliesItsFactsAndAsksForItsRegion() throws Exception {
		String html = mvc
			.perform(get(URI.create("/auto-evaluation/hebergement?_step=hebergement"
					+ "&_asked=hosting.offerId,hosting.class,hosting.dataLocation&entity.kind=STATE_ADMINISTRATION"
					+ "&hosting.offerId=outscale-iaas&hosting.class=COMMERCIAL")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("data-question=\"hosting.region\"", "cloudgouv-eu-west-1")
			.doesNotContain("data-question=\"hosting.class\"", "name=\"hosting.class\"");
		String location = mvc
			.perform(get(URI.create("/auto-evaluation/hebergement?_step=hebergement"
					+ "&_asked=hosting.offerId,hosting.region&entity.kind=STATE_ADMINISTRATION"
					+ "&hosting.offerId=outscale-iaas&hosting.region=cloudgouv-eu-west-1")))
			.andExpect(status().isSeeOther())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(location).contains("hosting.offerId=outscale-iaas", "hosting.region=cloudgouv-eu-west-1")
			.doesNotContain("hosting.class");
	}

	@Test
	void anAnswerTheApiRefusesIsA400WithTheApisMessageAndTheStepToCorrectIt() throws Exception {
		MvcResult page = mvc.perform(get(URI.create("/auto-evaluation/resultat?entity.kind=FOO&data.personal=yes")))
			.andExpect(status().isBadRequest())
			.andReturn();
		String html = unescape(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
		JsonNode problem = json.readTree(mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"FOO\"},\"data\":{\"personal\":\"yes\"}}"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(problem.get("errors")).hasSize(2);
		for (JsonNode error : problem.get("errors")) {
			assertThat(html).contains("data-error-path=\"" + error.get("path").asText() + "\"",
					error.get("message").asText());
		}
		assertThat(html).contains("href=\"/auto-evaluation/entite?entity.kind=FOO&data.personal=yes#entity-kind\"",
				"href=\"/auto-evaluation/donnees?entity.kind=FOO&data.personal=yes#data-personal\"");
		assertThat(html).doesNotContain("data-verdict");
		mvc.perform(get("/auto-evaluation/resultat").param("doctrine", "6999-SG")).andExpect(status().isBadRequest());
	}

	@Test
	void theResultNamesItsPackLinksTheCertificateAndReadsInEnglish() throws Exception {
		String query = "entity.kind=STATE_OPERATOR&project.stage=NEW&data.personal=true"
				+ "&data.legalSecrets=MEDICAL_SECRECY&data.breachImpacts=HEALTH_OR_LIFE&hosting.class=COMMERCIAL";
		String html = page("/auto-evaluation/resultat?" + query);
		assertThat(html).contains("data-verdict=\"NON_COMPLIANT\"", "data-rule=\"R9\" data-status=\"VIOLATED\"",
				"data-sensitivity=\"PARTICULAR\"", "data-pack=\"6404-SG\"",
				"href=\"/auto-evaluation/certificat.pdf?" + query.replace("&", "&amp;") + "\"",
				"href=\"/auto-evaluation/entite?" + query.replace("&", "&amp;") + "\"", "id=\"offres-ecartees\"");
		String english = page("/auto-evaluation/resultat?lang=en&" + query);
		assertThat(english).contains("Not compliant with the doctrine", "Rule by rule",
				"data-verdict=\"NON_COMPLIANT\"");
		assertThat(page("/auto-evaluation")).contains("id=\"doctrine-6282-SG\" value=\"6282-SG\">",
				"id=\"doctrine-6404-SG\" value=\"6404-SG\" checked=\"checked\"");
		mvc.perform(get("/auto-evaluation/nulle-part")).andExpect(status().isNotFound());
	}

	private String page(String address) throws Exception {
		MvcResult result = mvc.perform(get(URI.create(address))).andExpect(status().isOk()).andReturn();
		assertThat(result.getRequest().getSession(false)).as("a session for " + address).isNull();
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private static Map<String, String> findings(String html) {
		Map<String, String> findings = new LinkedHashMap<>();
		Matcher matcher = FINDING.matcher(html);
		while (matcher.find()) {
			findings.put(matcher.group(1), matcher.group(2));
		}
		return findings;
	}

	private static int count(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		int count = 0;
		while (matcher.find()) {
			count++;
		}
		return count;
	}

	private static String first(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
