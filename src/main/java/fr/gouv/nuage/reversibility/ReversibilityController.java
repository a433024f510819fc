package fr.gouv.nuage.reversibility;

import java.util.UUID;

import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * A project's reversibility plan (R4), read by whoever sees the project and recorded by
 * its agents, as {@link ReversibilityPlans} decides. Its version is its ETag: the first
 * plan is recorded without {@code If-Match} (or with {@code If-None-Match: *}, which
 * refuses to replace one recorded meanwhile), and every later one names the version it
 * replaces.
 */
@RestController
@RequestMapping(path = "/api/v1/projects/{id}/reversibility-plan", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.REVERSIBILITY)
class ReversibilityController {

	private final ReversibilityPlans plans;

	ReversibilityController(ReversibilityPlans plans) {
		this.plans = plans;
	}

	@Operation(operationId = "getReversibilityPlan", summary = "Read a project's reversibility plan",
			description = "**Who:** whoever sees the project. 404 until a plan is recorded.")
	@ApiResponse(responseCode = "200", description = "The plan",
			content = @Content(schema = @Schema(implementation = ReversibilitySchemas.ReversibilityPlanView.class)))
	@ApiDocs.Versioned
	@GetMapping
	ResponseEntity<ReversibilitySchemas.ReversibilityPlanView> show(Perimeter caller, @PathVariable UUID id) {
		ReversibilityPlan plan = plans.find(caller, id)
			.orElseThrow(() -> new ApiErrors.Missing(ReversibilityPlans.said("no-plan", id)));
		return Versions.ok(plan.version(), ReversibilitySchemas.ReversibilityPlanView.of(plan));
	}

	@Operation(operationId = "recordReversibilityPlan", summary = "Record a project's reversibility plan",
			description = "**Who:** the agents of the project's organisation. The whole plan replaces the one recorded, "
					+ "whose version `If-Match` names; the first one is recorded without it (or with `If-None-Match: *`, "
					+ "which refuses to replace one recorded meanwhile).")
	@ApiResponse(responseCode = "200", description = "The plan, replaced",
			content = @Content(schema = @Schema(implementation = ReversibilitySchemas.ReversibilityPlanView.class)))
	@ApiResponse(responseCode = "201", description = "The first plan, recorded",
			content = @Content(schema = @Schema(implementation = ReversibilitySchemas.ReversibilityPlanView.class)))
	@ApiDocs.Versioned
	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReversibilitySchemas.ReversibilityPlanView> record(Perimeter caller, @PathVariable UUID id,
			@RequestBody ReversibilitySchemas.ReversibilityPlanRecord body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		boolean firstOnly = ifNoneMatch != null && !ifNoneMatch.isBlank();
		if (firstOnly && !ifNoneMatch.strip().equals("*")) {
			throw new ReversibilityPlans.Header(ReversibilityPlans.said("if-none-match"));
		}
		Integer readVersion = ifMatch == null || ifMatch.isBlank() ? null : Versions.ifMatch(ifMatch);
		ReversibilityPlans.Recorded recorded = plans.record(caller, id, body.exitTerms(), body.exportFormats(),
				body.budgetEur(), body.staffDays().intValueExact(), readVersion, firstOnly);
		ReversibilityPlan plan = recorded.plan();
		return recorded.first()
				? Versions.created("/api/v1/projects/" + id + "/reversibility-plan", plan.version(),
						ReversibilitySchemas.ReversibilityPlanView.of(plan))
				: Versions.ok(plan.version(), ReversibilitySchemas.ReversibilityPlanView.of(plan));
	}

}
