package fr.gouv.nuage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The directory's endpoints alone, the directory stubbed: how a body is read and refused
 * before the directory is asked, the shapes the answers take, and the directory's
 * refusals as problems. Who may act is the directory's to decide (DirectoryTest), and the
 * whole over HTTP is DirectoryApiTest's.
 */
// Spring Security's default filters only carry who the test signs in; the application's
// own are checked
// by SignInTest and AccessMatrixTest.
@WebMvcTest(DirectoryController.class)
class DirectoryControllerTest {

	static final String DINUM = "dinum@numerique.gouv.fr";

	static final Person ADMINISTRATOR = new Person(DINUM, null, null, Directory.DINUM,
			List.of(new Grant(Role.DINUM, Directory.DINUM, "nuage.directory.administrators")));

	static final Perimeter PERIMETER = new Perimeter(ADMINISTRATOR, Set.of(), Set.of(), Set.of());

	static final Organisation OPERATOR = new Organisation("t-op-b", "Opérateur B", OrganisationKind.STATE_OPERATOR,
			"dir-b", null, "min-b");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Directory directory;

	/**
	 * DINUM's administrator, signed in, sending the CSRF token Spring Security's default
	 * filters ask for.
	 */
	private static RequestPostProcessor dinum() {
		return request -> csrf().postProcessRequest(user(DINUM).postProcessRequest(request));
	}

	@BeforeEach
	void signedIn() {
		when(directory.person(DINUM)).thenReturn(Optional.of(ADMINISTRATOR));
		when(directory.perimeter(ADMINISTRATOR)).thenReturn(PERIMETER);
	}

