package fr.gouv.nuage.controls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;
import fr.gouv.nuage.directory.Perimeter;

/**
 * The control of a project as an aggregate: a procedure fixed when it opens, a documented
 * status ({@link ControlStatus}) and guarded transitions. Each transition first settles
 * who acts: the procedure names the role a step needs ({@link #roleFor}), and a caller is
 * given it from their perimeter on the project's organisation ({@link #actingAs}), never
 * from what they ask; a caller without it is {@link NotAllowed}. Then the procedure and
 * the status must allow the step, or it is {@link Refused}. Whoever took a step in
 * another role does not decide ({@link NotAllowed}: separation of duties). A refused
 * transition changes nothing; every transition is kept with who made it.
 */
public final class Control {

	/** The procedures of DECISION-SEMANTICS §4. */
	public enum Procedure {

		PROJECT_AUTHORITY, MINISTRY, DINUM_OPINION

	}

	/** Who acts on a control. */
	public enum Role {

		/**
		 * The authority in charge of the project: the agents of the project's
		 * organisation.
		 */
		PROJECT_AUTHORITY,
		/**
		 * The controllers of the ministry whose tree holds the project's organisation.
		 */
		MINISTRY_CONTROLLER,
		/** DINUM, on every project. */
		DINUM;

		/**
		 * Whether the caller holds this role on the projects of {@code organisation}
		 * ({@code null}: outside the directory).
		 */
		public boolean heldBy(Perimeter caller, String organisation) {
			return switch (this) {
				case PROJECT_AUTHORITY -> caller.edits(organisation);
				case MINISTRY_CONTROLLER -> caller.controls(organisation);
				case DINUM -> caller.dinum();
			};
		}

	}

	/**
	 * The steps a caller asks of a control; each is taken in the role its procedure names
	 * ({@link #roleFor}).
	 */
	public enum Action {

		OPEN, ATTACH_STUDY, REFER, REQUEST_INFORMATION, DECIDE

	}

	public enum Outcome {

		FAVOURABLE, FAVOURABLE_WITH_RESERVATIONS, UNFAVOURABLE

	}

	/** One transition: when, by whom, to which status, and what was said or attached. */
	public record Step(Instant at, String actor, Role role, ControlStatus status, String detail) {
	}

	/** A transition not allowed; nothing was changed. */
	public static final class Refused extends Refusal {

		private static final long serialVersionUID = 1L;

		Refused(Said said) {
			super(Kind.CONFLICT, null, said);
		}

	}

	/** A text of the controls' bundle ({@code controls/refusals}). */
	static Said said(String key, Object... values) {
		return Said.of("controls/refusals", key, values);
	}

	private final UUID id;

	private final UUID project;

	private final Procedure procedure;

	private final List<Step> steps = new ArrayList<>();

	private ControlStatus status = ControlStatus.OPEN;

	private Outcome outcome;

	private String studyDocument;

	private LocalDate referredOn;

	/**
	 * The day DINUM's silence becomes a favourable opinion; moved by the days a request
	 * suspends.
	 */
	private LocalDate due;

	private long daysLeftWhenSuspended;

	private int version;

	private Control(UUID id, UUID project, Procedure procedure) {
		this.id = id;
		this.project = project;
		this.procedure = procedure;
	}

	/** A control read back from the database. */
	Control(UUID id, UUID project, Procedure procedure, ControlStatus status, Outcome outcome, String studyDocument,
			LocalDate referredOn, LocalDate due, long daysLeftWhenSuspended, List<Step> steps, int version) {
		this(id, project, procedure);
		this.status = status;
		this.outcome = outcome;
		this.studyDocument = studyDocument;
		this.referredOn = referredOn;
		this.due = due;
		this.daysLeftWhenSuspended = daysLeftWhenSuspended;
		this.steps.addAll(steps);
		this.version = version;
	}

	/**
	 * Opens, for a caller who is an agent of the project's organisation, the control a
	 * decision's procedure asks for.
	 */
	public static Control open(UUID project, String decisionControl, Perimeter caller, String organisation,
			Instant at) {
		if (!Role.PROJECT_AUTHORITY.heldBy(caller, organisation)) {
			throw new NotAllowed(onlyWho(Action.OPEN, null, organisation));
		}
		return open(project, decisionControl, caller.person().email(), at);
	}

	/**
	 * Opens the control a decision's procedure asks for; an unknown procedure (no cost)
	 * opens none.
	 */
	static Control open(UUID project, String decisionControl, String actor, Instant at) {
		Procedure procedure;
		try {
			procedure = Procedure.valueOf(decisionControl);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new Refused(said("open.no-procedure", decisionControl));
		}
		Control control = new Control(UUID.randomUUID(), project, procedure);
		control.steps.add(new Step(at, actor, null, ControlStatus.OPEN, procedure.name()));
		return control;
	}

