package fr.gouv.nuage.catalogue.declarations;

import java.util.UUID;

/** What happens to providers' declarations, for the modules that notify people or keep an audit. */
public final class OfferDeclarationEvents {

	private OfferDeclarationEvents() {
	}

	public record OfferDeclarationSubmitted(UUID declaration, String offerId, String provider) {
	}

	public record OfferDeclarationAccepted(UUID declaration, String offerId, String provider, String reviewer) {
	}

	public record OfferDeclarationRejected(UUID declaration, String offerId, String provider, String reviewer,
			String reason) {
	}
}
