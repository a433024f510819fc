package fr.gouv.nuage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A qualification's status on any date follows from its history alone, and from what is
 * known of it.
 */
class QualificationTest {

	private static QualificationEvent event(QualificationStatus status, String date) {
		return QualificationEvent.known(status, LocalDate.parse(date),
				status == QualificationStatus.IN_PROGRESS ? "J0" : null,
				status == QualificationStatus.QUALIFIED ? "3.2" : null, Evidence.ANSSI_LIST, "ANSSI");
	}

	/** A grant whose source gives its last day. */
	private static QualificationEvent grantUntil(String date, String until) {
		return new QualificationEvent(QualificationStatus.QUALIFIED, LocalDate.parse(date), date, Dating.KNOWN, null,
				"3.2", LocalDate.parse(until), Evidence.ANSSI_LIST, "ANSSI", "sourced", null);
	}

	/** A grant written as the source gives it (a year, a month), estimated. */
	private static QualificationEvent estimated(String written, Evidence evidence) {
		return new QualificationEvent(QualificationStatus.QUALIFIED, QualificationEvent.earliest(written), written,
				Dating.ESTIMATED, null, "3.2", null, evidence, "PRESS", "uncertain", null);
	}

	private static Qualification snc(QualificationEvent... events) {
		return new Qualification(Qualification.SECNUMCLOUD, 3, List.of(), List.of(events));
	}

	private final Qualification lifecycle = snc(event(QualificationStatus.IN_PROGRESS, "2022-06-01"),
			event(QualificationStatus.QUALIFIED, "2023-03-01"), event(QualificationStatus.SUSPENDED, "2024-01-10"),
			event(QualificationStatus.QUALIFIED, "2024-05-01"), event(QualificationStatus.WITHDRAWN, "2026-02-01"));

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
	void aGrantWithAKnownEndExpiresTheDayAfterWithoutAnyEdit() {
		Qualification granted = snc(grantUntil("2025-12-17", "2028-12-16"));
		QualificationState lastDay = granted.on(LocalDate.parse("2028-12-16"));
		assertThat(lastDay.status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(lastDay.validUntil()).isEqualTo(LocalDate.parse("2028-12-16"));
		assertThat(lastDay.endKnown()).isTrue();
		QualificationState after = granted.on(LocalDate.parse("2028-12-17"));
		assertThat(after.status()).isEqualTo(QualificationStatus.EXPIRED);
		assertThat(after.toConfirm()).isFalse();
	}

	@Test
	void aGrantWhoseRenewalIsUnknownStaysValidPastTheLawsMaximumAndIsToConfirm() {
		Qualification granted = snc(event(QualificationStatus.QUALIFIED, "2025-12-17"));
		QualificationState lastDay = granted.on(LocalDate.parse("2028-12-16"));
		assertThat(lastDay.status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(lastDay.toConfirm()).isFalse();
		assertThat(lastDay.endKnown()).isFalse();
		QualificationState after = granted.on(LocalDate.parse("2028-12-17"));
		assertThat(after.status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(after.toConfirm()).isTrue();
		assertThat(after.validUntil()).isEqualTo(LocalDate.parse("2028-12-16"));
	}

	@Test
	void anEstimatedGrantNeverLapsesByItselfAndIsDueThreeYearsFromTheStartOfItsPeriod() {
		Qualification granted = snc(estimated("2024", Evidence.INDEPENDENT_SOURCES));
		assertThat(granted.on(LocalDate.parse("2024-01-01")).valid()).isTrue();
		QualificationState lastDay = granted.on(LocalDate.parse("2026-12-31"));
		assertThat(lastDay.toConfirm()).isFalse();
		QualificationState due = granted.on(LocalDate.parse("2027-01-15"));
		assertThat(due.status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(due.toConfirm()).isTrue();
		assertThat(granted.on(LocalDate.parse("2040-01-01")).valid()).isTrue();
	}

	@Test
	void aRenewalInProgressLeavesTheGrantValidUntilItEnds() {
		Qualification renewing = snc(grantUntil("2023-03-01", "2026-02-28"),
				event(QualificationStatus.IN_PROGRESS, "2025-10-01"));
		QualificationState during = renewing.on(LocalDate.parse("2025-11-01"));
		assertThat(during.status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(during.renewal().milestone()).isEqualTo("J0");
		QualificationState ended = renewing.on(LocalDate.parse("2026-03-01"));
		assertThat(ended.status()).isEqualTo(QualificationStatus.EXPIRED);
		assertThat(ended.renewal()).isNotNull();
	}

	@Test
	void aRenewalInProgressAfterAnEstimatedGrantNeverDowngradesIt() {
		Qualification renewing = snc(estimated("2024", Evidence.PROVIDER_CONTRACT),
				event(QualificationStatus.IN_PROGRESS, "2026-06-01"));
		assertThat(renewing.on(LocalDate.parse("2026-07-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(renewing.on(LocalDate.parse("2027-07-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
	}

	@Test
	void aNewApplicationAfterAKnownEndIsInProgress() {
		Qualification again = snc(grantUntil("2020-01-01", "2022-12-31"),
				event(QualificationStatus.IN_PROGRESS, "2024-01-01"));
		assertThat(again.on(LocalDate.parse("2023-06-01")).status()).isEqualTo(QualificationStatus.EXPIRED);
		assertThat(again.on(LocalDate.parse("2024-06-01")).status()).isEqualTo(QualificationStatus.IN_PROGRESS);
	}

	@Test
	void aSingleMentionIsShownButNeverCounted() {
		Qualification mentioned = snc(estimated("2025-12", Evidence.SINGLE_SOURCE));
		assertThat(mentioned.on(LocalDate.parse("2026-06-01")).status()).isEqualTo(QualificationStatus.NONE);
		Qualification ended = snc(event(QualificationStatus.QUALIFIED, "2024-01-01"),
				new QualificationEvent(QualificationStatus.WITHDRAWN, LocalDate.parse("2025-01-01"), "2025",
						Dating.ESTIMATED, null, null, null, Evidence.SINGLE_SOURCE, "PRESS", "uncertain", null));
		assertThat(ended.on(LocalDate.parse("2025-06-01")).status()).as("a rumoured withdrawal ends nothing")
			.isEqualTo(QualificationStatus.QUALIFIED);
	}

	@Test
	void aRenewalRestartsTheValidity() {
		Qualification renewed = snc(grantUntil("2020-01-01", "2022-12-31"), grantUntil("2022-12-01", "2025-11-30"));
		assertThat(renewed.on(LocalDate.parse("2025-06-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(renewed.on(LocalDate.parse("2025-12-01")).status()).isEqualTo(QualificationStatus.EXPIRED);
	}

	@Test
	void aSchemeWithoutValidityNeverExpires() {
		Qualification hds = new Qualification("HDS", null, List.of(),
				List.of(event(QualificationStatus.QUALIFIED, "2010-01-01")));
		assertThat(hds.on(LocalDate.parse("2040-01-01")).status()).isEqualTo(QualificationStatus.QUALIFIED);
		assertThat(hds.on(LocalDate.parse("2040-01-01")).toConfirm()).isFalse();
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
		assertThat(catalogue.offer("pi").orElseThrow().hostingClass(LocalDate.parse("2000-01-01")))
			.isEqualTo(Offer.INTERNAL_PI);
	}

}