	/**
	 * The role the procedure gives {@code action}: the project opens, attaches its study
	 * and refers its file; DINUM asks for information; the decision is the project
	 * authority's under 1 M€, the ministry's controller's from 1 to 9 M€, DINUM's from 9
	 * M€.
	 */
	public Role roleFor(Action action) {
		return switch (action) {
			case OPEN, ATTACH_STUDY, REFER -> Role.PROJECT_AUTHORITY;
			case REQUEST_INFORMATION -> Role.DINUM;
			case DECIDE -> switch (procedure) {
				case PROJECT_AUTHORITY -> Role.PROJECT_AUTHORITY;
				case MINISTRY -> Role.MINISTRY_CONTROLLER;
				case DINUM_OPINION -> Role.DINUM;
			};
		};
	}

	/**
	 * The role in which the caller takes {@code action} on this control of a project of
	 * {@code organisation}; {@link NotAllowed} when their perimeter does not give it to
	 * them.
	 */
	public Role actingAs(Action action, Perimeter caller, String organisation) {
		Role role = roleFor(action);
		if (!role.heldBy(caller, organisation)) {
			throw new NotAllowed(onlyWho(action, procedure, organisation));
		}
		return role;
	}

	/** MINISTRY: the project attaches the comparative study of the scenarios (R7). */
	public void attachStudy(String document, Perimeter caller, String organisation, Instant at) {
		attachStudy(document, caller.person().email(), actingAs(Action.ATTACH_STUDY, caller, organisation), at);
	}

	void attachStudy(String document, String actor, Role role, Instant at) {
		allow(Action.ATTACH_STUDY, role);
		require(procedure == Procedure.MINISTRY, "study.ministry-only");
		require(status == ControlStatus.OPEN || status == ControlStatus.STUDY_ATTACHED, "study.closed", status);
		require(document != null && !document.isBlank(), "study.missing");
		studyDocument = document;
		move(ControlStatus.STUDY_ATTACHED, actor, role, document, at);
	}

	/**
	 * DINUM_OPINION: the file is referred to DINUM, which has one month to answer; after
	 * a request for information, the completed file is referred again and the month
	 * resumes where it stopped.
	 */
	public void refer(String file, Perimeter caller, String organisation, Instant at) {
		refer(file, caller.person().email(), actingAs(Action.REFER, caller, organisation), at);
	}

	void refer(String file, String actor, Role role, Instant at) {
		allow(Action.REFER, role);
		require(procedure == Procedure.DINUM_OPINION, "refer.dinum-only");
		require(status == ControlStatus.OPEN || status == ControlStatus.INFORMATION_REQUESTED, "refer.closed", status);
		require(file != null && !file.isBlank(), "refer.missing");
		if (status == ControlStatus.OPEN) {
			referredOn = day(at);
			due = referredOn.plusMonths(1);
		}
		else {
			due = day(at).plusDays(daysLeftWhenSuspended);
		}
		move(ControlStatus.REFERRED, actor, role, file, at);
	}

	/** DINUM_OPINION: DINUM asks for more information, which suspends its month. */
	public void requestInformation(String request, Perimeter caller, String organisation, Instant at) {
		requestInformation(request, caller.person().email(), actingAs(Action.REQUEST_INFORMATION, caller, organisation),
				at);
	}