	@Test
	void aNewOrganisationIsRefusedNamingEveryBadFieldBeforeTheDirectoryIsAsked() throws Exception {
		mvc.perform(post("/api/v1/organisations").with(dinum())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"Bad Id\",\"nmae\":\"X\",\"name\":\"" + "n".repeat(301) + "\",\"kind\":\"MINISTERY\","
					+ "\"siret\":\"123\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("id", "nmae", "name", "kind", "siret")))
			.andExpect(jsonPath("$.errors[?(@.field == 'id')].message")
				.value(hasItem("`Bad Id` is not an identifier: 2 to 60 lowercase letters, digits or hyphens")))
			.andExpect(jsonPath("$.errors[?(@.field == 'nmae')].message")
				.value(hasItem(containsString("did you mean `name`?"))))
			.andExpect(jsonPath("$.errors[?(@.field == 'name')].message")
				.value(hasItem("an organisation has a name of 1 to 300 characters")))
			.andExpect(jsonPath("$.errors[?(@.field == 'siret')].message")
				.value(hasItem("`123` is not a SIRET: 14 digits")));
		mvc.perform(post("/api/v1/organisations").with(dinum()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("id", "name", "kind")))
			.andExpect(
					jsonPath("$.errors[?(@.field == 'kind')].message").value(hasItem(containsString("say the kind"))));
		verify(directory, never()).add(any(Perimeter.class), any(), any(), any(), any(), any());
	}

	@Test
	void aNewOrganisationGoesToTheDirectoryAsSentAndComesBackWithEveryField() throws Exception {
		when(directory.add(PERIMETER, "t-op-b", "Opérateur B", OrganisationKind.STATE_OPERATOR, "dir-b", null))
			.thenReturn(OPERATOR);
		String body = mvc
			.perform(post("/api/v1/organisations").with(dinum())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"id\":\"t-op-b\",\"name\":\"Opérateur B\",\"kind\":\"STATE_OPERATOR\",\"parent\":\"dir-b\","
						+ "\"siret\":null}"))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/organisations/t-op-b"))
			.andExpect(jsonPath("$.kind").value("STATE_OPERATOR"))
			.andExpect(jsonPath("$.ministry").value("min-b"))
			.andExpect(jsonPath("$.siret").value(nullValue()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// An absent SIRET is written null, as the maps this answer replaced wrote it.
		assertThat(JsonPath.<Map<String, Object>>read(body, "$")).containsOnlyKeys("id", "name", "kind", "parent",
				"ministry", "siret");
	}

	@Test
	void theDirectorysRefusalsAreProblems() throws Exception {
		when(directory.add(any(Perimeter.class), anyString(), anyString(), any(), any(), any()))
			.thenThrow(new NotAllowed(Directory.said("dinum-only.add-organisations")));
		mvc.perform(post("/api/v1/organisations").with(dinum())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"t-x\",\"name\":\"X\",\"kind\":\"MINISTRY\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("seule la DINUM ajoute des organisations"));
		when(directory.revoke(PERIMETER, "nobody@a.fr", Role.AGENT, "dir-a"))
			.thenThrow(new Directory.Unknown(Directory.said("email.unknown", "nobody@a.fr")));
		mvc.perform(delete("/api/v1/people/nobody@a.fr/roles/agent/dir-a").with(dinum()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		when(directory.grant(PERIMETER, "agent@b.fr", Role.MINISTRY_CONTROLLER, "dir-b"))
			.thenThrow(new Directory.Refused("organisation",
					Directory.said("role.kind", "MINISTRY_CONTROLLER", "DIRECTORATE")));
		mvc.perform(put("/api/v1/people/agent@b.fr/roles/MINISTRY_CONTROLLER/dir-b").with(dinum()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("organisation"));
	}

	@Test
	void aRoleIsNamedInAnyCaseAndAnUnknownOneIsRefusedAsTheFieldRole() throws Exception {
		Person granted = new Person("agent@b.fr", "B", "Gent", "dir-b",
				List.of(new Grant(Role.MINISTRY_CONTROLLER, "min-b", DINUM)));
		when(directory.grant(PERIMETER, "agent@b.fr", Role.MINISTRY_CONTROLLER, "min-b"))
			.thenReturn(new Directory.Granted(granted, true), new Directory.Granted(granted, false));
		mvc.perform(put("/api/v1/people/agent@b.fr/roles/ministry_controller/min-b").with(dinum()))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/people/agent@b.fr/roles/MINISTRY_CONTROLLER/min-b"))
			.andExpect(jsonPath("$.roles[0].role").value("MINISTRY_CONTROLLER"))
			.andExpect(jsonPath("$.roles[0].grantedBy").value(DINUM));
		// Held already: nothing changed, and no Location names a new grant.
		mvc.perform(put("/api/v1/people/agent@b.fr/roles/MINISTRY_CONTROLLER/min-b").with(dinum()))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"));
		mvc.perform(put("/api/v1/people/agent@b.fr/roles/AGNET/min-b").with(dinum()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("vouliez-vous dire `AGENT` ?")));
		mvc.perform(put("/api/v1/people/agent@b.fr/roles/AGNET/min-b").with(dinum()).header("Accept-Language", "en"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("did you mean `AGENT`?")));
		verify(directory, times(2)).grant(any(Perimeter.class), anyString(), any(), anyString());
	}

	@Test
	void thePeopleComeAPageAtATimeOnceTheDirectoryLetsTheCallerSeeThem() throws Exception {
		List<Person> people = List.of(
				new Person("a@a.fr", "A", null, "dir-a", List.of(new Grant(Role.AGENT, "dir-a", "proconnect"))),
				new Person("b@a.fr", null, null, null, List.of()), new Person("c@a.fr", null, null, null, List.of()));
		when(directory.people(PERIMETER)).thenReturn(people);
		mvc.perform(get("/api/v1/people?page=0&size=2").with(dinum()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.people[*].email", containsInAnyOrder("a@a.fr", "b@a.fr")))
			.andExpect(jsonPath("$.people[0].usualName").value(nullValue()))
			.andExpect(jsonPath("$.people[0].roles[0].grantedBy").value("proconnect"));
		mvc.perform(get("/api/v1/people?size=201").with(dinum()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("size"));
		// Someone the directory does not let see the people learns nothing of the page
		// they asked for.
		when(directory.people(PERIMETER)).thenThrow(new NotAllowed(Directory.said("people.who")));
		mvc.perform(get("/api/v1/people?size=201").with(dinum())).andExpect(status().isForbidden());
	}

	@Test
	void theCallerIsWrittenWithTheProConnectClaimsOnlyWhenProConnectSignedThemIn() throws Exception {
		when(directory.organisation(Directory.DINUM)).thenReturn(Optional.of(new Organisation(Directory.DINUM, "DINUM",
				OrganisationKind.DIRECTORATE, "services-premier-ministre", null, "services-premier-ministre")));
		String body = mvc.perform(get("/api/v1/me").with(dinum()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.displayName").value(DINUM))
			.andExpect(jsonPath("$.givenName").value(nullValue()))
			.andExpect(jsonPath("$.organisation.ministry").value("services-premier-ministre"))
			.andExpect(jsonPath("$.roles[0].role").value("DINUM"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Map<String, Object>>read(body, "$")).doesNotContainKey("proconnect")
			.containsKeys("givenName", "usualName");
		mvc.perform(get("/api/v1/me").with(oidcLogin().idToken(token -> token.subject("sub-7")
			.claim("email", DINUM)
			.claim("siret", "13002526500013")
			.claim("acr", "eidas1"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.proconnect.sub").value("sub-7"))
			.andExpect(jsonPath("$.proconnect.siret").value("13002526500013"))
			.andExpect(jsonPath("$.proconnect.acr").doesNotExist());
	}

}
