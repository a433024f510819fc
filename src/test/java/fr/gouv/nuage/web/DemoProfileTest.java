package fr.gouv.nuage.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The demo profile: its page says it is a demo, and its accounts sign in with their
 * roles, and no one else.
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
