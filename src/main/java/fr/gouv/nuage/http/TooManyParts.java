package fr.gouv.nuage.http;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart request with more parts than the server reads
 * ({@code server.tomcat.max-part-count}) is refused for that, 413 naming the limit:
 * Spring reports it as a multipart failure, or as a size passed, which it is not. It runs
 * before the advices, on the API only.
 */
class TooManyParts implements HandlerExceptionResolver {

	private final ProblemWriter writer;

	TooManyParts(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!(ex instanceof MultipartException) || !ProblemWriter.api(request) || response.isCommitted()) {
			return null;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof FileCountLimitExceededException count) {
				String message = "the request has more than the " + count.getLimit()
						+ " parts this server reads: send the document and its fields only";
				var problem = Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "/problems/too-many-parts",
						"Too many parts", message);
				problem.getBody().setProperty("errors", java.util.List.of(Problems.field("parts", message)));
				try {
					writer.write(request, response, problem);
				}
				catch (IOException written) {
					return null;
				}
				return new ModelAndView();
			}
		}
		return null;
	}

}
