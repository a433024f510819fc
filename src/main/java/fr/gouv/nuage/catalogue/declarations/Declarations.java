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
import fr.gouv.nuage.catalogue.Qualification;
import fr.gouv.nuage.catalogue.QualificationEvent;
import fr.gouv.nuage.catalogue.QualificationReview;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationAccepted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationRejected;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationSubmitted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationWithdrawn;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.doctrine.SourceIssue;
import fr.gouv.nuage.doctrine.Suggestions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers declare offers; DINUM reviews them. A declaration is checked like the
 * catalogue file before it is stored; accepting one amends the catalogue in force and
 * publishes the qualification changes it brings, so that the projects hosted on the offer
 * are re-evaluated. Who may take each step is decided here, from the caller's perimeter:
 * a provider declares and withdraws its own organisation's offers, its organisation being
 * the one whose id the offer names ({@code providerId}), never one whose name reads
 * alike; DINUM sees every declaration, reviews them and gives its word on qualifications;
 * anyone else is refused with {@link NotAllowed}, so that a page and an API call cannot
 * disagree. The methods taking an {@link Actor} are for callers that already know who
 * acts.
 */
@Service
@Transactional
public class Declarations implements CatalogueSource {

	/**
	 * The outcome of a submission: the stored declaration, or why it was refused (nothing
	 * stored).
	 */
	public sealed interface Submission permits Submitted, Invalid, Taken {

	}

	public record Submitted(OfferDeclaration declaration) implements Submission {
	}

	/** The offer does not read as the catalogue's format: where and why. */
	public record Invalid(List<SourceIssue> issues) implements Submission {
	}

	/** The offer's id is another provider's offer in the catalogue: choose another id. */
	public record Taken(String offerId, String provider) implements Submission {
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

	/**
	 * The catalogue in force and the accepted declarations and reviews it was built from.
	 */
	private record InForce(List<UUID> accepted, List<UUID> reviewed, Catalogue catalogue) {
	}

	private volatile InForce inForce = new InForce(null, null, null);

	/**
	 * The reference catalogue amended by every accepted declaration, in the order they
	 * were accepted, then by DINUM's reviews of qualifications, in the order they were
	 * made; rebuilt only when another declaration was accepted or another review made (by
	 * any instance).
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
				// An offer is its first declarer's, or the reference catalogue's owner's:
				// an update, even one accepted before declarations named their
				// organisation, never hands it to another.
				Optional<Offer> existing = catalogue.offer(declaration.offerId());
				String owner = existing.isPresent() ? existing.get().providerId() : declaration.providerId();
				catalogue = catalogue.with(load.offer().withProviderId(owner));
			}
		}
		for (QualificationReview review : reviews.inOrder()) {
			try {
				catalogue = catalogue.reviewed(review, LocalDate.ofInstant(review.at(), clock.getZone()));
			}
			catch (Catalogue.ReviewRefused ex) {
				// A later declaration changed the offer so that the review no longer
				// fits: the declaration stands.
				log.warn("review of {} {} of {} no longer applies: {}", review.scheme(), review.action(),
						review.offerId(), ex.getMessage());
			}
		}
		return catalogue;
	}

	/**
	 * DINUM's word on a qualification of an offer of the catalogue in force:
	 * {@code event} is what ANSSI's list shows, recorded by the caller, who must be
	 * DINUM, on the offer's version it read.
	 */
	public Catalogue review(Perimeter caller, String offerId, String scheme, QualificationReview.Action action,
			QualificationEvent event, String comment, int readVersion) {
		if (!caller.dinum()) {
			throw new NotAllowed(Catalogue.said("dinum-only.review"));
		}
		Catalogue current = current();
		Offer offer = current.offer(offerId)
			.orElseThrow(() -> new NotFound(
					Catalogue.unknownOffer(offerId, current.offers().stream().map(Offer::id).toList())));
		Qualification qualification = offer.qualification(scheme).orElseThrow(() -> {
			String closest = Suggestions.closest(scheme,
					offer.qualifications().stream().map(Qualification::scheme).toList());
			return new NotFound(closest == null ? Catalogue.said("qualification.unknown", offerId, scheme)
					: Catalogue.said("qualification.unknown.closest", offerId, scheme, closest));
		});
		return review(new QualificationReview(offer.id(), qualification.scheme(), action, event,
				caller.person().email(), comment, clock.instant()), readVersion);
	}

