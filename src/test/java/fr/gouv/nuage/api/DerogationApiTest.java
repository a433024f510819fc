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
 * Derogations over HTTP: requested by the project's agent with a stored proof, approved
 * by the ministry's controller, validated by the Prime Minister's office for R9, given an
 * end by DINUM; listed within each perimeter; and every refusal — wrong role, stale or
 * missing version, a step the workflow does not allow, a bad body — leaving the
 * derogation and the audit log as they were.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class DerogationApiTest {

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

	private static String request(String rule, String proof) {
		return "{\"rule\":\"" + rule + "\",\"justification\":\"migration engagée en 2022\""
				+ (proof == null ? "" : ",\"proofOfGuarantees\":\"" + proof + "\"") + "}";
	}

	private String requested(String project, String proof) throws Exception {
		return mvc
			.perform(post(project + "/derogations").with(user(AGENT))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request("R9", proof)))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.status").value("REQUESTED"))
			.andExpect(jsonPath("$.proofOfGuarantees").value(proof))
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	private static RequestBuilder as(String email, String derogation, String step, String ifMatch, String body) {
		return Requests.step(email, derogation, step, ifMatch, body);
	}

	/**
	 * A request refused with {@code expected}, as problem+json, changing neither the
	 * derogation nor the audit log.
	 */
	private ResultActions refused(String derogation, RequestBuilder request, int expected) throws Exception {
		return Requests.refused(mvc, audit, () -> Requests.statusAndVersion(mvc, derogation), request, expected);
	}

	private ResultActions step(String email, String derogation, String step, String ifMatch, String body)
			throws Exception {
		return mvc.perform(as(email, derogation, step, ifMatch, body));
	}

	@Test
	void anR9DerogationGoesFromTheMinisterToThePrimeMinisterAndIsGivenAnEnd() throws Exception {
		// DINUM and the Prime Minister's office see every derogation, also those other
		// tests left
		long everywhere = total(DINUM, null);
		long grantedEverywhere = total(DINUM, "GRANTED");
		String project = register(mvc, 2_500_000);
		String proof = upload(mvc, project, "PROOF_OF_GUARANTEES", "audit-secnumcloud.pdf");
		String note = upload(mvc, project, "OTHER", "note.pdf");
		String elsewhere = upload(mvc, register(mvc, 2_500_000), "PROOF_OF_GUARANTEES", "audit.pdf");

		int entries = audit.entries().size();
		for (String email : new String[] { CONTROLLER, OTHER_AGENT, DINUM, PRIME_MINISTER }) {
			mvc.perform(post(project + "/derogations").with(user(email))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request("R9", proof))).andExpect(status().isForbidden());
		}
		mvc.perform(post(project + "/derogations").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rule\":\"R9\",\"role\":\"MINISTER\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field",
					Matchers.containsInAnyOrder("role", "justification", "proofOfGuarantees")));
		mvc.perform(post(project + "/derogations").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request("R9", null)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("proofOfGuarantees"));
		for (String wrong : new String[] { note, elsewhere, "audit.pdf" }) {
			mvc.perform(post(project + "/derogations").with(user(AGENT))
				.contentType(MediaType.APPLICATION_JSON)
				.content(request("R9", wrong)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("proofOfGuarantees"));
		}
		mvc.perform(post(project + "/derogations").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request("neuf", proof)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rule"));
		mvc.perform(post(project + "/derogations").with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content(request("R13", null)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("rien à quoi déroger")));
		assertThat(audit.entries()).hasSize(entries);
		assertThat(total(DINUM, null)).isEqualTo(everywhere);

		String derogation = requested(project, proof);
		assertThat(derogation).matches("/api/v1/derogations/[0-9a-f-]{36}");
		for (String email : new String[] { AGENT, CONTROLLER, DINUM, PRIME_MINISTER }) {
			mvc.perform(get(derogation).with(user(email)))
				.andExpect(status().isOk())
				.andExpect(header().string("ETag", "\"1\""))
				.andExpect(jsonPath("$.rule").value("R9"));
		}
		for (String email : new String[] { AGENT, CONTROLLER }) {
			mvc.perform(get("/api/v1/derogations").with(user(email)))
				.andExpect(jsonPath("$.total").value(1))
				.andExpect(jsonPath("$.derogations[0].status").value("REQUESTED"));
		}
		assertThat(total(DINUM, null)).isEqualTo(everywhere + 1);
		assertThat(total(PRIME_MINISTER, null)).isEqualTo(everywhere + 1);
		for (String email : new String[] { OTHER_AGENT, OTHER_CONTROLLER, "stranger@x.fr" }) {
			mvc.perform(get(derogation).with(user(email))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/derogations").with(user(email))).andExpect(jsonPath("$.total").value(0));
		}
		assertThat(total(DINUM, "GRANTED")).isEqualTo(grantedEverywhere);
		mvc.perform(get("/api/v1/derogations").param("status", "granted").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("status"));
		mvc.perform(get("/api/v1/derogations").param("size", "0").with(user(DINUM))).andExpect(status().isBadRequest());

		refused(derogation, as(PRIME_MINISTER, derogation, "prime-minister-validation", "\"1\"", null), 409);
		refused(derogation, as(PRIME_MINISTER, derogation, "refusal", "\"1\"", "{\"reason\":\"non\"}"), 409);
		refused(derogation, as(AGENT, derogation, "minister-approval", "\"1\"", null), 403);
		refused(derogation, as(DINUM, derogation, "minister-approval", "\"1\"", null), 403);
		// who may act is known before the version is asked for
		refused(derogation, as(DINUM, derogation, "minister-approval", null, null), 403);
		refused(derogation, as(OTHER_CONTROLLER, derogation, "minister-approval", "\"1\"", null), 403);
		refused(derogation, as(CONTROLLER, derogation, "minister-approval", null, null), 428);
		refused(derogation, as(CONTROLLER, derogation, "minister-approval", "\"9\"", null), 412);
		refused(derogation, as(CONTROLLER, derogation, "minister-approval", "\"1\"", "{\"role\":\"MINISTER\"}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("role"));
		refused(derogation, as(CONTROLLER, derogation, "acceptable-offer", "\"1\"", "{\"since\":\"2026-04-01\"}"), 409);

		step(CONTROLLER, derogation, "minister-approval", "\"1\"", null).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.status").value("APPROVED_BY_MINISTER"))
			.andExpect(jsonPath("$.steps[1].role").value("MINISTER"));

		refused(derogation, as(CONTROLLER, derogation, "refusal", "\"2\"", "{\"reason\":\"trop tard\"}"), 409);
		refused(derogation, as(CONTROLLER, derogation, "prime-minister-validation", "\"2\"", null), 403);
		refused(derogation, as(PRIME_MINISTER, derogation, "prime-minister-validation", "\"1\"", null), 412);

		step(PRIME_MINISTER, derogation, "prime-minister-validation", "\"2\"", null).andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"3\""))
			.andExpect(jsonPath("$.status").value("GRANTED"))
			.andExpect(jsonPath("$.steps[2].role").value("PRIME_MINISTER_OFFICE"));

		refused(derogation, as(AGENT, derogation, "withdrawal", "\"3\"", null), 409);
		refused(derogation, as(AGENT, derogation, "acceptable-offer", "\"3\"", "{\"since\":\"2026-04-01\"}"), 403);
		refused(derogation, as(PRIME_MINISTER, derogation, "acceptable-offer", "\"3\"", "{\"since\":\"2026-04-01\"}"),
				403);
		refused(derogation, as(DINUM, derogation, "acceptable-offer", "\"3\"", "{\"since\":\"1er avril\"}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("since"));
		step(DINUM, derogation, "acceptable-offer", "\"3\"", "{\"since\":\"2026-04-01\"}").andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"4\""))
			.andExpect(jsonPath("$.status").value("GRANTED"))
			.andExpect(jsonPath("$.expiresOn").value("2027-04-01"));
		step(CONTROLLER, derogation, "acceptable-offer", "\"4\"", "{\"since\":\"2026-03-01\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.expiresOn").value("2027-03-01"));

		// The Prime Minister's office reads the proof of the project asking for a
		// derogation, and nothing else of it.
		mvc.perform(get("/api/v1/documents/" + proof).with(user(PRIME_MINISTER))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/documents/" + note).with(user(PRIME_MINISTER))).andExpect(status().isForbidden());
		mvc.perform(get(project + "/documents").with(user(PRIME_MINISTER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", Matchers.contains(proof)));
		mvc.perform(get(project).with(user(PRIME_MINISTER))).andExpect(status().isForbidden());
	}

	@Test
	void theMinisterOrThePrimeMinistersOfficeRefusesAndTheProjectWithdraws() throws Exception {
		long everywhere = total(PRIME_MINISTER, null);
		String project = register(mvc, 2_500_000);
		String proof = upload(mvc, project, "PROOF_OF_GUARANTEES", "audit.pdf");

		String refusedByTheMinister = requested(project, proof);
		refused(refusedByTheMinister, as(CONTROLLER, refusedByTheMinister, "refusal", "\"1\"", "{\"reason\":\"  \"}"),
				400)
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		refused(refusedByTheMinister, as(CONTROLLER, refusedByTheMinister, "refusal", "\"1\"", "{}"), 400)
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		refused(refusedByTheMinister, as(AGENT, refusedByTheMinister, "refusal", "\"1\"", "{\"reason\":\"non\"}"), 403);
		refused(refusedByTheMinister, as(DINUM, refusedByTheMinister, "refusal", "\"1\"", "{\"reason\":\"non\"}"), 403);
		step(CONTROLLER, refusedByTheMinister, "refusal", "\"1\"", "{\"reason\":\"une offre qualifiée existe\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUSED"))
			.andExpect(jsonPath("$.steps[1].detail").value("une offre qualifiée existe"));
		refused(refusedByTheMinister, as(CONTROLLER, refusedByTheMinister, "minister-approval", "\"2\"", null), 409);

		String refusedByTheOffice = requested(project, proof);
		step(CONTROLLER, refusedByTheOffice, "minister-approval", "\"1\"", null).andExpect(status().isOk());
		step(PRIME_MINISTER, refusedByTheOffice, "refusal", "\"2\"", "{\"reason\":\"garanties insuffisantes\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REFUSED"))
			.andExpect(jsonPath("$.steps[2].role").value("PRIME_MINISTER_OFFICE"));

		String withdrawn = requested(project, proof);
		refused(withdrawn, as(CONTROLLER, withdrawn, "withdrawal", "\"1\"", null), 403);
		refused(withdrawn, as(AGENT, withdrawn, "withdrawal", null, null), 428);
		step(AGENT, withdrawn, "withdrawal", "\"1\"", null).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("WITHDRAWN"));

		assertThat(total(PRIME_MINISTER, null)).isEqualTo(everywhere + 3);
		mvc.perform(get("/api/v1/derogations").param("status", "REFUSED").param("size", "1").with(user(CONTROLLER)))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.derogations.length()").value(1));
		mvc.perform(get("/api/v1/derogations").param("status", "WITHDRAWN").with(user(AGENT)))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.derogations[0].id").value(withdrawn.substring(withdrawn.lastIndexOf('/') + 1)));
	}

	/** How many derogations someone lists, of a status or all. */
	private long total(String email, String status) throws Exception {
		var request = get("/api/v1/derogations").with(user(email));
		if (status != null) {
			request.param("status", status);
		}
		String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.total")).longValue();
	}

}
