package fr.gouv.nuage.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A visitor's journeys in a real browser, with JavaScript and without it: the
 * self-assessment answered step by step up to its result, which says what
 * {@code POST /api/v1/decisions} says of the same answers; its certificate downloaded and
 * verified; the catalogue filtered by a tag and by a select. A screenshot of each step
 * goes to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Tag("browser")
class PortalInBrowserTest {

	/**
	 * The answers, as the fields the visitor ticks or types ({@code id} of the radio or
	 * checkbox, or of a text field with its text): a State administration's new project
	 * of 2.5 M€ on a commercial cloud in the EU, with health data under medical secrecy.
	 */
	static final Map<String, String> ANSWERS = new LinkedHashMap<>();

	static {
		ANSWERS.put("entity-kind-STATE_ADMINISTRATION", null);
		ANSWERS.put("project-stage-NEW", null);
		ANSWERS.put("project-fullCostEur", "2 500 000");
		ANSWERS.put("project-solution-CLOUD", null);
		ANSWERS.put("hosting-class-COMMERCIAL", null);
		ANSWERS.put("hosting-dataLocation-EU", null);
		ANSWERS.put("data-personal-true", null);
		ANSWERS.put("data-health-true", null);
		ANSWERS.put("data-legalSecrets-MEDICAL_SECRECY", null);
		ANSWERS.put("data-breachImpacts-HEALTH_OR_LIFE", null);
	}

	/** The same answers as the API takes them. */
	static final String ASSESSMENT = """
			{"schema":"nuage.assessment/v1","entity":{"kind":"STATE_ADMINISTRATION"},
			 "project":{"stage":"NEW","fullCostEur":2500000,"solution":"CLOUD"},
			 "hosting":{"class":"COMMERCIAL","dataLocation":"EU"},
			 "data":{"personal":true,"health":true,"legalSecrets":["MEDICAL_SECRECY"],"breachImpacts":["HEALTH_OR_LIFE"]}}
			""";

	static final List<String> STEPS = List.of("entite", "projet", "solution", "hebergement", "donnees", "impacts",
			"engagements");

	static Browser withScripts;

	static Browser withoutScripts;

	static String base;

	@BeforeAll
	static void start(@LocalServerPort int port) {
		base = "http://localhost:" + port;
		withScripts = Browser.open(base, true);
		withoutScripts = Browser.open(base, false);
	}

	@AfterAll
	static void stop() {
		if (withScripts != null) {
			withScripts.close();
		}
		if (withoutScripts != null) {
			withoutScripts.close();
		}
	}

	static Browser visitor(boolean scripts) {
		Browser visitor = scripts ? withScripts : withoutScripts;
		visitor.driver().manage().deleteAllCookies();
		return visitor;
	}

