package fr.gouv.nuage.catalogue.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.catalogue.OfferQualificationChanged;
import fr.gouv.nuage.catalogue.OfferQualificationDue;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.TestCalendar;
import fr.gouv.nuage.audit.AuditLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/**
 * The date bomb of 1 January 2027 does not go off: four offers whose qualification dates
 * are estimated pass the law's three-year maximum on that day; on 15 January they are
 * still trusted, to confirm, in DINUM's queue, and no project on them is decided again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestCalendar.class)
@RecordApplicationEvents
@Transactional
@Tag("database")
class DueForConfirmationTest {

	private static final List<String> ESTIMATED = List.of("cloudtemple-iaas", "oodrive-work", "outscale-iaas",
			"ovhcloud-hpc-snc");

	private static final String SENSITIVE_ON = """
			{"schema":"nuage.assessment/v1",
			 "entity":{"name":"Direction du numérique","kind":"STATE_ADMINISTRATION","ministry":"Intérieur"},
			 "project":{"name":"Registre sensible sur %1$s","stage":"NEW","fullCostEur":500000,"solution":"CLOUD","equivalentSolutionExists":false},
			 "hosting":{"offerId":"%1$s"},
			 "data":{"personal":true,"publicAgents":false,"health":false,"companiesEconomic":false,"legalSecrets":["STATE_SECURITY"],
			         "essentialStateMission":true,"breachImpacts":["PUBLIC_SECURITY"],"transfersOutsideEu":false},
			 "commitments":{"productMode":true,"reversibilityPlan":true,"reversibilityFunded":true,"multiZoneResilience":true,
			                "compromiseDetection":true,"portabilityChecked":true,"comparativeStudy":false,"gdprCompliant":true}}
			""";

	@Autowired
	TestCalendar.MovableClock clock;

	@Autowired
	QualificationWatch watch;

	@Autowired
	Projects projects;

	@Autowired
	Declarations declarations;

	@Autowired
	AuditLog audit;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onFifteenJanuary2027TheFourOffersAreStillTrustedToConfirmAndNoProjectIsDecidedAgain() {
		clock.set(Instant.parse("2026-12-20T09:00:00Z"));
		// The watch ran on 20 December (its cursor is the database's: whatever ran
		// before, it stands there now).
		jdbc.sql("update qualification_watch set checked_until = date '2026-12-20'").update();
		List<UUID> hosted = ESTIMATED.stream()
			.map(offer -> ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON.formatted(offer))).project()
				.id())
			.toList();
		assertThat(hosted)
			.allSatisfy(id -> assertThat(projects.find(id).orElseThrow().latest().orElseThrow().decision())
				.contains("\"hosting.class\":\"COMMERCIAL_TRUSTED\""));

		clock.set(Instant.parse("2027-01-15T09:00:00Z"));
		watch.daily();

		assertThat(hosted).allSatisfy(id -> assertThat(projects.find(id).orElseThrow().decisions()).hasSize(1));
		assertThat(events.stream(OfferQualificationChanged.class)).noneMatch(e -> ESTIMATED.contains(e.offerId()));
		assertThat(events.stream(OfferQualificationDue.class)).extracting(OfferQualificationDue::offerId)
			.containsExactlyInAnyOrderElementsOf(ESTIMATED);
		assertThat(events.stream(OfferQualificationDue.class)).allSatisfy(due -> {
			assertThat(due.date()).isEqualTo(LocalDate.parse("2027-01-01"));
			assertThat(due.hostingClass()).isEqualTo("COMMERCIAL_TRUSTED");
		});
		LocalDate fifteenth = LocalDate.parse("2027-01-15");
		assertThat(declarations.dueForConfirmation(fifteenth)).extracting(d -> d.offer().id())
			.containsExactlyInAnyOrderElementsOf(ESTIMATED);
		assertThat(declarations.current().offers()).filteredOn(o -> ESTIMATED.contains(o.id())).allSatisfy(offer -> {
			assertThat(offer.hostingClass(fifteenth)).isEqualTo("COMMERCIAL_TRUSTED");
			assertThat(offer.toConfirm(fifteenth)).isTrue();
		});
		assertThat(audit.entries()).filteredOn(e -> e.action().equals("OFFER_QUALIFICATION_DUE")).hasSize(4);
	}

}
