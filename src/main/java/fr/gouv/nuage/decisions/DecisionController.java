package fr.gouv.nuage.decisions;

import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.Problems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Eligibility;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions for an assessment, and the offers that fit it, without sign-in: the body is
 * read by the engine's own reader and an offer it names by the catalogue, so the API
 * refuses exactly what the CLI refuses, with the same messages.
 */
@RestController
@RequestMapping("/api/v1")
class DecisionController {

	private final RulePacks packs = RulePacks.shipped();

	private final CatalogueSource catalogues;

	DecisionController(CatalogueSource catalogues) {
		this.catalogues = catalogues;
	}

	/**
	 * An assessment read and resolved, the pack, language and date asked for — or the
	 * problems.
	 */
	private record Request(Assessment assessment, Catalogue catalogue, RulePack pack, Lang lang, LocalDate date,
			ResponseEntity<?> problem) {
	}

	@Operation(operationId = "decide", tags = ApiDocs.DECISIONS, summary = "Decide on an assessment",
			description = "**Who:** anyone, without signing in. Reads the assessment (the contract nuage.assessment/v1, "
					+ "the schema `Assessment`) as the CLI reads it and answers the doctrine's decision (nuage.decision/v1): "
					+ "the verdict, each finding with its rule and explanation, the facts missing. An assessment that names "
					+ "an offer (`hosting.offerId`) takes its facts from the catalogue as of `asOf`.")
	@ApiResponse(responseCode = "200", description = "The decision",
			content = @Content(schema = @Schema(ref = "#/components/schemas/Decision")))
	@PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	// The assessment stays text: the engine reads it itself (contract assessment-v1), as
	// the CLI does.
	ResponseEntity<?> decide(@RequestBody @Schema(ref = "#/components/schemas/Assessment") String body,
			@RequestParam(required = false) String doctrine,
			@RequestParam(defaultValue = "fr") @Parameter(
					schema = @Schema(allowableValues = { "fr", "en" })) String lang,
			@RequestParam(required = false) String asOf, @RequestParam(defaultValue = "false") boolean trace) {
		Request request = read(body, doctrine, lang, asOf, false);
		if (request.problem() != null) {
			return request.problem();
		}
		String json = DecisionJson.write(request.pack().evaluate(request.assessment(), trace), request.lang(),
				DecisionJson.Form.FULL, false);
		// As bytes, encoded once: a String body is encoded twice, to count its length and
		// to write it.
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Operation(operationId = "eligibleOffers", tags = ApiDocs.OFFERS,
			summary = "List the offers eligible for an assessment",
			description = "**Who:** anyone, without signing in. Decides on the assessment (schema `Assessment`) and "
					+ "answers the catalogue's offers the doctrine allows for it as of `asOf`, ranked, and why each other "
					+ "one is excluded.")
	@ApiResponse(responseCode = "200", description = "The eligible offers, the excluded ones and the decision",
			content = @Content(schema = @Schema(implementation = DecisionSchemas.Eligibility.class)))
	@PostMapping(path = "/offers/eligible", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> eligible(@RequestBody @Schema(ref = "#/components/schemas/Assessment") String body,
			@RequestParam(required = false) String doctrine,
			@RequestParam(defaultValue = "fr") @Parameter(
					schema = @Schema(allowableValues = { "fr", "en" })) String lang,
			@RequestParam(required = false) String asOf) {
		Request request = read(body, doctrine, lang, asOf, true);
		if (request.problem() != null) {
			return request.problem();
		}
		Eligibility eligibility = Eligibility.of(request.catalogue(), request.assessment(), request.pack(),
				request.date());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(CatalogueJson.eligibility(eligibility, request.lang()));
	}

	@Operation(operationId = "listPacks", tags = ApiDocs.DECISIONS, summary = "List the rule packs",
			description = "**Who:** anyone, without signing in. The packs decisions can be made with (`doctrine`), "
					+ "each with its version, digest and circular, and which one is the default.")
	@ApiResponse(responseCode = "200", description = "The rule packs",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = DecisionSchemas.Pack.class))))
	@GetMapping(path = "/packs", produces = MediaType.APPLICATION_JSON_VALUE)
	List<DecisionSchemas.Pack> packs() {
		return packs.ids()
			.stream()
			.map(id -> DecisionSchemas.Pack.of(packs.get(id).info(), id.equals(packs.defaultId())))
			.toList();
	}

	/** Reads and resolves a request; the catalogue is read only when it is needed. */
	private Request read(String body, String doctrine, String lang, String asOf, boolean needsCatalogue) {
		List<Map<String, Object>> errors = new ArrayList<>();
		Lang language = null;
		try {
			language = Lang.parse(lang);
		}
		catch (IllegalArgumentException ex) {
			errors.add(Problems.parameter("lang", ex.getMessage()));
		}
		LocalDate date = Problems.date(asOf);
		if (date == null) {
			errors.add(Problems.badDate(asOf));
		}
		String id = doctrine == null ? packs.defaultId() : doctrine;
		if (!packs.has(id)) {
			errors.add(Problems.parameter("doctrine",
					"unknown doctrine `" + id + "` (known: " + String.join(", ", packs.ids()) + ")"));
		}
		if (!errors.isEmpty()) {
			return new Request(null, null, null, null, null, Problems.invalidParameters(errors));
		}
		RulePack pack = packs.get(id);
		ReadResult read = new AssessmentReader(pack.facts()).read("request body", body);
		if (read instanceof ReadResult.Invalid invalid) {
			invalid.errors().forEach(error -> errors.add(Problems.error(error)));
			return new Request(null, null, null, null, null,
					Problems.badRequest("Invalid assessment", "the assessment is not valid", errors));
		}
		Assessment assessment = ((ReadResult.Ok) read).assessment();
		if (!needsCatalogue && assessment.get("hosting.offerId") == null) {
			return new Request(assessment, null, pack, language, date, null);
		}
		Catalogue catalogue = catalogues.current();
		Catalogue.Resolution resolution = catalogue.resolve(assessment, date);
		if (resolution instanceof Catalogue.Unresolved unresolved) {
			unresolved.errors().forEach(error -> errors.add(Problems.error(error)));
			return new Request(null, null, null, null, null, Problems.badRequest("Invalid assessment",
					"the assessment names an offer it contradicts or that does not exist", errors));
		}
		return new Request(((Catalogue.Resolved) resolution).assessment(), catalogue, pack, language, date, null);
	}

}
