package fr.gouv.nuage.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest({ OfferController.class, DecisionController.class })
@Import(ReferenceCatalogue.class)
// Who may call what is tested on the whole application (SignInTest); here, the controllers alone.
@AutoConfigureMockMvc(addFilters = false)
class OfferControllerTest {

	@Autowired
	MockMvc mvc;

	@Test
	void listsTheOffersOfAClassAsOfADateWithPagination() throws Exception {
		mvc.perform(get("/api/v1/offers?asOf=2026-01-01&class=COMMERCIAL_TRUSTED&size=2&page=0"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offers.length()").value(2))
			.andExpect(jsonPath("$.offers[0].on.hostingClass").value("COMMERCIAL_TRUSTED"))
			.andExpect(jsonPath("$.total").isNumber());
	}

	@Test
	void showsAnOfferAsOfADate() throws Exception {
		mvc.perform(get("/api/v1/offers/s3ns-premi3ns?asOf=2025-12-16"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.on.hostingClass").value("COMMERCIAL"))
			.andExpect(jsonPath("$.on.secNumCloud.status").value("IN_PROGRESS"));
		mvc.perform(get("/api/v1/offers/s3ns-premins")).andExpect(status().isNotFound());
	}

	@Test
	void refusesBadParameters() throws Exception {
		mvc.perform(get("/api/v1/offers?class=TRUSTED")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("class"));
		mvc.perform(get("/api/v1/offers?asOf=yesterday")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("asOf"));
	}

	@Test
	void ranksTheEligibleOffersAndExplainsTheOthers() throws Exception {
		String body = """
				{"schema":"nuage.assessment/v1","entity":{"kind":"STATE_ADMINISTRATION"},
				 "data":{"marking":"DIFFUSION_RESTREINTE"}}
				""";
		mvc.perform(post("/api/v1/offers/eligible?asOf=2026-11-22").contentType(MediaType.APPLICATION_JSON).content(body))
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
}
