package fr.gouv.nuage.catalogue.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueChanges;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionOperations;

class QualificationWatchTest {

	/** A cursor in memory, moved by compare-and-set as the database's is. */
	static class MemoryCursor implements WatchCursor {

		LocalDate day;

		@Override
		public LocalDate checkedUntil() {
			return day;
		}

		@Override
		public boolean move(LocalDate from, LocalDate to) {
			if (!Objects.equals(day, from)) {
				return false;
			}
			day = to;
			return true;
		}

	}

	private static final LocalDate START = LocalDate.parse("2020-01-01");

	private static final LocalDate LATER = LocalDate.parse("2026-11-22");

	private final Clock clock = Clock.fixed(START.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

	private final Catalogue reference = Catalogue.reference();

	private QualificationWatch watch(List<Object> published, WatchCursor cursor) {
		return new QualificationWatch(published::add, clock, Catalogue::reference, cursor,
				TransactionOperations.withoutTransaction());
	}

	@Test
	void publishesWhatChangesAsDaysPassAndOnlyOnce() {
		List<Object> published = new ArrayList<>();
		MemoryCursor cursor = new MemoryCursor();
		QualificationWatch watch = watch(published, cursor);
		watch.start();
		assertThat(published).as("an installation's first day publishes nothing of the past").isEmpty();
		assertThat(cursor.day).isEqualTo(START);

		assertThat(watch.publishUntil(LATER)).isEqualTo(CatalogueChanges.between(reference, START, reference, LATER))
			.isNotEmpty();
		assertThat(published).hasSize(CatalogueChanges.between(reference, START, reference, LATER).size()
				+ CatalogueChanges.dueBetween(reference, START, LATER).size());
		assertThat(CatalogueChanges.dueBetween(reference, START, LATER)).as("Outscale's 2020 grant ran out by 2023")
			.extracting(d -> d.offerId())
			.contains("outscale-iaas");
		assertThat(cursor.day).isEqualTo(LATER);
		assertThat(watch.publishUntil(LATER)).isEmpty();
		assertThat(watch.publishUntil(LATER.minusDays(30))).as("a clock set back publishes nothing again").isEmpty();
		assertThat(cursor.day).isEqualTo(LATER);
	}

	/**
	 * Another instance published the same days between this one's reading of the cursor
	 * and its move.
	 */
	@Test
	void publishesNothingWhenAnotherInstanceMovedTheCursorFirst() {
		List<Object> published = new ArrayList<>();
		MemoryCursor shared = new MemoryCursor();
		shared.day = START;
		WatchCursor raced = new WatchCursor() {

			@Override
			public LocalDate checkedUntil() {
				LocalDate read = shared.checkedUntil();
				shared.move(read, LATER);
				return read;
			}

			@Override
			public boolean move(LocalDate from, LocalDate to) {
				return shared.move(from, to);
			}
		};
		assertThat(watch(published, raced).publishUntil(LATER)).isEmpty();
		assertThat(published).isEmpty();
		assertThat(shared.day).isEqualTo(LATER);
	}

}
