package fr.gouv.nuage.catalogue.declarations;

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

	private final Kind kind;

	private final String content;

	private final Instant submittedAt;

	private final List<DeclarationEvent> history;

	private DeclarationStatus status;

	private int version;

	OfferDeclaration(UUID id, String offerId, String provider, Kind kind, String content, DeclarationStatus status,
			Instant submittedAt, List<DeclarationEvent> history, int version) {
		this.id = id;
		this.offerId = offerId;
		this.provider = provider;
		this.kind = kind;
		this.content = content;
		this.status = status;
		this.submittedAt = submittedAt;
		this.history = new ArrayList<>(history);
		this.version = version;
	}

	/** A provider declares an offer of its own organisation. */
	static OfferDeclaration submit(String offerId, String offerProvider, Kind kind, String content, Actor actor,
			Instant at) {
		if (actor.role() != Actor.Role.PROVIDER) {
			throw new NotAllowed("only a provider declares offers");
		}
		if (!sameOrganisation(actor.organisation(), offerProvider)) {
			throw new NotAllowed("`" + actor.organisation() + "` may only declare its own offers, not one of `"
					+ offerProvider + "`");
		}
		OfferDeclaration declaration = new OfferDeclaration(UUID.randomUUID(), offerId, offerProvider, kind, content,
				DeclarationStatus.SUBMITTED, at, List.of(), 0);
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
			throw new IllegalArgumentException("reason: a rejection must say why");
		}
		status = DeclarationStatus.REJECTED;
		record(reviewer, "REJECTED", reason, at);
	}

	/** The provider takes its declaration back before review. */
	void withdraw(Actor actor, Instant at) {
		if (actor.role() != Actor.Role.PROVIDER || !sameOrganisation(actor.organisation(), provider)) {
			throw new NotAllowed("only `" + provider + "` may withdraw this declaration");
		}
		requireSubmitted("withdrawn");
		status = DeclarationStatus.WITHDRAWN;
		record(actor, "WITHDRAWN", null, at);
	}

	private void requireDinum(Actor actor, String action) {
		if (actor.role() != Actor.Role.DINUM) {
			throw new NotAllowed("only DINUM may " + action + " a declaration");
		}
	}

	/**
	 * Separation of duties: whoever declared it (or took any step of it) does not review
	 * it, even when they also hold DINUM's role.
	 */
	private void requireAnotherPerson(Actor reviewer, String action) {
		for (DeclarationEvent event : history) {
			if (event.actor() != null && event.actor().equalsIgnoreCase(reviewer.name())) {
				throw new NotAllowed("you took the step " + event.action() + " of this declaration for `" + provider
						+ "`: another person of DINUM " + action + " it");
			}
		}
	}

	private void requireSubmitted(String becoming) {
		if (status != DeclarationStatus.SUBMITTED) {
			throw new DeclarationRefused(
					"a declaration " + status.name().toLowerCase(Locale.ROOT) + " cannot be " + becoming);
		}
	}

	private void record(Actor actor, String action, String comment, Instant at) {
		history.add(new DeclarationEvent(history.size() + 1, at, actor.name(), actor.role(), action, comment));
	}

	/**
	 * Whether two provider names name the same organisation: stripped, ignoring case;
	 * never when one is missing.
	 */
	public static boolean sameOrganisation(String a, String b) {
		return a != null && b != null && a.strip().equalsIgnoreCase(b.strip());
	}

	public UUID id() {
		return id;
	}

	public String offerId() {
		return offerId;
	}

	public String provider() {
		return provider;
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
