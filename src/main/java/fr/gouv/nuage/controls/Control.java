package fr.gouv.nuage.controls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The control of a project as an aggregate: a procedure fixed when it opens, a documented status
 * ({@link ControlStatus}) and guarded transitions. A transition that the procedure, the status or
 * the actor's role does not allow is refused and changes nothing; every transition is kept with
 * who made it.
 */
public final class Control {

	/** The procedures of DECISION-SEMANTICS §4. */
	public enum Procedure {
		PROJECT_AUTHORITY, MINISTRY, DINUM_OPINION
	}

	/** Who acts on a control. */
	public enum Role {
		PROJECT_AUTHORITY, MINISTRY_CONTROLLER, DINUM
	}

	public enum Outcome {
		FAVOURABLE, FAVOURABLE_WITH_RESERVATIONS, UNFAVOURABLE
	}

	/** One transition: when, by whom, to which status, and what was said or attached. */
	public record Step(Instant at, String actor, Role role, ControlStatus status, String detail) {
	}

	/** A transition not allowed; nothing was changed. */
	public static final class Refused extends IllegalStateException {

		private static final long serialVersionUID = 1L;

		Refused(String message) {
			super(message);
		}
	}

	private final UUID id;

	private final UUID project;

	private final Procedure procedure;

	private final List<Step> steps = new ArrayList<>();

	private ControlStatus status = ControlStatus.OPEN;

	private Outcome outcome;

	private String studyDocument;

	private LocalDate referredOn;

	/** The day DINUM's silence becomes a favourable opinion; moved by the days a request suspends. */
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

	/** Opens the control a decision's procedure asks for; an unknown procedure (no cost) opens none. */
	public static Control open(UUID project, String decisionControl, String actor, Instant at) {
		Procedure procedure;
		try {
			procedure = Procedure.valueOf(decisionControl);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new Refused("no control can open while the procedure is `" + decisionControl
					+ "`: the project's full cost is needed");
		}
		Control control = new Control(UUID.randomUUID(), project, procedure);
		control.steps.add(new Step(at, actor, null, ControlStatus.OPEN, procedure.name()));
		return control;
	}

	/** MINISTRY: the project attaches the comparative study of the scenarios (R7). */
	public void attachStudy(String document, String actor, Role role, Instant at) {
		require(procedure == Procedure.MINISTRY, "a comparative study is attached in the ministry's procedure only");
		require(role == Role.PROJECT_AUTHORITY, "the project attaches its comparative study");
		require(status == ControlStatus.OPEN || status == ControlStatus.STUDY_ATTACHED,
				"the study can no longer change once the control is " + status);
		require(document != null && !document.isBlank(), "the comparative study must be attached");
		studyDocument = document;
		move(ControlStatus.STUDY_ATTACHED, actor, role, document, at);
	}

	/**
	 * DINUM_OPINION: the file is referred to DINUM, which has one month to answer; after a request
	 * for information, the completed file is referred again and the month resumes where it stopped.
	 */
	public void refer(String file, String actor, Role role, Instant at) {
		require(procedure == Procedure.DINUM_OPINION, "a file is referred to DINUM in the large-project procedure only");
		require(role == Role.PROJECT_AUTHORITY, "the project refers its file to DINUM");
		require(status == ControlStatus.OPEN || status == ControlStatus.INFORMATION_REQUESTED,
				"the file cannot be referred while the control is " + status);
		require(file != null && !file.isBlank(), "the referral needs its file");
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
	public void requestInformation(String request, String actor, Role role, Instant at) {
		require(procedure == Procedure.DINUM_OPINION && role == Role.DINUM, "only DINUM asks for information on a referral");
		require(status == ControlStatus.REFERRED, "information is asked on a referred file, not while the control is " + status);
		daysLeftWhenSuspended = Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(day(at), due));
		move(ControlStatus.INFORMATION_REQUESTED, actor, role, request, at);
	}

	/** The decision of whoever controls under this procedure. */
	public void decide(Outcome outcome, String reasons, String actor, Role role, Instant at) {
		switch (procedure) {
			case PROJECT_AUTHORITY:
				require(role == Role.PROJECT_AUTHORITY, "the project authority controls a project under 1 M€");
				require(status == ControlStatus.OPEN, "the control is " + status);
				break;
			case MINISTRY:
				require(role == Role.MINISTRY_CONTROLLER, "the ministry controls a project from 1 to 9 M€");
				require(status == ControlStatus.STUDY_ATTACHED, status == ControlStatus.OPEN
						? "the ministry decides once the comparative study is attached" : "the control is " + status);
				break;
			default:
				require(role == Role.DINUM, "DINUM gives its opinion on a project from 9 M€");
				require(status == ControlStatus.REFERRED, status == ControlStatus.OPEN
						? "DINUM gives its opinion once the file is referred" : "the control is " + status);
		}
		require(outcome != null, "a decision says its outcome");
		require(outcome == Outcome.FAVOURABLE || (reasons != null && !reasons.isBlank()),
				"a decision other than favourable says why");
		this.outcome = outcome;
		move(ControlStatus.DECIDED, actor, role, outcome + (reasons == null ? "" : ": " + reasons), at);
	}

	/** DINUM_OPINION: one month after the referral without an answer, the opinion is deemed favourable. */
	public void deemFavourable(Instant at) {
		require(procedure == Procedure.DINUM_OPINION && status == ControlStatus.REFERRED,
				"only a file referred to DINUM is deemed favourable by silence");
		require(!day(at).isBefore(due), "DINUM has until " + due.minusDays(1) + " to answer");
		this.outcome = Outcome.FAVOURABLE;
		move(ControlStatus.DEEMED_FAVOURABLE, "DINUM (silence)", Role.DINUM, "no answer by " + due, at);
	}

	/** True when DINUM must be told of the decision (the ministry's procedure). */
	public boolean dinumInformed() {
		return procedure == Procedure.MINISTRY && status == ControlStatus.DECIDED;
	}

	private void move(ControlStatus to, String actor, Role role, String detail, Instant at) {
		status = to;
		steps.add(new Step(at, actor, role, to, detail));
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new Refused(message);
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

	/** The day DINUM's silence becomes a favourable opinion, while the file is with DINUM. */
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
