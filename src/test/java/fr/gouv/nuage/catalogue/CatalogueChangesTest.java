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
	void anEstimatedGrantPastItsEndIsDueForConfirmationAndChangesNoClass() {
		String estimated = SmallCatalogue.TEXT.replace(
				"date: 2023-03-01, dating: known, schemeVersion: \"3.2\", validUntil: 2026-02-28,",
				"date: 2023-03, dating: estimated, schemeVersion: \"3.2\",");
		Catalogue loaded = ((Catalogue.Loaded) Catalogue.load("estimated.yaml", estimated)).catalogue();
		assertThat(
				CatalogueChanges.between(loaded, LocalDate.parse("2025-01-01"), loaded, LocalDate.parse("2027-06-01")))
			.isEmpty();
		assertThat(CatalogueChanges.dueBetween(loaded, LocalDate.parse("2025-01-01"), LocalDate.parse("2027-06-01")))
			.containsExactly(new OfferQualificationDue("trusted-iaas", "SECNUMCLOUD", LocalDate.parse("2026-03-01"),
					LocalDate.parse("2026-02-28"), "COMMERCIAL_TRUSTED"));
		assertThat(CatalogueChanges.dueBetween(loaded, LocalDate.parse("2026-03-01"), LocalDate.parse("2027-06-01")))
			.as("published once, on the day it became due")
			.isEmpty();
	}

	@Test
	void nothingChangesWhenNoDateIsCrossed() {
		assertThat(CatalogueChanges.between(catalogue, LocalDate.parse("2024-01-01"), catalogue,
				LocalDate.parse("2025-01-01")))
			.isEmpty();
	}

	@Test
	void aWithdrawalInANewVersionOfTheCatalogueIsPublished() {
		String withdrawn = SmallCatalogue.TEXT.replace(
				"validUntil: 2026-02-28, evidence: anssi-list, source: ANSSI, confidence: sourced}\n",
				"validUntil: 2026-02-28, evidence: anssi-list, source: ANSSI, confidence: sourced}\n"
						+ "          - {status: WITHDRAWN, date: 2024-02-01, dating: known, evidence: anssi-list, source: ANSSI, "
						+ "confidence: sourced}\n");
		Catalogue after = ((Catalogue.Loaded) Catalogue.load("after.yaml", withdrawn)).catalogue();
		assertThat(CatalogueChanges.between(catalogue, LocalDate.parse("2024-06-01"), after,
				LocalDate.parse("2024-06-01")))
			.containsExactly(new OfferQualificationChanged.OfferQualificationWithdrawn("trusted-iaas", "SECNUMCLOUD",
					LocalDate.parse("2024-06-01"), "COMMERCIAL_TRUSTED", "COMMERCIAL"));
	}

}
