package fr.gouv.nuage.catalogue;

import java.time.LocalDate;

/**
 * A qualification of an offer changed on a date: projects hosted on the offer may have to
 * be re-evaluated (their hosting class may have changed). Published by the catalogue,
 * listened to by the modules that hold projects.
 */
public sealed interface OfferQualificationChanged permits OfferQualificationChanged.OfferQualificationGranted,
		OfferQualificationChanged.OfferQualificationSuspended, OfferQualificationChanged.OfferQualificationWithdrawn,
		OfferQualificationChanged.OfferQualificationExpired {

	String offerId();

	String scheme();

	LocalDate date();

	/** The offer's hosting class before and after the change. */
	String hostingClassBefore();

	String hostingClassAfter();

	/** Granted, or renewed. */
	record OfferQualificationGranted(String offerId, String scheme, LocalDate date, String schemeVersion,
			String hostingClassBefore, String hostingClassAfter) implements OfferQualificationChanged {
	}

	record OfferQualificationSuspended(String offerId, String scheme, LocalDate date, String hostingClassBefore,
			String hostingClassAfter) implements OfferQualificationChanged {
	}

	record OfferQualificationWithdrawn(String offerId, String scheme, LocalDate date, String hostingClassBefore,
			String hostingClassAfter) implements OfferQualificationChanged {
	}

	/** Its validity passed without renewal. */
	record OfferQualificationExpired(String offerId, String scheme, LocalDate date, String hostingClassBefore,
			String hostingClassAfter) implements OfferQualificationChanged {
	}

}
