package fr.gouv.nuage.catalogue.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.gouv.nuage.catalogue.ReferenceCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(OfferController.class)
@Import(ReferenceCatalogue.class)
// Who may call what is tested on the whole application (SignInTest); here, the
// controllers alone.
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
		mvc.perform(get("/api/v1/offers?class=TRUSTED"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("class"));
		mvc.perform(get("/api/v1/offers?asOf=yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("asOf"));
	}

}
