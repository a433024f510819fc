package fr.gouv.nuage.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the API answers to bad input and to failures, whatever the handler: problem+json
 * with a status, a title and a detail; a failure that is no refusal of the domain reveals
 * nothing of itself.
 */
@WebMvcTest(controllers = ApiErrorsTest.Probe.class)
@Import(ApiErrorsTest.Probe.class)
@AutoConfigureMockMvc(addFilters = false)
class ApiErrorsTest {

	/** Handlers that fail as a library, the platform or the domain would. */
	@RestController
	static class Probe {

		@PostMapping(path = "/api/probe/text", consumes = MediaType.APPLICATION_JSON_VALUE)
		String text(@RequestBody String body) {
			return "read " + body.length();
		}

		@PostMapping("/api/probe/step")
		String step() {
			return "done";
		}

		@GetMapping("/api/probe/fail/{how}")
		String fail(@PathVariable String how) {
			return switch (how) {
				case "library" -> String.valueOf(Integer.parseInt("secret-value-42"));
				case "wrapped" -> throw new IllegalStateException("jdbc:h2:mem:secret", new RuntimeException());
				case "null" -> String.valueOf(((String) null).length());
				case "plain" -> throw new IllegalStateException("the project `P` is archived");
				case "refusal" -> throw new Archived(Said.of("http/probe", "archived", "P"));
				default -> throw new Named(Said.of("http/probe", "name"));
			};
		}

	}

	@Autowired
	MockMvc mvc;

	@Test
	void aFailureThatIsNoRefusalAnswersAGeneric500WithATraceInTheCallersLanguage() throws Exception {
		for (String how : new String[] { "library", "wrapped", "null" }) {
			mvc.perform(get("/api/probe/fail/" + how).header("Accept-Language", "en-GB,fr;q=0.5"))
				.andExpect(status().isInternalServerError())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Internal error"))
				.andExpect(jsonPath("$.detail", containsString("Quote the trace")))
				.andExpect(jsonPath("$.detail", not(containsString("secret"))))
				.andExpect(jsonPath("$.trace").isString())
				.andExpect(jsonPath("$.instance", containsString("urn:uuid:")));
		}
		mvc.perform(get("/api/probe/fail/library"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.title").value("Erreur interne"))
			.andExpect(jsonPath("$.detail", containsString("Citez la trace")));
	}

	@Test
	void aRefusalOfTheDomainSaysWhatIsWrongInTheCallersLanguage() throws Exception {
		mvc.perform(get("/api/probe/fail/refusal"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("le projet `P` est archivé"));
		mvc.perform(get("/api/probe/fail/refusal").header("Accept-Language", "en-US,en;q=0.8"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("the project `P` is archived"));
		mvc.perform(get("/api/probe/fail/field").header("Accept-Language", "de, en;q=0.5"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("a project has a name of 1 to 300 characters"));
	}

	@Test
	void anExceptionThatIsNoRefusalSaysNothingOfItselfWhoeverRaisedIt() throws Exception {
		mvc.perform(get("/api/probe/fail/plain"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.detail", not(containsString("archived"))));
	}

	static final class Archived extends Refusal {

		private static final long serialVersionUID = 1L;

		Archived(Said said) {
			super(Kind.CONFLICT, null, said);
		}

	}

	static final class Named extends Refusal {

		private static final long serialVersionUID = 1L;

		Named(Said said) {
			super(Kind.INVALID, "name", said);
		}

	}

	@Test
	void aMethodNotAllowedIsAProblem() throws Exception {
		mvc.perform(put("/api/probe/step"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("Allow", containsString("POST")))
			.andExpect(jsonPath("$.status").value(405))
			.andExpect(jsonPath("$.title").value("Method Not Allowed"))
			.andExpect(jsonPath("$.detail", containsString("PUT")));
	}

	@Test
	void aWrongContentTypeIsAProblem() throws Exception {
		mvc.perform(post("/api/probe/text").contentType(MediaType.TEXT_PLAIN).content("hello"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(415))
			.andExpect(jsonPath("$.detail", containsString("text/plain")));
	}

	@Test
	void anEmptyBodyWhereOneIsRequiredIsAProblemNamingTheBody() throws Exception {
		mvc.perform(post("/api/probe/text").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].message").value("this request takes a body; none was sent"))
			.andExpect(jsonPath("$.detail", not(containsString("Probe"))));
	}

	@Test
	void invalidUtf8IsRefusedNamingWhere() throws Exception {
		byte[] body = { '{', '\n', '"', 'a', '"', ':', '"', (byte) 0xC3, '(', '"', '}' };
		mvc.perform(post("/api/probe/text").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].offset").value(7))
			.andExpect(jsonPath("$.errors[0].line").value(2))
			.andExpect(jsonPath("$.errors[0].column").value(6))
			.andExpect(jsonPath("$.errors[0].message", containsString("not valid UTF-8 at byte 7")));
		// A U+FFFD sent as such is text.
		mvc.perform(post("/api/probe/text").contentType(MediaType.APPLICATION_JSON)
			.content("\"\uFFFD\"".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andExpect(content().string("read 3"));
	}

	@Test
	void aStepThatTakesNoBodyRefusesOne() throws Exception {
		mvc.perform(post("/api/probe/step").contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("body"))
			.andExpect(jsonPath("$.errors[0].message", containsString("takes no body")));
		mvc.perform(post("/api/probe/step").contentType(MediaType.APPLICATION_JSON).content(" {} "))
			.andExpect(status().isOk());
		mvc.perform(post("/api/probe/step")).andExpect(status().isOk());
	}

}
