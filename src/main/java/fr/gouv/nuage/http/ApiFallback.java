package fr.gouv.nuage.http;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * On the API, what no advice answered, as problem+json: Spring's own refusals (405, 415,
 * 406, 404, a missing parameter or header) with their status and detail, a body that
 * cannot be read, and every other failure as a 500 that reveals nothing
 * ({@link Internal}). It runs after the advices, before Spring's defaults; pages keep
 * those.
 */
class ApiFallback implements HandlerExceptionResolver {

	private final ProblemWriter writer;

	ApiFallback(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!ProblemWriter.api(request) || response.isCommitted()) {
			return null;
		}
		try {
			writer.write(request, response, problem(request, ex));
		}
		catch (IOException written) {
			return null;
		}
		return new ModelAndView();
	}

	static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, Exception ex) {
		if (ex instanceof HttpMessageNotReadableException unreadable) {
			return unreadable(unreadable);
		}
		if (ex instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
			return Problems.invalidParameter(mismatch.getPropertyName(),
					"`" + mismatch.getValue() + "` is not a valid value");
		}
		if (ex instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
			HttpStatusCode status = refused.getStatusCode();
			ProblemDetail spring = refused.getBody();
			HttpStatus known = HttpStatus.resolve(status.value());
			String title = known == null ? "Refused" : known.getReasonPhrase();
			String detail = spring.getDetail() == null ? title : spring.getDetail();
			ResponseEntity<ProblemDetail> problem = Problems.problem(known == null ? HttpStatus.BAD_REQUEST : known,
					"/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, detail);
			return ResponseEntity.status(problem.getStatusCode())
				.headers(refused.getHeaders())
				.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem.getBody());
		}
		return Internal.failure(request, ex);
	}

	/**
	 * A body refused before a handler could read it: too large, too slow, absent, or not
	 * what its content type says.
	 */
	static ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyLimit.Exceeded exceeded) {
				return exceeded.tooSlow() ? Problems.problem(HttpStatus.REQUEST_TIMEOUT, "/problems/too-slow",
						"Too slow", exceeded.getMessage()) : Problems.tooLarge("body", exceeded.getMessage());
			}
		}
		String message = ex.getMessage() == null ? "" : ex.getMessage();
		if (message.startsWith("Required request body is missing")) {
			return Problems.invalidInput(List.of(Problems.field("body", "this request takes a body; none was sent")));
		}
		if (ex.getCause() instanceof IOException) {
			// The connection broke while the body came: nothing was read, nothing to say
			// of the body.
			return Problems.invalidInput(List.of(Problems.field("body", "the body could not be read whole")));
		}
		return Problems.invalidInput(
				List.of(Problems.field("body", "the body is not what its Content-Type says: it cannot be read")));
	}

}
