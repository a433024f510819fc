package fr.gouv.nuage.projects;

import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.gouv.nuage.doctrine.JsonException;
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
 * Projects within the caller's perimeter: an agent registers, assesses, renames and archives those
 * of their entity; a ministry controller reads those of their ministry; DINUM reads all. A project's
 * version is its ETag, and every change names it in {@code If-Match}.
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
			@RequestParam(defaultValue = "50") int size, @RequestParam(defaultValue = "false")
			@Parameter(description = "Include the archived projects.") boolean archived) {
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		Page<ProjectSummary> found = projects.page(caller, archived, page, size);
		return ResponseEntity.ok(Pages.body(page, size, found.total(), "projects",
				found.items().stream().map(ProjectController::summary).toList()));
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
		if (caller.editable().isEmpty()) {
			throw new ApiErrors.OutOfPerimeter("only an agent registers projects, for their entity");
		}
		String owner = owner(caller, organisation);
		if (owner == null) {
			return Problems.invalidParameter("organisation",
					"you are an agent of " + String.join(", ", caller.editable().stream().sorted().toList())
							+ ": say which one with `organisation`");
		}
		Projects.Outcome outcome = projects.register(caller.person().email(), owner, assessment);
		if (outcome instanceof Projects.Invalid invalid) {
			return invalid(invalid);
		}
		Projects.Decided decided = (Projects.Decided) outcome;
		Project project = decided.project();
		return Versions.created("/api/v1/projects/" + project.id(), project.version(), detail(project));
	}

	@Operation(operationId = "getProject", summary = "Read a project",
			description = "**Who:** whoever sees the project: its organisation's agents, its ministry's controllers, "
					+ "DINUM. The project, its latest decision and its history.")
	@ApiResponse(responseCode = "200", description = "The project",
			content = @Content(schema = @Schema(implementation = ProjectSchemas.ProjectView.class)))
	@ApiDocs.Versioned
	@GetMapping("/{id}")
	ResponseEntity<?> show(Perimeter caller, @PathVariable UUID id) {
		Project project = visible(caller, id);
		return Versions.ok(project.version(), detail(project));
	}

	@Operation(operationId = "renameProject", summary = "Rename a project",
			description = "**Who:** the agents of the project's organisation.")
	@ApiResponse(responseCode = "200", description = "The project, renamed",
			content = @Content(schema = @Schema(implementation = ProjectSchemas.ProjectView.class)))
	@ApiDocs.Versioned
	@PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> edit(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = ProjectSchemas.ProjectRename.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		editable(caller, id);
		Object name;
		try {
			Object json = fr.gouv.nuage.doctrine.Json.parse(body);
			if (!(json instanceof Map<?, ?> fields) || !fields.keySet().equals(java.util.Set.of("name"))) {
				return Problems.invalidInput(
						List.of(Problems.field("name", "send an object with the project's new `name`, and nothing else")));
			}
			name = fields.get("name");
		}
		catch (JsonException ex) {
			return Problems.badRequest("Invalid JSON", "invalid JSON", List.of(Map.of("message", ex.getMessage())));
		}
		String text = name instanceof String given ? given : null;
		Projects.checkName(text);
		Project project = projects.rename(id, text, caller.person().email(), Versions.ifMatch(ifMatch));
		return Versions.ok(project.version(), detail(project));
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
		editable(caller, id);
		int version = Versions.ifMatch(ifMatch);
		Projects.Outcome outcome = projects.assess(id, caller.person().email(), assessment, version);
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
	ResponseEntity<?> archive(Perimeter caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		editable(caller, id);
		Project project = projects.archive(id, caller.person().email(), Versions.ifMatch(ifMatch));
		return Versions.ok(project.version(), detail(project));
	}

	@Operation(operationId = "listProjectDecisions", summary = "List a project's decisions",
			description = "**Who:** whoever sees the project. Every decision made on it, first to last, without their "
					+ "bodies.")
	@ApiResponse(responseCode = "200", description = "The project's decisions",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProjectSchemas.ProjectDecisionView.class))))
	@GetMapping("/{id}/decisions")
	List<Map<String, Object>> decisions(Perimeter caller, @PathVariable UUID id) {
		return visible(caller, id).decisions().stream().map(ProjectController::decision).toList();
	}

	@Operation(operationId = "getProjectDecision", summary = "Read one decision of a project",
			description = "**Who:** whoever sees the project. The decision as it was made (nuage.decision/v1).")
	@ApiResponse(responseCode = "200", description = "The decision",
			content = @Content(schema = @Schema(ref = "#/components/schemas/Decision")))
	@GetMapping("/{id}/decisions/{seq}")
	ResponseEntity<String> decision(Perimeter caller, @PathVariable UUID id, @PathVariable int seq) {
		Project project = visible(caller, id);
		ProjectDecision decision = project.decisions().stream().filter(d -> d.seq() == seq).findFirst()
			.orElseThrow(() -> new ApiErrors.Missing("the project has no decision " + seq));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(decision.decision());
	}

	private Project visible(Perimeter caller, UUID id) {
		return ProjectChecks.visible(projects, caller, id);
	}

	/** Refuses a caller who does not see the project or is not an agent of its organisation. */
	private void editable(Perimeter caller, UUID id) {
		ProjectChecks.agent(caller, ProjectChecks.seen(projects, caller, id), "change this project");
	}

	/** The organisation a new project belongs to: the one named, or the caller's only one. */
	private static String owner(Perimeter caller, String organisation) {
		if (organisation != null) {
			if (!caller.editable().contains(organisation)) {
				throw new ApiErrors.OutOfPerimeter("you are not an agent of `" + organisation + "`");
			}
			return organisation;
		}
		return caller.editable().size() == 1 ? caller.editable().iterator().next() : null;
	}

	private static ResponseEntity<?> invalid(Projects.Invalid invalid) {
		return Problems.badRequest("Invalid assessment", "invalid assessment",
				invalid.errors().stream().map(Problems::error).toList());
	}

	private static Map<String, Object> summary(ProjectSummary p) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", p.id());
		out.put("name", p.name());
		out.put("organisation", p.organisation());
		out.put("entity", p.entityName());
		out.put("ministry", p.ministry());
		out.put("archived", p.archived());
		out.put("registeredAt", p.registeredAt());
		out.put("version", p.version());
		out.put("verdict", p.verdict());
		out.put("control", p.control());
		out.put("decidedAt", p.decidedAt());
		out.put("pack", p.packId() == null ? null : p.packId() + " " + p.packVersion());
		return out;
	}

	private static Map<String, Object> detail(Project project) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", project.id());
		out.put("name", project.name());
		out.put("organisation", project.organisation());
		out.put("entity", Map.of("name", project.entityName(), "kind", project.entityKind()));
		out.put("ministry", project.ministry());
		out.put("archived", project.archived());
		out.put("registeredAt", project.registeredAt());
		out.put("version", project.version());
		project.latest().ifPresent(latest -> out.put("latest", decision(latest)));
		out.put("history", project.decisions().stream().map(ProjectController::decision).toList());
		return out;
	}

	/** A decision of the history without its body, which has its own address. */
	private static Map<String, Object> decision(ProjectDecision d) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("seq", d.seq());
		out.put("at", d.at());
		out.put("actor", d.actor());
		out.put("reason", d.reason());
		out.put("offerId", d.offerId());
		out.put("verdict", d.verdict());
		out.put("control", d.control());
		out.put("pack", Map.of("id", d.packId(), "version", d.packVersion(), "digest", d.packDigest()));
		return out;
	}
}
