package fr.gouv.nuage.catalogue.declarations;

import java.util.UUID;

/**
 * What happens to providers' declarations, for the modules that notify people or keep an
 * audit: {@code provider} is the provider's name, for people to read; {@code providerId}
 * the id of its organisation in the directory, which says whom the declaration concerns
 * ({@code null} for a declaration whose organisation could not be told).
 */
public final class OfferDeclarationEvents {

	private OfferDeclarationEvents() {
	}

	public record OfferDeclarationSubmitted(UUID declaration, String offerId, String provider, String providerId) {
	}

	public record OfferDeclarationAccepted(UUID declaration, String offerId, String provider, String providerId,
			String reviewer) {
	}

	public record OfferDeclarationRejected(UUID declaration, String offerId, String provider, String providerId,
			String reviewer, String reason) {
	}

	/**
	 * The provider took its declaration back before DINUM reviewed it;
	 * {@code withdrawnBy} is the person.
	 */
	public record OfferDeclarationWithdrawn(UUID declaration, String offerId, String provider, String providerId,
			String withdrawnBy) {
	}

	/**
	 * DINUM confirmed, corrected or ended a qualification of an offer: the recorded step,
	 * who, and the offer's class before and after, today.
	 */
	public record QualificationReviewed(String offerId, String scheme, String action, String status,
			java.time.LocalDate date, String reviewer, String hostingClassBefore, String hostingClassAfter) {
	}

}
