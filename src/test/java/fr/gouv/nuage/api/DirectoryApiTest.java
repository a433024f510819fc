package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static fr.gouv.nuage.api.Perimeters.DIR_A_SIRET;
import static fr.gouv.nuage.api.Perimeters.OTHER_AGENT;
import static fr.gouv.nuage.api.Perimeters.PRIME_MINISTER;
import static fr.gouv.nuage.api.Perimeters.PROVIDER;
import static fr.gouv.nuage.api.Perimeters.PROVIDER_SIRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory over the API: who one is, the organisations, the people and their roles.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class DirectoryApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void directory() {
		Perimeters.seed(directory);
		directory.add("test", "op-a", "Opérateur A", OrganisationKind.STATE_OPERATOR, "dir-a", null);
	}

	@Test
	void eachPersonSeesWhoTheyAreAndTheirRoles() throws Exception {
		mvc.perform(get("/api/v1/me").with(user(AGENT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(AGENT))
			.andExpect(jsonPath("$.givenName").value("A"))
			.andExpect(jsonPath("$.usualName").value("Gent"))
			.andExpect(jsonPath("$.organisation.id").value("dir-a"))
			.andExpect(jsonPath("$.organisation.ministry").value("min-a"))
			.andExpect(jsonPath("$.roles.length()").value(1))
			.andExpect(jsonPath("$.roles[0].role").value("AGENT"))
			.andExpect(jsonPath("$.roles[0].organisation").value("dir-a"))
			.andExpect(jsonPath("$.proconnect").doesNotExist());
		mvc.perform(get("/api/v1/me").with(oidcLogin().idToken(token -> token.subject("sub-42")
			.claim("email", PROVIDER)
			.claim("given_name", "Claire")
			.claim("usual_name", "O")
			.claim("siret", PROVIDER_SIRET)
			.claim("idp_id", "fia1"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(PROVIDER))
			.andExpect(jsonPath("$.roles[0].role").value("PROVIDER"))
			.andExpect(jsonPath("$.roles[0].organisation").value("ovhcloud"))
			.andExpect(jsonPath("$.proconnect.sub").value("sub-42"))
			.andExpect(jsonPath("$.proconnect.siret").value(PROVIDER_SIRET))
			.andExpect(jsonPath("$.proconnect.idp_id").value("fia1"));
		mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized());
	}

	@Test
	void everyoneSignedInReadsTheOrganisationsInTreeOrder() throws Exception {
		for (String someone : List.of(AGENT, CONTROLLER, PRIME_MINISTER, PROVIDER, DINUM)) {
			mvc.perform(get("/api/v1/organisations").with(user(someone))).andExpect(status().isOk());
		}
		String body = mvc.perform(get("/api/v1/organisations").with(user(AGENT)))
			.andExpect(jsonPath("$.organisations[?(@.id == 'op-a')].parent").value(hasItem("dir-a")))
			.andExpect(jsonPath("$.organisations[?(@.id == 'op-a')].ministry").value(hasItem("min-a")))
			.andExpect(jsonPath("$.organisations[?(@.id == 'ovhcloud')].siret").value(hasItem(PROVIDER_SIRET)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body.indexOf("\"min-a\"")).isLessThan(body.indexOf("\"dir-a\""));
		assertThat(body.indexOf("\"id\":\"dir-a\"")).isLessThan(body.indexOf("\"id\":\"op-a\""));
		assertThat(body.indexOf("\"id\":\"op-a\"")).isLessThan(body.indexOf("\"id\":\"min-b\""));
		mvc.perform(get("/api/v1/organisations/dir-a").with(user(PROVIDER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Direction A"))
			.andExpect(jsonPath("$.kind").value("DIRECTORATE"))
			.andExpect(jsonPath("$.parent").value("min-a"))
			.andExpect(jsonPath("$.ministry").value("min-a"))
			.andExpect(jsonPath("$.siret").value(DIR_A_SIRET));
		mvc.perform(get("/api/v1/organisations/t-nowhere").with(user(AGENT)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/organisations")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/organisations/dir-a")).andExpect(status().isUnauthorized());
	}

	@Test
	void dinumAddsAnOrganisation() throws Exception {
		long audited = count("audit_entry");
		mvc.perform(post("/api/v1/organisations").with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"t-op-b\",\"name\":\"Opérateur B\",\"kind\":\"STATE_OPERATOR\",\"parent\":\"dir-b\","
					+ "\"siret\":\"11000000000933\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/organisations/t-op-b"))
			.andExpect(jsonPath("$.ministry").value("min-b"));
		assertThat(directory.organisation("t-op-b")).isPresent();
		assertThat(count("audit_entry")).isEqualTo(audited + 1);
		mvc.perform(post("/api/v1/organisations").with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"t-commune\",\"name\":\"Commune\",\"kind\":\"LOCAL_AUTHORITY\",\"parent\":null}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.parent").value(nullValue()));
	}

	@Test
	void onlyDinumAddsOrganisations() throws Exception {
		List<Long> before = counts();
		for (String someone : List.of(AGENT, CONTROLLER, PRIME_MINISTER, PROVIDER)) {
			mvc.perform(post("/api/v1/organisations").with(user(someone))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":\"t-x\",\"name\":\"X\",\"kind\":\"MINISTRY\"}"))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		mvc.perform(post("/api/v1/organisations").contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"t-x\",\"name\":\"X\",\"kind\":\"MINISTRY\"}")).andExpect(status().isUnauthorized());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aNewOrganisationIsReadStrictly() throws Exception {
		List<Long> before = counts();
		mvc.perform(post("/api/v1/organisations").with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"t-x\",\"nom\":\"X\",\"kind\":\"MINISTERY\",\"siret\":123}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("nom", "name", "siret", "kind")))
			.andExpect(jsonPath("$.errors[?(@.field == 'nom')].message")
				.value(hasItem(containsString("unknown field `nom`"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'kind')].message").value(hasItem(containsString("MINISTERY"))));
		mvc.perform(post("/api/v1/organisations").with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"t-x\",\"name\":\"X\",\"kind\":\"DIRECTORATE\",\"parent\":\"t-nowhere\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("parent"));
		mvc.perform(post("/api/v1/organisations").with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"dir-a\",\"name\":\"X\",\"kind\":\"MINISTRY\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		mvc.perform(post("/api/v1/organisations").with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"t-x\","))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(1))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("not JSON")));
		mvc.perform(
				post("/api/v1/organisations").with(user(DINUM)).contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isBadRequest());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void dinumSeesEveryoneAndAControllerThePeopleOfTheirMinistry() throws Exception {
		mvc.perform(get("/api/v1/people?size=200").with(user(DINUM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.people[*].email", hasItem(AGENT)))
			.andExpect(jsonPath("$.people[*].email", hasItem(OTHER_AGENT)))
			.andExpect(jsonPath("$.people[*].email", hasItem(PROVIDER)))
			.andExpect(jsonPath("$.people[*].email", hasItem(PRIME_MINISTER)));
		mvc.perform(get("/api/v1/people").with(user(CONTROLLER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.people[*].email", containsInAnyOrder(AGENT, CONTROLLER)))
			.andExpect(jsonPath("$.people[?(@.email == '" + AGENT + "')].roles[0].role").value(hasItem("AGENT")));
		mvc.perform(get("/api/v1/people?page=1&size=1").with(user(CONTROLLER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.people.length()").value(1));
		mvc.perform(get("/api/v1/people?page=-1").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("size"));
		for (String someone : List.of(AGENT, PRIME_MINISTER, PROVIDER)) {
			mvc.perform(get("/api/v1/people").with(user(someone))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/people")).andExpect(status().isUnauthorized());
	}

	@Test
	void dinumGrantsAndRevokesARole() throws Exception {
		long audited = count("audit_entry");
		String path = "/api/v1/people/" + OTHER_AGENT + "/roles/MINISTRY_CONTROLLER/min-b";
		mvc.perform(put(path).with(user(DINUM)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", path))
			.andExpect(jsonPath("$.roles[*].role", hasItem("MINISTRY_CONTROLLER")));
		assertThat(count("audit_entry")).isEqualTo(audited + 1);
		mvc.perform(get("/api/v1/people").with(user(OTHER_AGENT))).andExpect(status().isOk());
		mvc.perform(put(path).with(user(DINUM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles.length()").value(2));
		assertThat(count("audit_entry")).isEqualTo(audited + 1);

		mvc.perform(delete(path).with(user(DINUM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.roles[*].role", not(hasItem("MINISTRY_CONTROLLER"))));
		assertThat(count("audit_entry")).isEqualTo(audited + 2);
		mvc.perform(get("/api/v1/people").with(user(OTHER_AGENT))).andExpect(status().isForbidden());
		mvc.perform(delete(path).with(user(DINUM))).andExpect(status().isNotFound());
	}

	@Test
	void onlyDinumGrantsAndRevokes() throws Exception {
		List<Long> before = counts();
		String grant = "/api/v1/people/" + OTHER_AGENT + "/roles/AGENT/dir-a";
		String held = "/api/v1/people/" + AGENT + "/roles/AGENT/dir-a";
		for (String someone : List.of(AGENT, CONTROLLER, PRIME_MINISTER, PROVIDER)) {
			mvc.perform(put(grant).with(user(someone))).andExpect(status().isForbidden());
			mvc.perform(delete(held).with(user(someone))).andExpect(status().isForbidden());
		}
		mvc.perform(put(grant)).andExpect(status().isUnauthorized());
		mvc.perform(delete(held)).andExpect(status().isUnauthorized());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aGrantTheDirectoryRefusesChangesNothing() throws Exception {
		List<Long> before = counts();
		mvc.perform(put("/api/v1/people/" + OTHER_AGENT + "/roles/CHIEF/min-b").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		mvc.perform(put("/api/v1/people/" + OTHER_AGENT + "/roles/MINISTRY_CONTROLLER/dir-b").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("organisation"));
		mvc.perform(put("/api/v1/people/" + OTHER_AGENT + "/roles/DINUM/min-b").with(user(DINUM))
			.header("Accept-Language", "en-GB,en;q=0.9,fr;q=0.5"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organisation"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("granted on `dinum` only")));
		mvc.perform(put("/api/v1/people/" + OTHER_AGENT + "/roles/PRIME_MINISTER_OFFICE/dinum").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organisation"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("`services-premier-ministre` seulement")));
		mvc.perform(put("/api/v1/people/" + OTHER_AGENT + "/roles/AGENT/t-nowhere").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organisation"));
		mvc.perform(put("/api/v1/people/nobody@test.gouv.fr/roles/AGENT/dir-a").with(user(DINUM)))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/people/nobody@test.gouv.fr/roles/AGENT/dir-a").with(user(DINUM)))
			.andExpect(status().isNotFound());
		mvc.perform(delete("/api/v1/people/" + OTHER_AGENT + "/roles/AGENT/dir-a").with(user(DINUM)))
			.andExpect(status().isNotFound());
		assertThat(counts()).isEqualTo(before);
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * What a refusal must leave as it was: the organisations, the people, their roles,
	 * the audit log.
	 */
	private List<Long> counts() {
		return List.of("organisation", "person", "person_role", "audit_entry").stream().map(this::count).toList();
	}

}
