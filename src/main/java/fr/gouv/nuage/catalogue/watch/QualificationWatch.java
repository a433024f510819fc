package fr.gouv.nuage.catalogue.watch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueChanges;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.OfferQualificationChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the qualification changes of the catalogue as days pass: a qualification granted on its
 * date, a validity that runs out on a known date, without anyone editing the catalogue; and the
 * qualifications that pass an end nobody confirmed, for DINUM to confirm (they decide nothing again).
 */
@Component
class QualificationWatch {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CatalogueSource catalogues;

	private LocalDate checkedUntil;

	QualificationWatch(ApplicationEventPublisher events, Clock clock, CatalogueSource catalogues) {
		this.events = events;
		this.clock = clock;
		this.catalogues = catalogues;
		this.checkedUntil = LocalDate.now(clock);
	}

	/** Every day just after midnight: what changed since the last check. */
	@Scheduled(cron = "0 5 0 * * *")
	void daily() {
		publishUntil(LocalDate.now(clock));
	}

	/** Publishes the changes after the last check and up to {@code date}; returns them. */
	synchronized List<OfferQualificationChanged> publishUntil(LocalDate date) {
		if (!date.isAfter(checkedUntil)) {
			return List.of();
		}
		Catalogue catalogue = catalogues.current();
		List<OfferQualificationChanged> changes = CatalogueChanges.between(catalogue, checkedUntil, catalogue, date);
		changes.forEach(events::publishEvent);
		CatalogueChanges.dueBetween(catalogue, checkedUntil, date).forEach(events::publishEvent);
		checkedUntil = date;
		return changes;
	}
}
