package fr.gouv.nuage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The demo profile: its page says it is a demo, holds under the Content-Security-Policy
 * and posts its CSRF token; its accounts sign in with their roles, and no one else; the
 * API tells a visitor 401, as it does without the profile.
 */
@SpringBootTest(properties = {
		"spring.datasource.url=jdbc:h2:mem:demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		// its own H2, whatever schema a PostgreSQL run names
		"spring.flyway.schemas=public" })
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class DemoProfileTest {

	@Autowired
	MockMvc mvc;

	@Test
	void thePageIsMarkedAsDemoAndListsOneAccountPerRole() throws Exception {
		mvc.perform(get("/demo"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("DÉMONSTRATION")))
			.andExpect(content().string(containsString("camille.martin@demo.example")))
			.andExpect(content().string(containsString("paul.moreau@demo.example")));
		mvc.perform(get("/somewhere")).andExpect(status().isFound()).andExpect(redirectedUrl("/demo"));
	}

	@Test
	void thePageHoldsUnderTheContentSecurityPolicyAndPostsItsCsrfToken() throws Exception {
		mvc.perform(get("/demo"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
			.andExpect(content().string(not(containsString("<style"))))
			.andExpect(content().string(not(containsString("style="))))
			.andExpect(content().string(containsString("<link rel=\"stylesheet\" href=\"/dsfr/dsfr.min.css\">")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
		mvc.perform(get("/dsfr/dsfr.min.css"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/css"));
		mvc.perform(post("/demo/sign-in").param("email", "camille.martin@demo.example"))
			.andExpect(status().isForbidden());
	}

	@Test
	void theApiAnswersAVisitor401AsItsDescriptionSays() throws Exception {
		for (String path : new String[] { "/api/v1/projects", "/api/v1/me",
				"/api/v1/controls/" + new java.util.UUID(0, 1) }) {
			MvcResult answer = mvc.perform(get(path)).andExpect(status().isUnauthorized()).andReturn();
			assertThat(answer.getResponse().getHeader("Location")).isNull();
			assertThat(answer.getResponse().getContentAsString()).isEmpty();
		}
		mvc.perform(post("/api/v1/projects").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void aSignedInSessionChangesNothingFromAnotherSite() throws Exception {
		MockHttpSession session = (MockHttpSession) mvc
			.perform(post("/demo/sign-in").with(csrf()).param("email", "camille.martin@demo.example"))
			.andExpect(status().isFound())
			.andReturn()
			.getRequest()
			.getSession();
		String projects = mvc.perform(get("/api/v1/projects").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String controls = "/api/v1/projects/" + JsonPath.read(projects, "$.projects[0].id") + "/controls";
		mvc.perform(post(controls).session(session)
			.contentType(MediaType.TEXT_PLAIN)
			.content("")
			.header("Sec-Fetch-Site", "cross-site")
			.header("Origin", "https://attaquant.example")).andExpect(status().isForbidden());
		mvc.perform(get(controls).session(session)).andExpect(status().isOk()).andExpect(content().json("[]"));
		mvc.perform(post("/api/v1/decisions").session(session)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"}}")
			.header("Sec-Fetch-Site", "same-origin")
			.header("Origin", "http://localhost")).andExpect(status().isOk());
	}

	@Test
	void aDemoAccountSignsInWithItsRolesAndSeesItsSeededProject() throws Exception {
		MvcResult signedIn = mvc
			.perform(post("/demo/sign-in").with(csrf()).param("email", "camille.martin@demo.example"))
			.andExpect(status().isFound())
			.andReturn();
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
		mvc.perform(get("/api/v1/projects").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.projects[0].organisation").value("dnum-interieur"));
		mvc.perform(post("/demo/sign-in").with(csrf()).param("email", "someone@real.gouv.fr"))
			.andExpect(status().isBadRequest());
	}

	/**
	 * The demo's provider organisation carries the id the catalogue's OVHcloud offers
	 * name: its provider declares for them.
	 */
	@Test
	void theDemoProviderDeclaresForItsOrganisationsOffers() throws Exception {
		String update = CatalogueJson.declaration(Catalogue.reference().offer("ovhcloud-hpc-snc").orElseThrow());
		mvc.perform(post("/api/v1/declarations").with(httpBasic("julie.fournier@demo.example", "demo"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(update))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("UPDATE"))
			.andExpect(jsonPath("$.providerId").value("ovhcloud"));
	}

	@Test
	void apiClientsUseBasicWithTheDemoPasswordOnly() throws Exception {
		mvc.perform(get("/api/v1/projects").with(httpBasic("hugo.robert@demo.example", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/projects").with(httpBasic("sarah.durand@demo.example", "demo")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/projects").with(httpBasic("hugo.robert@demo.example", "wrong")))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/projects").with(httpBasic("someone@real.gouv.fr", "demo")))
			.andExpect(status().isUnauthorized());
	}

}
