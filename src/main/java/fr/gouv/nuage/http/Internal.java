package fr.gouv.nuage.http;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What answers a failure that is no refusal of the domain: a 500 whose detail says
 * nothing of the failure, in the caller's language, with a trace that names it in the
 * server's log.
 */
final class Internal {

	private static final Logger log = LoggerFactory.getLogger(Internal.class);

	private Internal() {
	}

	static ResponseEntity<ProblemDetail> failure(HttpServletRequest request, Throwable failure) {
		String trace = UUID.randomUUID().toString();
		log.error("trace {}: {} {} failed", trace, request.getMethod(), request.getRequestURI(), failure);
		Locale language = CallerLanguage.of(request);
		ResponseEntity<ProblemDetail> response = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"/problems/internal", Said.of("http/problems", "internal.title").in(language),
				Said.of("http/problems", "internal.detail", trace).in(language));
		response.getBody().setInstance(URI.create("urn:uuid:" + trace));
		response.getBody().setProperty("trace", trace);
		return response;
	}

}
