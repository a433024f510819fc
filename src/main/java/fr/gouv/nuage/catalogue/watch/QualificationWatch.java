package fr.gouv.nuage.catalogue.watch;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueChanges;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.OfferQualificationChanged;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Publishes the qualification changes of the catalogue as days pass: a qualification
 * granted on its date, a validity that runs out on a known date, without anyone editing
 * the catalogue; and the qualifications that pass an end nobody confirmed, for DINUM to
 * confirm (they decide nothing again). Where it stands is kept in the database
 * ({@link WatchCursor}): at start, and every day, it publishes every day since, however
 * long it was down, and no day twice, whichever instance runs it first.
 */
@Component
class QualificationWatch {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CatalogueSource catalogues;

	private final WatchCursor cursor;

	private final TransactionOperations transactions;

	QualificationWatch(ApplicationEventPublisher events, Clock clock, CatalogueSource catalogues, WatchCursor cursor,
			TransactionOperations transactions) {
		this.events = events;
		this.clock = clock;
		this.catalogues = catalogues;
		this.cursor = cursor;
		this.transactions = transactions;
	}

	/** At start: the days missed while no instance ran. */
	@EventListener(ApplicationReadyEvent.class)
	void start() {
		publishUntil(LocalDate.now(clock));
	}

	/** Every day just after midnight: what changed since the last check. */
	@Scheduled(cron = "0 5 0 * * *")
	void daily() {
		publishUntil(LocalDate.now(clock));
	}

	/**
	 * Publishes the changes after the last day published and up to {@code date}, and
	 * moves the cursor to {@code date} in the same transaction: the events and the day
	 * commit together or not at all. Returns the changes published; none when another
	 * instance published these days first, or when the watch runs for the first time (an
	 * installation's first day: the catalogue's past is not news).
	 */
	List<OfferQualificationChanged> publishUntil(LocalDate date) {
		return transactions.execute(status -> {
			LocalDate from = cursor.checkedUntil();
			if (from == null) {
				cursor.move(null, date);
				return List.of();
			}
			// Moved first: a second instance waits on the row, then finds it moved and
			// publishes nothing.
			if (!date.isAfter(from) || !cursor.move(from, date)) {
				return List.of();
			}
			Catalogue catalogue = catalogues.current();
			List<OfferQualificationChanged> changes = CatalogueChanges.between(catalogue, from, catalogue, date);
			changes.forEach(events::publishEvent);
			CatalogueChanges.dueBetween(catalogue, from, date).forEach(events::publishEvent);
			return changes;
		});
	}

}
