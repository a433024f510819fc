package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.declarations.NotFound;
import fr.gouv.nuage.http.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What a step of the declarations names and does not exist (404). Their other refusals
 * are the shared ones: who may not act ({@code NotAllowed}, 403), a state that does not
 * allow it ({@code DeclarationRefused}, 409).
 */
@RestControllerAdvice(assignableTypes = { DeclarationController.class, QualificationReviewController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueErrors {

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return Problems.notFound(ex.getMessage());
	}

}
