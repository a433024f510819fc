package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static fr.gouv.nuage.api.Perimeters.OTHER_AGENT;
import static fr.gouv.nuage.api.Perimeters.OTHER_CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.PRIME_MINISTER;
import static fr.gouv.nuage.api.Perimeters.register;
import static fr.gouv.nuage.api.Perimeters.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Directory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * Controls over HTTP, through each procedure: opened by the project's agent, moved by
 * whom the procedure names with the version they read, and every refusal — wrong role,
 * stale or missing version, a step the procedure does not allow, a bad body — leaving the
 * control and the audit log as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class ControlApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void people() {
		Perimeters.seed(directory);
	}

	private String open(String project) throws Exception {
		return mvc.perform(post(project + "/controls").with(user(AGENT)))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private ResultActions step(String control, String step, String email, String ifMatch, String body)
			throws Exception {
		return mvc.perform(as(email, control, step, ifMatch, body));
	}

	/**
	 * A request refused with {@code expected}, as problem+json, changing neither the
	 * control nor the audit log.
	 */
	private ResultActions refused(String control, RequestBuilder request, int expected) throws Exception {
		return Requests.refused(mvc, audit, () -> Requests.statusAndVersion(mvc, control), request, expected);
	}

	private static RequestBuilder as(String email, String control, String step, String ifMatch, String body) {
		return Requests.step(email, control, step, ifMatch, body);
	}

	@Test
	void theMinistryDecidesOnTheProjectsComparativeStudy() throws Exception {
		String project = register(mvc, 2_500_000);
		mvc.perform(post(project + "/controls").with(user(CONTROLLER))).andExpect(status().isForbidden());
		mvc.perform(post(project + "/controls").with(user(OTHER_AGENT))).andExpect(status().isForbidden());
		mvc.perform(post(project + "/controls").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"role\":\"DINUM\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		String control = open(project);
		assertThat(control).matches("/api/v1/controls/[0-9a-f-]{36}");
		mvc.perform(get(control).with(user(AGENT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.procedure").value("MINISTRY"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.steps[0].status").value("OPEN"));
		for (String email : new String[] { CONTROLLER, DINUM }) {
			mvc.perform(get(control).with(user(email)))
				.andExpect(status().isOk())
				.andExpect(header().string("ETag", "\"1\""));
		}
		for (String email : new String[] { OTHER_AGENT, OTHER_CONTROLLER, PRIME_MINISTER, "stranger@x.fr" }) {
			mvc.perform(get(control).with(user(email))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/controls/00000000-0000-0000-0000-000000000000").with(user(DINUM)))
			.andExpect(status().isNotFound());

		String study = upload(mvc, project, "COMPARATIVE_STUDY", "etude.pdf");
		String other = upload(mvc, project, "OTHER", "note.pdf");
		String elsewhere = upload(mvc, register(mvc, 2_500_000), "COMPARATIVE_STUDY", "etude.pdf");
		String attach = "{\"document\":\"" + study + "\"}";

		refused(control, as(CONTROLLER, control, "decision", "\"1\"", "{\"outcome\":\"FAVOURABLE\"}"), 409)
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("étude comparative")));
		refused(control, as(AGENT, control, "decision", "\"1\"", "{\"outcome\":\"FAVOURABLE\"}"), 403);
		refused(control, as(CONTROLLER, control, "study", "\"1\"", attach), 403);
		refused(control, as(OTHER_AGENT, control, "study", "\"1\"", attach), 403);
		refused(control, as(AGENT, control, "study", null, attach), 428);
		refused(control, as(AGENT, control, "study", "\"7\"", attach), 412);
		refused(control, as(AGENT, control, "study", "\"1\"", "{\"document\":\"etude.pdf\",\"role\":\"DINUM\"}"), 400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("document", "role")));
		refused(control, as(AGENT, control, "study", "\"1\"", "{}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("document"));
		refused(control, as(AGENT, control, "study", "\"1\"", "{\"document\":\"" + elsewhere + "\"}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("document"))
			.andExpect(
					jsonPath("$.errors[0].message").value(Matchers.containsString("not a document of this project")));
		refused(control, as(AGENT, control, "study", "\"1\"", "{\"document\":\"" + other + "\"}"), 400)
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("COMPARATIVE_STUDY")));
		refused(control, as(AGENT, control, "referral", "\"1\"", "{\"file\":\"dossier.pdf\"}"), 409);
		refused(control, as(DINUM, control, "information-request", "\"1\"", "{\"request\":\"le budget\"}"), 409);

		step(control, "study", AGENT, "\"1\"", attach).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.status").value("STUDY_ATTACHED"))
			.andExpect(jsonPath("$.studyDocument").value(study));

		refused(control, as(CONTROLLER, control, "decision", "\"1\"", "{\"outcome\":\"FAVOURABLE\"}"), 412);
		refused(control, as(DINUM, control, "decision", "\"2\"", "{\"outcome\":\"FAVOURABLE\"}"), 403);
		refused(control, as(OTHER_CONTROLLER, control, "decision", "\"2\"", "{\"outcome\":\"FAVOURABLE\"}"), 403);
		refused(control, as(CONTROLLER, control, "decision", "\"2\"", "{\"outcome\":\"UNFAVOURABLE\"}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		refused(control, as(CONTROLLER, control, "decision", "\"2\"", "{\"outcome\":\"FAVORABLE\"}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("outcome"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("did you mean `FAVOURABLE`")));
		refused(control, as(CONTROLLER, control, "decision", "\"2\"", "not json"), 400);

		int entries = audit.entries().size();
		step(control, "decision", CONTROLLER, "\"2\"",
				"{\"outcome\":\"FAVOURABLE_WITH_RESERVATIONS\",\"reasons\":\"budget de réversibilité à préciser\"}")
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(jsonPath("$.status").value("DECIDED"))
			.andExpect(jsonPath("$.outcome").value("FAVOURABLE_WITH_RESERVATIONS"))
			.andExpect(jsonPath("$.steps[2].actor").value(CONTROLLER))
			.andExpect(jsonPath("$.steps[2].role").value("MINISTRY_CONTROLLER"));
		assertThat(audit.entries()).hasSize(entries + 1);
		assertThat(audit.entries().get(entries).action()).isEqualTo("CONTROL_DECIDED");
		refused(control, as(CONTROLLER, control, "decision", "\"3\"", "{\"outcome\":\"FAVOURABLE\"}"), 409);
		refused(control, as(AGENT, control, "study", "\"3\"", attach), 409);

		mvc.perform(get(project + "/controls").with(user(CONTROLLER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].status").value("DECIDED"));
		mvc.perform(get(project + "/controls").with(user(OTHER_AGENT))).andExpect(status().isForbidden());
	}

	@Test
	void dinumGivesItsOpinionOnAReferredFileAndMayAskForMore() throws Exception {
		String control = open(register(mvc, 12_000_000));
		mvc.perform(get(control).with(user(AGENT))).andExpect(jsonPath("$.procedure").value("DINUM_OPINION"));
		refused(control, as(DINUM, control, "decision", "\"1\"", "{\"outcome\":\"FAVOURABLE\"}"), 409);
		refused(control, as(AGENT, control, "referral", "\"1\"", "{\"file\":\"\"}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		refused(control, as(CONTROLLER, control, "referral", "\"1\"", "{\"file\":\"dossier.pdf\"}"), 403);

		step(control, "referral", AGENT, "\"1\"", "{\"file\":\"dossier-grand-projet.pdf\"}").andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.status").value("REFERRED"))
			.andExpect(jsonPath("$.referredOn").isNotEmpty())
			.andExpect(jsonPath("$.due").isNotEmpty());

		refused(control, as(AGENT, control, "information-request", "\"2\"", "{\"request\":\"le budget\"}"), 403);
		refused(control, as(CONTROLLER, control, "information-request", "\"2\"", "{\"request\":\"le budget\"}"), 403);
		refused(control, as(DINUM, control, "information-request", "\"2\"", "{\"question\":\"le budget\"}"), 400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("question", "request")));
		step(control, "information-request", DINUM, "\"2\"", "{\"request\":\"le plan de réversibilité\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("INFORMATION_REQUESTED"))
			.andExpect(header().string("ETag", "\"3\""));

		refused(control, as(DINUM, control, "decision", "\"3\"", "{\"outcome\":\"FAVOURABLE\"}"), 409);
		step(control, "referral", AGENT, "\"3\"", "{\"file\":\"dossier-complété.pdf\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFERRED"));
		refused(control, as(CONTROLLER, control, "decision", "\"4\"", "{\"outcome\":\"FAVOURABLE\"}"), 403);
		refused(control, as(AGENT, control, "decision", "\"4\"", "{\"outcome\":\"FAVOURABLE\"}"), 403);
		step(control, "decision", DINUM, "\"4\"", "{\"outcome\":\"FAVOURABLE\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECIDED"))
			.andExpect(jsonPath("$.outcome").value("FAVOURABLE"))
			.andExpect(jsonPath("$.steps[*].status",
					Matchers.contains("OPEN", "REFERRED", "INFORMATION_REQUESTED", "REFERRED", "DECIDED")));
	}

	@Test
	void oneAnswerNamesEveryBadFieldOfAControlBody() throws Exception {
		String control = open(register(mvc, 12_000_000));
		String tooLong = "x".repeat(10_001);
		refused(control,
				as(AGENT, control, "referral", "\"1\"", "{\"file\":\"" + tooLong + "\",\"fille\":\"dossier.pdf\"}"),
				400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("file", "fille")))
			.andExpect(jsonPath("$.errors[?(@.field == 'file')].message",
					Matchers.contains("the text is 10001 characters long, above the limit of 10000")))
			.andExpect(jsonPath("$.errors[?(@.field == 'fille')].message",
					Matchers.contains(Matchers.containsString("did you mean `file`?"))));
		refused(control,
				as(DINUM, control, "decision", "\"1\"",
						"{\"outcome\":\"MAYBE\",\"reasons\":\"" + tooLong + "\",\"because\":\"le budget\"}"),
				400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("outcome", "reasons", "because")))
			.andExpect(jsonPath("$.errors[?(@.field == 'outcome')].message", Matchers
				.contains(Matchers.containsString("`FAVOURABLE`, `FAVOURABLE_WITH_RESERVATIONS`, `UNFAVOURABLE`"))));
		// What the outcome asks of the other fields is said with the rest.
		refused(control,
				as(DINUM, control, "decision", "\"1\"", "{\"outcome\":\"UNFAVOURABLE\",\"reason\":\"le budget\"}"), 400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("reason", "reasons")))
			.andExpect(jsonPath("$.errors[?(@.field == 'reasons')].message",
					Matchers.contains("a decision other than favourable says why")));
		refused(control, as(DINUM, control, "decision", "\"1\"", "{\"reasons\":\"  \"}"), 400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("outcome", "reasons")))
			.andExpect(jsonPath("$.errors[?(@.field == 'reasons')].message", Matchers.contains("write some text")));
	}

	@Test
	void theProjectAuthorityDecidesASmallProjectsControl() throws Exception {
		String project = register(mvc, 500_000);
		String control = open(project);
		mvc.perform(get(control).with(user(AGENT))).andExpect(jsonPath("$.procedure").value("PROJECT_AUTHORITY"));
		String study = upload(mvc, project, "COMPARATIVE_STUDY", "etude.pdf");
		refused(control, as(AGENT, control, "study", "\"1\"", "{\"document\":\"" + study + "\"}"), 409);
		refused(control, as(CONTROLLER, control, "decision", "\"1\"", "{\"outcome\":\"FAVOURABLE\"}"), 403);
		refused(control, as(DINUM, control, "decision", "\"1\"", "{\"outcome\":\"FAVOURABLE\"}"), 403);
		refused(control, as(AGENT, control, "decision", null, "{\"outcome\":\"FAVOURABLE\"}"), 428);
		step(control, "decision", AGENT, "\"1\"",
				"{\"outcome\":\"UNFAVOURABLE\",\"reasons\":\"pas de plan de sortie\"}")
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.status").value("DECIDED"))
			.andExpect(jsonPath("$.steps[1].role").value("PROJECT_AUTHORITY"));
	}

}
