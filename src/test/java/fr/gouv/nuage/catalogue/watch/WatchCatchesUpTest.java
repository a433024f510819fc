package fr.gouv.nuage.catalogue.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueChanges;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.OfferQualificationChanged;
import fr.gouv.nuage.catalogue.OfferQualificationDue;
import fr.gouv.nuage.projects.TestCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The watch's cursor is in the database: an instance started after days of downtime
 * publishes every change it missed, once, and neither it nor another instance publishes
 * them again. Each instance here is a restart: a new watch on the same database; the
 * test's transaction holds what they move.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestCalendar.class)
@RecordApplicationEvents
@Transactional
@Tag("database")
class WatchCatchesUpTest {

	private static final LocalDate LAST_RUN = LocalDate.parse("2023-01-01");

	private static final LocalDate RESTART = LocalDate.parse("2027-01-15");

	@Autowired
	TestCalendar.MovableClock clock;

	@Autowired
	CatalogueSource catalogues;

	@Autowired
	WatchCursor cursor;

	@Autowired
	TransactionOperations transactions;

	@Autowired
	JdbcClient jdbc;

	private QualificationWatch restarted(List<Object> published) {
		return new QualificationWatch(published::add, clock, catalogues, cursor, transactions);
	}

	private void checkedUntil(LocalDate day) {
		jdbc.sql("update qualification_watch set checked_until = :day")
			.param("day", day == null ? null : Date.valueOf(day))
			.update();
	}

	@Test
	void aRestartAfterDaysOfDowntimePublishesEachMissedChangeOnce() {
		checkedUntil(LAST_RUN);
		clock.set(Instant.parse("2027-01-15T06:00:00Z"));
		List<Object> published = new ArrayList<>();
		restarted(published).start();

		Catalogue catalogue = catalogues.current();
		List<Object> missed = new ArrayList<>(CatalogueChanges.between(catalogue, LAST_RUN, catalogue, RESTART));
		missed.addAll(CatalogueChanges.dueBetween(catalogue, LAST_RUN, RESTART));
		assertThat(missed).hasAtLeastOneElementOfType(OfferQualificationChanged.class)
			.hasAtLeastOneElementOfType(OfferQualificationDue.class);
		assertThat(published).containsExactlyElementsOf(missed).doesNotHaveDuplicates();
		assertThat(published).filteredOn(OfferQualificationDue.class::isInstance)
			.extracting(e -> ((OfferQualificationDue) e).date())
			.contains(LocalDate.parse("2027-01-01"));
		assertThat(cursor.checkedUntil()).isEqualTo(RESTART);

		List<Object> again = new ArrayList<>();
		QualificationWatch second = restarted(again);
		second.start();
		second.daily();
		restarted(again).start();
		assertThat(again).as("the same days, by the same instance or another").isEmpty();

		clock.set(Instant.parse("2027-01-16T00:05:00Z"));
		second.daily();
		List<Object> nextDay = new ArrayList<>(
				CatalogueChanges.between(catalogue, RESTART, catalogue, RESTART.plusDays(1)));
		nextDay.addAll(CatalogueChanges.dueBetween(catalogue, RESTART, RESTART.plusDays(1)));
		assertThat(again).as("the next day, only its own changes").isEqualTo(nextDay);
		assertThat(cursor.checkedUntil()).isEqualTo(RESTART.plusDays(1));
	}

	@Test
	void theCursorMovesOnlyFromTheDayItStandsOn() {
		checkedUntil(null);
		assertThat(cursor.checkedUntil()).isNull();
		assertThat(cursor.move(null, LAST_RUN)).isTrue();
		assertThat(cursor.move(null, LAST_RUN)).as("the second instance of a first start").isFalse();
		assertThat(cursor.move(LAST_RUN.minusDays(1), RESTART)).isFalse();
		assertThat(cursor.checkedUntil()).isEqualTo(LAST_RUN);
		assertThat(cursor.move(LAST_RUN, RESTART)).isTrue();
		assertThat(cursor.move(LAST_RUN, RESTART)).as("the second of two instances that read the same day").isFalse();
		assertThat(cursor.checkedUntil()).isEqualTo(RESTART);
	}

	/**
	 * A first start publishes nothing of the catalogue's past: it only says where the
	 * watch stands.
	 */
	@Test
	void aFirstStartPublishesNothing() {
		checkedUntil(null);
		clock.set(Instant.parse("2027-01-15T06:00:00Z"));
		List<Object> published = new ArrayList<>();
		restarted(published).start();
		assertThat(published).isEmpty();
		assertThat(cursor.checkedUntil()).isEqualTo(RESTART);
	}

}