	/**
	 * DINUM's word on a qualification: confirmed, corrected or ended, as ANSSI's list
	 * shows it, if the offer is still at the version the reviewer read. Refused with a
	 * message naming the field when it does not fit the qualification's history (nothing
	 * stored); an end decides the projects hosted on the offer again.
	 */
	public Catalogue review(QualificationReview review, Integer readVersion) {
		Catalogue before = current();
		if (before.offer(review.offerId()).isEmpty()) {
			throw new NotFound(Catalogue.said("offer.unknown", review.offerId()));
		}
		if (readVersion != null && offerVersion(review.offerId()) != readVersion) {
			throw new OptimisticLockingFailureException("the offer `" + review.offerId() + "` is at version "
					+ offerVersion(review.offerId()) + ", not " + readVersion + ": read it again");
		}
		LocalDate today = LocalDate.now(clock);
		Catalogue after = before.reviewed(review, today);
		reviews.add(UUID.randomUUID(), review);
		// Published in this transaction: the listeners that run after it commit are
		// recorded with it.
		CatalogueChanges.between(before, today, after, today).forEach(events::publishEvent);
		events.publishEvent(new OfferDeclarationEvents.QualificationReviewed(review.offerId(), review.scheme(),
				review.action().name(), review.event().status().name(), review.event().date(), review.reviewer(),
				before.offer(review.offerId()).get().hostingClass(today),
				after.offer(review.offerId()).get().hostingClass(today)));
		return current();
	}

	/**
	 * An offer's version: 1, plus each declaration of it DINUM accepted and each review
	 * of its qualifications. A review names the version it was made on.
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

	/**
	 * DINUM's queue: the qualifications it is asked to confirm on {@code date}; nobody
	 * else's.
	 */
	@Transactional(readOnly = true)
	public List<Catalogue.Due> dueForConfirmation(Perimeter caller, LocalDate date) {
		if (!caller.dinum()) {
			throw new NotAllowed(Catalogue.said("dinum-only.review"));
		}
		return dueForConfirmation(date);
	}

	/**
	 * The caller declares an offer of one of the provider organisations it declares for:
	 * a new one, or an update of one of its offers in the catalogue (the offer in the
	 * catalogue's format). The offer names its organisation by id ({@code providerId});
	 * left out, it is the caller's, when the caller declares for one organisation only.
	 */
	public Submission submit(Perimeter caller, String content) {
		if (caller.providers().isEmpty()) {
			throw new NotAllowed(Catalogue.said("provider-only.declare"));
		}
		Catalogue catalogue = current();
		Catalogue.OfferLoad load = catalogue.readOffer("declaration", content);
		if (load.offer() == null) {
			return new Invalid(load.issues());
		}
		Offer offer = load.offer();
		String organisations = String.join(", ", caller.providers().stream().sorted().map(p -> "`" + p + "`").toList());
		String organisation = offer.providerId();
		if (organisation == null) {
			if (caller.providers().size() != 1) {
				String first = content.lines().findFirst().orElse("");
				return new Invalid(List.of(SourceIssue.error("declaration", 1, 1, "you declare the offers of "
						+ organisations + ": name the organisation this offer is for with `providerId`", first)));
			}
			organisation = caller.providers().iterator().next();
		}
		else if (!caller.providers().contains(organisation)) {
			throw new NotAllowed(Catalogue.said("provider.not-yours", organisations, organisation));
		}
		return submit(Actor.provider(caller.person().email(), organisation), content, catalogue, offer);
	}

	/**
	 * A provider declares a new offer, or an update of one of its offers (the offer in
	 * the catalogue's format).
	 */
	public Submission submit(Actor provider, String content) {
		Catalogue catalogue = current();
		Catalogue.OfferLoad load = catalogue.readOffer("declaration", content);
		if (load.offer() == null) {
			return new Invalid(load.issues());
		}
		return submit(provider, content, catalogue, load.offer());
	}

