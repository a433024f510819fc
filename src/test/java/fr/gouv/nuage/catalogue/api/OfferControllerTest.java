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

	@Test
	void aPageFarBeyondTheListIsEmptyNotAFailure() throws Exception {
		mvc.perform(get("/api/v1/offers?page=21474836&size=200"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.offers.length()").value(0))
			.andExpect(jsonPath("$.page").value(21474836));
	}

	@Test
	void aDateBeyondTheCalendarIsRefusedAsAParameter() throws Exception {
		for (String date : new String[] { "+999999999-12-31", "-999999999-01-01", "0000-01-01" }) {
			mvc.perform(get("/api/v1/offers").param("asOf", date))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].parameter").value("asOf"));
			mvc.perform(get("/api/v1/offers/s3ns-premi3ns").param("asOf", date))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].parameter").value("asOf"));
		}
	}

}
