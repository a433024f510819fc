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
import java.util.function.Consumer;

import fr.gouv.nuage.audit.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Controls opened from a project's decision and moved through their procedure; every transition is
 * stored with the control and appended to the audit log in the same transaction. A transition given
 * the version its caller read is refused, changing nothing, when the control has moved since;
 * without one (the calendar's) it applies to the control as it is.
 */
@Service
@Transactional
public class Controls {

	private final ControlRepository controls;

	private final Projects projects;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Controls(ControlRepository controls, Projects projects, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.controls = controls;
		this.projects = projects;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** Opens the control the project's latest decision asks for. */
	public Control open(UUID projectId, String actor) {
		Project project = projects.find(projectId).orElseThrow(() -> new Control.Refused("no project " + projectId));
		ProjectDecision latest = project.latest().orElseThrow(() -> new Control.Refused("the project has no decision"));
		Control control = Control.open(projectId, latest.control(), actor, clock.instant());
		controls.save(control);
		audit.append(actor, "CONTROL_OPENED", "control:" + control.id(), null,
				AuditLog.state("project", projectId.toString(), "procedure", control.procedure().name(), "decision",
						latest.packDigest() + "#" + latest.seq()));
		return control;
	}

	public Control attachStudy(UUID id, String document, String actor, Control.Role role) {
		return attachStudy(id, document, actor, role, null);
	}

	/** MINISTRY: attaches the comparative study, if the control is still at the version the caller read. */
	public Control attachStudy(UUID id, String document, String actor, Control.Role role, Integer readVersion) {
		return move(id, actor, readVersion, c -> c.attachStudy(document, actor, role, clock.instant()));
	}

	public Control refer(UUID id, String file, String actor, Control.Role role) {
		return refer(id, file, actor, role, null);
	}

	/** DINUM_OPINION: refers the file to DINUM, if the control is still at the version the caller read. */
	public Control refer(UUID id, String file, String actor, Control.Role role, Integer readVersion) {
		return move(id, actor, readVersion, c -> c.refer(file, actor, role, clock.instant()));
	}

	public Control requestInformation(UUID id, String request, String actor, Control.Role role) {
		return requestInformation(id, request, actor, role, null);
	}

	/** DINUM_OPINION: DINUM asks for information, if the control is still at the version the caller read. */
	public Control requestInformation(UUID id, String request, String actor, Control.Role role, Integer readVersion) {
		return move(id, actor, readVersion, c -> c.requestInformation(request, actor, role, clock.instant()));
	}

	public Control decide(UUID id, Control.Outcome outcome, String reasons, String actor, Control.Role role) {
		return decide(id, outcome, reasons, actor, role, null);
	}

	/** Decides the control, if it is still at the version the caller read. */
	public Control decide(UUID id, Control.Outcome outcome, String reasons, String actor, Control.Role role,
			Integer readVersion) {
		Control control = move(id, actor, readVersion, c -> c.decide(outcome, reasons, actor, role, clock.instant()));
		events.publishEvent(new ControlDecided(control.project(), control.id(), control.procedure(), outcome, false,
				control.dinumInformed()));
		return control;
	}

	/** Every day: a file referred to DINUM without an answer for a month is deemed favourably reviewed. */
	@Scheduled(cron = "0 15 0 * * *")
	public void deemSilentOpinions() {
		for (Control control : controls.silentSince(LocalDate.now(clock))) {
			move(control.id(), "DINUM (silence)", null, c -> c.deemFavourable(clock.instant()));
			events.publishEvent(new ControlDecided(control.project(), control.id(), control.procedure(),
					Control.Outcome.FAVOURABLE, true, false));
		}
	}

	@Transactional(readOnly = true)
	public Optional<Control> find(UUID id) {
		return controls.find(id);
	}

	/** The project's controls, the first opened first. */
	@Transactional(readOnly = true)
	public List<Control> of(UUID project) {
		return controls.of(project);
	}

	private Control move(UUID id, String actor, Integer readVersion, Consumer<Control> transition) {
		Control control = controls.find(id).orElseThrow(() -> new Control.Refused("no control " + id));
		ReadVersions.check("control", control.version(), readVersion);
		ControlStatus before = control.status();
		transition.accept(control);
		controls.save(control);
		audit.append(actor, "CONTROL_" + control.status().name(), "control:" + id, AuditLog.state("status", before.name()),
				AuditLog.state("status", control.status().name(), "outcome",
						control.outcome() == null ? null : control.outcome().name()));
		return control;
	}
}
