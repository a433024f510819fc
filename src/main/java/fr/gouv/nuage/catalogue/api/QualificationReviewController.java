package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.Dating;
import fr.gouv.nuage.catalogue.Evidence;
import fr.gouv.nuage.catalogue.QualificationEvent;
import fr.gouv.nuage.catalogue.QualificationReview;
import fr.gouv.nuage.catalogue.QualificationStatus;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.DueQueue;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.QualificationConfirmation;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.QualificationEnd;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.WrittenOffer;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * DINUM's queue of qualifications to confirm, and its word on them. A qualification past
 * an end nobody confirmed still counts and keeps the offer's class; DINUM checks ANSSI's
 * list and confirms it (the grant or renewal the list shows), corrects it (the grant in
 * force was dated or versioned wrongly) or ends it on a known date, which decides the
 * projects hosted on the offer again. Each review names the offer's version in
 * {@code If-Match}; that only DINUM reviews, the declarations decide.
 */
@RestController
@Tag(name = ApiDocs.OFFERS)
class QualificationReviewController {

	private final Declarations catalogue;

	private final AbsentBodies absent;

	private final Clock clock;

	QualificationReviewController(Declarations catalogue, AbsentBodies absent, Clock clock) {
		this.catalogue = catalogue;
		this.absent = absent;
		this.clock = clock;
	}

	@Operation(operationId = "listQualificationsToConfirm", summary = "List the qualifications to confirm",
			description = "**Who:** DINUM. The qualifications past an end nobody confirmed on `asOf` (default today): "
					+ "their date was estimated or their renewal is unknown, so they still count and the offer keeps its "
					+ "class, but they are to be checked on ANSSI's list and confirmed, corrected or ended. The longest "
					+ "overdue first.")
	@ApiResponse(responseCode = "200", description = "The queue",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.DueQueue.class)))
	@GetMapping(path = "/api/v1/qualifications/due", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> due(Perimeter caller, @RequestParam(required = false) String asOf) {
		LocalDate date = Problems.date(asOf);
		if (date == null) {
			return Problems.invalidParameters(List.of(Problems.badDate(asOf)));
		}
		List<Catalogue.Due> due = catalogue.dueForConfirmation(caller, date);
		return ResponseEntity.ok(new DueQueue(date, due.size(),
				due.stream()
					.map(d -> CatalogueSchemas.Due.of(d, date, catalogue.offerVersion(d.offer().id())))
					.toList()));
	}

	@Operation(operationId = "confirmQualification", summary = "Confirm a qualification",
			description = "**Who:** DINUM. The offer is still qualified: record the grant or renewal ANSSI's list shows, "
					+ "dated as the list dates it (`dating`: `known`, or `estimated` when the list gives no day), with its "
					+ "scheme version and, when the list gives it, the last day of its validity (`validUntil`).")
	@ApiResponse(responseCode = "200", description = "The offer, as it stands now",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.OfferView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/api/v1/offers/{id}/qualifications/{scheme}/confirmation",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WrittenOffer> confirm(Perimeter caller, @PathVariable String id, @PathVariable String scheme,
			@RequestBody(required = false) QualificationConfirmation body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return granted(caller, id, scheme, QualificationReview.Action.CONFIRM, body, ifMatch);
	}

	@Operation(operationId = "correctQualification", summary = "Correct a qualification",
			description = "**Who:** DINUM. The grant in force was dated or versioned wrongly: it is replaced by the one "
					+ "ANSSI's list shows. The offer's class on today's date follows; the projects on it are decided again "
					+ "only if it changes.")
	@ApiResponse(responseCode = "200", description = "The offer, as it stands now",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.OfferView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/api/v1/offers/{id}/qualifications/{scheme}/correction",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WrittenOffer> correct(Perimeter caller, @PathVariable String id, @PathVariable String scheme,
			@RequestBody(required = false) QualificationConfirmation body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return granted(caller, id, scheme, QualificationReview.Action.CORRECT, body, ifMatch);
	}

	@Operation(operationId = "endQualification", summary = "End a qualification",
			description = "**Who:** DINUM. The qualification ended on a known date (`status`: EXPIRED, WITHDRAWN or "
					+ "SUSPENDED): the offer loses its trust from that date, and the projects hosted on it are decided again.")
	@ApiResponse(responseCode = "200", description = "The offer, as it stands now",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.OfferView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/api/v1/offers/{id}/qualifications/{scheme}/end", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<WrittenOffer> end(Perimeter caller, @PathVariable String id,
			@PathVariable @Parameter(description = "The scheme: SECNUMCLOUD, HDS, ISO27001 or OTHER.") String scheme,
			@RequestBody(required = false) QualificationEnd body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		QualificationEnd end = absent.orEmpty(body, QualificationEnd.class);
		QualificationEvent event = QualificationReview.event(QualificationStatus.valueOf(end.status()), end.date(),
				Dating.KNOWN, null, null, value(end.evidence(), Evidence.class), end.comment());
		return review(caller, id, scheme, QualificationReview.Action.END, event, end.comment(), ifMatch);
	}

	/** A confirmation or a correction: the grant ANSSI's list shows. */
	private ResponseEntity<WrittenOffer> granted(Perimeter caller, String id, String scheme,
			QualificationReview.Action action, QualificationConfirmation body, String ifMatch) {
		QualificationConfirmation grant = absent.orEmpty(body, QualificationConfirmation.class);
		QualificationEvent event = QualificationReview.event(QualificationStatus.QUALIFIED, grant.date(),
				value(grant.dating(), Dating.class), grant.schemeVersion(), grant.validUntil(),
				value(grant.evidence(), Evidence.class), grant.comment());
		return review(caller, id, scheme, action, event, grant.comment(), ifMatch);
	}

	/**
	 * The review, on the version of the offer the caller read; the offer as it stands
	 * now.
	 */
	private ResponseEntity<WrittenOffer> review(Perimeter caller, String id, String scheme,
			QualificationReview.Action action, QualificationEvent event, String comment, String ifMatch) {
		Catalogue after = catalogue.review(caller, id, scheme, action, event, comment, Versions.ifMatch(ifMatch));
		return Versions.ok(catalogue.offerVersion(id),
				WrittenOffer.of(after.offer(id).orElseThrow(), LocalDate.now(clock)));
	}

	/**
	 * An enum written as in the catalogue file ({@code known}, {@code anssi-list}),
	 * already checked by the body.
	 */
	private static <E extends Enum<E>> E value(String written, Class<E> type) {
		return Enum.valueOf(type, written.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