	/**
	 * The offer is for the organisation it names, or else the declarer's; an offer of the
	 * catalogue is only ever amended by the organisation whose id it names.
	 */
	private Submission submit(Actor provider, String content, Catalogue catalogue, Offer offer) {
		String organisation = offer.providerId() != null ? offer.providerId() : provider.organisation();
		Optional<Offer> existing = catalogue.offer(offer.id());
		if (existing.isPresent() && (organisation == null || !organisation.equals(existing.get().providerId()))) {
			return new Taken(offer.id(), existing.get().provider());
		}
		if (existing.isEmpty()) {
			declarations.withStatus(DeclarationStatus.SUBMITTED)
				.stream()
				.filter(d -> d.kind() == OfferDeclaration.Kind.NEW_OFFER && d.offerId().equals(offer.id()))
				.findFirst()
				.ifPresent(pending -> {
					throw new DeclarationRefused(Catalogue.said("new-offer.pending", offer.id()));
				});
		}
		OfferDeclaration declaration = OfferDeclaration.submit(offer.id(), offer.provider(), organisation,
				existing.isPresent() ? OfferDeclaration.Kind.UPDATE : OfferDeclaration.Kind.NEW_OFFER, content,
				provider, clock.instant());
		declarations.save(declaration);
		events.publishEvent(new OfferDeclarationSubmitted(declaration.id(), declaration.offerId(),
				declaration.provider(), declaration.providerId()));
		return new Submitted(declaration);
	}

	/** DINUM accepts a declaration it read at {@code readVersion}; nobody else does. */
	public OfferDeclaration accept(UUID id, Perimeter caller, String comment, int readVersion) {
		return accept(id, reviewer(caller), comment, readVersion);
	}

	public OfferDeclaration accept(UUID id, Actor reviewer, String comment) {
		return accept(id, reviewer, comment, null);
	}

	/**
	 * DINUM accepts a declaration, if it is still at the version the reviewer read. The
	 * qualification changes it brings are published in this transaction, so that the
	 * listeners that run after it commits are recorded with it and never miss an
	 * acceptance.
	 */
	public OfferDeclaration accept(UUID id, Actor reviewer, String comment, Integer readVersion) {
		OfferDeclaration declaration = get(id, readVersion);
		Catalogue before = current();
		if (declaration.providerId() == null) {
			throw new DeclarationRefused(Catalogue.said("accept.no-organisation", declaration.offerId()));
		}
		// Ownership again, by id: since it was submitted, another organisation's offer
		// may have taken the id.
		before.offer(declaration.offerId())
			.filter(offer -> !declaration.declaredBy(offer.providerId()))
			.ifPresent(offer -> {
				throw new DeclarationRefused(Catalogue.said("accept.taken", offer.id(), offer.providerId(),
						offer.provider(), declaration.providerId()));
			});
		declaration.accept(reviewer, comment, clock.instant());
		declarations.save(declaration);
		LocalDate today = LocalDate.now(clock);
		CatalogueChanges.between(before, today, current(), today).forEach(events::publishEvent);
		events.publishEvent(new OfferDeclarationAccepted(id, declaration.offerId(), declaration.provider(),
				declaration.providerId(), reviewer.name()));
		return declaration;
	}

