package fr.gouv.nuage.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem written where no handler answers (a filter, a refusal before a handler was
 * chosen): the same problem+json as the handlers', field for field.
 */
public class ProblemWriter {

	private final JsonMapper json;

	public ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	/** Whether the request is one of the API's, which answers problem+json. */
	static boolean api(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ResponseEntity<ProblemDetail> problem)
			throws IOException {
		ProblemDetail body = problem.getBody();
		Map<String, Object> fields = new LinkedHashMap<>();
		if (body.getType() != null) {
			fields.put("type", body.getType().toString());
		}
		fields.put("title", body.getTitle());
		fields.put("status", body.getStatus());
		fields.put("detail", body.getDetail());
		fields.put("instance", body.getInstance() != null ? body.getInstance().toString() : request.getRequestURI());
		if (body.getProperties() != null) {
			fields.putAll(body.getProperties());
		}
		response.resetBuffer();
		response.setStatus(problem.getStatusCode().value());
		problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json.writeValueAsBytes(fields));
		response.flushBuffer();
	}

}
