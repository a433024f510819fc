package fr.gouv.nuage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A qualification's status on any date follows from its history alone. */
class QualificationTest {

	private static QualificationEvent event(QualificationStatus status, String date) {
		return new QualificationEvent(status, LocalDate.parse(date), status == QualificationStatus.IN_PROGRESS ? "J0" : null,
				status == QualificationStatus.QUALIFIED ? "3.2" : null, "ANSSI", "sourced", null);
	}

	private final Qualification lifecycle = new Qualification(Qualification.SECNUMCLOUD, 3,
			List.of(event(QualificationStatus.IN_PROGRESS, "2022-06-01"), event(QualificationStatus.QUALIFIED, "2023-03-01"),
					event(QualificationStatus.SUSPENDED, "2024-01-10"), event(QualificationStatus.QUALIFIED, "2024-05-01"),
					event(QualificationStatus.WITHDRAWN, "2026-02-01")));

	@Test
	void beforeItsFirstEventAQualificationIsNone() {
		assertThat(lifecycle.on(LocalDate.parse("2022-05-31")).status()).isEqualTo(QualificationStatus.NONE);
	}

	@Test
	void followsEveryStepOfItsHistory() {
		assertThat(lifecycle.on(LocalDate.parse("2022-06-01")).status()).isEqualTo(QualificationStatus.IN_PROGRESS);
		assertThat(lifecycle.on(LocalDate.parse("2023-03-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(lifecycle.on(LocalDate.parse("2024-01-10")).status()).isEqualTo(QualificationStatus.SUSPENDED);
		assertThat(lifecycle.on(LocalDate.parse("2024-05-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(lifecycle.on(LocalDate.parse("2026-02-01")).status()).isEqualTo(QualificationStatus.WITHDRAWN);
	}

	@Test
	void aGrantLastsThreeYearsThenExpiresWithoutAnyEdit() {
		Qualification granted = new Qualification(Qualification.SECNUMCLOUD, 3,
				List.of(event(QualificationStatus.QUALIFIED, "2025-12-17")));
		QualificationState lastDay = granted.on(LocalDate.parse("2028-12-16"));
		assertThat(lastDay.status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(lastDay.validUntil()).isEqualTo(LocalDate.parse("2028-12-16"));
		assertThat(granted.on(LocalDate.parse("2028-12-17")).status()).isEqualTo(QualificationStatus.EXPIRED);
	}

	@Test
	void aRenewalRestartsTheValidity() {
		Qualification renewed = new Qualification(Qualification.SECNUMCLOUD, 3,
				List.of(event(QualificationStatus.QUALIFIED, "2020-01-01"), event(QualificationStatus.QUALIFIED, "2022-12-01")));
		assertThat(renewed.on(LocalDate.parse("2025-06-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(renewed.on(LocalDate.parse("2025-12-01")).status()).isEqualTo(QualificationStatus.EXPIRED);
	}

	@Test
	void aSchemeWithoutValidityNeverExpires() {
		Qualification hds = new Qualification("HDS", null, List.of(event(QualificationStatus.QUALIFIED, "2010-01-01")));
		assertThat(hds.on(LocalDate.parse("2040-01-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
	}

	@Test
	void theTrustedClassIsDerivedFromAValidQualificationAndImmunity() {
		Catalogue catalogue = SmallCatalogue.load();
		Offer trusted = catalogue.offer("trusted-iaas").orElseThrow();
		assertThat(trusted.hostingClass(LocalDate.parse("2023-02-28"))).isEqualTo(Offer.COMMERCIAL);
		assertThat(trusted.hostingClass(LocalDate.parse("2023-03-01"))).isEqualTo(Offer.COMMERCIAL_TRUSTED);
		assertThat(trusted.hostingClass(LocalDate.parse("2026-03-01"))).isEqualTo(Offer.COMMERCIAL);
		assertThat(catalogue.offer("hyperscaler").orElseThrow().hostingClass(LocalDate.parse("2025-01-01")))
			.isEqualTo(Offer.COMMERCIAL);
		assertThat(catalogue.offer("pi").orElseThrow().hostingClass(LocalDate.parse("2000-01-01"))).isEqualTo(Offer.INTERNAL_PI);
	}
}
