package fr.gouv.nuage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.Callable;

import com.jayway.jsonpath.JsonPath;
import fr.gouv.nuage.audit.AuditLog;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The requests of the API tests that move a workflow, and the proof that a refused one
 * changes nothing.
 */
final class Requests {

	private Requests() {
	}

	/**
	 * A step of a workflow (a control, a derogation) as {@code email}, naming the version
	 * read when there is one.
	 */
	static MockHttpServletRequestBuilder step(String email, String resource, String step, String ifMatch, String body) {
		var request = post(resource + "/" + step).with(user(email));
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request;
	}

	/** The resource's status and version, as DINUM reads them. */
	static String statusAndVersion(MockMvc mvc, String resource) throws Exception {
		MvcResult read = mvc.perform(get(resource).with(user(Perimeters.DINUM))).andExpect(status().isOk()).andReturn();
		return JsonPath.read(read.getResponse().getContentAsString(), "$.status") + " "
				+ read.getResponse().getHeader("ETag");
	}

	/**
	 * A request refused with {@code expected}, as problem+json, changing neither what
	 * {@code state} reads nor the audit log.
	 */
	static ResultActions refused(MockMvc mvc, AuditLog audit, Callable<String> state, RequestBuilder request,
			int expected) throws Exception {
		String before = state.call();
		int entries = audit.entries().size();
		ResultActions result = mvc.perform(request)
			.andExpect(status().is(expected))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(state.call()).isEqualTo(before);
		assertThat(audit.entries()).hasSize(entries);
		return result;
	}

}
