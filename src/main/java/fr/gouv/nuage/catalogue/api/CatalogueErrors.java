package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.declarations.DeclarationRefused;
import fr.gouv.nuage.http.ApiErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refusal by a declaration itself: the actor may not (403), or its state does not allow it (409). */
@RestControllerAdvice(assignableTypes = { DeclarationController.class, QualificationReviewController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogueErrors {

	@ExceptionHandler(DeclarationRefused.class)
	ResponseEntity<ProblemDetail> declarationRefused(DeclarationRefused ex) {
		return ex.forbidden() ? ApiErrors.outOfPerimeter(ex.getMessage()) : ApiErrors.transitionRefused(ex.getMessage());
	}
}
