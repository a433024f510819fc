package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static fr.gouv.nuage.api.Perimeters.OTHER_AGENT;
import static fr.gouv.nuage.api.Perimeters.PRIME_MINISTER;
import static fr.gouv.nuage.api.Perimeters.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's reversibility plan over HTTP: read within the perimeter, recorded by the
 * project's agent — the first without a version, each later one over the version it
 * replaces — and every refusal leaving the plan and the audit log as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class ReversibilityApiTest {

	static final String PLAN = """
			{"exitTerms":"réversibilité à 6 mois, export complet","exportFormats":["CSV","JSON"],"budgetEur":120000,"staffDays":40}""";

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

	private static MockHttpServletRequestBuilder record(String plan, String email, String body) {
		return put(plan).with(user(email)).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	/** The plan's answer to DINUM: its status, ETag and body. */
	private String state(String plan) throws Exception {
		var read = mvc.perform(get(plan).with(user(DINUM))).andReturn().getResponse();
		return read.getStatus() + " " + read.getHeader("ETag") + " " + read.getContentAsString();
	}

	/**
	 * A request refused with {@code expected}, as problem+json, changing neither the plan
	 * nor the audit log.
	 */
	private ResultActions refused(String plan, MockHttpServletRequestBuilder request, int expected) throws Exception {
		return Requests.refused(mvc, audit, () -> state(plan), request, expected);
	}

	@Test
	void theAgentRecordsTheFirstPlanThenEachOneOverTheVersionItReplaces() throws Exception {
		String project = register(mvc, 2_500_000);
		String plan = project + "/reversibility-plan";
		mvc.perform(get(plan).with(user(AGENT))).andExpect(status().isNotFound());
		mvc.perform(get(plan).with(user(OTHER_AGENT))).andExpect(status().isForbidden());

		refused(plan, record(plan, CONTROLLER, PLAN), 403);
		refused(plan, record(plan, DINUM, PLAN), 403);
		refused(plan, record(plan, OTHER_AGENT, PLAN), 403);
		refused(plan, record(plan, AGENT, PLAN).header("If-Match", "\"3\""), 412);
		refused(plan, record(plan, AGENT, "{\"exitTerms\":\"export\",\"exportFormats\":\"CSV\",\"budgetEuro\":1}"), 400)
			.andExpect(jsonPath("$.errors[*].field",
					Matchers.containsInAnyOrder("exportFormats", "budgetEuro", "budgetEur", "staffDays")))
			.andExpect(jsonPath("$.errors[?(@.field == 'budgetEuro')].message")
				.value(Matchers.contains(Matchers.containsString("did you mean `budgetEur`"))));
		refused(plan,
				record(plan, AGENT,
						"{\"exitTerms\":\"export\",\"exportFormats\":[\"\"],\"budgetEur\":0,\"staffDays\":0}"),
				400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("exportFormats", "budgetEur")));
		refused(plan, record(plan, AGENT,
				"{\"exitTerms\":\"export\",\"exportFormats\":[\"CSV;JSON\"],\"budgetEur\":1.005,\"staffDays\":2.5}"),
				400)
			.andExpect(jsonPath("$.errors[*].field",
					Matchers.containsInAnyOrder("exportFormats", "budgetEur", "staffDays")));
		refused(plan, record(plan, AGENT, "[]"), 400);

		int entries = audit.entries().size();
		mvc.perform(record(plan, AGENT, PLAN))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", plan))
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.exportFormats", Matchers.contains("CSV", "JSON")))
			.andExpect(jsonPath("$.budgetEur").value(120000))
			.andExpect(jsonPath("$.updatedBy").value(AGENT));
		assertThat(audit.entries()).hasSize(entries + 1);
		for (String email : new String[] { AGENT, CONTROLLER, DINUM }) {
			mvc.perform(get(plan).with(user(email)))
				.andExpect(status().isOk())
				.andExpect(header().string("ETag", "\"1\""))
				.andExpect(jsonPath("$.staffDays").value(40));
		}
		mvc.perform(get(plan).with(user(PRIME_MINISTER))).andExpect(status().isForbidden());

		String second = PLAN.replace("\"staffDays\":40", "\"staffDays\":60");
		refused(plan, record(plan, AGENT, second), 428);
		refused(plan, record(plan, AGENT, second).header("If-None-Match", "*"), 412);
		refused(plan, record(plan, AGENT, second).header("If-Match", "\"0\""), 412);
		refused(plan, record(plan, CONTROLLER, second).header("If-Match", "\"1\""), 403);
		refused(plan,
				record(plan, AGENT, "{\"exitTerms\":\" \",\"exportFormats\":[],\"budgetEur\":-1,\"staffDays\":-1}")
					.header("If-Match", "\"1\""),
				400)
			.andExpect(jsonPath("$.errors[*].field",
					Matchers.containsInAnyOrder("exitTerms", "exportFormats", "budgetEur", "staffDays")));

		mvc.perform(record(plan, AGENT, second).header("If-Match", "\"1\""))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.staffDays").value(60));
		mvc.perform(get(plan).with(user(CONTROLLER)))
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.version").value(2));
	}

	@Test
	void aFirstPlanSentWithIfNoneMatchIsRecordedOnlyOnce() throws Exception {
		String plan = register(mvc, 500_000) + "/reversibility-plan";
		refused(plan, record(plan, AGENT, PLAN).header("If-None-Match", "\"1\""), 400);
		mvc.perform(record(plan, AGENT, PLAN).header("If-None-Match", "*"))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""));
		refused(plan, record(plan, AGENT, PLAN).header("If-None-Match", "*"), 412);
		mvc.perform(get("/api/v1/projects/00000000-0000-0000-0000-000000000000/reversibility-plan").with(user(DINUM)))
			.andExpect(status().isNotFound());
	}

}
