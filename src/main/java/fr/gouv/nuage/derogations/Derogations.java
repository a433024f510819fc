package fr.gouv.nuage.derogations;

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

import fr.gouv.nuage.doctrine.Json;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationEndApproaching;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationExpired;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationGranted;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationRefused;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Perimeter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derogations requested from a rule the project's latest decision found violated, approved by the
 * minister and, for R9, validated by the Prime Minister; reminded before their end and expired on
 * it, when the project is decided again. Every step is stored and audited. A step given the version
 * its caller read is refused, changing nothing, when the derogation has moved since; without one
 * (the calendar's) it applies to the derogation as it is.
 */
@Service
@Transactional
public class Derogations {

	private final DerogationRepository derogations;

	private final Projects projects;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Derogations(DerogationRepository derogations, Projects projects, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.derogations = derogations;
		this.projects = projects;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public Derogation request(UUID projectId, String rule, String justification, String proofOfGuarantees, String actor) {
		Project project = projects.find(projectId).orElseThrow(() -> new Derogation.Refused("no project " + projectId));
		ProjectDecision latest = project.latest().orElseThrow(() -> new Derogation.Refused("the project has no decision"));
		if (!"VIOLATED".equals(status(latest, rule))) {
			throw new Derogation.Refused("the project's latest decision does not find `" + rule
					+ "` violated: there is nothing to derogate from");
		}
		Derogation derogation = Derogation.request(projectId, rule, latest.packDigest() + "#" + latest.seq(), justification,
				proofOfGuarantees, actor, Derogation.Role.PROJECT_AUTHORITY, clock.instant());
		derogations.save(derogation);
		audit.append(actor, "DEROGATION_REQUESTED", "derogation:" + derogation.id(), null,
				AuditLog.state("project", projectId.toString(), "rule", rule, "decision", derogation.decisionDigest()));
		return derogation;
	}

	public Derogation approveByMinister(UUID id, String actor, Derogation.Role role) {
		return approveByMinister(id, actor, role, null);
	}

	/** The minister approves, if the derogation is still at the version the caller read. */
	public Derogation approveByMinister(UUID id, String actor, Derogation.Role role, Integer readVersion) {
		Derogation derogation = move(id, actor, readVersion, d -> d.approveByMinister(actor, role, clock.instant()));
		if (derogation.status() == DerogationStatus.GRANTED) {
			events.publishEvent(new DerogationGranted(id, derogation.project(), derogation.rule()));
		}
		return derogation;
	}

	public Derogation validateByPrimeMinister(UUID id, String actor, Derogation.Role role) {
		return validateByPrimeMinister(id, actor, role, null);
	}

	/** R9: the Prime Minister validates, if the derogation is still at the version the caller read. */
	public Derogation validateByPrimeMinister(UUID id, String actor, Derogation.Role role, Integer readVersion) {
		Derogation derogation = move(id, actor, readVersion, d -> d.validateByPrimeMinister(actor, role, clock.instant()));
		events.publishEvent(new DerogationGranted(id, derogation.project(), derogation.rule()));
		return derogation;
	}

	public Derogation refuse(UUID id, String reason, String actor, Derogation.Role role) {
		return refuse(id, reason, actor, role, null);
	}

	/** Refuses the derogation, if it is still at the version the caller read. */
	public Derogation refuse(UUID id, String reason, String actor, Derogation.Role role, Integer readVersion) {
		Derogation derogation = move(id, actor, readVersion, d -> d.refuse(reason, actor, role, clock.instant()));
		events.publishEvent(new DerogationRefused(id, derogation.project(), derogation.rule(), reason));
		return derogation;
	}

	public Derogation withdraw(UUID id, String actor, Derogation.Role role) {
		return withdraw(id, actor, role, null);
	}

	/** The project withdraws its request, if it is still at the version the caller read. */
	public Derogation withdraw(UUID id, String actor, Derogation.Role role, Integer readVersion) {
		return move(id, actor, readVersion, d -> d.withdraw(actor, role, clock.instant()));
	}

	/** An acceptable offer is available since {@code since}: the derogation ends 12 months later at the latest. */
	public Derogation acceptableOfferAvailable(UUID id, LocalDate since, String actor) {
		return acceptableOfferAvailable(id, since, actor, null);
	}

	/** As {@link #acceptableOfferAvailable(UUID, LocalDate, String)}, if the derogation is still at the version the caller read. */
	public Derogation acceptableOfferAvailable(UUID id, LocalDate since, String actor, Integer readVersion) {
		return move(id, actor, readVersion, d -> d.acceptableOfferAvailable(since));
	}

	/** Every day: reminders before an end, and the derogations that end today expire. */
	@Scheduled(cron = "0 20 0 * * *")
	public void daily() {
		LocalDate today = LocalDate.now(clock);
		for (Derogation derogation : derogations.grantedWithAnEnd()) {
			for (int days : derogation.remindersDue(today)) {
				events.publishEvent(new DerogationEndApproaching(derogation.id(), derogation.project(), derogation.rule(),
						derogation.expiresOn(), days));
			}
		}
		for (Derogation derogation : derogations.endingBy(today)) {
			move(derogation.id(), "calendar", null, d -> d.expireIfDue(clock.instant()));
			events.publishEvent(new DerogationExpired(derogation.id(), derogation.project(), derogation.rule()));
		}
	}

	@Transactional(readOnly = true)
	public Optional<Derogation> find(UUID id) {
		return derogations.find(id);
	}

	/**
	 * A page of the derogations a perimeter sees, the latest requested first, with how many there are
	 * in all; of one status only when {@code status} is given. DINUM and the Prime Minister's office
	 * see them all.
	 */
	@Transactional(readOnly = true)
	public Page<Derogation> page(Perimeter perimeter, DerogationStatus status, int page, int size) {
		java.util.Set<String> organisations = perimeter.dinum() || perimeter.primeMinisterOffice() ? null
				: perimeter.visible();
		if (organisations != null && organisations.isEmpty()) {
			return Page.empty();
		}
		return new Page<>(derogations.page(organisations, status, page, size), derogations.count(organisations, status));
	}

	/** The project's derogations, the first requested first. */
	@Transactional(readOnly = true)
	public List<Derogation> of(UUID project) {
		return derogations.of(project);
	}

	private Derogation move(UUID id, String actor, Integer readVersion, Consumer<Derogation> transition) {
		Derogation derogation = derogations.find(id).orElseThrow(() -> new Derogation.Refused("no derogation " + id));
		ReadVersions.check("derogation", derogation.version(), readVersion);
		DerogationStatus before = derogation.status();
		transition.accept(derogation);
		derogations.save(derogation);
		audit.append(actor, "DEROGATION_" + derogation.status().name(), "derogation:" + id,
				AuditLog.state("status", before.name()), AuditLog.state("status", derogation.status().name(), "expiresOn",
						derogation.expiresOn() == null ? null : derogation.expiresOn().toString()));
		return derogation;
	}

	/** The status the stored decision gives a rule. */
	@SuppressWarnings("unchecked")
	private static String status(ProjectDecision decision, String rule) {
		Map<String, Object> json = (Map<String, Object>) Json.parse(decision.decision());
		for (Object finding : (List<Object>) json.get("findings")) {
			Map<String, Object> f = (Map<String, Object>) finding;
			if (rule.equals(f.get("rule"))) {
				return (String) f.get("status");
			}
		}
		return null;
	}
}
