package fr.gouv.nuage.derogations;

import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.projects.NoSuchProject;
import fr.gouv.nuage.projects.Page;
import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.ReadVersions;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import fr.gouv.nuage.derogations.DerogationEvents.DerogationEndApproaching;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationExpired;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationGranted;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationRefused;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Derogations requested from a rule the project's latest decision found violated,
 * approved by the minister and, for R9, validated by the Prime Minister; reminded before
 * their end and expired on it, when the project is decided again. Every step is stored
 * and audited.
 *
 * <p>
 * A caller acts with their perimeter: the derogation ({@link Derogation}'s {@code as…}
 * methods) decides in which role they act, and refuses with {@link NotAllowed} a caller
 * who holds none for the step; then the version they read is asked for, and the step is
 * refused, changing nothing, when the derogation has moved since. The methods taking a
 * {@link Derogation.Role} are for callers whose role was settled elsewhere (fixtures, the
 * calendar); without a version they apply to the derogation as it is.
 */
@Service
@Transactional
public class Derogations {

	private static final Logger log = LoggerFactory.getLogger(Derogations.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DerogationRepository derogations;

	private final Projects projects;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Derogations(DerogationRepository derogations, Projects projects, AuditLog audit, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions) {
		this.derogations = derogations;
		this.projects = projects;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * The project's agent asks for a derogation; {@code proofOfGuarantees} is a document
	 * the caller checked.
	 */
	public Derogation request(Perimeter caller, UUID projectId, String rule, String justification,
			UUID proofOfGuarantees) {
		Derogation.asRequester(caller, organisation(projectId));
		return request(projectId, rule, justification, proofOfGuarantees == null ? null : proofOfGuarantees.toString(),
				caller.person().email());
	}

	public Derogation request(UUID projectId, String rule, String justification, String proofOfGuarantees,
			String actor) {
		Project project = projects.find(projectId).orElseThrow(() -> new NoSuchProject(projectId));
		ProjectDecision latest = project.latest()
			.orElseThrow(() -> new Derogation.Refused(Derogation.said("request.no-decision")));
		if (!"VIOLATED".equals(status(latest, rule))) {
			throw new Derogation.Refused(Derogation.said("request.not-violated", rule));
		}
		if (project.archived()) {
			projects.checkNotArchived(projectId, "derogation");
		}
		derogations.of(projectId)
			.stream()
			.filter(d -> d.rule().equals(rule) && d.pendingOrInForce())
			.findFirst()
			.ifPresent(d -> {
				throw new Derogation.Refused(Derogation.said("request.pending", d.id(), rule, d.status()));
			});
		Derogation derogation = Derogation.request(projectId, rule, latest.packDigest() + "#" + latest.seq(),
				justification, proofOfGuarantees, actor, Derogation.Role.PROJECT_AUTHORITY, clock.instant());
		derogations.save(derogation);
		audit.append(actor, "DEROGATION_REQUESTED", "derogation:" + derogation.id(), null,
				AuditLog.state("project", projectId.toString(), "rule", rule, "decision", derogation.decisionDigest()));
		return derogation;
	}

	/**
	 * The minister (the controllers of the project's ministry) approves, on the version
	 * the caller read.
	 */
	public Derogation approveByMinister(UUID id, Perimeter caller, IntSupplier readVersion) {
		Acting acting = acting(caller, id);
		Derogation.Role role = acting.derogation().asApprover(caller, acting.organisation());
		return approved(step(acting.derogation(), caller.person().email(), readVersion.getAsInt(),
				d -> d.approveByMinister(caller.person().email(), role, clock.instant())));
	}

	public Derogation approveByMinister(UUID id, String actor, Derogation.Role role) {
		return approveByMinister(id, actor, role, null);
	}

	/**
	 * The minister approves, if the derogation is still at the version the caller read.
	 */
	public Derogation approveByMinister(UUID id, String actor, Derogation.Role role, Integer readVersion) {
		return approved(step(load(id), actor, readVersion, d -> d.approveByMinister(actor, role, clock.instant())));
	}

	/** R9: the Prime Minister's office validates, on the version the caller read. */
	public Derogation validateByPrimeMinister(UUID id, Perimeter caller, IntSupplier readVersion) {
		Acting acting = acting(caller, id);
		Derogation.Role role = acting.derogation().asValidator(caller);
		return granted(step(acting.derogation(), caller.person().email(), readVersion.getAsInt(),
				d -> d.validateByPrimeMinister(caller.person().email(), role, clock.instant())));
	}

	public Derogation validateByPrimeMinister(UUID id, String actor, Derogation.Role role) {
		return validateByPrimeMinister(id, actor, role, null);
	}

	/**
	 * R9: the Prime Minister validates, if the derogation is still at the version the
	 * caller read.
	 */
	public Derogation validateByPrimeMinister(UUID id, String actor, Derogation.Role role, Integer readVersion) {
		return granted(
				step(load(id), actor, readVersion, d -> d.validateByPrimeMinister(actor, role, clock.instant())));
	}

	/**
	 * The minister, or the Prime Minister's office for R9 after the minister, refuses on
	 * the version read.
	 */
	public Derogation refuse(UUID id, String reason, Perimeter caller, IntSupplier readVersion) {
		Acting acting = acting(caller, id);
		Derogation.Role role = acting.derogation().asRefuser(caller, acting.organisation());
		return refused(step(acting.derogation(), caller.person().email(), readVersion.getAsInt(),
				d -> d.refuse(reason, caller.person().email(), role, clock.instant())), reason);
	}

	public Derogation refuse(UUID id, String reason, String actor, Derogation.Role role) {
		return refuse(id, reason, actor, role, null);
	}

	/** Refuses the derogation, if it is still at the version the caller read. */
	public Derogation refuse(UUID id, String reason, String actor, Derogation.Role role, Integer readVersion) {
		return refused(step(load(id), actor, readVersion, d -> d.refuse(reason, actor, role, clock.instant())), reason);
	}

	/** The project's agent withdraws its request, on the version the caller read. */
	public Derogation withdraw(UUID id, Perimeter caller, IntSupplier readVersion) {
		Acting acting = acting(caller, id);
		Derogation.Role role = acting.derogation().asWithdrawer(caller, acting.organisation());
		return step(acting.derogation(), caller.person().email(), readVersion.getAsInt(),
				d -> d.withdraw(caller.person().email(), role, clock.instant()));
	}

	public Derogation withdraw(UUID id, String actor, Derogation.Role role) {
		return withdraw(id, actor, role, null);
	}

	/**
	 * The project withdraws its request, if it is still at the version the caller read.
	 */
	public Derogation withdraw(UUID id, String actor, Derogation.Role role, Integer readVersion) {
		return step(load(id), actor, readVersion, d -> d.withdraw(actor, role, clock.instant()));
	}

	/**
	 * DINUM or the ministry's controller says since when an acceptable offer exists, on
	 * the version read.
	 */
	public Derogation acceptableOfferAvailable(UUID id, LocalDate since, Perimeter caller, IntSupplier readVersion) {
		Acting acting = acting(caller, id);
		acting.derogation().checkMaySetTheEnd(caller, acting.organisation());
		return step(acting.derogation(), caller.person().email(), readVersion.getAsInt(),
				d -> d.acceptableOfferAvailable(since, LocalDate.now(clock)));
	}

	/**
	 * An acceptable offer is available since {@code since}: the derogation ends 12 months
	 * later at the latest.
	 */
	public Derogation acceptableOfferAvailable(UUID id, LocalDate since, String actor) {
		return acceptableOfferAvailable(id, since, actor, null);
	}

	/**
	 * As {@link #acceptableOfferAvailable(UUID, LocalDate, String)}, if the derogation is
	 * still at the version the caller read.
	 */
	public Derogation acceptableOfferAvailable(UUID id, LocalDate since, String actor, Integer readVersion) {
		return step(load(id), actor, readVersion, d -> d.acceptableOfferAvailable(since, LocalDate.now(clock)));
	}

	/**
	 * Every day: the reminders owed before an end, and the derogations whose end has come
	 * expire. Each derogation in a transaction of its own, so that one failing is retried
	 * on the next run without holding the others back; what was reminded is kept in the
	 * database, so that a day the job missed is caught up and a run repeated, or made by
	 * another instance, sends nothing twice.
	 */
	@Scheduled(cron = "0 20 0 * * *")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void daily() {
		LocalDate today = LocalDate.now(clock);
		for (Derogation derogation : derogations.grantedWithAnEnd()) {
			alone(derogation.id(), "remind", () -> remind(derogation.id(), today));
		}
		for (Derogation derogation : derogations.endingBy(today)) {
			alone(derogation.id(), "expire", () -> expire(derogation.id(), today));
		}
	}

	private void remind(UUID id, LocalDate today) {
		Derogation derogation = load(id);
		if (derogation.expiresOn() == null) {
			return;
		}
		Optional<Derogation.Reminder> due = derogation.reminderDue(today,
				derogations.reminded(id, derogation.expiresOn()));
		if (due.isEmpty()
				|| !derogations.remember(id, derogation.expiresOn(), due.get().daysBefore(), clock.instant())) {
			return;
		}
		for (int passed : due.get().covers()) {
			derogations.remember(id, derogation.expiresOn(), passed, clock.instant());
		}
		events.publishEvent(new DerogationEndApproaching(id, derogation.project(), derogation.rule(),
				derogation.expiresOn(), due.get().daysLeft()));
	}

	private void expire(UUID id, LocalDate today) {
		Derogation derogation = load(id);
		DerogationStatus before = derogation.status();
		if (derogation.expireIfDue(today, clock.instant())) {
			stored(derogation, "calendar", before);
			events.publishEvent(new DerogationExpired(id, derogation.project(), derogation.rule()));
		}
	}

	/**
	 * Runs one derogation's part of the daily job in its own transaction; a failure is
	 * left to the next run.
	 */
	private void alone(UUID id, String what, Runnable work) {
		try {
			transactions.executeWithoutResult(status -> work.run());
		}
		catch (RuntimeException ex) {
			log.warn("could not {} the derogation `{}`, left to the next run: {}", what, id, ex.getMessage());
		}
	}

	@Transactional(readOnly = true)
	public Optional<Derogation> find(UUID id) {
		return derogations.find(id);
	}

	/**
	 * The derogation, if there is one; refused when the caller neither sees its project
	 * nor is the Prime Minister's office.
	 */
	@Transactional(readOnly = true)
	public Optional<Derogation> find(Perimeter caller, UUID id) {
		return derogations.find(id).map(derogation -> {
			seen(caller, derogation, organisation(derogation.project()));
			return derogation;
		});
	}

	/**
	 * A page of the derogations a perimeter sees, the latest requested first, with how
	 * many there are in all; of one status only when {@code status} is given. DINUM and
	 * the Prime Minister's office see them all.
	 */
	@Transactional(readOnly = true)
	public Page<Derogation> page(Perimeter perimeter, DerogationStatus status, int page, int size) {
		java.util.Set<String> organisations = perimeter.dinum() || perimeter.primeMinisterOffice() ? null
				: perimeter.visible();
		if (organisations != null && organisations.isEmpty()) {
			return Page.empty();
		}
		return new Page<>(derogations.page(organisations, status, page, size),
				derogations.count(organisations, status));
	}

	/** The project's derogations, the first requested first. */
	@Transactional(readOnly = true)
	public List<Derogation> of(UUID project) {
		return derogations.of(project);
	}

	/**
	 * A derogation a caller acts on, and its project's organisation, which makes the
	 * caller's roles.
	 */
	private record Acting(Derogation derogation, String organisation) {
	}

	private Acting acting(Perimeter caller, UUID id) {
		Derogation derogation = load(id);
		String organisation = organisation(derogation.project());
		seen(caller, derogation, organisation);
		return new Acting(derogation, organisation);
	}

	private static void seen(Perimeter caller, Derogation derogation, String organisation) {
		if (!caller.sees(organisation) && !caller.primeMinisterOffice()) {
			throw new NotAllowed(Derogation.said("outside", derogation.id()));
		}
	}

	private String organisation(UUID project) {
		return projects.organisation(project).orElseThrow(() -> new NoSuchProject(project)).organisation();
	}

	private Derogation load(UUID id) {
		return derogations.find(id).orElseThrow(() -> new ApiErrors.Missing(Derogation.said("no-derogation", id)));
	}

	private Derogation approved(Derogation derogation) {
		if (derogation.status() == DerogationStatus.GRANTED) {
			events.publishEvent(new DerogationGranted(derogation.id(), derogation.project(), derogation.rule()));
		}
		return derogation;
	}

	private Derogation granted(Derogation derogation) {
		events.publishEvent(new DerogationGranted(derogation.id(), derogation.project(), derogation.rule()));
		return derogation;
	}

	private Derogation refused(Derogation derogation, String reason) {
		events.publishEvent(new DerogationRefused(derogation.id(), derogation.project(), derogation.rule(), reason));
		return derogation;
	}

	/**
	 * Applies a transition to the derogation read, if still at the version the caller
	 * read, then stores it.
	 */
	private Derogation step(Derogation derogation, String actor, Integer readVersion, Consumer<Derogation> transition) {
		ReadVersions.check("derogation", derogation.version(), readVersion);
		DerogationStatus before = derogation.status();
		transition.accept(derogation);
		return stored(derogation, actor, before);
	}

	/**
	 * Saves the derogation — refused when someone saved it meanwhile — and audits its new
	 * status.
	 */
	private Derogation stored(Derogation derogation, String actor, DerogationStatus before) {
		derogations.save(derogation);
		audit.append(actor, "DEROGATION_" + derogation.status().name(), "derogation:" + derogation.id(),
				AuditLog.state("status", before.name()), AuditLog.state("status", derogation.status().name(),
						"expiresOn", derogation.expiresOn() == null ? null : derogation.expiresOn().toString()));
		return derogation;
	}

	/** The status the stored decision gives a rule. */
	private static String status(ProjectDecision decision, String rule) {
		for (JsonNode finding : JSON.readTree(decision.decision()).path("findings")) {
			if (rule.equals(finding.path("rule").asString(null))) {
				return finding.path("status").asString(null);
			}
		}
		return null;
	}

}
