package fr.gouv.nuage.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.InputError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Errors as problem+json, each bad field named with what was expected. */
final class Problems {

	private Problems() {
	}

	static ResponseEntity<ProblemDetail> badRequest(String title, String detail, List<Map<String, Object>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("/problems/invalid-input"));
		problem.setTitle(title);
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static ResponseEntity<ProblemDetail> notFound(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	static Map<String, Object> error(InputError error) {
		return Map.of("path", error.path(), "line", error.line(), "column", error.column(), "message", error.message());
	}

	/** The date of an {@code asOf} parameter, today when absent, {@code null} when it is not a date. */
	static LocalDate date(String asOf) {
		try {
			return asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static Map<String, Object> badDate(String asOf) {
		return parameter("asOf", "`" + asOf + "` is not a date; write it YYYY-MM-DD");
	}

	static Map<String, Object> parameter(String name, String message) {
		return Map.of("parameter", name, "message", message);
	}
}
