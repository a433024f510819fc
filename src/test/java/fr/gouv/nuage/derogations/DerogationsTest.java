package fr.gouv.nuage.derogations;

import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.gouv.nuage.derogations.DerogationEvents.DerogationEndApproaching;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationExpired;
import fr.gouv.nuage.derogations.DerogationEvents.DerogationGranted;
import fr.gouv.nuage.audit.AuditEntry;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.projects.TestCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** Derogations stored and audited, from the request to the project decided again at their end. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestCalendar.class)
@RecordApplicationEvents
@Transactional
@Tag("database")
class DerogationsTest {

	/** Data of particular sensitivity on a plain commercial cloud: R9 is violated. */
	private static final String SENSITIVE_ON_COMMERCIAL = """
			{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_ADMINISTRATION"},
			 "project":{"name":"Messagerie","stage":"NEW","fullCostEur":500000,"solution":"SAAS"},
			 "hosting":{"class":"COMMERCIAL"},
			 "data":{"personal":true,"legalSecrets":["PRIVACY"],"essentialStateMission":true,"breachImpacts":["PUBLIC_ORDER"]}}
			""";

	@Autowired
	Projects projects;

	@Autowired
	Derogations derogations;

	@Autowired
	AuditLog audit;

	@Autowired
	TestCalendar.MovableClock clock;

	@Autowired
	ApplicationEvents events;

	/** The clock is shared by the tests of one application context: each test starts on the same day. */
	@BeforeEach
	void startOnTheSameDay() {
		clock.set(java.time.Instant.parse("2026-03-10T09:00:00Z"));
	}

	@Test
	void anR9DerogationGoesFromTheMinisterToThePrimeMinisterAndEndsWithANewDecision() {
		clock.set(Instant.parse("2026-03-10T09:00:00Z"));
		UUID project = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		UUID id = derogations.request(project, "R9", "migration engaged in 2022", "audit-snc.pdf", "alice").id();
		assertThat(derogations.find(id).orElseThrow().decisionDigest()).startsWith("sha256:").endsWith("#1");
		derogations.approveByMinister(id, "Ministre", Derogation.Role.MINISTER);
		assertThat(events.stream(DerogationGranted.class)).isEmpty();
		derogations.validateByPrimeMinister(id, "Matignon", Derogation.Role.PRIME_MINISTER_OFFICE);
		assertThat(events.stream(DerogationGranted.class)).hasSize(1);
		derogations.acceptableOfferAvailable(id, LocalDate.parse("2026-04-01"), "dinum");
		assertThat(derogations.find(id).orElseThrow().expiresOn()).isEqualTo(LocalDate.parse("2027-04-01"));

		clock.set(Instant.parse("2027-01-01T01:00:00Z"));
		derogations.daily();
		assertThat(events.stream(DerogationEndApproaching.class)).singleElement()
			.satisfies(reminder -> assertThat(reminder.daysLeft()).isEqualTo(90));

		clock.set(Instant.parse("2027-04-01T01:00:00Z"));
		derogations.daily();
		assertThat(derogations.find(id).orElseThrow().status()).isEqualTo(DerogationStatus.EXPIRED);
		assertThat(events.stream(DerogationExpired.class)).hasSize(1);
		Project decidedAgain = projects.find(project).orElseThrow();
		assertThat(decidedAgain.decisions()).hasSize(2);
		assertThat(decidedAgain.latest().orElseThrow().reason()).isEqualTo(ProjectDecision.Reason.DEROGATION_EXPIRED);
		assertThat(audit.entries()).extracting(AuditEntry::action).contains("DEROGATION_REQUESTED",
				"DEROGATION_APPROVED_BY_MINISTER", "DEROGATION_GRANTED", "DEROGATION_EXPIRED");
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void thereIsNoDerogationFromARuleTheDecisionDoesNotFindViolated() {
		UUID project = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		assertThatThrownBy(() -> derogations.request(project, "R13", "we like it", null, "alice"))
			.isInstanceOf(Derogation.Refused.class).hasMessageContaining("does not find `R13` violated");
	}
}
