package fr.gouv.nuage.http;

import java.util.List;
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
 * The refusals every signed-in endpoint shares, as problem+json: outside the caller's
 * perimeter (403), a version that moved (412) or was not named (428), a transition the
 * workflow does not allow (409), a field the domain refuses (400). Each is raised before
 * anything is written, or rolls its transaction back. It answers for the API's
 * controllers ({@code @RestController}), not for pages. A workflow's refusal is an
 * {@link IllegalStateException} (409), a field it refuses an
 * {@link IllegalArgumentException} written {@code field: message} (400) — when the domain
 * raised them ({@link #refusal}); the same exceptions out of a library or the platform
 * carry texts that are no one's to read: they answer a 500 that says nothing of them
 * ({@link Internal}), logged with the trace it names.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ApiErrors {

	/** The caller may not do this here. */
	public static final class OutOfPerimeter extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public OutOfPerimeter(String message) {
			super(message);
		}

	}

	/** A change asked without {@code If-Match}. */
	public static final class VersionRequired extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public VersionRequired(String message) {
			super(message);
		}

	}

	/** Something asked for does not exist. */
	public static final class Missing extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Missing(String message) {
			super(message);
		}

	}

	@ExceptionHandler(OutOfPerimeter.class)
	ResponseEntity<ProblemDetail> forbidden(OutOfPerimeter ex) {
		return outOfPerimeter(ex.getMessage());
	}

	@ExceptionHandler(Missing.class)
	ResponseEntity<ProblemDetail> missing(Missing ex) {
		return Problems.notFound(ex.getMessage());
	}

	/**
	 * A refusal of the workflow: the aggregate's state does not allow it (archived
	 * project, closed workflow).
	 */
	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<ProblemDetail> conflict(IllegalStateException ex, HttpServletRequest request) {
		return refusal(ex) ? transitionRefused(ex.getMessage()) : Internal.failure(request, ex);
	}

	/**
	 * Whether an exception is the domain's refusal, whose text is written for the caller:
	 * a type of Nuage's ({@code Derogation.Refused}, {@code DeclarationRefused}...), or
	 * one Nuage's own code raised, with a message and no cause. A
	 * {@code NumberFormatException} of the JDK, an exception of a library, a failure
	 * Nuage wraps: none is.
	 */
	static boolean refusal(RuntimeException ex) {
		if (ex.getMessage() == null || ex.getCause() != null) {
			return false;
		}
		if (ex.getClass().getName().startsWith(NUAGE)) {
			return true;
		}
		if (ex.getClass() != IllegalStateException.class && ex.getClass() != IllegalArgumentException.class) {
			return false;
		}
		StackTraceElement[] stack = ex.getStackTrace();
		return stack.length > 0 && stack[0].getClassName().startsWith(NUAGE);
	}

	private static final String NUAGE = "fr.gouv.nuage.";

	public static ResponseEntity<ProblemDetail> outOfPerimeter(String detail) {
		return Problems.problem(HttpStatus.FORBIDDEN, "/problems/out-of-perimeter", "Outside your perimeter", detail);
	}

	public static ResponseEntity<ProblemDetail> transitionRefused(String detail) {
		return Problems.problem(HttpStatus.CONFLICT, "/problems/transition-refused", "Transition refused", detail);
	}

	/** A field the domain refuses, written {@code field: message}. */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> invalid(IllegalArgumentException ex, HttpServletRequest request) {
		if (!refusal(ex)) {
			return Internal.failure(request, ex);
		}
		String message = ex.getMessage();
		int colon = message.indexOf(": ");
		Map<String, Object> error = colon > 0 && message.substring(0, colon).matches("[A-Za-z.]+")
				? Problems.field(message.substring(0, colon), message.substring(colon + 2))
				: Map.of("message", message);
		return Problems.invalidInput(List.of(error));
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
