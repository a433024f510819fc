package fr.gouv.nuage.controls;

import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.ReadVersions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;

import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.documents.DocumentChecks;
import fr.gouv.nuage.documents.DocumentPurpose;
import fr.gouv.nuage.documents.Documents;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Body;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Controls opened from a project's decision and moved through their procedure; every
 * transition is stored with the control and appended to the audit log in the same
 * transaction.
 * <p>
 * A caller's step is given their {@link Perimeter}: whether they see the control and hold
 * the role the step needs is decided here and by {@link Control}, from the project's
 * organisation, so that a page and an API call cannot disagree. It is refused in this
 * order, changing nothing: an unknown control (404), a caller outside its project or
 * without the role ({@link NotAllowed}), then the version they read (asked only now, so
 * that a caller who may not act is told that first), then the procedure and the status
 * ({@link Control.Refused}).
 * <p>
 * The steps that name an actor and a role instead of a caller are for callers that have
 * settled who acts themselves (fixtures, the calendar); without a version they apply to
 * the control as it is.
 */
@Service
@Transactional
public class Controls {

	private final ControlRepository controls;

	private final Projects projects;

	private final Documents documents;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Controls(ControlRepository controls, Projects projects, Documents documents, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.controls = controls;
		this.projects = projects;
		this.documents = documents;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens, for an agent of the project's organisation, the control the project's latest
	 * decision asks for.
	 */
	public Control open(UUID projectId, Perimeter caller) {
		String organisation = organisation(projectId);
		return open(projectId, caller.person().email(),
				decision -> Control.open(projectId, decision, caller, organisation, clock.instant()));
	}

	/** Opens the control the project's latest decision asks for. */
	public Control open(UUID projectId, String actor) {
		return open(projectId, actor, decision -> Control.open(projectId, decision, actor, clock.instant()));
	}

	private Control open(UUID projectId, String actor, Function<String, Control> opening) {
		Project project = projects.find(projectId)
			.orElseThrow(() -> new ApiErrors.Missing(Control.said("no-project", projectId)));
		ProjectDecision latest = project.latest()
			.orElseThrow(() -> new Control.Refused(Control.said("open.no-decision")));
		Control control = opening.apply(latest.control());
		projects.checkNotArchived(projectId, "control");
		controls.of(projectId).stream().filter(Control::inProgress).findFirst().ifPresent(open -> {
			throw new Control.Refused(Control.said("open.in-progress", open.id(), open.status()));
		});
		controls.save(control);
		audit.append(actor, "CONTROL_OPENED", "control:" + control.id(), null,
				AuditLog.state("project", projectId.toString(), "procedure", control.procedure().name(), "decision",
						latest.packDigest() + "#" + latest.seq()));
		return control;
	}

	/**
	 * MINISTRY: an agent of the project's organisation attaches the comparative study, a
	 * document the project stored as a COMPARATIVE_STUDY (refused on {@code document}
	 * otherwise).
	 */
	public Control attachStudy(UUID id, UUID document, Perimeter caller, IntSupplier readVersion) {
		return step(id, caller, Control.Action.ATTACH_STUDY, readVersion, control -> {
			if (document != null) {
				DocumentChecks.stored(documents, "document", document, control.project(),
						DocumentPurpose.COMPARATIVE_STUDY);
			}
		}, (control, organisation) -> control.attachStudy(document == null ? null : document.toString(), caller,
				organisation, clock.instant()));
	}

	/** MINISTRY: attaches the comparative study, as {@code role}. */
	public Control attachStudy(UUID id, String document, String actor, Control.Role role) {
		return move(stored(id), actor, null, c -> c.attachStudy(document, actor, role, clock.instant()));
	}

	/** DINUM_OPINION: an agent of the project's organisation refers the file to DINUM. */
	public Control refer(UUID id, String file, Perimeter caller, IntSupplier readVersion) {
		return step(id, caller, Control.Action.REFER, readVersion, null,
				(control, organisation) -> control.refer(file, caller, organisation, clock.instant()));
	}

	/** DINUM_OPINION: refers the file to DINUM, as {@code role}. */
	public Control refer(UUID id, String file, String actor, Control.Role role) {
		return move(stored(id), actor, null, c -> c.refer(file, actor, role, clock.instant()));
	}

	/** DINUM_OPINION: DINUM asks for information. */
	public Control requestInformation(UUID id, String request, Perimeter caller, IntSupplier readVersion) {
		return step(id, caller, Control.Action.REQUEST_INFORMATION, readVersion, null,
				(control, organisation) -> control.requestInformation(request, caller, organisation, clock.instant()));
	}

	/** DINUM_OPINION: asks for information, as {@code role}. */
	public Control requestInformation(UUID id, String request, String actor, Control.Role role) {
		return move(stored(id), actor, null, c -> c.requestInformation(request, actor, role, clock.instant()));
	}

	/**
	 * Decides the control, if the caller holds the role its procedure gives the decision.
	 */
	public Control decide(UUID id, Control.Outcome outcome, String reasons, Perimeter caller, IntSupplier readVersion) {
		return decided(step(id, caller, Control.Action.DECIDE, readVersion, null,
				(control, organisation) -> control.decide(outcome, reasons, caller, organisation, clock.instant())));
	}

	/** Decides the control, as {@code role}. */
	public Control decide(UUID id, Control.Outcome outcome, String reasons, String actor, Control.Role role) {
		return decided(move(stored(id), actor, null, c -> c.decide(outcome, reasons, actor, role, clock.instant())));
	}

	private Control decided(Control control) {
		events.publishEvent(new ControlDecided(control.project(), control.id(), control.procedure(), control.outcome(),
				false, control.dinumInformed()));
		return control;
	}

	/**
	 * Every day: a file referred to DINUM without an answer for a month is deemed
	 * favourably reviewed.
	 */
	@Scheduled(cron = "0 15 0 * * *")
	public void deemSilentOpinions() {
		for (Control control : controls.silentSince(LocalDate.now(clock))) {
			move(control, "DINUM (silence)", null, c -> c.deemFavourable(clock.instant()));
			events.publishEvent(new ControlDecided(control.project(), control.id(), control.procedure(),
					Control.Outcome.FAVOURABLE, true, false));
		}
	}

	@Transactional(readOnly = true)
	public Optional<Control> find(UUID id) {
		return controls.find(id);
	}

	/** The control, if the caller sees its project. */
	@Transactional(readOnly = true)
	public Control find(UUID id, Perimeter caller) {
		return visible(id, caller).control();
	}

	/** The project's controls, the first opened first. */
	@Transactional(readOnly = true)
	public List<Control> of(UUID project) {
		return controls.of(project);
	}

	/** The project's controls, the first opened first, if the caller sees the project. */
	@Transactional(readOnly = true)
	public List<Control> of(UUID project, Perimeter caller) {
		String organisation = organisation(project);
		if (!caller.sees(organisation)) {
			throw new NotAllowed(Control.said("outside.project", project));
		}
		return controls.of(project);
	}

	/** A control and its project's organisation. */
	private record Visible(Control control, String organisation) {
	}

	/** The control, if the caller sees its project. */
	private Visible visible(UUID id, Perimeter caller) {
		Control control = controls.find(id).orElseThrow(() -> new ApiErrors.Missing(Control.said("no-control", id)));
		String organisation = organisation(control.project());
		if (!caller.sees(organisation)) {
			throw new NotAllowed(Control.said("outside.control", id));
		}
		return new Visible(control, organisation);
	}

	/** The project's organisation ({@code null} for a project outside the directory). */
	private String organisation(UUID project) {
		return projects.organisation(project)
			.orElseThrow(() -> new ApiErrors.Missing(Control.said("no-project", project)))
			.organisation();
	}

	/**
	 * A caller's step: the control they see, the role they hold for it, what else the
	 * step checks ({@code check}, may be {@code null}), and only then the version they
	 * read, the transition given the project's organisation.
	 */
	private Control step(UUID id, Perimeter caller, Control.Action action, IntSupplier readVersion,
			Consumer<Control> check, BiConsumer<Control, String> transition) {
		Visible visible = visible(id, caller);
		visible.control().actingAs(action, caller, visible.organisation());
		if (check != null) {
			check.accept(visible.control());
		}
		return move(visible.control(), caller.person().email(), readVersion.getAsInt(),
				control -> transition.accept(control, visible.organisation()));
	}

	private Control stored(UUID id) {
		return controls.find(id).orElseThrow(() -> new ApiErrors.Missing(Control.said("no-control", id)));
	}

	private Control move(Control control, String actor, Integer readVersion, Consumer<Control> transition) {
		ReadVersions.check("control", control.version(), readVersion);
		ControlStatus before = control.status();
		transition.accept(control);
		controls.save(control);
		audit.append(actor, "CONTROL_" + control.status().name(), "control:" + control.id(),
				AuditLog.state("status", before.name()), AuditLog.state("status", control.status().name(), "outcome",
						control.outcome() == null ? null : control.outcome().name()));
		return control;
	}

}