	void requestInformation(String request, String actor, Role role, Instant at) {
		allow(Action.REQUEST_INFORMATION, role);
		require(procedure == Procedure.DINUM_OPINION, "information.dinum-only");
		require(status == ControlStatus.REFERRED, "information.not-referred", status);
		daysLeftWhenSuspended = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(day(at), due));
		move(ControlStatus.INFORMATION_REQUESTED, actor, role, request, at);
	}

	/** The decision of whoever controls under this procedure. */
	public void decide(Outcome outcome, String reasons, Perimeter caller, String organisation, Instant at) {
		decide(outcome, reasons, caller.person().email(), actingAs(Action.DECIDE, caller, organisation), at);
	}

	void decide(Outcome outcome, String reasons, String actor, Role role, Instant at) {
		allow(Action.DECIDE, role);
		switch (procedure) {
			case PROJECT_AUTHORITY:
				require(status == ControlStatus.OPEN, "status", status);
				break;
			case MINISTRY:
				require(status == ControlStatus.STUDY_ATTACHED,
						status == ControlStatus.OPEN ? "decide.study-first" : "status", status);
				break;
			default:
				require(status == ControlStatus.REFERRED,
						status == ControlStatus.OPEN ? "decide.refer-first" : "status", status);
		}
		separate(actor, role);
		require(outcome != null, "decide.outcome");
		require(outcome == Outcome.FAVOURABLE || (reasons != null && !reasons.isBlank()), "decide.reasons");
		this.outcome = outcome;
		move(ControlStatus.DECIDED, actor, role, outcome + (reasons == null ? "" : ": " + reasons), at);
	}

	/**
	 * DINUM_OPINION: one month after the referral without an answer, the opinion is
	 * deemed favourable.
	 */
	public void deemFavourable(Instant at) {
		require(procedure == Procedure.DINUM_OPINION && status == ControlStatus.REFERRED, "silence.not-referred");
		require(!day(at).isBefore(due), "silence.not-yet", due.minusDays(1));
		this.outcome = Outcome.FAVOURABLE;
		move(ControlStatus.DEEMED_FAVOURABLE, "DINUM (silence)", Role.DINUM, "no answer by " + due, at);
	}

	/** True until the control is decided, by someone or by DINUM's silence. */
	public boolean inProgress() {
		return status != ControlStatus.DECIDED && status != ControlStatus.DEEMED_FAVOURABLE;
	}

	/** True when DINUM must be told of the decision (the ministry's procedure). */
	public boolean dinumInformed() {
		return procedure == Procedure.MINISTRY && status == ControlStatus.DECIDED;
	}

	private void move(ControlStatus to, String actor, Role role, String detail, Instant at) {
		status = to;
		steps.add(new Step(at, actor, role, to, detail));
	}

	/**
	 * Separation of duties: whoever took a step of this control in another role (opened
	 * it, attached its study, referred its file for the project) does not decide it, even
	 * when they also hold the deciding role. Only the PROJECT_AUTHORITY procedure, where
	 * the project decides its own small control, is decided in the role that opened it.
	 */
	private void separate(String actor, Role deciding) {
		for (Step step : steps) {
			Role took = step.role() == null ? Role.PROJECT_AUTHORITY : step.role();
			if (took != deciding && step.actor() != null && step.actor().equalsIgnoreCase(actor)) {
				throw new NotAllowed(said("separate", step.status(), deciding));
			}
		}
	}

	/** Refuses a role the procedure does not give the action, whoever named it. */
	private void allow(Action action, Role role) {
		if (role != roleFor(action)) {
			throw new NotAllowed(onlyWho(action, procedure, null));
		}
	}

	/**
	 * Who takes {@code action}, said to whoever may not; {@code organisation} when known.
	 */
	private static Said onlyWho(Action action, Procedure procedure, String organisation) {
		String key = switch (action) {
			case OPEN -> "only.open";
			case ATTACH_STUDY -> "only.attach-study";
			case REFER -> "only.refer";
			case REQUEST_INFORMATION -> "only.request-information";
			case DECIDE -> switch (procedure) {
				case PROJECT_AUTHORITY -> "only.decide.project-authority";
				case MINISTRY -> "only.decide.ministry";
				case DINUM_OPINION -> "only.decide.dinum-opinion";
			};
		};
		boolean agents = action != Action.REQUEST_INFORMATION
				&& (action != Action.DECIDE || procedure == Procedure.PROJECT_AUTHORITY);
		return agents && organisation != null ? said(key + ".named", organisation) : said(key);
	}

	/** Refuses the step, with the text {@code key} of the bundle and its values. */
	private static void require(boolean condition, String key, Object... values) {
		if (!condition) {
			throw new Refused(said(key, values));
		}
	}

	private static LocalDate day(Instant at) {
		return at.atZone(ZoneOffset.UTC).toLocalDate();
	}

	public UUID id() {
		return id;
	}

	public UUID project() {
		return project;
	}

	public Procedure procedure() {
		return procedure;
	}

	public ControlStatus status() {
		return status;
	}

	public Outcome outcome() {
		return outcome;
	}

	public String studyDocument() {
		return studyDocument;
	}

	public LocalDate referredOn() {
		return referredOn;
	}

	/**
	 * The day DINUM's silence becomes a favourable opinion, while the file is with DINUM.
	 */
	public LocalDate due() {
		return due;
	}

	public List<Step> steps() {
		return List.copyOf(steps);
	}

	long daysLeftWhenSuspended() {
		return daysLeftWhenSuspended;
	}

	/** How many times it was saved: the version a change names back (the API's ETag). */
	public int version() {
		return version;
	}

	void saved() {
		version++;
	}

}
