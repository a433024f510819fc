package fr.gouv.nuage.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A multipart with more parts than Tomcat reads says so, whichever way Spring reports
 * Tomcat's refusal (a size passed, a failure to parse).
 */
class TooManyPartsTest {

	private final TooManyParts parts = new TooManyParts(new ProblemWriter(JsonMapper.builder().build()));

	@Test
	void tooManyPartsIsSaidForWhatItIs() throws Exception {
		// As Tomcat's Request.parseParts wraps it, then Spring's multipart request.
		IllegalStateException tomcat = new IllegalStateException(new FileCountLimitExceededException("attachment", 20));
		for (MultipartException spring : new MultipartException[] { new MaxUploadSizeExceededException(-1, tomcat),
				new MultipartException("Failed to parse multipart servlet request", tomcat) }) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			assertThat(parts.resolveException(new MockHttpServletRequest("POST", "/api/v1/projects/1/documents"),
					response, null, spring))
				.isNotNull();
			assertThat(response.getStatus()).isEqualTo(413);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			String body = response.getContentAsString();
			assertThat((String) JsonPath.read(body, "$.title")).isEqualTo("Too many parts");
			assertThat((String) JsonPath.read(body, "$.detail")).contains("more than the 20 parts")
				.doesNotContain("size");
		}
	}

	@Test
	void aSizePassedIsLeftToTheUploadLimits() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(parts.resolveException(new MockHttpServletRequest("POST", "/api/v1/projects/1/documents"), response,
				null, new MaxUploadSizeExceededException(12_000_000)))
			.isNull();
	}

}
