package fr.gouv.nuage.derogations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;
import fr.gouv.nuage.directory.Perimeter;

/**
 * A derogation from a rule of the doctrine, as an aggregate: a documented status
 * ({@link DerogationStatus}), guarded transitions that refuse and change nothing when the
 * status or the actor's role does not allow them, and every step kept with who made it.
 * Who acts is decided here, from the caller's perimeter on the project's organisation
 * (the {@code as…} methods): a caller holding no role for a step is {@link NotAllowed};
 * one holding it, on a status that does not allow the step, is {@link Refused}. Whoever
 * took a step does not take the next deciding one ({@link NotAllowed}: separation of
 * duties).
 */
public final class Derogation {

	/**
	 * Who acts on a derogation: the project (its organisation's agents), the minister
	 * (the controllers of the project's ministry) and the Prime Minister's office.
	 */
	public enum Role {

		PROJECT_AUTHORITY, MINISTER, PRIME_MINISTER_OFFICE

	}

	/**
	 * A reminder owed before the end: the nearest of {@link #REMINDERS} reached and not
	 * yet sent, with the days really left, and every threshold it stands for (those
	 * passed while no reminder went out).
	 */
	public record Reminder(int daysBefore, int daysLeft, List<Integer> covers) {
	}

	/** One transition: when, by whom, to which status, and why. */
	public record Step(Instant at, String actor, Role role, DerogationStatus status, String detail) {
	}

	/** A transition not allowed; nothing was changed. */
	public static final class Refused extends Refusal {

		private static final long serialVersionUID = 1L;

		Refused(Said said) {
			super(Kind.CONFLICT, null, said);
		}

	}

	/** A field of a step the derogation refuses (400); nothing was changed. */
	public static final class InvalidField extends Refusal {

		private static final long serialVersionUID = 1L;

		InvalidField(String field, Said said) {
			super(Kind.INVALID, field, said);
		}

	}

	/** A text of the derogations' bundle ({@code derogations/refusals}). */
	static Said said(String key, Object... values) {
		return Said.of("derogations/refusals", key, values);
	}

	/**
	 * The R9 derogation ends at the latest this long after an acceptable offer is
	 * available.
	 */
	static final int MONTHS_AFTER_ACCEPTABLE_OFFER = 12;

	/** Reminders before expiry, in days. */
	static final List<Integer> REMINDERS = List.of(90, 30, 7);

	private final UUID id;

	private final UUID project;

	private final String rule;

	private final String decisionDigest;

	private final String justification;

	private final String proofOfGuarantees;

	private final List<Step> steps = new ArrayList<>();

	private DerogationStatus status = DerogationStatus.REQUESTED;

	private LocalDate expiresOn;

	private int version;

	/** A derogation read back from the database. */
	Derogation(UUID id, UUID project, String rule, String decisionDigest, String justification,
			String proofOfGuarantees, DerogationStatus status, LocalDate expiresOn, List<Step> steps, int version) {
		this.id = id;
		this.project = project;
		this.rule = rule;
		this.decisionDigest = decisionDigest;
		this.justification = justification;
		this.proofOfGuarantees = proofOfGuarantees;
		this.status = status;
		this.expiresOn = expiresOn;
		this.steps.addAll(steps);
		this.version = version;
	}

	private Derogation(UUID project, String rule, String decisionDigest, String justification,
			String proofOfGuarantees) {
		this.id = UUID.randomUUID();
		this.project = project;
		this.rule = rule;
		this.decisionDigest = decisionDigest;
		this.justification = justification;
		this.proofOfGuarantees = proofOfGuarantees;
	}

	/**
	 * The project asks for a derogation from a rule its decision found violated, with its
	 * justification and — for R9 — the proof that SecNumCloud-level guarantees are met.
	 */
	static Derogation request(UUID project, String rule, String decisionDigest, String justification,
			String proofOfGuarantees, String actor, Role role, Instant at) {
		require(role == Role.PROJECT_AUTHORITY, "request.project");
		require(rule != null && rule.matches("R\\d{1,2}"), "request.rule");
		require(decisionDigest != null && !decisionDigest.isBlank(), "request.decision");
		require(justification != null && !justification.isBlank(), "request.justification");
		require(!"R9".equals(rule) || (proofOfGuarantees != null && !proofOfGuarantees.isBlank()), "request.proof");
		Derogation derogation = new Derogation(project, rule, decisionDigest, justification, proofOfGuarantees);
		derogation.steps.add(new Step(at, actor, role, DerogationStatus.REQUESTED, justification));
		return derogation;
	}

