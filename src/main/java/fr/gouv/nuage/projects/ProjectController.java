package fr.gouv.nuage.projects;

import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.directory.Perimeter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects within the caller's perimeter: an agent registers, assesses, renames and
 * archives those of their entity; a ministry controller reads those of their ministry;
 * DINUM reads all. A project's version is its ETag, and every change names it in
 * {@code If-Match}. Who may do what is decided by {@link Projects}; an assessment is
 * passed to the engine as sent, the other bodies are records.
 */
@RestController
@RequestMapping(path = "/api/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.PROJECTS)
class ProjectController {

	private final Projects projects;

	ProjectController(Projects projects) {
		this.projects = projects;
	}

	@Operation(operationId = "listProjects", summary = "List the projects of the caller's perimeter",
			description = "**Who:** anyone signed in; each sees their perimeter: an agent their entity's projects, a "
					+ "ministry controller those of the ministry's tree, DINUM all; others an empty list. Each project "
					+ "with its latest verdict and control procedure.")
	@ApiResponse(responseCode = "200", description = "A page of projects",
			content = @Content(schema = @Schema(implementation = ProjectSchemas.ProjectPage.class)))
	@GetMapping
	ResponseEntity<?> list(Perimeter caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "false") @Parameter(
					description = "Include the archived projects.") boolean archived) {
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		Page<ProjectSummary> found = projects.page(caller, archived, page, size);
		return ResponseEntity.ok(new ProjectSchemas.ProjectPage(page, size, found.total(),
				found.items().stream().map(ProjectSchemas.ProjectSummary::of).toList()));
	}

	@Operation(operationId = "registerProject", summary = "Register a project from its assessment",
			description = "**Who:** an agent, for their entity. The assessment (schema `Assessment`) is decided at once; "
					+ "the project keeps the decision with the pack that made it.")
	@ApiResponse(responseCode = "201", description = "The project registered, with its first decision",
			content = @Content(schema = @Schema(implementation = ProjectSchemas.ProjectView.class)))
	@ApiDocs.Versioned
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> register(Perimeter caller,
			@RequestBody @Schema(ref = "#/components/schemas/Assessment") String assessment,
			@RequestParam(required = false) @Parameter(description = "The id of the organisation the project belongs "
					+ "to, one the caller is an agent of; required when they are an agent of several.") String organisation) {
		Projects.Outcome outcome = projects.register(caller, organisation, assessment);
		if (outcome instanceof Projects.Invalid invalid) {
			return invalid(invalid);
		}
		Projects.Decided decided = (Projects.Decided) outcome;
		Project project = decided.project();
		return Versions.created("/api/v1/projects/" + project.id(), project.version(),
				ProjectSchemas.ProjectView.of(project));
	}

	@Operation(operationId = "getProject", summary = "Read a project",
			description = "**Who:** whoever sees the project: its organisation's agents, its ministry's controllers, "
					+ "DINUM. The project, its latest decision, its history and what kept it from being decided again when "
					+ "its offer or the doctrine changed (`issues`).")
	@ApiResponse(responseCode = "200", description = "The project",
			content = @Content(schema = @Schema(implementation = ProjectSchemas.ProjectView.class)))
	@ApiDocs.Versioned
	@GetMapping("/{id}")
	ResponseEntity<ProjectSchemas.ProjectView> show(Perimeter caller, @PathVariable UUID id) {
		Project project = projects.visible(caller, id);
		return Versions.ok(project.version(), ProjectSchemas.ProjectView.of(project));
	}

	@Operation(operationId = "renameProject", summary = "Rename a project",
			description = "**Who:** the agents of the project's organisation.")
	@ApiResponse(responseCode = "200", description = "The project, renamed",
			content = @Content(schema = @Schema(implementation = ProjectSchemas.ProjectView.class)))
	@ApiDocs.Versioned
	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ProjectSchemas.ProjectView> edit(Perimeter caller, @PathVariable UUID id,
			@RequestBody ProjectSchemas.ProjectRename body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Project project = projects.rename(caller, id, body.name(), version(caller, id, ifMatch));
		return Versions.ok(project.version(), ProjectSchemas.ProjectView.of(project));
	}

	@Operation(operationId = "assessProject", summary = "Assess a project again",
			description = "**Who:** the agents of the project's organisation. The new assessment (schema `Assessment`) "
					+ "is decided and added to the project's history; the answer is the decision, at its own address, "
					+ "and the project's new version as the ETag.")
	@ApiResponse(responseCode = "201", description = "The new decision",
			content = @Content(schema = @Schema(ref = "#/components/schemas/Decision")))
	@ApiDocs.Versioned
	@PostMapping(path = "/{id}/assessments", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> assess(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(ref = "#/components/schemas/Assessment") String assessment,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Projects.Outcome outcome = projects.assess(caller, id, assessment, version(caller, id, ifMatch));
		if (outcome instanceof Projects.Invalid invalid) {
			return invalid(invalid);
		}
		Projects.Decided decided = (Projects.Decided) outcome;
		return ResponseEntity.created(URI.create("/api/v1/projects/" + id + "/decisions/" + decided.decision().seq()))
			.eTag(Versions.etag(decided.project().version()))
			.contentType(MediaType.APPLICATION_JSON)
			.body(decided.decision().decision());
	}

	@Operation(operationId = "archiveProject", summary = "Archive a project",
			description = "**Who:** the agents of the project's organisation. An archived project leaves the lists "
					+ "and changes no more. Takes no body.")
	@ApiResponse(responseCode = "200", description = "The project, archived",
			content = @Content(schema = @Schema(implementation = ProjectSchemas.ProjectView.class)))
	@ApiDocs.Versioned
	@PostMapping("/{id}/archive")
	ResponseEntity<ProjectSchemas.ProjectView> archive(Perimeter caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Project project = projects.archive(caller, id, version(caller, id, ifMatch));
		return Versions.ok(project.version(), ProjectSchemas.ProjectView.of(project));
	}

	@Operation(operationId = "listProjectDecisions", summary = "List a project's decisions",
			description = "**Who:** whoever sees the project. Every decision made on it, first to last, without their "
					+ "bodies.")
	@ApiResponse(responseCode = "200", description = "The project's decisions",
			content = @Content(
					array = @ArraySchema(schema = @Schema(implementation = ProjectSchemas.ProjectDecisionView.class))))
	@GetMapping("/{id}/decisions")
	List<ProjectSchemas.ProjectDecisionView> decisions(Perimeter caller, @PathVariable UUID id) {
		return projects.visible(caller, id).decisions().stream().map(ProjectSchemas.ProjectDecisionView::of).toList();
	}

	@Operation(operationId = "getProjectDecision", summary = "Read one decision of a project",
			description = "**Who:** whoever sees the project. The decision as it was made (nuage.decision/v1).")
	@ApiResponse(responseCode = "200", description = "The decision",
			content = @Content(schema = @Schema(ref = "#/components/schemas/Decision")))
	@GetMapping("/{id}/decisions/{seq}")
	ResponseEntity<String> decision(Perimeter caller, @PathVariable UUID id, @PathVariable int seq) {
		Project project = projects.visible(caller, id);
		ProjectDecision decision = project.decisions()
			.stream()
			.filter(d -> d.seq() == seq)
			.findFirst()
			.orElseThrow(() -> new ApiErrors.Missing(Projects.said("no-decision", seq)));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(decision.decision());
	}

	/**
	 * The version {@code If-Match} names. Read once the service has said the caller may
	 * change the project, so that a caller outside it learns nothing of its versions.
	 */
	private int version(Perimeter caller, UUID id, String ifMatch) {
		projects.editable(caller, id, "change");
		return Versions.ifMatch(ifMatch);
	}

	/**
	 * An agent of several organisations who named none: the query parameter is missing.
	 */
	@ExceptionHandler(Projects.OrganisationToName.class)
	ResponseEntity<ProblemDetail> organisationToName(Projects.OrganisationToName ex,
			jakarta.servlet.http.HttpServletRequest request) {
		return Problems.invalidParameter("organisation",
				Projects.said("organisation-to-name", String.join(", ", ex.organisations()))
					.in(fr.gouv.nuage.http.CallerLanguage.of(request)));
	}

	private static ResponseEntity<?> invalid(Projects.Invalid invalid) {
		return Problems.badRequest("Invalid assessment", "invalid assessment",
				invalid.errors().stream().map(Problems::error).toList());
	}

}
