package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The qualification changes between two states of the catalogue: from {@code before} as
 * of {@code from} to {@code after} as of {@code to}. Covers both time passing (a grant on
 * its date, a validity running out) and the catalogue itself changing (a declaration
 * accepted, a correction).
 */
public final class CatalogueChanges {

	private CatalogueChanges() {
	}

	public static List<OfferQualificationChanged> between(Catalogue before, LocalDate from, Catalogue after,
			LocalDate to) {
		List<OfferQualificationChanged> changes = new ArrayList<>();
		for (Offer offer : after.offers()) {
			if (offer.isSupport()) {
				continue;
			}
			Offer previous = before.offer(offer.id()).orElse(null);
			for (Qualification qualification : offer.qualifications()) {
				QualificationStatus status = previous == null ? QualificationStatus.NONE
						: previous.qualification(qualification.scheme())
							.map(q -> q.on(from).status())
							.orElse(QualificationStatus.NONE);
				String hostingClass = previous == null ? offer.hostingClass(from) : previous.hostingClass(from);
				TreeSet<LocalDate> dates = new TreeSet<>();
				dates.add(from);
				qualification.turningPoints()
					.stream()
					.filter(d -> d.isAfter(from) && !d.isAfter(to))
					.forEach(dates::add);
				for (LocalDate date : dates) {
					QualificationState state = qualification.on(date);
					String newClass = offer.hostingClass(date);
					if (state.status() != status) {
						OfferQualificationChanged change = change(offer, qualification.scheme(), date, state,
								hostingClass, newClass);
						if (change != null) {
							changes.add(change);
						}
					}
					status = state.status();
					hostingClass = newClass;
				}
			}
		}
		changes.sort(Comparator.comparing(OfferQualificationChanged::date)
			.thenComparing(OfferQualificationChanged::offerId));
		return List.copyOf(changes);
	}

	/**
	 * The qualifications that became due for confirmation after {@code from} and up to
	 * {@code to}: each one past an end nobody confirmed, on the day after it. They change
	 * no class and decide no project again; DINUM is asked to confirm, correct or end
	 * them.
	 */
	public static List<OfferQualificationDue> dueBetween(Catalogue catalogue, LocalDate from, LocalDate to) {
		List<OfferQualificationDue> due = new ArrayList<>();
		for (Offer offer : catalogue.offers()) {
			for (Qualification qualification : offer.qualifications()) {
				for (LocalDate date : qualification.turningPoints()) {
					if (date.isAfter(from) && !date.isAfter(to)) {
						QualificationState state = qualification.on(date);
						if (state.toConfirm() && !qualification.on(date.minusDays(1)).toConfirm()) {
							due.add(new OfferQualificationDue(offer.id(), qualification.scheme(), date,
									state.validUntil(), offer.hostingClass(date)));
						}
					}
				}
			}
		}
		due.sort(Comparator.comparing(OfferQualificationDue::date).thenComparing(OfferQualificationDue::offerId));
		return List.copyOf(due);
	}

	private static OfferQualificationChanged change(Offer offer, String scheme, LocalDate date,
			QualificationState state, String before, String after) {
		switch (state.status()) {
			case QUALIFIED:
				return new OfferQualificationChanged.OfferQualificationGranted(offer.id(), scheme, date,
						state.event().schemeVersion(), before, after);
			case SUSPENDED:
				return new OfferQualificationChanged.OfferQualificationSuspended(offer.id(), scheme, date, before,
						after);
			case WITHDRAWN:
				return new OfferQualificationChanged.OfferQualificationWithdrawn(offer.id(), scheme, date, before,
						after);
			case EXPIRED:
				return new OfferQualificationChanged.OfferQualificationExpired(offer.id(), scheme, date, before, after);
			default:
				return null;
		}
	}

}