	/**
	 * DINUM rejects a declaration it read at {@code readVersion}, saying why; nobody else
	 * does.
	 */
	public OfferDeclaration reject(UUID id, Perimeter caller, String reason, int readVersion) {
		return reject(id, reviewer(caller), reason, readVersion);
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
				declaration.providerId(), reviewer.name(), reason));
		return declaration;
	}

	/**
	 * The provider that declared it withdraws a declaration it read at
	 * {@code readVersion}; nobody else does.
	 */
	public OfferDeclaration withdraw(UUID id, Perimeter caller, int readVersion) {
		if (caller.providers().isEmpty()) {
			throw new NotAllowed(Catalogue.said("withdraw.provider-only"));
		}
		OfferDeclaration declaration = get(id, null);
		if (!declarant(caller, declaration)) {
			throw new NotAllowed(declaration.providerId() == null ? Catalogue.said("withdraw.unknown")
					: Catalogue.said("withdraw.other", declaration.providerId(), declaration.provider()));
		}
		return withdraw(id, Actor.provider(caller.person().email(), declaration.providerId()), readVersion);
	}

	public OfferDeclaration withdraw(UUID id, Actor provider) {
		return withdraw(id, provider, null);
	}

	/** The provider withdraws its declaration, if it is still at the version it read. */
	public OfferDeclaration withdraw(UUID id, Actor provider, Integer readVersion) {
		OfferDeclaration declaration = get(id, readVersion);
		declaration.withdraw(provider, clock.instant());
		declarations.save(declaration);
		events.publishEvent(new OfferDeclarationWithdrawn(id, declaration.offerId(), declaration.provider(),
				declaration.providerId(), provider.name()));
		return declaration;
	}

	@Transactional(readOnly = true)
	public Optional<OfferDeclaration> find(UUID id) {
		return declarations.find(id);
	}

	/** A declaration, for DINUM and for the provider that declared it. */
	@Transactional(readOnly = true)
	public OfferDeclaration find(Perimeter caller, UUID id) {
		seesDeclarations(caller);
		OfferDeclaration declaration = get(id, null);
		if (!caller.dinum() && !declarant(caller, declaration)) {
			throw new NotAllowed(declaration.providerId() == null ? Catalogue.said("find.unknown", id)
					: Catalogue.said("find.other", id, declaration.providerId()));
		}
		return declaration;
	}

	/** The declarations waiting for DINUM's review, oldest first. */
	@Transactional(readOnly = true)
	public List<OfferDeclaration> pending() {
		return declarations.withStatus(DeclarationStatus.SUBMITTED);
	}

	/**
	 * A page of the declarations the caller sees, with a status (any when null), oldest
	 * first: DINUM sees all of them, a provider its organisations'.
	 */
	@Transactional(readOnly = true)
	public Page page(Perimeter caller, DeclarationStatus status, int page, int size) {
		seesDeclarations(caller);
		return page(status, caller.dinum() ? null : caller.providers(), page, size);
	}

	/**
	 * A page of the declarations with a status (any when null) from the provider
	 * organisations of these ids (any when null), oldest first.
	 */
	@Transactional(readOnly = true)
	public Page page(DeclarationStatus status, java.util.Collection<String> providers, int page, int size) {
		List<String> ids = providers == null ? null : List.copyOf(providers);
		if (ids != null && ids.isEmpty()) {
			return new Page(List.of(), 0);
		}
		return new Page(declarations.page(status, ids, page, size), declarations.count(status, ids));
	}

	private static void seesDeclarations(Perimeter caller) {
		if (!caller.dinum() && caller.providers().isEmpty()) {
			throw new NotAllowed(Catalogue.said("see.who"));
		}
	}

	/** DINUM, as the reviewer of declarations. */
	private static Actor reviewer(Perimeter caller) {
		if (!caller.dinum()) {
			throw new NotAllowed(Catalogue.said("review.who"));
		}
		return Actor.dinum(caller.person().email());
	}

	/** Whether one of the caller's provider organisations, by id, declared it. */
	private static boolean declarant(Perimeter caller, OfferDeclaration declaration) {
		return caller.providers().stream().anyMatch(declaration::declaredBy);
	}

	/** One page of declarations and how many there are in all. */
	public record Page(List<OfferDeclaration> items, long total) {
	}

	private OfferDeclaration get(UUID id, Integer readVersion) {
		OfferDeclaration declaration = declarations.find(id)
			.orElseThrow(() -> new NotFound(Catalogue.said("declaration.unknown", id)));
		if (readVersion != null && declaration.version() != readVersion) {
			throw new OptimisticLockingFailureException("the declaration is at version " + declaration.version()
					+ ", not " + readVersion + ": read it again");
		}
		return declaration;
	}

}
