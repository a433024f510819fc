package fr.gouv.nuage.catalogue;

import java.time.LocalDate;

/**
 * A qualification passed, on {@code date}, an end nobody confirmed ({@code expectedEnd},
 * the last day the law's maximum allows): it still counts and the offer's class stays
 * {@code hostingClass}, but DINUM is asked to confirm it on ANSSI's list, correct it or
 * end it. Decides no project again.
 */
public record OfferQualificationDue(String offerId, String scheme, LocalDate date, LocalDate expectedEnd,
		String hostingClass) {
}
