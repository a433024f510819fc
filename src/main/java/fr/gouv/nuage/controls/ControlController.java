package fr.gouv.nuage.controls;

import fr.gouv.nuage.documents.DocumentChecks;
import fr.gouv.nuage.http.Schemas;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.Steps;
import fr.gouv.nuage.http.Versions;
import fr.gouv.nuage.projects.ProjectChecks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.gouv.nuage.documents.DocumentPurpose;
import fr.gouv.nuage.documents.Documents;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.directory.Perimeter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * The controls of projects: opened by the project's agents, moved through their procedure by whom
 * the procedure names — the project (study, referral, small projects' decision), the ministry's
 * controller (1–9 M€), DINUM (information requests and opinions from 9 M€) — and read by whoever
 * sees the project. The role is taken from the caller's perimeter and the step, never from the
 * request. A control's version is its ETag, and every step names it in {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.CONTROLS)
class ControlController {

	private final Controls controls;

	private final Projects projects;

	private final Documents documents;

	ControlController(Controls controls, Projects projects, Documents documents) {
		this.controls = controls;
		this.projects = projects;
		this.documents = documents;
	}

	@Operation(operationId = "openControl", summary = "Open the control of a project",
			description = "**Who:** the agents of the project's organisation. Opens the control its latest decision "
					+ "calls for, with the procedure its cost sets: PROJECT_AUTHORITY (under 1 M€), MINISTRY (1 to 9 M€) "
					+ "or DINUM_OPINION (from 9 M€).")
	@ApiResponse(responseCode = "201", description = "The control, opened",
			content = @Content(schema = @Schema(implementation = ControlSchemas.ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping("/projects/{id}/controls")
	ResponseEntity<?> open(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body) {
		ProjectChecks.agent(caller, ProjectChecks.organisation(projects, id));
		Body.empty(body);
		Control control = controls.open(id, caller.person().email());
		return Versions.created("/api/v1/controls/" + control.id(), control.version(), detail(control));
	}

	@Operation(operationId = "listControls", summary = "List the controls of a project",
			description = "**Who:** whoever sees the project: its organisation's agents, its ministry's controllers, DINUM.")
	@ApiResponse(responseCode = "200", description = "The project's controls",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ControlSchemas.ControlView.class))))
	@GetMapping("/projects/{id}/controls")
	List<Map<String, Object>> list(Perimeter caller, @PathVariable UUID id) {
		ProjectChecks.seen(projects, caller, id);
		return controls.of(id).stream().map(ControlController::detail).toList();
	}

	@Operation(operationId = "getControl", summary = "Read a control",
			description = "**Who:** whoever sees its project. Its status, steps and, while DINUM is asked, when its "
					+ "silence is deemed favourable.")
	@ApiResponse(responseCode = "200", description = "The control",
			content = @Content(schema = @Schema(implementation = ControlSchemas.ControlView.class)))
	@ApiDocs.Versioned
	@GetMapping("/controls/{id}")
	ResponseEntity<?> show(Perimeter caller, @PathVariable UUID id) {
		return ok(visible(caller, id).control());
	}

	/** MINISTRY: the project attaches its comparative study, a document stored for the project. */
	@Operation(operationId = "attachStudy", summary = "Attach the comparative study",
			description = "**Who:** the agents of the project's organisation, on a control of the MINISTRY procedure. "
					+ "The study is a document of the project stored with the purpose COMPARATIVE_STUDY.")
	@ApiResponse(responseCode = "200", description = "The control, its study attached",
			content = @Content(schema = @Schema(implementation = ControlSchemas.ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/study", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> study(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = ControlSchemas.ControlStudy.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Visible visible = visible(caller, id);
		ProjectChecks.agent(caller, visible.organisation());
		Body in = Body.read(body, List.of("document"), List.of());
		UUID document = in.id("document");
		if (document != null) {
			DocumentChecks.stored(documents, in, "document", document, visible.control().project(),
					DocumentPurpose.COMPARATIVE_STUDY);
		}
		in.check();
		Control control = controls.attachStudy(id, document.toString(), caller.person().email(),
				Control.Role.PROJECT_AUTHORITY, Versions.ifMatch(ifMatch));
		return ok(control);
	}

	/** DINUM_OPINION: the project refers its file to DINUM, or refers it again once completed. */
	@Operation(operationId = "referControl", summary = "Refer the file to DINUM",
			description = "**Who:** the agents of the project's organisation, on a control of the DINUM_OPINION "
					+ "procedure. Refers the file, or refers it again once completed after an information request; "
					+ "DINUM's month starts.")
	@ApiResponse(responseCode = "200", description = "The control, referred",
			content = @Content(schema = @Schema(implementation = ControlSchemas.ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/referral", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> referral(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = ControlSchemas.ControlReferral.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Visible visible = visible(caller, id);
		ProjectChecks.agent(caller, visible.organisation());
		Body in = Body.read(body, List.of("file"), List.of());
		String file = in.text("file");
		in.check();
		return ok(controls.refer(id, file, caller.person().email(), Control.Role.PROJECT_AUTHORITY,
				Versions.ifMatch(ifMatch)));
	}

	/** DINUM_OPINION: DINUM asks for information, which suspends its month. */
	@Operation(operationId = "requestInformation", summary = "Ask the project for information",
			description = "**Who:** DINUM, on a referred control of the DINUM_OPINION procedure. Suspends DINUM's "
					+ "month until the project refers its file again.")
	@ApiResponse(responseCode = "200", description = "The control, information requested",
			content = @Content(schema = @Schema(implementation = ControlSchemas.ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/information-request", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> informationRequest(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = ControlSchemas.InformationRequest.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		visible(caller, id);
		if (!caller.dinum()) {
			throw new ApiErrors.OutOfPerimeter("only DINUM asks for information on a referral");
		}
		Body in = Body.read(body, List.of("request"), List.of());
		String request = in.text("request");
		in.check();
		return ok(controls.requestInformation(id, request, caller.person().email(), Control.Role.DINUM,
				Versions.ifMatch(ifMatch)));
	}

	/** The decision, by whom the control's procedure names. */
	@Operation(operationId = "decideControl", summary = "Decide a control",
			description = "**Who:** whom the control's procedure names: the agents of the project's organisation "
					+ "(PROJECT_AUTHORITY), the controllers of its ministry (MINISTRY) or DINUM (DINUM_OPINION). "
					+ "Records the outcome; any outcome but FAVOURABLE says why in `reasons`.")
	@ApiResponse(responseCode = "200", description = "The control, decided",
			content = @Content(schema = @Schema(implementation = ControlSchemas.ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> decision(Perimeter caller, @PathVariable UUID id,
			@RequestBody @Schema(implementation = ControlSchemas.ControlDecision.class) String body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		Visible visible = visible(caller, id);
		Control.Role role = decider(caller, visible);
		Body in = Body.read(body, List.of("outcome"), List.of("reasons"));
		Control.Outcome outcome = in.choice("outcome", Control.Outcome.class);
		String reasons = in.text("reasons");
		if (outcome != null && outcome != Control.Outcome.FAVOURABLE && reasons == null) {
			in.error("reasons", "a decision other than favourable says why");
		}
		in.check();
		return ok(controls.decide(id, outcome, reasons, caller.person().email(), role, Versions.ifMatch(ifMatch)));
	}

	/** The role the procedure gives the decision to, if the caller holds it. */
	private static Control.Role decider(Perimeter caller, Visible visible) {
		String organisation = visible.organisation();
		return switch (visible.control().procedure()) {
			case PROJECT_AUTHORITY -> {
				if (!caller.edits(organisation)) {
					throw new ApiErrors.OutOfPerimeter(
							"the authority in charge of the project decides its control: the agents of `" + organisation + "`");
				}
				yield Control.Role.PROJECT_AUTHORITY;
			}
			case MINISTRY -> {
				if (!caller.controls(organisation)) {
					throw new ApiErrors.OutOfPerimeter("the ministry's controller decides a control of a project from 1 to 9 M€");
				}
				yield Control.Role.MINISTRY_CONTROLLER;
			}
			case DINUM_OPINION -> {
				if (!caller.dinum()) {
					throw new ApiErrors.OutOfPerimeter("DINUM gives its opinion on a project from 9 M€");
				}
				yield Control.Role.DINUM;
			}
		};
	}

	/** A control and its project's organisation. */
	private record Visible(Control control, String organisation) {
	}

	/** The control, if the caller sees its project. */
	private Visible visible(Perimeter caller, UUID id) {
		Control control = controls.find(id).orElseThrow(() -> new ApiErrors.Missing("no control " + id));
		String organisation = projects.organisation(control.project()).orElseThrow().organisation();
		if (!caller.sees(organisation)) {
			throw new ApiErrors.OutOfPerimeter("the control " + id + " is outside your perimeter");
		}
		return new Visible(control, organisation);
	}

	private static ResponseEntity<?> ok(Control control) {
		return Versions.ok(control.version(), detail(control));
	}

	private static Map<String, Object> detail(Control control) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", control.id());
		out.put("project", control.project());
		out.put("procedure", control.procedure());
		out.put("status", control.status());
		out.put("outcome", control.outcome());
		out.put("studyDocument", control.studyDocument());
		out.put("referredOn", control.referredOn());
		out.put("due", control.due());
		out.put("steps", control.steps().stream()
			.map(step -> Steps.step(step.at(), step.actor(), step.role(), step.status(), step.detail()))
			.toList());
		out.put("version", control.version());
		return out;
	}
}
