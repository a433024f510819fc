package fr.gouv.nuage.catalogue.declarations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueChanges;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.QualificationReview;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationAccepted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationRejected;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationSubmitted;
import fr.gouv.nuage.doctrine.SourceIssue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers declare offers; DINUM reviews them. A declaration is checked like the catalogue file
 * before it is stored; accepting one amends the catalogue in force and publishes the qualification
 * changes it brings, so that the projects hosted on the offer are re-evaluated.
 */
@Service
@Transactional
public class Declarations implements CatalogueSource {

	/** The outcome of a submission: the stored declaration, or why it was refused (nothing stored). */
	public sealed interface Submission permits Submitted, Invalid {
	}

	public record Submitted(OfferDeclaration declaration) implements Submission {
	}

	public record Invalid(List<SourceIssue> issues) implements Submission {
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Declarations.class);

	private final OfferDeclarations declarations;

	private final QualificationReviews reviews;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Declarations(OfferDeclarations declarations, QualificationReviews reviews, ApplicationEventPublisher events,
			Clock clock) {
		this.declarations = declarations;
		this.reviews = reviews;
		this.events = events;
		this.clock = clock;
	}

	/** The catalogue in force and the accepted declarations and reviews it was built from. */
	private record InForce(List<UUID> accepted, List<UUID> reviewed, Catalogue catalogue) {
	}

	private volatile InForce inForce = new InForce(null, null, null);

	/**
	 * The reference catalogue amended by every accepted declaration, in the order they were
	 * accepted, then by DINUM's reviews of qualifications, in the order they were made; rebuilt only
	 * when another declaration was accepted or another review made (by any instance).
	 */
	@Override
	@Transactional(readOnly = true)
	public Catalogue current() {
		List<UUID> accepted = declarations.acceptedIds();
		List<UUID> reviewed = reviews.ids();
		InForce cached = inForce;
		if (accepted.equals(cached.accepted()) && reviewed.equals(cached.reviewed())) {
			return cached.catalogue();
		}
		Catalogue catalogue = build();
		inForce = new InForce(accepted, reviewed, catalogue);
		return catalogue;
	}

	private Catalogue build() {
		Catalogue catalogue = Catalogue.reference();
		for (OfferDeclaration declaration : declarations.acceptedInOrder()) {
			Catalogue.OfferLoad load = catalogue.readOffer(declaration.id() + ".yaml", declaration.content());
			if (load.offer() != null) {
				catalogue = catalogue.with(load.offer());
			}
		}
		for (QualificationReview review : reviews.inOrder()) {
			try {
				catalogue = catalogue.reviewed(review, LocalDate.ofInstant(review.at(), clock.getZone()));
			}
			catch (IllegalArgumentException ex) {
				// A later declaration changed the offer so that the review no longer fits: the declaration stands.
				log.warn("review of {} {} of {} no longer applies: {}", review.scheme(), review.action(), review.offerId(),
						ex.getMessage());
			}
		}
		return catalogue;
	}

	/**
	 * DINUM's word on a qualification: confirmed, corrected or ended, as ANSSI's list shows it, if
	 * the offer is still at the version the reviewer read. Refused with a message naming the field
	 * when it does not fit the qualification's history (nothing stored); an end decides the projects
	 * hosted on the offer again.
	 */
	public Catalogue review(QualificationReview review, Integer readVersion) {
		Catalogue before = current();
		if (before.offer(review.offerId()).isEmpty()) {
			throw new DeclarationRefused("no offer `" + review.offerId() + "`", false);
		}
		if (readVersion != null && offerVersion(review.offerId()) != readVersion) {
			throw new org.springframework.dao.OptimisticLockingFailureException("the offer `" + review.offerId()
					+ "` is at version " + offerVersion(review.offerId()) + ", not " + readVersion + ": read it again");
		}
		LocalDate today = LocalDate.now(clock);
		Catalogue after = before.reviewed(review, today);
		reviews.add(UUID.randomUUID(), review);
		CatalogueChanges.between(before, today, after, today).forEach(events::publishEvent);
		events.publishEvent(new OfferDeclarationEvents.QualificationReviewed(review.offerId(), review.scheme(),
				review.action().name(), review.event().status().name(), review.event().date(), review.reviewer(),
				before.offer(review.offerId()).get().hostingClass(today), after.offer(review.offerId()).get().hostingClass(today)));
		return current();
	}

	/**
	 * An offer's version: 1, plus each declaration of it DINUM accepted and each review of its
	 * qualifications. A review names the version it was made on.
	 */
	@Override
	@Transactional(readOnly = true)
	public int offerVersion(String offerId) {
		return 1 + declarations.acceptedCount(offerId) + reviews.count(offerId);
	}

