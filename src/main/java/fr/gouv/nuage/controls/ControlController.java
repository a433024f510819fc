package fr.gouv.nuage.controls;

import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.controls.ControlSchemas.ControlDecision;
import fr.gouv.nuage.controls.ControlSchemas.ControlReferral;
import fr.gouv.nuage.controls.ControlSchemas.ControlStudy;
import fr.gouv.nuage.controls.ControlSchemas.ControlView;
import fr.gouv.nuage.controls.ControlSchemas.InformationRequest;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.Schemas;
import fr.gouv.nuage.http.Versions;
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
 * The controls of projects over HTTP: opened by the project's agents, moved through their
 * procedure by whom the procedure names — the project (study, referral, small projects'
 * decision), the ministry's controller (1–9 M€), DINUM (information requests and opinions
 * from 9 M€) — and read by whoever sees the project. Who may act is decided by
 * {@link Controls} from the caller's perimeter, never here nor from the request. A
 * control's version is its ETag, and every step names it in {@code If-Match}, read once
 * the caller is known to be allowed the step.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.CONTROLS)
class ControlController {

	private final Controls controls;

	ControlController(Controls controls) {
		this.controls = controls;
	}

	@Operation(operationId = "openControl", summary = "Open the control of a project",
			description = "**Who:** the agents of the project's organisation. Opens the control its latest decision "
					+ "calls for, with the procedure its cost sets: PROJECT_AUTHORITY (under 1 M€), MINISTRY (1 to 9 M€) "
					+ "or DINUM_OPINION (from 9 M€).")
	@ApiResponse(responseCode = "201", description = "The control, opened",
			content = @Content(schema = @Schema(implementation = ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping("/projects/{id}/controls")
	ResponseEntity<ControlView> open(Perimeter caller, @PathVariable UUID id,
			@RequestBody(required = false) @Schema(implementation = Schemas.EmptyBody.class) String body) {
		Body.empty(body);
		Control control = controls.open(id, caller);
		return Versions.created("/api/v1/controls/" + control.id(), control.version(), ControlView.of(control));
	}

	@Operation(operationId = "listControls", summary = "List the controls of a project",
			description = "**Who:** whoever sees the project: its organisation's agents, its ministry's controllers, DINUM.")
	@ApiResponse(responseCode = "200", description = "The project's controls",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ControlView.class))))
	@GetMapping("/projects/{id}/controls")
	List<ControlView> list(Perimeter caller, @PathVariable UUID id) {
		return controls.of(id, caller).stream().map(ControlView::of).toList();
	}

	@Operation(operationId = "getControl", summary = "Read a control",
			description = "**Who:** whoever sees its project. Its status, steps and, while DINUM is asked, when its "
					+ "silence is deemed favourable.")
	@ApiResponse(responseCode = "200", description = "The control",
			content = @Content(schema = @Schema(implementation = ControlView.class)))
	@ApiDocs.Versioned
	@GetMapping("/controls/{id}")
	ResponseEntity<ControlView> show(Perimeter caller, @PathVariable UUID id) {
		return ok(controls.find(id, caller));
	}

	/**
	 * MINISTRY: the project attaches its comparative study, a document stored for the
	 * project.
	 */
	@Operation(operationId = "attachStudy", summary = "Attach the comparative study",
			description = "**Who:** the agents of the project's organisation, on a control of the MINISTRY procedure. "
					+ "The study is a document of the project stored with the purpose COMPARATIVE_STUDY.")
	@ApiResponse(responseCode = "200", description = "The control, its study attached",
			content = @Content(schema = @Schema(implementation = ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/study", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ControlView> study(Perimeter caller, @PathVariable UUID id, @RequestBody ControlStudy body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(controls.attachStudy(id, body.document(), caller, () -> Versions.ifMatch(ifMatch)));
	}

	/**
	 * DINUM_OPINION: the project refers its file to DINUM, or refers it again once
	 * completed.
	 */
	@Operation(operationId = "referControl", summary = "Refer the file to DINUM",
			description = "**Who:** the agents of the project's organisation, on a control of the DINUM_OPINION "
					+ "procedure. Refers the file, or refers it again once completed after an information request; "
					+ "DINUM's month starts.")
	@ApiResponse(responseCode = "200", description = "The control, referred",
			content = @Content(schema = @Schema(implementation = ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/referral", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ControlView> referral(Perimeter caller, @PathVariable UUID id, @RequestBody ControlReferral body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(controls.refer(id, body.file().strip(), caller, () -> Versions.ifMatch(ifMatch)));
	}

	/** DINUM_OPINION: DINUM asks for information, which suspends its month. */
	@Operation(operationId = "requestInformation", summary = "Ask the project for information",
			description = "**Who:** DINUM, on a referred control of the DINUM_OPINION procedure. Suspends DINUM's "
					+ "month until the project refers its file again.")
	@ApiResponse(responseCode = "200", description = "The control, information requested",
			content = @Content(schema = @Schema(implementation = ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/information-request", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ControlView> informationRequest(Perimeter caller, @PathVariable UUID id,
			@RequestBody InformationRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return ok(controls.requestInformation(id, body.request().strip(), caller, () -> Versions.ifMatch(ifMatch)));
	}

	/** The decision, by whom the control's procedure names. */
	@Operation(operationId = "decideControl", summary = "Decide a control",
			description = "**Who:** whom the control's procedure names: the agents of the project's organisation "
					+ "(PROJECT_AUTHORITY), the controllers of its ministry (MINISTRY) or DINUM (DINUM_OPINION). "
					+ "Records the outcome; any outcome but FAVOURABLE says why in `reasons`.")
	@ApiResponse(responseCode = "200", description = "The control, decided",
			content = @Content(schema = @Schema(implementation = ControlView.class)))
	@ApiDocs.Versioned
	@PostMapping(path = "/controls/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ControlView> decision(Perimeter caller, @PathVariable UUID id, @RequestBody ControlDecision body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		String reasons = body.reasons() == null ? null : body.reasons().strip();
		return ok(controls.decide(id, body.outcome(), reasons, caller, () -> Versions.ifMatch(ifMatch)));
	}

	private static ResponseEntity<ControlView> ok(Control control) {
		return Versions.ok(control.version(), ControlView.of(control));
	}

}
