package fr.gouv.nuage.derogations;

import fr.gouv.nuage.derogations.DerogationSchemas.AcceptableOffer;
import fr.gouv.nuage.derogations.DerogationSchemas.DerogationPage;
import fr.gouv.nuage.derogations.DerogationSchemas.DerogationRefusal;
import fr.gouv.nuage.derogations.DerogationSchemas.DerogationRequest;
import fr.gouv.nuage.derogations.DerogationSchemas.DerogationSummary;
import fr.gouv.nuage.derogations.DerogationSchemas.DerogationView;
import fr.gouv.nuage.documents.DocumentChecks;
import fr.gouv.nuage.http.Schemas;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.documents.DocumentPurpose;
import fr.gouv.nuage.documents.Documents;
import fr.gouv.nuage.projects.Page;
import fr.gouv.nuage.projects.Projects;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Derogations: requested and withdrawn by the project's agents, approved or refused by
 * the minister (the ministry's controller), validated or refused for R9 by the Prime
 * Minister's office, given an end by DINUM or the controller once an acceptable offer
 * exists. They are read by whoever sees the project, and all of them by DINUM and the
 * Prime Minister's office. Who may act is the workflow's to say ({@link Derogations}
 * takes the caller's perimeter), never the request's nor this controller's. A
 * derogation's version is its ETag, and every step names it in {@code If-Match}, read
 * once the caller is known to hold the step's role.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.DEROGATIONS)
class DerogationController {

	private final Derogations derogations;

	private final Projects projects;

	private final Documents documents;

	DerogationController(Derogations derogations, Projects projects, Documents documents) {
		this.derogations = derogations;
		this.projects = projects;
		this.documents = documents;
	}

	@Operation(operationId = "requestDerogation", summary = "Request a derogation",
			description = "**Who:** the agents of the project's organisation. Asks to derogate from a rule of the "
					+ "doctrine on the project's latest decision; a derogation from R9 names the document that proves "
					+ "guarantees of SecNumCloud level. The minister decides first.")
	@ApiResponse(responseCode = "201", description = "The derogation, requested",
			content = @Content(schema = @Schema(implementation = DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/projects/{id}/derogations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DerogationView> request(Perimeter caller, @PathVariable UUID id,
			@RequestBody DerogationRequest body) {
		projects.owner(id);
		if (body.proofOfGuarantees() != null) {
			// A field of the body as the others: a proof that is not the project's is
			// refused as input.
			DocumentChecks.stored(documents, "proofOfGuarantees", body.proofOfGuarantees(), id,
					DocumentPurpose.PROOF_OF_GUARANTEES);
		}
		Derogation derogation = derogations.request(caller, id, body.rule(), body.justification(),
				body.proofOfGuarantees());
		return Versions.created("/api/v1/derogations/" + derogation.id(), derogation.version(),
				DerogationView.of(derogation));
	}

	@Operation(operationId = "listDerogations", summary = "List the derogations of the caller's perimeter",
			description = "**Who:** anyone signed in; DINUM and the Prime Minister's office see all, others those of "
					+ "the projects they see.")
	@ApiResponse(responseCode = "200", description = "A page of derogations",
			content = @Content(schema = @Schema(implementation = DerogationPage.class)))
	@GetMapping("/derogations")
	ResponseEntity<?> list(Perimeter caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size,
			@RequestParam(required = false) @Parameter(description = "Only the derogations in this status.",
					schema = @Schema(implementation = DerogationStatus.class)) String status) {
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		DerogationStatus wanted = null;
		if (status != null) {
			try {
				wanted = DerogationStatus.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				return Problems.invalidParameter("status", "`" + status
						+ "` is not a status: REQUESTED, APPROVED_BY_MINISTER, GRANTED, REFUSED, WITHDRAWN or EXPIRED");
			}
		}
		Page<Derogation> found = derogations.page(caller, wanted, page, size);
		return ResponseEntity.ok(new DerogationPage(page, size, found.total(),
				found.items().stream().map(DerogationSummary::of).toList()));
	}

	@Operation(operationId = "getDerogation", summary = "Read a derogation",
			description = "**Who:** whoever sees the project, and the Prime Minister's office. Its status, steps and, "
					+ "once an acceptable offer exists, when it ends.")
	@ApiResponse(responseCode = "200", description = "The derogation",
			content = @Content(schema = @Schema(implementation = DerogationView.class)))
	@ApiDocs.Versioned
	@GetMapping("/derogations/{id}")
	ResponseEntity<DerogationView> show(Perimeter caller, @PathVariable UUID id) {
		return ok(seen(caller, id));
	}

	@Operation(operationId = "approveDerogation", summary = "Approve a derogation for the minister",
			description = "**Who:** the controllers of the project's ministry, for the minister. A derogation from R9 "
					+ "then awaits the Prime Minister's office; any other is granted. Takes no field.")
	@ApiResponse(responseCode = "200", description = "The derogation, approved",
			content = @Content(schema = @Schema(implementation = DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping("/derogations/{id}/minister-approval")
	ResponseEntity<DerogationView> approve(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		seen(caller, id);
		Body.empty(body);
		return ok(derogations.approveByMinister(id, caller, () -> Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "validateDerogation", summary = "Validate a derogation from R9",
			description = "**Who:** the Prime Minister's office, once the minister approved a derogation from R9, which "
					+ "it grants. Takes no field.")
	@ApiResponse(responseCode = "200", description = "The derogation, granted",
			content = @Content(schema = @Schema(implementation = DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping("/derogations/{id}/prime-minister-validation")
	ResponseEntity<DerogationView> validate(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		seen(caller, id);
		Body.empty(body);
		return ok(derogations.validateByPrimeMinister(id, caller, () -> Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "refuseDerogation", summary = "Refuse a derogation",
			description = "**Who:** the controllers of the project's ministry, for the minister, while it is requested; "
					+ "the Prime Minister's office once the minister approved one from R9. Says why.")
	@ApiResponse(responseCode = "200", description = "The derogation, refused",
			content = @Content(schema = @Schema(implementation = DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/derogations/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DerogationView> refuse(Perimeter caller, @PathVariable UUID id, @RequestBody DerogationRefusal body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		seen(caller, id);
		return ok(derogations.refuse(id, body.reason(), caller, () -> Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "withdrawDerogation", summary = "Withdraw a derogation",
			description = "**Who:** the agents of the project's organisation, while it awaits a decision "
					+ "(REQUESTED or APPROVED_BY_MINISTER). Takes no field.")
	@ApiResponse(responseCode = "200", description = "The derogation, withdrawn",
			content = @Content(schema = @Schema(implementation = DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping("/derogations/{id}/withdrawal")
	ResponseEntity<DerogationView> withdraw(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		seen(caller, id);
		Body.empty(body);
		return ok(derogations.withdraw(id, caller, () -> Versions.ifMatch(ifMatch)));
	}

	/**
	 * An acceptable offer exists since a date: the derogation ends 12 months later at the
	 * latest.
	 */
	@Operation(operationId = "declareAcceptableOffer", summary = "Say an acceptable offer exists",
			description = "**Who:** DINUM, or the controllers of the project's ministry, on a granted derogation. It "
					+ "ends 12 months after `since` at the latest.")
	@ApiResponse(responseCode = "200", description = "The derogation, with its end",
			content = @Content(schema = @Schema(implementation = DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/derogations/{id}/acceptable-offer", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DerogationView> acceptableOffer(Perimeter caller, @PathVariable UUID id,
			@RequestBody AcceptableOffer body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		seen(caller, id);
		return ok(derogations.acceptableOfferAvailable(id, body.since(), caller, () -> Versions.ifMatch(ifMatch)));
	}

	/**
	 * The derogation, 404 when there is none; the workflow refuses a caller outside its
	 * perimeter.
	 */
	private Derogation seen(Perimeter caller, UUID id) {
		return derogations.find(caller, id)
			.orElseThrow(() -> new ApiErrors.Missing(Derogation.said("no-derogation", id)));
	}

	private static ResponseEntity<DerogationView> ok(Derogation derogation) {
		return Versions.ok(derogation.version(), DerogationView.of(derogation));
	}

}
