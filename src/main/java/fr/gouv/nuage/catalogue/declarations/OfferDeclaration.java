package fr.gouv.nuage.catalogue.declarations;

import fr.gouv.nuage.catalogue.Catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.gouv.nuage.directory.NotAllowed;

/**
 * A provider's declaration of a new offer or of an update to one of its offers, as an
 * aggregate: a documented status ({@link DeclarationStatus}) and guarded transitions,
 * each kept in the history with who made it. A transition that the state does not allow
 * is refused ({@link DeclarationRefused}), as is one the actor may not make
 * ({@link NotAllowed}), such as reviewing a declaration one made; either changes nothing.
 */
public final class OfferDeclaration {

	/** A new offer, or an update of an offer already in the catalogue. */
	public enum Kind {

		NEW_OFFER, UPDATE

	}

	private final UUID id;

	private final String offerId;

	private final String provider;

	private final String providerId;

	private final Kind kind;

	private final String content;

	private final Instant submittedAt;

	private final List<DeclarationEvent> history;

	private DeclarationStatus status;

	private int version;

	OfferDeclaration(UUID id, String offerId, String provider, String providerId, Kind kind, String content,
			DeclarationStatus status, Instant submittedAt, List<DeclarationEvent> history, int version) {
		this.id = id;
		this.offerId = offerId;
		this.provider = provider;
		this.providerId = providerId;
		this.kind = kind;
		this.content = content;
		this.status = status;
		this.submittedAt = submittedAt;
		this.history = new ArrayList<>(history);
		this.version = version;
	}

	/**
	 * A provider declares an offer of its own organisation: {@code providerId} is the id
	 * of the organisation the offer is for, which must be the actor's;
	 * {@code offerProvider} is the provider's name, as the offer writes it.
	 */
	static OfferDeclaration submit(String offerId, String offerProvider, String providerId, Kind kind, String content,
			Actor actor, Instant at) {
		if (actor.role() != Actor.Role.PROVIDER) {
			throw new NotAllowed(Catalogue.said("submit.provider-only"));
		}
		if (providerId == null || !providerId.equals(actor.organisation())) {
			throw new NotAllowed(Catalogue.said("submit.not-own", actor.organisation(), providerId));
		}
		OfferDeclaration declaration = new OfferDeclaration(UUID.randomUUID(), offerId, offerProvider, providerId, kind,
				content, DeclarationStatus.SUBMITTED, at, List.of(), 0);
		declaration.record(actor, "SUBMITTED", kind == Kind.NEW_OFFER ? "new offer" : "update", at);
		return declaration;
	}

	/** DINUM accepts: the declared offer enters the catalogue in force. */
	void accept(Actor reviewer, String comment, Instant at) {
		requireDinum(reviewer, "accept");
		requireSubmitted("accepted");
		requireAnotherPerson(reviewer, "accepts");
		status = DeclarationStatus.ACCEPTED;
		record(reviewer, "ACCEPTED", comment, at);
	}

	/** DINUM rejects, saying why. */
	void reject(Actor reviewer, String reason, Instant at) {
		requireDinum(reviewer, "reject");
		requireSubmitted("rejected");
		requireAnotherPerson(reviewer, "rejects");
		if (reason == null || reason.isBlank()) {
			throw new Catalogue.ReviewRefused("reason", Catalogue.said("reject.reason"));
		}
		status = DeclarationStatus.REJECTED;
		record(reviewer, "REJECTED", reason, at);
	}

	/** The provider takes its declaration back before review. */
	void withdraw(Actor actor, Instant at) {
		if (actor.role() != Actor.Role.PROVIDER || !declaredBy(actor.organisation())) {
			throw new NotAllowed(Catalogue.said("withdraw.only", providerId));
		}
		requireSubmitted("withdrawn");
		status = DeclarationStatus.WITHDRAWN;
		record(actor, "WITHDRAWN", null, at);
	}

	private void requireDinum(Actor actor, String action) {
		if (actor.role() != Actor.Role.DINUM) {
			throw new NotAllowed(Catalogue.said("dinum-only." + action));
		}
	}

	/**
	 * Separation of duties: whoever declared it (or took any step of it) does not review
	 * it, even when they also hold DINUM's role.
	 */
	private void requireAnotherPerson(Actor reviewer, String action) {
		for (DeclarationEvent event : history) {
			if (event.actor() != null && event.actor().equalsIgnoreCase(reviewer.name())) {
				throw new NotAllowed(Catalogue.said("separate." + action, event.action(), provider));
			}
		}
	}

	private void requireSubmitted(String becoming) {
		if (status != DeclarationStatus.SUBMITTED) {
			throw new DeclarationRefused(Catalogue.said("status", Catalogue.said("state." + status.name()),
					Catalogue.said("becoming." + becoming)));
		}
	}

	private void record(Actor actor, String action, String comment, Instant at) {
		history.add(new DeclarationEvent(history.size() + 1, at, actor.name(), actor.role(), action, comment));
	}

	/**
	 * Whether the organisation of id {@code organisation} declared it: ids compared as
	 * they are, never names; never for a declaration whose organisation is not known.
	 */
	public boolean declaredBy(String organisation) {
		return providerId != null && providerId.equals(organisation);
	}

	public UUID id() {
		return id;
	}

	public String offerId() {
		return offerId;
	}

	/** The provider's name, as the declared offer writes it: for people to read. */
	public String provider() {
		return provider;
	}

	/**
	 * The id of the provider organisation that declared it, in the directory;
	 * {@code null} for a declaration made before declarations named their organisation,
	 * whose organisation could not be told: no provider acts on it.
	 */
	public String providerId() {
		return providerId;
	}

	public Kind kind() {
		return kind;
	}

	/** The offer as declared, in the catalogue's format (YAML or JSON). */
	public String content() {
		return content;
	}

	public DeclarationStatus status() {
		return status;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public List<DeclarationEvent> history() {
		return List.copyOf(history);
	}

	/** For optimistic locking: the number of times the declaration was saved. */
	public int version() {
		return version;
	}

	void saved() {
		version++;
	}

}