	/** The minister approves: it is granted, or for R9 goes to the Prime Minister. */
	void approveByMinister(String actor, Role role, Instant at) {
		require(role == Role.MINISTER, "approve.minister");
		require(status == DerogationStatus.REQUESTED, "status", status);
		separate(actor);
		move("R9".equals(rule) ? DerogationStatus.APPROVED_BY_MINISTER : DerogationStatus.GRANTED, actor, role, null,
				at);
	}

	/** R9: the Prime Minister validates. */
	void validateByPrimeMinister(String actor, Role role, Instant at) {
		require(role == Role.PRIME_MINISTER_OFFICE, "validate.office");
		require(status == DerogationStatus.APPROVED_BY_MINISTER, "status", status);
		separate(actor);
		move(DerogationStatus.GRANTED, actor, role, null, at);
	}

	/**
	 * The minister, or the Prime Minister's office for R9 after the minister, refuses,
	 * saying why.
	 */
	void refuse(String reason, String actor, Role role, Instant at) {
		boolean minister = role == Role.MINISTER && status == DerogationStatus.REQUESTED;
		boolean primeMinister = role == Role.PRIME_MINISTER_OFFICE && status == DerogationStatus.APPROVED_BY_MINISTER;
		require(minister || primeMinister, "refuse.when", role, status);
		separate(actor);
		require(reason != null && !reason.isBlank(), "refuse.reason");
		move(DerogationStatus.REFUSED, actor, role, reason, at);
	}

	/** The project withdraws its request while it awaits a decision. */
	void withdraw(String actor, Role role, Instant at) {
		require(role == Role.PROJECT_AUTHORITY, "withdraw.project");
		require(status == DerogationStatus.REQUESTED || status == DerogationStatus.APPROVED_BY_MINISTER, "status",
				status);
		move(DerogationStatus.WITHDRAWN, actor, role, null, at);
	}

	/**
	 * An acceptable offer is available: the derogation ends at the latest 12 months
	 * later.
	 */
	void acceptableOfferAvailable(LocalDate since, LocalDate today) {
		require(status == DerogationStatus.GRANTED, "end.granted-only");
		if (since == null || since.isAfter(today)) {
			throw new InvalidField("since", said("end.since", since, today));
		}
		LocalDate end = since.plusMonths(MONTHS_AFTER_ACCEPTABLE_OFFER);
		if (expiresOn == null || end.isBefore(expiresOn)) {
			expiresOn = end;
		}
	}

	/**
	 * The reminder owed on {@code today}, given the thresholds already reminded for the
	 * current end: a day the job missed is caught up on its next run, and when several
	 * thresholds passed meanwhile only the nearest is sent (it says what the others would
	 * have, closer to the end). None on or after the end, when the derogation expires
	 * instead.
	 */
	public Optional<Reminder> reminderDue(LocalDate today, Set<Integer> reminded) {
		if (status != DerogationStatus.GRANTED || expiresOn == null) {
			return Optional.empty();
		}
		long left = ChronoUnit.DAYS.between(today, expiresOn);
		if (left <= 0) {
			return Optional.empty();
		}
		List<Integer> reached = REMINDERS.stream().filter(days -> left <= days && !reminded.contains(days)).toList();
		if (reached.isEmpty()) {
			return Optional.empty();
		}
		int nearest = reached.stream().mapToInt(Integer::intValue).min().orElseThrow();
		return Optional.of(new Reminder(nearest, (int) left, reached));
	}

	/**
	 * On its end the derogation expires; true when it did, and the project must be
	 * decided again.
	 */
	boolean expireIfDue(LocalDate today, Instant now) {
		if (status != DerogationStatus.GRANTED || expiresOn == null || today.isBefore(expiresOn)) {
			return false;
		}
		move(DerogationStatus.EXPIRED, "calendar", null, "ended on " + expiresOn, now);
		return true;
	}

	// Who acts, from the caller's perimeter on the organisation of the derogation's
	// project.

	/** The project asks: its organisation's agents. */
	public static Role asRequester(Perimeter caller, String organisation) {
		return allow(caller.edits(organisation), Role.PROJECT_AUTHORITY, said("only.request", organisation));
	}

