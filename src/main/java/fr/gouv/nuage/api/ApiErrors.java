package fr.gouv.nuage.api;

import java.util.List;
import java.util.Map;

import fr.gouv.nuage.catalogue.declarations.DeclarationRefused;
import fr.gouv.nuage.projects.Documents;
import fr.gouv.nuage.projects.directory.Directory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The refusals every signed-in endpoint shares, as problem+json: outside the caller's perimeter
 * (403), a version that moved (412) or was not named (428), a transition the workflow does not allow
 * (409), a field the directory refuses (400). Each is raised before anything is written, or rolls
 * its transaction back.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

	/** The caller may not do this here. */
	static final class OutOfPerimeter extends RuntimeException {

		private static final long serialVersionUID = 1L;

		OutOfPerimeter(String message) {
			super(message);
		}
	}

	/** A change asked without {@code If-Match}. */
	static final class VersionRequired extends RuntimeException {

		private static final long serialVersionUID = 1L;

		VersionRequired(String message) {
			super(message);
		}
	}

	/** Something asked for does not exist. */
	static final class Missing extends RuntimeException {

		private static final long serialVersionUID = 1L;

		Missing(String message) {
			super(message);
		}
	}

	@ExceptionHandler(OutOfPerimeter.class)
	ResponseEntity<ProblemDetail> forbidden(OutOfPerimeter ex) {
		return outOfPerimeter(ex.getMessage());
	}

	/** A refusal by a declaration itself: the actor may not (403), or its state does not allow it (409). */
	@ExceptionHandler(DeclarationRefused.class)
	ResponseEntity<ProblemDetail> declarationRefused(DeclarationRefused ex) {
		return ex.forbidden() ? outOfPerimeter(ex.getMessage()) : transitionRefused(ex.getMessage());
	}

	@ExceptionHandler(Missing.class)
	ResponseEntity<ProblemDetail> missing(Missing ex) {
		return Problems.notFound(ex.getMessage());
	}

	/** A refusal of the workflow: the aggregate's state does not allow it (archived project, closed workflow). */
	@ExceptionHandler({ IllegalStateException.class, fr.gouv.nuage.projects.Control.Refused.class,
			fr.gouv.nuage.projects.Derogation.Refused.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException ex) {
		return transitionRefused(ex.getMessage());
	}

	private static ResponseEntity<ProblemDetail> outOfPerimeter(String detail) {
		return Problems.problem(HttpStatus.FORBIDDEN, "/problems/out-of-perimeter", "Outside your perimeter", detail);
	}

	private static ResponseEntity<ProblemDetail> transitionRefused(String detail) {
		return Problems.problem(HttpStatus.CONFLICT, "/problems/transition-refused", "Transition refused", detail);
	}

	/** A field the domain refuses, written {@code field: message}. */
	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> invalid(IllegalArgumentException ex) {
		String message = ex.getMessage() == null ? "invalid input" : ex.getMessage();
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
		return Problems.problem(HttpStatus.PRECONDITION_FAILED, "/problems/stale-version", "Changed meanwhile", ex.getMessage());
	}

	@ExceptionHandler(Directory.Refused.class)
	ResponseEntity<ProblemDetail> refused(Directory.Refused ex) {
		return Problems.invalidInput(List.of(Problems.field(ex.field(), ex.getMessage().substring(ex.field().length() + 2))));
	}

	/** A path or query value of the wrong type (an id that is no UUID, a page that is no number). */
	@ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mistyped(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException ex) {
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

	/**
	 * An upload above the multipart limits, refused while the request is read: before a handler is
	 * chosen, when the advice above — bound to this package's controllers — is not consulted. This
	 * one answers for every path, and leaves those outside the API to the default handling.
	 */
	@RestControllerAdvice
	static class UploadLimits {

		/** Looked up when needed, so that slices without the documents still start. */
		private final ObjectProvider<Documents> documents;

		UploadLimits(ObjectProvider<Documents> documents) {
			this.documents = documents;
		}

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
				throws MaxUploadSizeExceededException {
			if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				throw ex;
			}
			Documents store = documents.getIfAvailable();
			String message = store == null ? "the upload is above the size this server reads"
					: "the upload is above the size this server reads: a document is at most "
							+ megabytes(store.settings().maxSize().toBytes());
			return Problems.tooLarge("file", message);
		}

		private static String megabytes(long bytes) {
			return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
					: bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
		}
	}
}