	/** The qualifications DINUM is asked to confirm today, the longest overdue first. */
	@Transactional(readOnly = true)
	public List<Catalogue.Due> dueForConfirmation(LocalDate date) {
		return current().dueForConfirmation(date);
	}

	/** A provider declares a new offer, or an update of one of its offers (the offer in the catalogue's format). */
	public Submission submit(Actor provider, String content) {
		Catalogue catalogue = current();
		Catalogue.OfferLoad load = catalogue.readOffer("declaration", content);
		if (load.offer() == null) {
			return new Invalid(load.issues());
		}
		Offer offer = load.offer();
		Optional<Offer> existing = catalogue.offer(offer.id());
		if (existing.isPresent() && !OfferDeclaration.sameOrganisation(existing.get().provider(), offer.provider())) {
			throw new DeclarationRefused("the offer `" + offer.id() + "` belongs to `" + existing.get().provider()
					+ "`; choose another id", true);
		}
		OfferDeclaration declaration = OfferDeclaration.submit(offer.id(), offer.provider(),
				existing.isPresent() ? OfferDeclaration.Kind.UPDATE : OfferDeclaration.Kind.NEW_OFFER, content, provider,
				clock.instant());
		declarations.save(declaration);
		events.publishEvent(new OfferDeclarationSubmitted(declaration.id(), declaration.offerId(), declaration.provider()));
		return new Submitted(declaration);
	}

	public OfferDeclaration accept(UUID id, Actor reviewer, String comment) {
		return accept(id, reviewer, comment, null);
	}

	/** DINUM accepts a declaration, if it is still at the version the reviewer read. */
	public OfferDeclaration accept(UUID id, Actor reviewer, String comment, Integer readVersion) {
		OfferDeclaration declaration = get(id, readVersion);
		Catalogue before = current();
		declaration.accept(reviewer, comment, clock.instant());
		declarations.save(declaration);
		LocalDate today = LocalDate.now(clock);
		CatalogueChanges.between(before, today, current(), today).forEach(events::publishEvent);
		events.publishEvent(new OfferDeclarationAccepted(id, declaration.offerId(), declaration.provider(),
				reviewer.name()));
		return declaration;
	}

	public OfferDeclaration reject(UUID id, Actor reviewer, String reason) {
		return reject(id, reviewer, reason, null);
	}

	/** DINUM rejects a declaration, if it is still at the version the reviewer read. */
	public OfferDeclaration reject(UUID id, Actor reviewer, String reason, Integer readVersion) {
		OfferDeclaration declaration = get(id, readVersion);
		declaration.reject(reviewer, reason, clock.instant());
		declarations.save(declaration);
		events.publishEvent(new OfferDeclarationRejected(id, declaration.offerId(), declaration.provider(),
				reviewer.name(), reason));
		return declaration;
	}

	public OfferDeclaration withdraw(UUID id, Actor provider) {
		return withdraw(id, provider, null);
	}

	/** The provider withdraws its declaration, if it is still at the version it read. */
	public OfferDeclaration withdraw(UUID id, Actor provider, Integer readVersion) {
		OfferDeclaration declaration = get(id, readVersion);
		declaration.withdraw(provider, clock.instant());
		declarations.save(declaration);
		return declaration;
	}

	@Transactional(readOnly = true)
	public Optional<OfferDeclaration> find(UUID id) {
		return declarations.find(id);
	}

	/** The declarations waiting for DINUM's review, oldest first. */
	@Transactional(readOnly = true)
	public List<OfferDeclaration> pending() {
		return declarations.withStatus(DeclarationStatus.SUBMITTED);
	}

	/** A page of the declarations with a status (any when null) from providers (any when null), oldest first. */
	@Transactional(readOnly = true)
	public Page page(DeclarationStatus status, java.util.Collection<String> providers, int page, int size) {
		java.util.List<String> names = providers == null ? null
				: providers.stream().map(p -> p.strip().toLowerCase(java.util.Locale.ROOT)).toList();
		if (names != null && names.isEmpty()) {
			return new Page(List.of(), 0);
		}
		return new Page(declarations.page(status, names, page, size), declarations.count(status, names));
	}

	/** One page of declarations and how many there are in all. */
	public record Page(List<OfferDeclaration> items, long total) {
	}

	private OfferDeclaration get(UUID id, Integer readVersion) {
		OfferDeclaration declaration = declarations.find(id)
			.orElseThrow(() -> new DeclarationRefused("no declaration " + id, false));
		if (readVersion != null && declaration.version() != readVersion) {
			throw new org.springframework.dao.OptimisticLockingFailureException("the declaration is at version "
					+ declaration.version() + ", not " + readVersion + ": read it again");
		}
		return declaration;
	}
}