	/** The minister approves: the controllers of the project's ministry. */
	public Role asApprover(Perimeter caller, String organisation) {
		return allow(caller.controls(organisation), Role.MINISTER, said("only.approve"));
	}

	/** The Prime Minister's office validates a derogation from R9. */
	public Role asValidator(Perimeter caller) {
		return allow(caller.primeMinisterOffice(), Role.PRIME_MINISTER_OFFICE, said("only.validate"));
	}

	/**
	 * The minister refuses while the derogation is requested, the Prime Minister's office
	 * once the minister approved one from R9. A caller holding one of these roles acts
	 * with it, and the status then says whether it is the step's; one holding both acts
	 * with the role the status awaits.
	 */
	public Role asRefuser(Perimeter caller, String organisation) {
		boolean minister = caller.controls(organisation);
		boolean primeMinister = caller.primeMinisterOffice();
		if (!minister && !primeMinister) {
			throw new NotAllowed(said("only.refuse"));
		}
		if (minister && primeMinister) {
			return status == DerogationStatus.APPROVED_BY_MINISTER ? Role.PRIME_MINISTER_OFFICE : Role.MINISTER;
		}
		return minister ? Role.MINISTER : Role.PRIME_MINISTER_OFFICE;
	}

	/** The project withdraws: its organisation's agents. */
	public Role asWithdrawer(Perimeter caller, String organisation) {
		return allow(caller.edits(organisation), Role.PROJECT_AUTHORITY, said("only.withdraw", organisation));
	}

	/**
	 * DINUM, or the controllers of the project's ministry, say since when an acceptable
	 * offer exists.
	 */
	public void checkMaySetTheEnd(Perimeter caller, String organisation) {
		allow(caller.dinum() || caller.controls(organisation), null, said("only.end"));
	}

	private static Role allow(boolean allowed, Role role, Said refusal) {
		if (!allowed) {
			throw new NotAllowed(refusal);
		}
		return role;
	}

	/**
	 * Separation of duties: whoever took a step of this derogation (requested it for the
	 * project, approved it as minister) does not take the next deciding one (approve,
	 * validate, refuse), even when they also hold its role.
	 */
	private void separate(String actor) {
		for (Step step : steps) {
			if (step.actor() != null && step.actor().equalsIgnoreCase(actor)) {
				throw new NotAllowed(step.role() == null ? said("separate", step.status())
						: said("separate.as", step.status(), step.role()));
			}
		}
	}

	/**
	 * Whether it is pending (requested, or approved by the minister and awaiting the
	 * Prime Minister) or in force (granted).
	 */
	public boolean pendingOrInForce() {
		return status == DerogationStatus.REQUESTED || status == DerogationStatus.APPROVED_BY_MINISTER
				|| status == DerogationStatus.GRANTED;
	}

	/**
	 * Whether the Prime Minister's office has this derogation to decide or decided it:
	 * one from R9 the minister approved and that awaits its validation, or that it
	 * validated (granted, or expired since). Not one still before the minister, refused
	 * or withdrawn before the office validated it, nor one from another rule, which the
	 * office never sees.
	 */
	public boolean beforeThePrimeMinistersOffice() {
		if (!"R9".equals(rule)) {
			return false;
		}
		return status == DerogationStatus.APPROVED_BY_MINISTER || steps.stream()
			.anyMatch(step -> step.role() == Role.PRIME_MINISTER_OFFICE && step.status() == DerogationStatus.GRANTED);
	}

	private void move(DerogationStatus to, String actor, Role role, String detail, Instant at) {
		status = to;
		steps.add(new Step(at, actor, role, to, detail));
	}

	/** Refuses the step, with the text {@code key} of the bundle and its values. */
	private static void require(boolean condition, String key, Object... values) {
		if (!condition) {
			throw new Refused(said(key, values));
		}
	}

	public UUID id() {
		return id;
	}

	public UUID project() {
		return project;
	}

	public String rule() {
		return rule;
	}

	public String decisionDigest() {
		return decisionDigest;
	}

	public String justification() {
		return justification;
	}

	public String proofOfGuarantees() {
		return proofOfGuarantees;
	}

	public DerogationStatus status() {
		return status;
	}

	public LocalDate expiresOn() {
		return expiresOn;
	}

	public List<Step> steps() {
		return List.copyOf(steps);
	}

	/** How many times it was saved: the version a change names back (the API's ETag). */
	public int version() {
		return version;
	}

	void saved() {
		version++;
	}

}
