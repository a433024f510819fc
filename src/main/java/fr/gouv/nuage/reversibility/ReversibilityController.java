package fr.gouv.nuage.reversibility;

import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.Versions;
import fr.gouv.nuage.projects.ProjectChecks;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.directory.Perimeter;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's reversibility plan (R4), read by whoever sees the project and recorded by its agents.
 * Its version is its ETag: the first plan is recorded without {@code If-Match} (or with
 * {@code If-None-Match: *}, which refuses to replace one recorded meanwhile), and every later one
 * names the version it replaces.
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{id}/reversibility-plan", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.REVERSIBILITY)
class ReversibilityController {

	/** The stored export formats are joined with this, so a format cannot hold it. */
	private static final String SEPARATOR = ";";

	/** What the database keeps of the formats once joined, and of the budget. */
	private static final int MAX_FORMATS_LENGTH = 300;

	private static final BigDecimal MAX_BUDGET = new BigDecimal("1000000000000");

	private static final List<String> FIELDS = List.of("exitTerms", "exportFormats", "budgetEur", "staffDays");

	private final ReversibilityPlans plans;

	private final Projects projects;

	ReversibilityController(ReversibilityPlans plans, Projects projects) {
		this.plans = plans;
		this.projects = projects;
	}

	@Operation(operationId = "getReversibilityPlan", summary = "Read a project's reversibility plan",
			description = "**Who:** whoever sees the project. 404 until a plan is recorded.")
	@ApiResponse(responseCode = "200", description = "The plan",
			content = @Content(schema = @Schema(implementation = ReversibilitySchemas.ReversibilityPlan.class)))
	@ApiDocs.Versioned
	@GetMapping
	ResponseEntity<?> show(Perimeter caller, @PathVariable UUID id) {
		ProjectChecks.seen(projects, caller, id);
		ReversibilityPlan plan = plans.find(id)
			.orElseThrow(() -> new ApiErrors.Missing("the project " + id + " has no reversibility plan yet"));
		return Versions.ok(plan.version(), detail(plan));
	}

	@Operation(operationId = "recordReversibilityPlan", summary = "Record a project's reversibility plan",
			description = "**Who:** the agents of the project's organisation. The whole plan replaces the one recorded, "
					+ "whose version `If-Match` names; the first one is recorded without it (or with `If-None-Match: *`, "
					+ "which refuses to replace one recorded meanwhile).")
	@ApiResponse(responseCode = "200", description = "The plan, replaced",
			content = @Content(schema = @Schema(implementation = ReversibilitySchemas.ReversibilityPlan.class)))
	@ApiResponse(responseCode = "201", description = "The first plan, recorded",
			content = @Content(schema = @Schema(implementation = ReversibilitySchemas.ReversibilityPlan.class)))
	@ApiDocs.Versioned
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> record(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = ReversibilitySchemas.ReversibilityPlanRecord.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		ProjectChecks.agent(caller, ProjectChecks.organisation(projects, id), "record its reversibility plan");
		Body in = Body.read(body, FIELDS, List.of());
		String exitTerms = in.text("exitTerms");
		List<String> formats = in.texts("exportFormats");
		if (formats != null) {
			if (formats.stream().anyMatch(f -> f.contains(SEPARATOR))) {
				in.error("exportFormats", "a format's name cannot hold `" + SEPARATOR + "`: give each format on its own");
			}
			else if (String.join(SEPARATOR, formats).length() > MAX_FORMATS_LENGTH) {
				in.error("exportFormats", "the formats take " + String.join(SEPARATOR, formats).length()
						+ " characters together, above the limit of " + MAX_FORMATS_LENGTH);
			}
		}
		BigDecimal budget = in.number("budgetEur");
		if (budget != null && (budget.scale() > 2 || budget.abs().compareTo(MAX_BUDGET) >= 0)) {
			in.error("budgetEur", "an amount of euros with at most 2 decimals, below 1,000,000,000,000");
		}
		Integer staffDays = in.whole("staffDays");
		// The plan's own rules, so that one answer names every field; the service checks them again.
		new ReversibilityPlan(id, exitTerms, formats, budget, staffDays == null ? 0 : staffDays, null, null, 0).problems()
			.forEach(problem -> in.error(problem[0], problem[1]));
		in.check();
		Optional<ReversibilityPlan> current = plans.find(id);
		int readVersion = readVersion(current, ifMatch, ifNoneMatch);
		ReversibilityPlan plan = plans.record(id, exitTerms, formats, budget, staffDays, caller.person().email(),
				readVersion);
		return current.isEmpty()
				? Versions.created("/api/v1/projects/" + id + "/reversibility-plan", plan.version(), detail(plan))
				: Versions.ok(plan.version(), detail(plan));
	}

	/**
	 * The version the change is made on: the one {@code If-Match} names; none (0) for a first plan
	 * sent without it or with {@code If-None-Match: *}.
	 */
	private static int readVersion(Optional<ReversibilityPlan> current, String ifMatch, String ifNoneMatch) {
		if (ifMatch != null && !ifMatch.isBlank()) {
			return Versions.ifMatch(ifMatch);
		}
		boolean none = ifNoneMatch != null && !ifNoneMatch.isBlank();
		if (none && !ifNoneMatch.strip().equals("*")) {
			throw new IllegalArgumentException("If-None-Match: only `*` is understood here, for a first plan");
		}
		if (current.isPresent()) {
			if (none) {
				throw new OptimisticLockingFailureException("the project has a reversibility plan already, at version "
						+ current.get().version() + ": read it, then name its ETag in If-Match");
			}
			return Versions.ifMatch(null);
		}
		return 0;
	}

	private static Map<String, Object> detail(ReversibilityPlan plan) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("project", plan.project());
		out.put("exitTerms", plan.exitTerms());
		out.put("exportFormats", plan.exportFormats());
		BigDecimal budget = plan.budgetEur().stripTrailingZeros();
		out.put("budgetEur", budget.scale() < 0 ? budget.setScale(0) : budget);
		out.put("staffDays", plan.staffDays());
		out.put("updatedAt", plan.updatedAt());
		out.put("updatedBy", plan.updatedBy());
		out.put("version", plan.version());
		return out;
	}
}
