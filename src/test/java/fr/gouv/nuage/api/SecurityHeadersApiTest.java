package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.register;
import static fr.gouv.nuage.api.Perimeters.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fr.gouv.nuage.directory.Directory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every answer tells the browser: a strict Content-Security-Policy, no referrer
 * outside Nuage, no powerful feature; and a document's bytes, sandboxed, load and run
 * nothing even when a browser shows them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class SecurityHeadersApiTest {

	static final String PAGES = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	static final String DOCUMENTS = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	/** The headers every answer carries, whatever its status. */
	static void everyAnswersHeaders(MockHttpServletResponse response) {
		assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()",
				"payment=()", "usb=()");
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	private void pages(ResultActions answer) {
		MockHttpServletResponse response = answer.andReturn().getResponse();
		assertThat(response.getHeaders("Content-Security-Policy")).containsExactly(PAGES);
		everyAnswersHeaders(response);
	}

	@Test
	void everyAnswerCarriesThePoliciesWhateverItsStatus() throws Exception {
		pages(mvc.perform(get("/api/v1/packs")).andExpect(status().isOk()));
		pages(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()));
		pages(mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized()));
		pages(mvc.perform(get("/api/v1/offers/no-such-offer")).andExpect(status().isNotFound()));
		pages(mvc.perform(get("/api/v1/projects/not-a-uuid").with(user(AGENT))).andExpect(status().isBadRequest()));
	}

	@Test
	void aDocumentIsDownloadedSandboxed() throws Exception {
		Perimeters.seed(directory);
		String project = register(mvc, 2_500_000);
		String id = upload(mvc, project, "COMPARATIVE_STUDY", "etude.pdf");
		MockHttpServletResponse download = mvc.perform(get("/api/v1/documents/" + id).with(user(AGENT)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
			.andReturn()
			.getResponse();
		assertThat(download.getHeaders("Content-Security-Policy")).containsExactly(DOCUMENTS);
		everyAnswersHeaders(download);
	}

}
