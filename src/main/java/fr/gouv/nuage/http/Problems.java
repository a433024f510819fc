package fr.gouv.nuage.http;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.JsonException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Errors as problem+json, each bad field named with what was expected. */
public final class Problems {

	private Problems() {
	}

	public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(type));
		problem.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	public static ResponseEntity<ProblemDetail> badRequest(String title, String detail,
			List<Map<String, Object>> errors) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "/problems/invalid-input", title,
				detail);
		response.getBody().setProperty("errors", errors);
		return response;
	}

	/** A body or a form refused, each error naming its field. */
	public static ResponseEntity<ProblemDetail> invalidInput(List<Map<String, Object>> errors) {
		return badRequest("Invalid input", "invalid input", errors);
	}

	/** Query parameters refused, each error naming its parameter. */
	public static ResponseEntity<ProblemDetail> invalidParameters(List<Map<String, Object>> errors) {
		return badRequest("Invalid parameters", "invalid parameters", errors);
	}

	public static ResponseEntity<ProblemDetail> invalidParameter(String name, String message) {
		return invalidParameters(List.of(parameter(name, message)));
	}

	/** A body that is not JSON, refused at the place it stops being JSON. */
	public static ResponseEntity<ProblemDetail> invalidJson(JsonException ex) {
		return badRequest("Invalid JSON", "invalid JSON",
				List.of(Map.of("line", ex.line(), "column", ex.column(), "message", ex.getMessage())));
	}

	/**
	 * 413: what was sent is above a size limit; the error names the field that carried
	 * it.
	 */
	public static ResponseEntity<ProblemDetail> tooLarge(String field, String message) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.CONTENT_TOO_LARGE, "/problems/too-large",
				"Too large", message);
		response.getBody().setProperty("errors", List.of(field(field, message)));
		return response;
	}

	public static ResponseEntity<ProblemDetail> notFound(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	public static Map<String, Object> error(InputError error) {
		return Map.of("path", error.path(), "line", error.line(), "column", error.column(), "message", error.message());
	}

	/** An error of a field, named first. */
	public static Map<String, Object> field(String name, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", name);
		error.put("message", message);
		return error;
	}

	/**
	 * The date of an {@code asOf} parameter, today when absent, {@code null} when it is
	 * not a date written YYYY-MM-DD of the years 0001 to 9999 ({@code +999999999-12-31}
	 * parses, but no date computed from it does).
	 */
	public static LocalDate date(String asOf) {
		if (asOf == null) {
			return LocalDate.now();
		}
		if (!asOf.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(asOf);
			return date.getYear() >= 1 ? date : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	public static Map<String, Object> badDate(String asOf) {
		return parameter("asOf", "`" + asOf + "` is not a date; write it YYYY-MM-DD, from 0001-01-01 to 9999-12-31");
	}

	public static Map<String, Object> parameter(String name, String message) {
		return Map.of("parameter", name, "message", message);
	}

}
