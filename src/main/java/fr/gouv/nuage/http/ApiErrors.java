package fr.gouv.nuage.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.annotation.RestController;

/**
 * The refusals every signed-in endpoint shares, as problem+json, in the caller's
 * language: the domain's own {@link Refusal}s — outside the caller's perimeter (403), a
 * transition the workflow does not allow (409), a field the domain refuses (400),
 * something that does not exist (404) — and a version that moved (412) or was not named
 * (428). Each is raised before anything is written, or rolls its transaction back. It
 * answers for the API's controllers ({@code @RestController}), not for pages. Any other
 * {@link IllegalStateException} or {@link IllegalArgumentException}, whoever raised it,
 * carries a text that is no one's to read: it answers a 500 that says nothing of it
 * ({@link Internal}), logged with the trace it names.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {

	/** A change asked without {@code If-Match}. */
	public static final class VersionRequired extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public VersionRequired(String message) {
			super(message);
		}

	}

	/** Something asked for does not exist. */
	public static final class Missing extends Refusal {

		private static final long serialVersionUID = 1L;

		public Missing(Said said) {
			super(Kind.NOT_FOUND, null, said);
		}

	}

	/** A refusal of the domain, answered in the caller's language. */
	@ExceptionHandler(Refusal.class)
	ResponseEntity<ProblemDetail> refused(Refusal ex, HttpServletRequest request) {
		Locale language = CallerLanguage.of(request);
		String text = ex.text(language);
		return switch (ex.kind()) {
			case INVALID -> Problems.invalidInput(ex.fields().isEmpty() ? List.of(Map.of("message", text))
					: ex.fields().stream().map(f -> Problems.field(f.name(), f.said().in(language))).toList());
			case FORBIDDEN -> outOfPerimeter(text);
			case NOT_FOUND -> Problems.notFound(text);
			case CONFLICT -> transitionRefused(text);
			case TOO_LARGE -> Problems.tooLarge(ex.field(), text);
		};
	}

	/** No refusal of the domain: a fault, whose text is no one's to read. */
	@ExceptionHandler({ IllegalStateException.class, IllegalArgumentException.class })
	ResponseEntity<ProblemDetail> fault(RuntimeException ex, HttpServletRequest request) {
		return Internal.failure(request, ex);
	}

	public static ResponseEntity<ProblemDetail> outOfPerimeter(String detail) {
		return Problems.problem(HttpStatus.FORBIDDEN, "/problems/out-of-perimeter", "Outside your perimeter", detail);
	}

	public static ResponseEntity<ProblemDetail> transitionRefused(String detail) {
		return Problems.problem(HttpStatus.CONFLICT, "/problems/transition-refused", "Transition refused", detail);
	}

	@ExceptionHandler(VersionRequired.class)
	ResponseEntity<ProblemDetail> versionRequired(VersionRequired ex) {
		return Problems.problem(HttpStatus.PRECONDITION_REQUIRED, "/problems/if-match-required", "If-Match required",
				ex.getMessage());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException ex) {
		return Problems.problem(HttpStatus.PRECONDITION_FAILED, "/problems/stale-version", "Changed meanwhile",
				ex.getMessage());
	}

	/**
	 * A path or query value of the wrong type (an id that is no UUID, a page that is no
	 * number).
	 */
	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mistyped(
			org.springframework.web.method.annotation.MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String expected = type == java.util.UUID.class ? "an identifier (UUID)"
				: type == int.class || type == Integer.class || type == long.class ? "a whole number"
						: type == boolean.class || type == Boolean.class ? "true or false" : "a valid value";
		return Problems.invalidParameter(ex.getName(), "`" + ex.getValue() + "` is not " + expected);
	}

	/** A request body read strictly, refused with each field named. */
	@ExceptionHandler(Body.Invalid.class)
	ResponseEntity<ProblemDetail> invalidBody(Body.Invalid ex) {
		return Problems.invalidInput(ex.errors());
	}

}