	@ParameterizedTest(name = "with JavaScript: {0}")
	@ValueSource(booleans = { true, false })
	void aVisitorAssessesAProjectStepByStepAndHasItsCertificateVerified(boolean scripts) throws Exception {
		Browser visitor = visitor(scripts);
		String suffix = scripts ? "" : "-without-javascript";
		visitor.go("/auto-evaluation?lang=fr");
		visitor.screenshot("assessment-0-introduction" + suffix);
		visitor.follow("#commencer");
		for (int number = 0; number < STEPS.size(); number++) {
			String step = STEPS.get(number);
			assertThat(visitor.find("[data-step]").getDomAttribute("data-step")).isEqualTo(step);
			// A step may ask more once answered (a question that now matters): answer
			// again.
			for (int round = 0; round < 3 && step.equals(currentStep(visitor)); round++) {
				answer(visitor);
				visitor.screenshot("assessment-" + (number + 1) + "-" + step + suffix);
				visitor.follow("#suivant");
			}
		}
		assertThat(visitor.path()).startsWith("/auto-evaluation/resultat?");
		visitor.screenshot("assessment-8-result" + suffix);
		JsonNode decision = decide();
		assertThat(visitor.find("#verdict").getDomAttribute("data-verdict"))
			.isEqualTo(decision.get("verdict").asString());
		for (JsonNode finding : decision.get("findings")) {
			String rule = finding.get("rule").asString();
			assertThat(visitor.find("[data-rule='" + rule + "']").getDomAttribute("data-status")).as(rule)
				.isEqualTo(finding.get("status").asString());
		}

		String certificate = visitor.find("#attestation").getDomAttribute("href");
		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + certificate)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		Path file = Files.createTempFile("certificat", ".pdf");
		Files.write(file, pdf.body());
		visitor.go("/certificats/verification");
		visitor.find("#certificat").sendKeys(file.toAbsolutePath().toString());
		visitor.follow("form[enctype='multipart/form-data'] button[type=submit]");
		assertThat(visitor.find("[data-verification]").getDomAttribute("data-verification")).isEqualTo("MATCH");
		visitor.screenshot("certificate-verified" + suffix);
		Files.delete(file);
	}

	@ParameterizedTest(name = "with JavaScript: {0}")
	@ValueSource(booleans = { true, false })
	void aVisitorFiltersTheCatalogueByATagAndBySelect(boolean scripts) throws Exception {
		Browser visitor = visitor(scripts);
		String suffix = scripts ? "" : "-without-javascript";
		visitor.go("/catalogue?lang=fr");
		int all = count(visitor);
		WebElement trusted = visitor.find("[data-facet='class'] a[data-value='COMMERCIAL_TRUSTED']");
		int expected = Integer.parseInt(trusted.getDomAttribute("data-facet-count"));
		visitor.follow("[data-facet='class'] a[data-value='COMMERCIAL_TRUSTED']");
		assertThat(visitor.path()).contains("class=COMMERCIAL_TRUSTED");
		assertThat(count(visitor)).isEqualTo(expected).isLessThan(all);
		assertThat(visitor.all("[data-offer]")).hasSize(expected);
		visitor.screenshot("catalogue-filtered-by-tag" + suffix);

		WebElement form = visitor.find("form[data-facet-form='provider']");
		Select providers = new Select(form.findElement(org.openqa.selenium.By.tagName("select")));
		WebElement option = providers.getOptions()
			.stream()
			.filter(o -> o.getDomAttribute("value") != null && !o.getDomAttribute("value").isEmpty()
					&& o.getDomAttribute("disabled") == null)
			.findFirst()
			.orElseThrow();
		String provider = option.getDomAttribute("value");
		providers.selectByValue(provider);
		visitor.follow("form[data-facet-form='provider'] button[type=submit]");
		assertThat(visitor.path()).contains("class=COMMERCIAL_TRUSTED").contains("provider=" + provider);
		assertThat(count(visitor)).isPositive().isLessThanOrEqualTo(expected);
		assertThat(visitor.all("[data-active-filter]")).hasSize(2);
		visitor.screenshot("catalogue-filtered-by-select" + suffix);
		visitor.follow("[data-reset]");
		assertThat(count(visitor)).isEqualTo(all);
	}

	private static String currentStep(Browser visitor) {
		List<WebElement> step = visitor.all("[data-step]");
		return step.isEmpty() ? null : step.get(0).getDomAttribute("data-step");
	}

	/** Ticks or types the answers this step shows; unticks "I don't know" beside them. */
	private static void answer(Browser visitor) {
		ANSWERS.forEach((id, text) -> {
			List<WebElement> fields = visitor.all("[id='" + id + "']");
			if (fields.isEmpty()) {
				return;
			}
			WebElement field = fields.get(0);
			if (text != null) {
				field.clear();
				field.sendKeys(text);
				return;
			}
			String group = id.substring(0, id.lastIndexOf('-'));
			List<WebElement> unknown = visitor.all("[id='" + group + "-unknown'][type=checkbox]");
			if (!unknown.isEmpty() && unknown.get(0).isSelected()) {
				visitor.find("label[for='" + group + "-unknown']").click();
			}
			if (!field.isSelected()) {
				visitor.find("label[for='" + id + "']").click();
			}
		});
	}

	private static int count(Browser visitor) {
		return Integer.parseInt(visitor.find("[data-count]").getDomAttribute("data-count"));
	}

	private static JsonNode decide() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/decisions"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(ASSESSMENT))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(answer.body());
	}

}
