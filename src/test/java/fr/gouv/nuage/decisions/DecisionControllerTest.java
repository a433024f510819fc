package fr.gouv.nuage.decisions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.gouv.nuage.catalogue.ReferenceCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(DecisionController.class)
@Import(ReferenceCatalogue.class)
// Who may call what is tested on the whole application (SignInTest); here, the
// controllers alone.
@AutoConfigureMockMvc(addFilters = false)
class DecisionControllerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void answersTheDecisionInUtf8() throws Exception {
		String body = """
				{"schema":"nuage.assessment/v1","entity":{"kind":"LOCAL_AUTHORITY"},
				 "data":{"legalSecrets":["PRIVACY"],"breachImpacts":["PUBLIC_ORDER"]}}
				""";
		byte[] answer = mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(answer, java.nio.charset.StandardCharsets.UTF_8);
		org.assertj.core.api.Assertions.assertThat(text)
			.contains("données d'une sensibilité particulière")
			.doesNotContain("\uFFFD");
	}

	@Test
	void decidesAnAssessment() throws Exception {
		String body = """
				{"schema":"nuage.assessment/v1","entity":{"kind":"LOCAL_AUTHORITY"},
				 "data":{"legalSecrets":["PRIVACY"],"breachImpacts":["PUBLIC_ORDER"]}}
				""";
		mvc.perform(post("/api/v1/decisions?lang=en").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.schema").value("nuage.decision/v1"))
			.andExpect(jsonPath("$.doctrine.id").value("6404-SG"))
			.andExpect(jsonPath("$.doctrine.digest").exists())
			.andExpect(jsonPath("$.verdict").value("NOT_SUBJECT"))
			.andExpect(jsonPath("$.sensitivity").value("PARTICULAR"))
			.andExpect(jsonPath("$.findings.length()").value(15));
	}

	@Test
	void refusesAnInvalidAssessmentNamingEachBadField() throws Exception {
		String body = """
				{"schema":"nuage.assessment/v1","entity":{"kind":"MINISTRY"},"data":{"personal":"yes"}}
				""";
		mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].path").value("entity.kind"))
			.andExpect(jsonPath("$.errors[1].path").value("data.personal"));
	}

	@Test
	void refusesAnUnknownDoctrine() throws Exception {
		mvc.perform(post("/api/v1/decisions?doctrine=6999-SG").contentType(MediaType.APPLICATION_JSON)
			.content("{\"schema\":\"nuage.assessment/v1\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("doctrine"));
	}

	@Test
	void listsThePacks() throws Exception {
		mvc.perform(get("/api/v1/packs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[1].id").value("6404-SG"))
			.andExpect(jsonPath("$[1].default").value(true));
	}

	@Test
	void ranksTheEligibleOffersAndExplainsTheOthers() throws Exception {
		String body = """
				{"schema":"nuage.assessment/v1","entity":{"kind":"STATE_ADMINISTRATION"},
				 "data":{"marking":"DIFFUSION_RESTREINTE"}}
				""";
		mvc.perform(
				post("/api/v1/offers/eligible?asOf=2026-11-22").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.eligible.length()").value(1))
			.andExpect(jsonPath("$.eligible[0].id").value("pi"))
			.andExpect(jsonPath("$.excluded[?(@.id == 'nubo')].rule").value("R9"));
	}

	@Test
	void anUnknownOfferInTheAssessmentIsABadRequest() throws Exception {
		String body = "{\"schema\":\"nuage.assessment/v1\",\"hosting\":{\"offerId\":\"blue\"}}";
		mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("hosting.offerId"));
	}

	@Test
	void refusesAnAssessmentThatIsNotUtf8NamingTheByte() throws Exception {
		byte[] body = "{\"schema\":\"nuage.assessment/v1\",\n\"entity\":{\"kind\":\"MINIST\u00c8RE\"}}"
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].offset").value(57))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].message")
				.value("the body is not valid UTF-8 at byte 57 (line 2, column 25)"));
	}

	@Test
	void refusesADateBeyondTheCalendar() throws Exception {
		mvc.perform(post("/api/v1/decisions").param("asOf", "+999999999-12-31")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"schema\":\"nuage.assessment/v1\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("asOf"));
	}

}
