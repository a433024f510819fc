package fr.gouv.nuage.catalogue.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueChanges;
import org.junit.jupiter.api.Test;

class QualificationWatchTest {

	@Test
	void publishesWhatChangesAsDaysPassAndOnlyOnce() {
		LocalDate start = LocalDate.parse("2020-01-01");
		Clock clock = Clock.fixed(start.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
		List<Object> published = new ArrayList<>();
		QualificationWatch watch = new QualificationWatch(published::add, clock, Catalogue::reference);
		LocalDate later = LocalDate.parse("2026-11-22");
		Catalogue reference = Catalogue.reference();
		assertThat(watch.publishUntil(later)).isEqualTo(CatalogueChanges.between(reference, start, reference, later))
			.isNotEmpty();
		assertThat(published).hasSize(CatalogueChanges.between(reference, start, reference, later).size()
				+ CatalogueChanges.dueBetween(reference, start, later).size());
		assertThat(CatalogueChanges.dueBetween(reference, start, later)).as("Outscale's 2020 grant ran out by 2023")
			.extracting(d -> d.offerId()).contains("outscale-iaas");
		assertThat(watch.publishUntil(later)).isEmpty();
	}
}
