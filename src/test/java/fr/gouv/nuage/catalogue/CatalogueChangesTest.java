package fr.gouv.nuage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CatalogueChangesTest {

	private final Catalogue catalogue = SmallCatalogue.load();

	@Test
	void aGrantAndAnExpiryArePublishedOnTheirDates() {
		List<OfferQualificationChanged> changes = CatalogueChanges.between(catalogue, LocalDate.parse("2023-01-01"),
				catalogue, LocalDate.parse("2026-12-31"));
		assertThat(changes).containsExactly(
				new OfferQualificationChanged.OfferQualificationGranted("trusted-iaas", "SECNUMCLOUD",
						LocalDate.parse("2023-03-01"), "3.2", "COMMERCIAL", "COMMERCIAL_TRUSTED"),
				new OfferQualificationChanged.OfferQualificationExpired("trusted-iaas", "SECNUMCLOUD",
						LocalDate.parse("2026-03-01"), "COMMERCIAL_TRUSTED", "COMMERCIAL"));
	}

	@Test
	void nothingChangesWhenNoDateIsCrossed() {
		assertThat(CatalogueChanges.between(catalogue, LocalDate.parse("2024-01-01"), catalogue,
				LocalDate.parse("2025-01-01"))).isEmpty();
	}

	@Test
	void aWithdrawalInANewVersionOfTheCatalogueIsPublished() {
		String withdrawn = SmallCatalogue.TEXT.replace(
				"          - {status: QUALIFIED, date: 2023-03-01, schemeVersion: \"3.2\", source: ANSSI, confidence: sourced}\n",
				"          - {status: QUALIFIED, date: 2023-03-01, schemeVersion: \"3.2\", source: ANSSI, confidence: sourced}\n"
						+ "          - {status: WITHDRAWN, date: 2024-02-01, source: ANSSI, confidence: sourced}\n");
		Catalogue after = ((Catalogue.Loaded) Catalogue.load("after.yaml", withdrawn)).catalogue();
		assertThat(CatalogueChanges.between(catalogue, LocalDate.parse("2024-06-01"), after, LocalDate.parse("2024-06-01")))
			.containsExactly(new OfferQualificationChanged.OfferQualificationWithdrawn("trusted-iaas", "SECNUMCLOUD",
					LocalDate.parse("2024-06-01"), "COMMERCIAL_TRUSTED", "COMMERCIAL"));
	}
}
