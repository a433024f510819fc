package fr.gouv.nuage.derogations;

import fr.gouv.nuage.documents.DocumentChecks;
import fr.gouv.nuage.http.Schemas;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Steps;
import fr.gouv.nuage.http.Versions;
import fr.gouv.nuage.projects.ProjectChecks;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Derogations: requested and withdrawn by the project's agents, approved or refused by the minister
 * (the ministry's controller), validated or refused for R9 by the Prime Minister's office, given an
 * end by DINUM or the controller once an acceptable offer exists. They are read by whoever sees the
 * project, and all of them by DINUM and the Prime Minister's office. The role is taken from the
 * caller's perimeter and the step, never from the request. A derogation's version is its ETag, and
 * every step names it in {@code If-Match}.
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
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/projects/{id}/derogations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> request(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = DerogationSchemas.DerogationRequest.class) String body) {
		ProjectChecks.agent(caller, ProjectChecks.organisation(projects, id));
		Body in = Body.read(body, List.of("rule", "justification"), List.of("proofOfGuarantees"));
		String rule = in.text("rule");
		if (rule != null && !rule.matches("R\\d{1,2}")) {
			in.error("rule", "`" + rule + "` is not a rule of the doctrine: cite it as `R9`");
		}
		String justification = in.text("justification");
		UUID proof = in.id("proofOfGuarantees");
		if (proof != null) {
			DocumentChecks.stored(documents, in, "proofOfGuarantees", proof, id, DocumentPurpose.PROOF_OF_GUARANTEES);
		}
		else if ("R9".equals(rule) && !in.has("proofOfGuarantees")) {
			in.error("proofOfGuarantees", "a derogation from R9 proves SecNumCloud-level guarantees: name the document that does");
		}
		in.check();
		Derogation derogation = derogations.request(id, rule, justification, proof == null ? null : proof.toString(),
				caller.person().email());
		return Versions.created("/api/v1/derogations/" + derogation.id(), derogation.version(), detail(derogation));
	}

	@Operation(operationId = "listDerogations", summary = "List the derogations of the caller's perimeter",
			description = "**Who:** anyone signed in; DINUM and the Prime Minister's office see all, others those of "
					+ "the projects they see.")
	@ApiResponse(responseCode = "200", description = "A page of derogations",
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationPage.class)))
	@GetMapping("/derogations")
	ResponseEntity<?> list(Perimeter caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(required = false)
			@Parameter(description = "Only the derogations in this status.",
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
				return Problems.invalidParameter("status",
						"`" + status + "` is not a status: REQUESTED, APPROVED_BY_MINISTER, GRANTED, REFUSED, WITHDRAWN or EXPIRED");
			}
		}
		Page<Derogation> found = derogations.page(caller, wanted, page, size);
		return ResponseEntity.ok(Pages.body(page, size, found.total(), "derogations",
				found.items().stream().map(DerogationController::summary).toList()));
	}

	@Operation(operationId = "getDerogation", summary = "Read a derogation",
			description = "**Who:** whoever sees the project, and the Prime Minister's office. Its status, steps and, "
					+ "once an acceptable offer exists, when it ends.")
	@ApiResponse(responseCode = "200", description = "The derogation",
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationView.class)))
	@ApiDocs.Versioned
	@GetMapping("/derogations/{id}")
	ResponseEntity<?> show(Perimeter caller, @PathVariable UUID id) {
		return ok(visible(caller, id).derogation());
	}

	@Operation(operationId = "approveDerogation", summary = "Approve a derogation for the minister",
			description = "**Who:** the controllers of the project's ministry, for the minister. A derogation from R9 "
					+ "then awaits the Prime Minister's office; any other is granted. Takes no field.")
	@ApiResponse(responseCode = "200", description = "The derogation, approved",
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping("/derogations/{id}/minister-approval")
	ResponseEntity<?> approve(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Visible visible = visible(caller, id);
		if (!caller.controls(visible.organisation())) {
			throw new ApiErrors.OutOfPerimeter("the minister in charge of the project approves its derogation: the controllers of its ministry");
		}
		Body.empty(body);
		return ok(derogations.approveByMinister(id, caller.person().email(), Derogation.Role.MINISTER,
				Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "validateDerogation", summary = "Validate a derogation from R9",
			description = "**Who:** the Prime Minister's office, once the minister approved a derogation from R9, which "
					+ "it grants. Takes no field.")
	@ApiResponse(responseCode = "200", description = "The derogation, granted",
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping("/derogations/{id}/prime-minister-validation")
	ResponseEntity<?> validate(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		visible(caller, id);
		if (!caller.primeMinisterOffice()) {
			throw new ApiErrors.OutOfPerimeter("the Prime Minister's office validates a derogation from R9");
		}
		Body.empty(body);
		return ok(derogations.validateByPrimeMinister(id, caller.person().email(), Derogation.Role.PRIME_MINISTER_OFFICE,
				Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "refuseDerogation", summary = "Refuse a derogation",
			description = "**Who:** the controllers of the project's ministry, for the minister, while it is requested; "
					+ "the Prime Minister's office once the minister approved one from R9. Says why.")
	@ApiResponse(responseCode = "200", description = "The derogation, refused",
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/derogations/{id}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> refuse(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = DerogationSchemas.DerogationRefusal.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Visible visible = visible(caller, id);
		Derogation.Role role = refuser(caller, visible);
		Body in = Body.read(body, List.of("reason"), List.of());
		String reason = in.text("reason");
		in.check();
		return ok(derogations.refuse(id, reason, caller.person().email(), role, Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "withdrawDerogation", summary = "Withdraw a derogation",
			description = "**Who:** the agents of the project's organisation, while it awaits a decision "
					+ "(REQUESTED or APPROVED_BY_MINISTER). Takes no field.")
	@ApiResponse(responseCode = "200", description = "The derogation, withdrawn",
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping("/derogations/{id}/withdrawal")
	ResponseEntity<?> withdraw(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Visible visible = visible(caller, id);
		ProjectChecks.agent(caller, visible.organisation());
		Body.empty(body);
		return ok(derogations.withdraw(id, caller.person().email(), Derogation.Role.PROJECT_AUTHORITY,
				Versions.ifMatch(ifMatch)));
	}

	/** An acceptable offer exists since a date: the derogation ends 12 months later at the latest. */
	@Operation(operationId = "declareAcceptableOffer", summary = "Say an acceptable offer exists",
			description = "**Who:** DINUM, or the controllers of the project's ministry, on a granted derogation. It "
					+ "ends 12 months after `since` at the latest.")
	@ApiResponse(responseCode = "200", description = "The derogation, with its end",
			content = @Content(schema = @Schema(implementation = DerogationSchemas.DerogationView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/derogations/{id}/acceptable-offer", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> acceptableOffer(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = DerogationSchemas.AcceptableOffer.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Visible visible = visible(caller, id);
		if (!caller.dinum() && !caller.controls(visible.organisation())) {
			throw new ApiErrors.OutOfPerimeter("DINUM or the ministry's controller says when an acceptable offer exists");
		}
		Body in = Body.read(body, List.of("since"), List.of());
		LocalDate since = in.date("since");
		in.check();
		return ok(derogations.acceptableOfferAvailable(id, since, caller.person().email(), Versions.ifMatch(ifMatch)));
	}

	/**
	 * Who refuses: the minister while the derogation is requested, the Prime Minister's office once
	 * the minister approved one from R9. A caller holding one of these roles only acts with it, and
	 * the workflow says when it is not the step's.
	 */
	private static Derogation.Role refuser(Perimeter caller, Visible visible) {
		boolean minister = caller.controls(visible.organisation());
		boolean primeMinister = caller.primeMinisterOffice();
		if (!minister && !primeMinister) {
			throw new ApiErrors.OutOfPerimeter(
					"the minister in charge of the project, or the Prime Minister's office for R9, refuses a derogation");
		}
		if (minister && primeMinister) {
			return visible.derogation().status() == DerogationStatus.APPROVED_BY_MINISTER
					? Derogation.Role.PRIME_MINISTER_OFFICE : Derogation.Role.MINISTER;
		}
		return minister ? Derogation.Role.MINISTER : Derogation.Role.PRIME_MINISTER_OFFICE;
	}

	/** A derogation and its project's organisation. */
	private record Visible(Derogation derogation, String organisation) {
	}

	/** The derogation, if the caller sees its project or is the Prime Minister's office. */
	private Visible visible(Perimeter caller, UUID id) {
		Derogation derogation = derogations.find(id).orElseThrow(() -> new ApiErrors.Missing("no derogation " + id));
		String organisation = projects.organisation(derogation.project()).orElseThrow().organisation();
		if (!caller.sees(organisation) && !caller.primeMinisterOffice()) {
			throw new ApiErrors.OutOfPerimeter("the derogation " + id + " is outside your perimeter");
		}
		return new Visible(derogation, organisation);
	}

	private static ResponseEntity<?> ok(Derogation derogation) {
		return Versions.ok(derogation.version(), detail(derogation));
	}

	private static Map<String, Object> summary(Derogation d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("project", d.project());
		out.put("rule", d.rule());
		out.put("status", d.status());
		out.put("requestedAt", d.steps().isEmpty() ? null : d.steps().get(0).at());
		out.put("expiresOn", d.expiresOn());
		out.put("version", d.version());
		return out;
	}

	private static Map<String, Object> detail(Derogation d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("project", d.project());
		out.put("rule", d.rule());
		out.put("decision", d.decisionDigest());
		out.put("justification", d.justification());
		out.put("proofOfGuarantees", d.proofOfGuarantees());
		out.put("status", d.status());
		out.put("expiresOn", d.expiresOn());
		out.put("steps", d.steps().stream()
			.map(step -> Steps.step(step.at(), step.actor(), step.role(), step.status(), step.detail()))
			.toList());
		out.put("version", d.version());
		return out;
	}
}
