package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Dating;
import fr.gouv.nuage.catalogue.Evidence;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.Qualification;
import fr.gouv.nuage.catalogue.QualificationReview;
import fr.gouv.nuage.catalogue.QualificationStatus;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.Suggestions;
import fr.gouv.nuage.directory.Perimeter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * DINUM's queue of qualifications to confirm, and its word on them. A qualification past an end
 * nobody confirmed still counts and keeps the offer's class; DINUM checks ANSSI's list and confirms
 * it (the grant or renewal the list shows), corrects it (the grant in force was dated or versioned
 * wrongly) or ends it on a known date, which decides the projects hosted on the offer again. Each
 * review names the offer's version in {@code If-Match}.
 */
@RestController
@Tag(name = ApiDocs.OFFERS)
class QualificationReviewController {


	private final Declarations catalogue;

	private final Clock clock;

	QualificationReviewController(Declarations catalogue, Clock clock) {
		this.catalogue = catalogue;
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
		dinum(caller);
		LocalDate date = Problems.date(asOf);
		if (date == null) {
			return Problems.invalidParameters(List.of(Problems.badDate(asOf)));
		}
		List<Catalogue.Due> due = catalogue.dueForConfirmation(date);
		StringBuilder out = new StringBuilder();
		JsonWriter json = new JsonWriter(out, false).beginObject().name("asOf").value(date.toString()).name("total")
			.value((long) due.size()).name("due").beginArray();
		for (Catalogue.Due d : due) {
			String base = "/api/v1/offers/" + d.offer().id() + "/qualifications/" + d.scheme();
			json.beginObject().name("offerId").value(d.offer().id()).name("provider").value(d.offer().provider())
				.name("service").value(d.offer().service()).name("scheme").value(d.scheme()).name("hostingClass")
				.value(d.offer().hostingClass(date)).name("version").value((long) catalogue.offerVersion(d.offer().id()))
				.name("state");
			CatalogueJson.state(json, d.state());
			json.name("confirm").value(base + "/confirmation").name("correct").value(base + "/correction").name("end")
				.value(base + "/end").endObject();
		}
		json.endArray().endObject();
		return ResponseEntity.ok(out.toString());
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
	ResponseEntity<?> confirm(Perimeter caller, @PathVariable String id, @PathVariable String scheme,
			@RequestBody(required = false) @Schema(implementation = CatalogueSchemas.QualificationConfirmation.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return review(caller, id, scheme, QualificationReview.Action.CONFIRM, body, ifMatch);
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
	ResponseEntity<?> correct(Perimeter caller, @PathVariable String id, @PathVariable String scheme,
			@RequestBody(required = false) @Schema(implementation = CatalogueSchemas.QualificationConfirmation.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return review(caller, id, scheme, QualificationReview.Action.CORRECT, body, ifMatch);
	}

	@Operation(operationId = "endQualification", summary = "End a qualification",
			description = "**Who:** DINUM. The qualification ended on a known date (`status`: EXPIRED, WITHDRAWN or "
					+ "SUSPENDED): the offer loses its trust from that date, and the projects hosted on it are decided again.")
	@ApiResponse(responseCode = "200", description = "The offer, as it stands now",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.OfferView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/api/v1/offers/{id}/qualifications/{scheme}/end", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> end(Perimeter caller, @PathVariable String id,
			@PathVariable @Parameter(description = "The scheme: SECNUMCLOUD, HDS, ISO27001 or OTHER.") String scheme,
			@RequestBody(required = false) @Schema(implementation = CatalogueSchemas.QualificationEnd.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return review(caller, id, scheme, QualificationReview.Action.END, body, ifMatch);
	}

	private ResponseEntity<?> review(Perimeter caller, String id, String scheme, QualificationReview.Action action,
			String text, String ifMatch) {
		dinum(caller);
		Catalogue current = catalogue.current();
		Offer offer = current.offer(id).orElseThrow(() -> new ApiErrors.Missing("no offer `" + id + "`"
				+ Suggestions.didYouMean(id, current.offers().stream().map(Offer::id).toList())));
		Qualification qualification = offer.qualification(scheme).orElseThrow(() -> new ApiErrors.Missing("offer `" + id
				+ "` has no qualification `" + scheme + "`" + Suggestions.didYouMean(scheme,
						offer.qualifications().stream().map(Qualification::scheme).toList())));
		boolean end = action == QualificationReview.Action.END;
		Body body = Body.read(text, end ? List.of("status", "date", "evidence") : List.of("date", "dating", "evidence"),
				end ? List.of("comment") : List.of("schemeVersion", "validUntil", "comment"));
		LocalDate date = body.date("date");
		QualificationStatus status = end ? status(body) : QualificationStatus.QUALIFIED;
		Dating dating = end ? Dating.KNOWN : value(body, "dating", Dating.class);
		Evidence evidence = value(body, "evidence", Evidence.class);
		String version = body.has("schemeVersion") ? body.text("schemeVersion") : null;
		LocalDate until = body.has("validUntil") ? body.date("validUntil") : null;
		String comment = body.has("comment") ? body.text("comment") : null;
		if (version != null && version.length() > 20) {
			body.error("schemeVersion", "a scheme version has at most 20 characters, such as `3.2`");
		}
		if (evidence != null && !evidence.counts()) {
			body.error("evidence", "`single-source` counts for nothing: confirm or end on ANSSI's list (`anssi-list`) "
					+ "or on DINUM's word (`dinum`)");
		}
		body.check();
		int read = Versions.ifMatch(ifMatch);
		QualificationReview review = new QualificationReview(offer.id(), qualification.scheme(), action,
				QualificationReview.event(status, date, dating, version, until, evidence, comment),
				caller.person().email(), comment, clock.instant());
		Catalogue after = catalogue.review(review, read);
		Offer changed = after.offer(offer.id()).orElseThrow();
		StringBuilder out = new StringBuilder();
		CatalogueJson.offer(new JsonWriter(out, false), changed, LocalDate.now(clock));
		return Versions.ok(catalogue.offerVersion(offer.id()), out.toString());
	}

	private static QualificationStatus status(Body body) {
		String value = body.text("status");
		List<String> ends = List.of("EXPIRED", "WITHDRAWN", "SUSPENDED");
		if (value != null && !ends.contains(value)) {
			body.error("status", "an end is " + String.join(", ", ends) + ", not `" + value + "`"
					+ Suggestions.didYouMean(value, ends));
			return null;
		}
		return value == null ? null : QualificationStatus.valueOf(value);
	}

	/** An enum written as in the catalogue file: {@code known}, {@code anssi-list}. */
	private static <E extends Enum<E>> E value(Body body, String field, Class<E> type) {
		String value = body.text(field);
		if (value == null) {
			return null;
		}
		Map<String, E> names = new LinkedHashMap<>();
		for (E constant : type.getEnumConstants()) {
			names.put(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'), constant);
		}
		E found = names.get(value);
		if (found == null) {
			body.error(field, "`" + value + "` is not one of " + String.join(", ", names.keySet())
					+ Suggestions.didYouMean(value, names.keySet()));
		}
		return found;
	}

	private static void dinum(Perimeter caller) {
		if (!caller.dinum()) {
			throw new ApiErrors.OutOfPerimeter("only DINUM confirms, corrects or ends a qualification");
		}
	}
}
