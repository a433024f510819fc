package fr.gouv.nuage.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.doctrine.RulePacks;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An assessment written as query parameters: read as the API reads a body, and written
 * back so that every answer comes back as it was given.
 */
class AssessmentParametersTest {

	private final RulePacks packs = RulePacks.shipped();

	@Test
	void everyAnswerComesBackAsItWasGiven() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		String name = "Projet A+B & C=D #1 {x} 50 % é";
		parameters.add("project.name", name);
		parameters.add("data.legalSecrets", "PRIVACY");
		parameters.add("data.legalSecrets", "MEDICAL_SECRECY");
		parameters.add("data.breachImpacts", "");
		String query = AssessmentParameters.query(parameters);
		assertThat(query).startsWith("project.name=")
			.endsWith("&data.legalSecrets=PRIVACY&data.legalSecrets=MEDICAL_SECRECY&data.breachImpacts=")
			.doesNotContain("+", " ", "{", "#");
		MultiValueMap<String, String> read = new LinkedMultiValueMap<>();
		for (String pair : query.split("&")) {
			String[] parts = pair.split("=", 2);
			read.add(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
					URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
		}
		assertThat(read).isEqualTo(parameters);
	}

	@Test
	void readsListsByRepetitionAndAnEmptyListAsOneEmptyValue() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add("entity.kind", "STATE_OPERATOR");
		parameters.add("data.personal", "true");
		parameters.add("data.legalSecrets", "");
		parameters.add("data.breachImpacts", "");
		parameters.add("data.breachImpacts", "PUBLIC_ORDER");
		parameters.add("project.fullCostEur", "1200000");
		parameters.add("project.name", "");
		AssessmentParameters.Read read = AssessmentParameters.read(parameters, packs, Catalogue::reference);
		assertThat(read.errors()).isEmpty();
		assertThat(read.pack().id()).isEqualTo(packs.defaultId());
		assertThat(read.assessment().get("data.legalSecrets")).isEqualTo(List.of());
		assertThat(read.assessment().get("data.breachImpacts")).isEqualTo(List.of("PUBLIC_ORDER"));
		assertThat(read.assessment().get("data.personal")).isEqualTo(Boolean.TRUE);
		assertThat(read.assessment().get("project.fullCostEur")).isEqualTo(1200000.0);
		assertThat(read.assessment().get("project.name")).isNull();
		assertThat(read.query(new LinkedMultiValueMap<>())).isEqualTo("entity.kind=STATE_OPERATOR&data.personal=true"
				+ "&data.legalSecrets=&data.breachImpacts=PUBLIC_ORDER&project.fullCostEur=1200000");
	}

	@Test
	void refusesWhatTheApiRefusesNamingThePath() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add("entity.kind", "FOO");
		parameters.add("data.personal", "yes");
		parameters.add("data.nothing", "1");
		AssessmentParameters.Read read = AssessmentParameters.read(parameters, packs, Catalogue::reference);
		assertThat(read.ok()).isFalse();
		assertThat(read.errors()).extracting(error -> error.path())
			.containsExactlyInAnyOrder("entity.kind", "data.personal", "data");
		parameters.set("doctrine", "6999-SG");
		assertThat(AssessmentParameters.read(parameters, packs, Catalogue::reference).errors().get(0).path())
			.isEqualTo("doctrine");
	}

}
