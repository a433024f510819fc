package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;

import fr.gouv.nuage.directory.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names, reasons and free texts are stored as people wrote them only when they are plain
 * text: well-formed Unicode, without control characters, bidirectional controls, or line
 * breaks where one line is expected; refused in the body's one 400, naming the field,
 * before anything is looked up or changed.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class StoredTextApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	String project;

	@BeforeEach
	void seed() throws Exception {
		Perimeters.seed(directory);
		project = Perimeters.register(mvc, 500_000);
	}

	/** JSON string contents, escaped as JSON writes them, and what each one breaks. */
	private static final Map<String, String> NOT_PLAIN = Map.of("Portail\\u0000", "a control character U+0000",
			"Portail \\u202Eexe.pdf", "a bidirectional control U+202E", "Portail \\ud800", "a lone surrogate U+D800",
			"Portail\\u001b[31m", "a control character U+001B");

	@Test
	void aOneLineNameIsPlainTextOnOneLine() throws Exception {
		for (Map.Entry<String, String> text : NOT_PLAIN.entrySet()) {
			mvc.perform(patch(project).with(user(AGENT))
				.header(HttpHeaders.IF_MATCH, "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + text.getKey() + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("name"))
				.andExpect(
						jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(text.getValue())));
		}
		mvc.perform(patch(project).with(user(AGENT))
			.header(HttpHeaders.IF_MATCH, "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Portail\\r\\nSet-Cookie: x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("write it on one line: a line break at character 8"));
		mvc.perform(post("/api/v1/organisations").with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"id\":\"dir-z\",\"name\":\"Direction \\u2066Z\",\"kind\":\"DIRECTORATE\",\"parent\":\"min-a\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value(startsWith("the text contains a bidirectional control")));
		// The name the project was registered with, unchanged (other tests' projects may
		// share the database).
		assertThat(jdbc.sql("select name from project where id = ?")
			.param(java.util.UUID.fromString(project.substring(project.lastIndexOf('/') + 1)))
			.query(String.class)
			.single()).isEqualTo("Portail");
		assertThat(jdbc.sql("select count(*) from organisation where id = 'dir-z'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aFreeTextKeepsItsLinesButNothingElseThatIsNotText() throws Exception {
		String derogations = project + "/derogations";
		for (Map.Entry<String, String> text : NOT_PLAIN.entrySet()) {
			mvc.perform(post(derogations).with(user(AGENT))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"rule\":\"R9\",\"justification\":\"" + text.getKey() + "\",\"proofOfGuarantees\":\""
						+ UUID.randomUUID() + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("justification"))
				.andExpect(
						jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(text.getValue())));
			// Refused as the body is read: the control need not even exist.
			mvc.perform(post("/api/v1/controls/" + UUID.randomUUID() + "/decision").with(user(DINUM))
				.header(HttpHeaders.IF_MATCH, "\"1\"")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"outcome\":\"UNFAVOURABLE\",\"reasons\":\"" + text.getKey() + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reasons"));
		}
		assertThat(jdbc.sql("select count(*) from project_derogation").query(Long.class).single()).isZero();
		String proof = Perimeters.upload(mvc, project, "PROOF_OF_GUARANTEES", "audit.pdf");
		mvc.perform(post(derogations).with(user(AGENT))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"rule\":\"R9\",\"justification\":\"Migration engagée en 2022.\\n\\tÉtape 2 : 🇫🇷\","
					+ "\"proofOfGuarantees\":\"" + proof + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.justification").value("Migration engagée en 2022.\n\tÉtape 2 : 🇫🇷"));
	}

}
