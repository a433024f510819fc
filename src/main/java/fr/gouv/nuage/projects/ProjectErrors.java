package fr.gouv.nuage.projects;

import fr.gouv.nuage.http.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A project named that does not exist, wherever an endpoint names it: 404 as
 * problem+json.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProjectErrors {

	@ExceptionHandler(NoSuchProject.class)
	ResponseEntity<ProblemDetail> missing(NoSuchProject ex) {
		return Problems.notFound(ex.getMessage());
	}

}
