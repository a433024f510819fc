package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Offers as a provider would declare them in tests. */
public final class TestOffers {

	private TestOffers() {
	}

	/** The offer, immune and qualified SecNumCloud 3.2 on {@code date} (after its current history). */
	public static Offer qualifiedOn(Offer offer, LocalDate date) {
		List<QualificationEvent> history = new ArrayList<>(offer.qualification(Qualification.SECNUMCLOUD)
			.map(Qualification::events).orElse(List.of()));
		history.add(new QualificationEvent(QualificationStatus.QUALIFIED, date, null, "3.2", "ANSSI-LIST", "sourced", null));
		return new Offer(offer.id(), offer.provider(), offer.service(), offer.model(), offer.categories(), offer.internal(),
				offer.interministerial(), offer.dataLocation(), true, offer.hdsCertified(), offer.maxMarking(), offer.runsOn(),
				offer.purchasing(), offer.reversibility(), List.of(new Qualification(Qualification.SECNUMCLOUD, 3, history)),
				offer.sources(), offer.confidence(), offer.note(), offer.asOf());
	}
}
