package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static fr.gouv.nuage.api.Perimeters.OTHER_AGENT;
import static fr.gouv.nuage.api.Perimeters.OTHER_CONTROLLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Role;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects over HTTP: registered, read, renamed, assessed and archived within a
 * perimeter, with ETags.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class ProjectApiTest {

	/** An agent of another directorate of the same ministry, `dir-a2`. */
	static final String COLLEAGUE = "other@a.fr";

	static final String ASSESSMENT = """
			{"schema":"nuage.assessment/v1","entity":{"name":"Direction A","kind":"STATE_ADMINISTRATION"},
			 "project":{"name":"Portail","stage":"NEW","fullCostEur":2500000},"hosting":{"class":"COMMERCIAL"},
			 "data":{"legalSecrets":["PRIVACY"],"breachImpacts":["PUBLIC_ORDER"]}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	Projects projects;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void people() {
		Perimeters.seed(directory);
		directory.add("test", "dir-a2", "Direction A2", OrganisationKind.DIRECTORATE, "min-a", "11000000000022");
		directory.signIn(new Identity(COLLEAGUE, "O", "Ther", "11000000000022", null, null));
	}

	private String register(String email) throws Exception {
		MvcResult result = mvc.perform(
				post("/api/v1/projects").with(user(email)).contentType(MediaType.APPLICATION_JSON).content(ASSESSMENT))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.organisation").value("dir-a"))
			.andExpect(jsonPath("$.latest.verdict").value("NON_COMPLIANT"))
			.andExpect(jsonPath("$.latest.pack.digest").exists())
			.andReturn();
		return result.getResponse().getHeader("Location");
	}

	@Test
	void anAgentRegistersAProjectOfTheirEntityThatTheirMinistryAndDinumSeeButNoOneElse() throws Exception {
		String project = register(AGENT);
		for (String email : new String[] { AGENT, CONTROLLER, DINUM }) {
			mvc.perform(get(project).with(user(email)))
				.andExpect(status().isOk())
				.andExpect(header().string("ETag", "\"1\""));
			mvc.perform(get("/api/v1/projects").with(user(email)))
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.projects[0].verdict").value("NON_COMPLIANT"));
		}
		for (String email : new String[] { COLLEAGUE, OTHER_AGENT, OTHER_CONTROLLER, "stranger@x.fr" }) {
			mvc.perform(get(project).with(user(email))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/projects").with(user(email))).andExpect(jsonPath("$.total").value(0));
		}
		mvc.perform(get(project)).andExpect(status().isUnauthorized());
	}

	@Test
	void changesNameTheVersionTheyWereMadeOn() throws Exception {
		String project = register(AGENT);
		int entries = audit.entries().size();
		String rename = "{\"name\":\"Portail des démarches\"}";
		mvc.perform(patch(project).with(user(AGENT)).contentType(MediaType.APPLICATION_JSON).content(rename))
			.andExpect(status().isPreconditionRequired());
		mvc.perform(patch(project).with(user(AGENT))
			.header("If-Match", "\"7\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(rename)).andExpect(status().isPreconditionFailed());
		mvc.perform(patch(project).with(user(CONTROLLER))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(rename)).andExpect(status().isForbidden());
		mvc.perform(patch(project).with(user(AGENT))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"\",\"owner\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("name", "owner")))
			.andExpect(jsonPath("$.errors[?(@.field == 'owner')].message")
				.value(Matchers.contains(Matchers.startsWith("unknown field `owner`: this request takes `name`"))));
		mvc.perform(patch(project).with(user(AGENT))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "n".repeat(301) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("a project has a name of 1 to 300 characters"));
		assertThat(audit.entries()).hasSize(entries);
		mvc.perform(get(project).with(user(AGENT)))
			.andExpect(jsonPath("$.name").value("Portail"))
			.andExpect(header().string("ETag", "\"1\""));

		mvc.perform(patch(project).with(user(AGENT))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(rename))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.name").value("Portail des démarches"));
		String compliant = ASSESSMENT.replace("\"fullCostEur\":2500000", "\"fullCostEur\":2500000")
			.replace("{\"class\":\"COMMERCIAL\"}", "{\"class\":\"INTERNAL_PI\"}");
		mvc.perform(post(project + "/assessments").with(user(AGENT))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(compliant)).andExpect(status().isPreconditionFailed());
		mvc.perform(post(project + "/assessments").with(user(AGENT))
			.header("If-Match", "\"2\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"schema\":\"nuage.assessment/v1\",\"hosting\":{\"class\":\"MOON\"}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("hosting.class"));
		mvc.perform(post(project + "/assessments").with(user(AGENT))
			.header("If-Match", "\"2\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(compliant))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(header().string("Location", project + "/decisions/2"))
			.andExpect(jsonPath("$.doctrine.digest").exists());
		mvc.perform(get(project + "/decisions").with(user(CONTROLLER)))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].verdict").value("NON_COMPLIANT"));
		mvc.perform(get(project + "/decisions/2").with(user(CONTROLLER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.schema").value("nuage.decision/v1"));
		mvc.perform(get(project + "/decisions/9").with(user(CONTROLLER))).andExpect(status().isNotFound());

		mvc.perform(post(project + "/archive").with(user(AGENT)).header("If-Match", "\"3\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.archived").value(true));
		mvc.perform(post(project + "/archive").with(user(AGENT)).header("If-Match", "\"4\""))
			.andExpect(status().isConflict());
		mvc.perform(get("/api/v1/projects").with(user(AGENT))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/projects?archived=true").with(user(AGENT))).andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void aProjectShowsWhatKeptItFromBeingDecidedAgainUntilItIsDecided() throws Exception {
		String project = register(AGENT);
		UUID id = UUID.fromString(project.substring(project.lastIndexOf('/') + 1));
		mvc.perform(get(project).with(user(CONTROLLER))).andExpect(jsonPath("$.issues").isEmpty());
		// The pack in force no longer knows the hosting class the assessment gave.
		jdbc.sql("update project_decision set assessment = replace(assessment, '\"COMMERCIAL\"', '\"MOON\"') "
				+ "where project_id = :id")
			.param("id", id)
			.update();

		projects.redecide(id, "calendar", ProjectDecision.Reason.DEROGATION_EXPIRED);

		mvc.perform(get(project).with(user(CONTROLLER)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.history.length()").value(1))
			.andExpect(jsonPath("$.issues.length()").value(1))
			.andExpect(jsonPath("$.issues[0].kind").value("ASSESSMENT_UNREADABLE"))
			.andExpect(jsonPath("$.issues[0].message").value(Matchers.allOf(Matchers.containsString("`hosting.class`"),
					Matchers.endsWith("assess the project again"))))
			.andExpect(jsonPath("$.issues[0].since").exists());
		mvc.perform(post(project + "/assessments").with(user(AGENT))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(ASSESSMENT)).andExpect(status().isCreated());
		mvc.perform(get(project).with(user(AGENT)))
			.andExpect(jsonPath("$.issues").isEmpty())
			.andExpect(jsonPath("$.history.length()").value(2));
	}

	@Test
	void aProjectIsRegisteredOnlyForAnOrganisationOfTheCaller() throws Exception {
		mvc.perform(post("/api/v1/projects?organisation=dir-b").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ASSESSMENT)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/projects").with(user(CONTROLLER))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ASSESSMENT)).andExpect(status().isForbidden());
		directory.grant("test", AGENT, Role.AGENT, "dir-a2");
		mvc.perform(
				post("/api/v1/projects").with(user(AGENT)).contentType(MediaType.APPLICATION_JSON).content(ASSESSMENT))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("organisation"));
		mvc.perform(post("/api/v1/projects?organisation=dir-a").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"schema\":\"nuage.assessment/v1\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("project.name"));
		mvc.perform(get("/api/v1/projects").with(user(DINUM))).andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/projects?size=0").with(user(AGENT))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/projects?page=first").with(user(AGENT)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("page"))
			.andExpect(jsonPath("$.errors[0].message").value("`first` is not a whole number"));
		mvc.perform(get("/api/v1/projects/not-an-id").with(user(AGENT)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("id"));
		mvc.perform(get("/api/v1/projects/00000000-0000-0000-0000-000000000000").with(user(DINUM)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("aucun projet 00000000-0000-0000-0000-000000000000"));
		mvc.perform(get("/api/v1/projects/00000000-0000-0000-0000-000000000000").with(user(DINUM))
			.header("Accept-Language", "en"))
			.andExpect(jsonPath("$.detail").value("no project 00000000-0000-0000-0000-000000000000"));
	}

	@Test
	void aProjectIsAssessedAsTheKindOfItsOrganisationSoThatALocalAuthorityIsOnlyAdvised() throws Exception {
		directory.add("test", "ville", "Ville d'Exemple", OrganisationKind.LOCAL_AUTHORITY, null, "21000000000011");
		directory.signIn(new Identity("maire@ville.fr", "M", "Aire", "21000000000011", null, null));
		int entries = audit.entries().size();
		mvc.perform(post("/api/v1/projects").with(user("maire@ville.fr"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ASSESSMENT))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].path").value("entity.kind"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("the project belongs to `ville`, a LOCAL_AUTHORITY: its entity is LOCAL_AUTHORITY"));
		assertThat(audit.entries()).hasSize(entries);
		mvc.perform(post("/api/v1/projects").with(user("maire@ville.fr"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(ASSESSMENT.replace("STATE_ADMINISTRATION", "LOCAL_AUTHORITY")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.latest.verdict").value("NOT_SUBJECT"));
	}

}
