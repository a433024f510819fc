package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.catalogue.declarations.Actor;
import fr.gouv.nuage.catalogue.declarations.DeclarationEvent;
import fr.gouv.nuage.catalogue.declarations.DeclarationStatus;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.catalogue.declarations.OfferDeclaration;
import fr.gouv.nuage.doctrine.Json;
import fr.gouv.nuage.doctrine.JsonException;
import fr.gouv.nuage.doctrine.SourceIssue;
import fr.gouv.nuage.directory.Perimeter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.dao.OptimisticLockingFailureException;
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
 * Providers declare their offers, DINUM reviews them. A provider submits an offer of its own
 * organisation in the catalogue's format and may withdraw it before review; DINUM sees every
 * declaration and accepts or rejects it. A declaration's version is its ETag, and every transition
 * names it in {@code If-Match}.
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

	DeclarationController(Declarations declarations) {
		this.declarations = declarations;
	}

	@Operation(operationId = "submitDeclaration", summary = "Declare an offer",
			description = "**Who:** a provider, for an offer of its own organisation: a new one, or an update of one "
					+ "of its offers in the catalogue. The offer is written in the catalogue's format, as YAML or JSON; "
					+ "it counts once DINUM accepts it.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = YAML, schema = @Schema(type = "string", description = "The offer, in YAML.")),
					@Content(mediaType = TEXT_YAML, schema = @Schema(type = "string", description = "The offer, in YAML.")),
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = CatalogueSchemas.OfferDeclarationBody.class)) }))
	@ApiResponse(responseCode = "201", description = "The declaration, submitted",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping(consumes = { YAML, TEXT_YAML, MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<?> submit(Perimeter caller, @RequestBody String content) {
		if (caller.providers().isEmpty()) {
			throw new ApiErrors.OutOfPerimeter("only a provider declares offers: ask DINUM for the provider role");
		}
		Catalogue catalogue = declarations.current();
		Catalogue.OfferLoad load = catalogue.readOffer("declaration", content);
		if (load.offer() == null) {
			return invalid(load.issues());
		}
		Offer offer = load.offer();
		String provider = caller.providers().stream().filter(name -> sameOrganisation(name, offer.provider())).findFirst()
			.orElseThrow(() -> new ApiErrors.OutOfPerimeter("you declare the offers of "
					+ String.join(", ", caller.providers().stream().sorted().map(p -> "`" + p + "`").toList())
					+ ", not one of `" + offer.provider() + "`"));
		Optional<Offer> existing = catalogue.offer(offer.id());
		if (existing.isPresent() && !sameOrganisation(existing.get().provider(), offer.provider())) {
			return Problems.badRequest("Invalid declaration", "invalid declaration", List.of(Problems.field("id",
					"the offer `" + offer.id() + "` belongs to `" + existing.get().provider() + "`; choose another id")));
		}
		Declarations.Submission submission = declarations.submit(Actor.provider(caller.person().email(), provider), content);
		if (submission instanceof Declarations.Invalid invalid) {
			return invalid(invalid.issues());
		}
		OfferDeclaration declaration = ((Declarations.Submitted) submission).declaration();
		return Versions.created("/api/v1/declarations/" + declaration.id(), declaration.version(), detail(declaration));
	}

	@Operation(operationId = "listDeclarations", summary = "List declarations",
			description = "**Who:** DINUM, which sees them all, and providers, who see their organisation's.")
	@ApiResponse(responseCode = "200", description = "A page of declarations",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.DeclarationPage.class)))
	@GetMapping
	ResponseEntity<?> list(Perimeter caller, @RequestParam(required = false) @Parameter(description = "Only the "
			+ "declarations in this status, in any case; PENDING is SUBMITTED.", schema = @Schema(allowableValues = {
					"PENDING", "SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN" })) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (!caller.dinum() && caller.providers().isEmpty()) {
			throw new ApiErrors.OutOfPerimeter("only DINUM and providers see declarations");
		}
		DeclarationStatus wanted = null;
		if (status != null) {
			wanted = status(status);
			if (wanted == null) {
				return Problems.invalidParameter("status",
						"unknown status `" + status + "`, expected PENDING, SUBMITTED, ACCEPTED, REJECTED or WITHDRAWN");
			}
		}
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		Declarations.Page found = declarations.page(wanted, caller.dinum() ? null : caller.providers(), page, size);
		return ResponseEntity.ok(Pages.body(page, size, found.total(), "declarations",
				found.items().stream().map(DeclarationController::summary).toList()));
	}

	@Operation(operationId = "getDeclaration", summary = "Read a declaration",
			description = "**Who:** DINUM, and the provider that declared it. The offer as declared and its history.")
	@ApiResponse(responseCode = "200", description = "The declaration",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@GetMapping("/{id}")
	ResponseEntity<?> show(Perimeter caller, @PathVariable UUID id) {
		OfferDeclaration declaration = visible(caller, id);
		return Versions.ok(declaration.version(), detail(declaration));
	}

	@Operation(operationId = "acceptDeclaration", summary = "Accept a declaration",
			description = "**Who:** DINUM, on a submitted declaration. The offer as declared enters the catalogue in "
					+ "force; a comment is optional.")
	@ApiResponse(responseCode = "200", description = "The declaration, accepted",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping("/{id}/acceptance")
	ResponseEntity<?> accept(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = CatalogueSchemas.DeclarationAcceptance.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return review(caller, id, body, ifMatch, "comment", false, declarations::accept);
	}

	@Operation(operationId = "rejectDeclaration", summary = "Reject a declaration",
			description = "**Who:** DINUM, on a submitted declaration, saying why.")
	@ApiResponse(responseCode = "200", description = "The declaration, rejected",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping("/{id}/rejection")
	ResponseEntity<?> reject(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = CatalogueSchemas.DeclarationRejection.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return review(caller, id, body, ifMatch, "reason", true, declarations::reject);
	}

	@Operation(operationId = "withdrawDeclaration", summary = "Withdraw a declaration",
			description = "**Who:** the provider that declared it, before DINUM reviews it. Takes no body.")
	@ApiResponse(responseCode = "200", description = "The declaration, withdrawn",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.Declaration.class)))
	@ApiDocs.Versioned
	@PostMapping("/{id}/withdrawal")
	ResponseEntity<?> withdraw(Perimeter caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		if (caller.providers().isEmpty()) {
			throw new ApiErrors.OutOfPerimeter("only the provider that declared it withdraws a declaration");
		}
		OfferDeclaration declaration = existing(id);
		String provider = declarant(caller, declaration)
			.orElseThrow(() -> new ApiErrors.OutOfPerimeter("only `" + declaration.provider() + "` withdraws this declaration"));
		int version = current(declaration, ifMatch);
		return ok(declarations.withdraw(id, Actor.provider(caller.person().email(), provider), version));
	}

	/** A review by DINUM: the body's one text field, then the change, on the version the caller read. */
	private ResponseEntity<?> review(Perimeter caller, UUID id, String body, String ifMatch, String field, boolean required,
			Review review) {
		reviewer(caller);
		Text text = text(body, field, required);
		if (text.error() != null) {
			return text.error();
		}
		OfferDeclaration declaration = existing(id);
		int version = current(declaration, ifMatch);
		return ok(review.apply(id, Actor.dinum(caller.person().email()), text.value(), version));
	}

	/** An acceptance or a rejection, as the declarations make it. */
	private interface Review {

		OfferDeclaration apply(UUID id, Actor reviewer, String text, Integer readVersion);
	}

	/** A declaration changed, with its new version as the ETag. */
	private static ResponseEntity<?> ok(OfferDeclaration changed) {
		return Versions.ok(changed.version(), detail(changed));
	}

	/** The version named in {@code If-Match}, if it is the declaration's. */
	private static int current(OfferDeclaration declaration, String ifMatch) {
		int version = Versions.ifMatch(ifMatch);
		if (version != declaration.version()) {
			throw stale(declaration.id());
		}
		return version;
	}

	private static OptimisticLockingFailureException stale(UUID id) {
		return new OptimisticLockingFailureException("the declaration " + id + " was changed meanwhile; read it again");
	}

	private static void reviewer(Perimeter caller) {
		if (!caller.dinum()) {
			throw new ApiErrors.OutOfPerimeter("only DINUM reviews declarations");
		}
	}

	private OfferDeclaration existing(UUID id) {
		return declarations.find(id).orElseThrow(() -> new ApiErrors.Missing("no declaration " + id));
	}

	/** The declaration, if the caller is DINUM or the provider that declared it. */
	private OfferDeclaration visible(Perimeter caller, UUID id) {
		if (!caller.dinum() && caller.providers().isEmpty()) {
			throw new ApiErrors.OutOfPerimeter("only DINUM and providers see declarations");
		}
		OfferDeclaration declaration = existing(id);
		if (!caller.dinum() && declarant(caller, declaration).isEmpty()) {
			throw new ApiErrors.OutOfPerimeter("the declaration " + id + " is `" + declaration.provider() + "`'s");
		}
		return declaration;
	}

	/** The caller's provider organisation that declared it, compared as the declarations compare providers. */
	private static Optional<String> declarant(Perimeter caller, OfferDeclaration declaration) {
		return caller.providers().stream().filter(name -> sameOrganisation(name, declaration.provider())).findFirst();
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

	private static boolean sameOrganisation(String a, String b) {
		return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
	}

	/** A text field of a review body, or the problem with the body. */
	private record Text(String value, ResponseEntity<?> error) {
	}

	/** Reads {@code {"name": "..."}} strictly: no other field, a string; required or not. */
	private static Text text(String body, String name, boolean required) {
		Object json;
		if (body == null || body.isBlank()) {
			json = Map.of();
		}
		else {
			try {
				json = Json.parse(body);
			}
			catch (JsonException ex) {
				return new Text(null, Problems.invalidJson(ex));
			}
		}
		if (!(json instanceof Map<?, ?> fields)) {
			return new Text(null, Problems.invalidInput(List.of(Map.of("message", "send an object with `" + name + "`"))));
		}
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Object key : fields.keySet()) {
			if (!name.equals(key)) {
				errors.add(Problems.field(String.valueOf(key), "unknown field `" + key + "`; send only `" + name + "`"));
			}
		}
		Object value = fields.get(name);
		String text = value instanceof String s && !s.isBlank() ? s.strip() : null;
		if (value != null && !(value instanceof String)) {
			errors.add(Problems.field(name, "`" + name + "` is text"));
		}
		else if (required && text == null) {
			errors.add(Problems.field(name, "say why with `" + name + "`"));
		}
		else if (text != null && text.length() > MAX_COMMENT) {
			errors.add(Problems.field(name, "`" + name + "` has at most " + MAX_COMMENT + " characters"));
		}
		if (!errors.isEmpty()) {
			return new Text(null, Problems.invalidInput(errors));
		}
		return new Text(text, null);
	}

	private static ResponseEntity<?> invalid(List<SourceIssue> issues) {
		return Problems.badRequest("Invalid declaration", "invalid declaration", issues.stream().map(issue -> {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("line", issue.line());
			error.put("column", issue.column());
			error.put("message", issue.message());
			return error;
		}).toList());
	}

	private static Map<String, Object> summary(OfferDeclaration d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", d.id());
		out.put("offerId", d.offerId());
		out.put("provider", d.provider());
		out.put("kind", d.kind());
		out.put("status", d.status());
		out.put("submittedAt", d.submittedAt());
		out.put("version", d.version());
		return out;
	}

	private static Map<String, Object> detail(OfferDeclaration d) {
		Map<String, Object> out = summary(d);
		out.put("content", d.content());
		out.put("history", d.history().stream().map(DeclarationController::event).toList());
		return out;
	}

	private static Map<String, Object> event(DeclarationEvent e) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("seq", e.seq());
		out.put("at", e.at());
		out.put("actor", e.actor());
		out.put("role", e.role());
		out.put("action", e.action());
		out.put("comment", e.comment());
		return out;
	}
}
