package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Offers as a provider would declare them in tests. */
public final class TestOffers {

	private TestOffers() {
	}

	/**
	 * The offer, immune and qualified SecNumCloud 3.2 on {@code date} (after its current
	 * history).
	 */
	public static Offer qualifiedOn(Offer offer, LocalDate date) {
		List<QualificationEvent> history = new ArrayList<>(
				offer.qualification(Qualification.SECNUMCLOUD).map(Qualification::events).orElse(List.of()));
		history.add(QualificationEvent.known(QualificationStatus.QUALIFIED, date, null, "3.2", Evidence.ANSSI_LIST,
				"ANSSI-LIST"));
		return offer.withSecNumCloud(history, true);
	}

}
