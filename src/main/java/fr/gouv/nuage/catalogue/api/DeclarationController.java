package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.api.CatalogueSchemas.Declaration;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.DeclarationAcceptance;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.DeclarationPage;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.DeclarationRejection;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.DeclarationSummary;
import fr.gouv.nuage.catalogue.declarations.DeclarationStatus;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.catalogue.declarations.OfferDeclaration;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.doctrine.SourceIssue;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * Providers declare their offers, DINUM reviews them. A provider submits an offer of its
 * own organisation in the catalogue's format and may withdraw it before review; DINUM
 * sees every declaration and accepts or rejects it. Who may do which is the declarations'
 * own decision ({@link Declarations}). A declaration's version is its ETag, and every
 * transition names it in {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/api/v1/declarations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.DECLARATIONS)
class DeclarationController {

	private static final String YAML = "application/yaml";

	private static final String TEXT_YAML = "text/yaml";

	/** Long enough for a review, short enough that a body is not a document. */
	static final int MAX_COMMENT = 4000;

	private final Declarations declarations;

	private final AbsentBodies absent;

	DeclarationController(Declarations declarations, AbsentBodies absent) {
		this.declarations = declarations;
		this.absent = absent;
	}

	@Operation(operationId = "submitDeclaration", summary = "Declare an offer",
			description = "**Who:** a provider, for an offer of its own organisation: a new one, or an update of one "
					+ "of its offers in the catalogue. The offer is written in the catalogue's format, as YAML or JSON; "
					+ "it names its organisation by id (`providerId`), which is the caller's when left out, and an "
					+ "offer of the catalogue is amended only by the organisation whose id it names, whatever the "
					+ "name written in `provider`. It counts once DINUM accepts it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = YAML, schema = @Schema(type = "string", description = "The offer, in YAML.")),
					@Content(mediaType = TEXT_YAML,
							schema = @Schema(type = "string", description = "The offer, in YAML.")),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CatalogueSchemas.OfferDeclarationBody.class)) }))
	@ApiResponse(responseCode = "201", description = "The declaration, submitted",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping(consumes = { YAML, TEXT_YAML, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> submit(Perimeter caller, @RequestBody String content) {
		// The offer stays text: the catalogue's own loader reads it, YAML or JSON, with
		// lines and columns.
		Declarations.Submission submission = declarations.submit(caller, content);
		if (submission instanceof Declarations.Invalid invalid) {
			return invalid(invalid.issues());
		}
		if (submission instanceof Declarations.Taken taken) {
			return Problems.badRequest("Invalid declaration", "invalid declaration", List.of(Problems.field("id",
					"the offer `" + taken.offerId() + "` belongs to `" + taken.provider() + "`; choose another id")));
		}
		OfferDeclaration declaration = ((Declarations.Submitted) submission).declaration();
		return Versions.created("/api/v1/declarations/" + declaration.id(), declaration.version(),
				Declaration.of(declaration));
	}

	@Operation(operationId = "listDeclarations", summary = "List declarations",
			description = "**Who:** DINUM, which sees them all, and providers, who see their organisation's.")
	@ApiResponse(responseCode = "200", description = "A page of declarations",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.DeclarationPage.class)))
	@GetMapping
	ResponseEntity<?> list(Perimeter caller, @RequestParam(required = false) @Parameter(
			description = "Only the " + "declarations in this status, in any case; PENDING is SUBMITTED.",
			schema = @Schema(
					allowableValues = { "PENDING", "SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN" })) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		DeclarationStatus wanted = null;
		if (status != null) {
			wanted = status(status);
			if (wanted == null) {
				return Problems.invalidParameter("status", "unknown status `" + status
						+ "`, expected PENDING, SUBMITTED, ACCEPTED, REJECTED or WITHDRAWN");
			}
		}
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		Declarations.Page found = declarations.page(caller, wanted, page, size);
		return ResponseEntity.ok(new DeclarationPage(page, size, found.total(),
				found.items().stream().map(DeclarationSummary::of).toList()));
	}

	@Operation(operationId = "getDeclaration", summary = "Read a declaration",
			description = "**Who:** DINUM, and the provider that declared it. The offer as declared and its history.")
	@ApiResponse(responseCode = "200", description = "The declaration",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@GetMapping("/{id}")
	ResponseEntity<Declaration> show(Perimeter caller, @PathVariable UUID id) {
		return ok(declarations.find(caller, id));
	}

	@Operation(operationId = "acceptDeclaration", summary = "Accept a declaration",
			description = "**Who:** DINUM, on a submitted declaration. The offer as declared enters the catalogue in "
					+ "force; a comment is optional.")
	@ApiResponse(responseCode = "200", description = "The declaration, accepted",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping("/{id}/acceptance")
	ResponseEntity<Declaration> accept(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) DeclarationAcceptance body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		DeclarationAcceptance acceptance = absent.orEmpty(body, DeclarationAcceptance.class);
		return ok(declarations.accept(id, caller, acceptance.comment(), Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "rejectDeclaration", summary = "Reject a declaration",
			description = "**Who:** DINUM, on a submitted declaration, saying why.")
	@ApiResponse(responseCode = "200", description = "The declaration, rejected",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping("/{id}/rejection")
	ResponseEntity<Declaration> reject(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) DeclarationRejection body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		DeclarationRejection rejection = absent.orEmpty(body, DeclarationRejection.class);
		return ok(declarations.reject(id, caller, rejection.stripped(), Versions.ifMatch(ifMatch)));
	}

	@Operation(operationId = "withdrawDeclaration", summary = "Withdraw a declaration",
			description = "**Who:** the provider that declared it, before DINUM reviews it. Takes no body.")
	@ApiResponse(responseCode = "200", description = "The declaration, withdrawn",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping("/{id}/withdrawal")
	ResponseEntity<Declaration> withdraw(Perimeter caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(declarations.withdraw(id, caller, Versions.ifMatch(ifMatch)));
	}

	/** A declaration, with its version as the ETag. */
	private static ResponseEntity<Declaration> ok(OfferDeclaration declaration) {
		return Versions.ok(declaration.version(), Declaration.of(declaration));
	}

	private static DeclarationStatus status(String status) {
		String value = status.strip().toUpperCase(Locale.ROOT);
		if (value.equals("PENDING")) {
			return DeclarationStatus.SUBMITTED;
		}
		for (DeclarationStatus candidate : DeclarationStatus.values()) {
			if (candidate.name().equals(value)) {
				return candidate;
			}
		}
		return null;
	}

	/** The loader's issues, each at its line and column of the declaration. */
	private static ResponseEntity<?> invalid(List<SourceIssue> issues) {
		return Problems.badRequest("Invalid declaration", "invalid declaration", issues.stream().map(issue -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("line", issue.line());
			error.put("column", issue.column());
			error.put("message", issue.message());
			return error;
		}).toList());
	}

}
