package fr.gouv.nuage.directory;

import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A step the caller's perimeter does not allow, refused by a workflow: 403 as
 * problem+json; and someone or something the directory does not hold: 404.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DirectoryErrors {

	@ExceptionHandler(Directory.Unknown.class)
	ResponseEntity<ProblemDetail> unknown(Directory.Unknown ex) {
		return Problems.notFound(ex.getMessage());
	}

}
