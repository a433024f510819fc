package fr.gouv.nuage.derogations;

import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Derogations stored and audited, from the request to the project decided again at their
 * end, and the daily job's reminders. Nothing is rolled back here: what listens after a
 * commit needs one. On the default in-memory H2 they use a database of their own; on a
 * shared one each test looks only at its own derogation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestCalendar.class)
@RecordApplicationEvents
@Tag("database")
class DerogationsTest {

	/** Data of particular sensitivity on a plain commercial cloud: R9 is violated. */
	static final String SENSITIVE_ON_COMMERCIAL = """
			{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_ADMINISTRATION"},
			 "project":{"name":"Messagerie","stage":"NEW","fullCostEur":500000,"solution":"SAAS"},
			 "hosting":{"class":"COMMERCIAL"},
			 "data":{"personal":true,"legalSecrets":["PRIVACY"],"essentialStateMission":true,"breachImpacts":["PUBLIC_ORDER"]}}
			""";

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		if (System.getenv("NUAGE_TEST_DB_URL") == null) {
			properties.add("spring.datasource.url", () -> "jdbc:h2:mem:nuage-derogations;MODE=PostgreSQL;"
					+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

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

	// What a fresh instance of the service is made of, as after a restart.

	@Autowired
	DerogationRepository repository;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	PlatformTransactionManager transactions;

	/**
	 * The clock is shared by the tests of one application context: each test starts on
	 * the same day.
	 */
	@BeforeEach
	void startOnTheSameDay() {
		clock.set(Instant.parse("2026-03-10T09:00:00Z"));
	}

	/** A granted derogation from R9 of a new project, ending on 2027-04-01. */
	private Derogation grantedEndingOnTheFirstOfApril2027() {
		UUID project = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		UUID id = derogations.request(project, "R9", "migration engaged in 2022", UUID.randomUUID().toString(), "alice")
			.id();
		derogations.approveByMinister(id, "Ministre", Derogation.Role.MINISTER);
		derogations.validateByPrimeMinister(id, "Matignon", Derogation.Role.PRIME_MINISTER_OFFICE);
		// An acceptable offer is said to exist from a day that has come.
		clock.set(Instant.parse("2026-04-01T09:00:00Z"));
		return derogations.acceptableOfferAvailable(id, LocalDate.parse("2026-04-01"), "dinum");
	}

	@Test
	void oneDerogationFromARuleIsPendingOrInForceAtATimeAndAnArchivedProjectAsksForNone() {
		UUID project = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		UUID first = derogations.request(project, "R9", "migration engaged in 2022", "audit-snc.pdf", "alice").id();
		for (int step = 0; step < 3; step++) {
			DerogationStatus status = derogations.find(first).orElseThrow().status();
			assertThatThrownBy(() -> derogations.request(project, "R9", "once more", "audit-snc.pdf", "alice"))
				.as("while " + status)
				.isInstanceOf(Derogation.Refused.class)
				.hasMessage("the derogation " + first + " from `R9` of this project is " + status
						+ ": no other is requested while one is pending or in force");
			if (step == 0) {
				derogations.approveByMinister(first, "Ministre", Derogation.Role.MINISTER);
			}
			else if (step == 1) {
				derogations.validateByPrimeMinister(first, "Matignon", Derogation.Role.PRIME_MINISTER_OFFICE);
			}
		}
		assertThat(derogations.of(project)).hasSize(1);

		UUID withdrawn = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		UUID asked = derogations.request(withdrawn, "R9", "first", "audit-snc.pdf", "alice").id();
		derogations.withdraw(asked, "alice", Derogation.Role.PROJECT_AUTHORITY);
		assertThat(derogations.request(withdrawn, "R9", "again", "audit-snc.pdf", "alice").status())
			.as("once withdrawn, asked again")
			.isEqualTo(DerogationStatus.REQUESTED);

		UUID archived = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		projects.archive(archived, "alice");
		assertThatThrownBy(() -> derogations.request(archived, "R9", "x", "audit-snc.pdf", "alice"))
			.isInstanceOf(Projects.Archived.class)
			.hasMessageEndingWith("is archived: it takes no new derogation");
		assertThat(derogations.of(archived)).isEmpty();
	}

	@Test
	void anAcceptableOfferIsNotSaidToExistFromADayToCome() {
		UUID project = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		UUID id = derogations.request(project, "R9", "migration engaged in 2022", "audit-snc.pdf", "alice").id();
		derogations.approveByMinister(id, "Ministre", Derogation.Role.MINISTER);
		derogations.validateByPrimeMinister(id, "Matignon", Derogation.Role.PRIME_MINISTER_OFFICE);
		assertThatThrownBy(() -> derogations.acceptableOfferAvailable(id, LocalDate.parse("9999-12-31"), "dinum"))
			.isInstanceOf(Derogation.InvalidField.class)
			.hasMessageStartingWith("since: `9999-12-31` is after today (2026-03-10)");
		assertThatThrownBy(() -> derogations.acceptableOfferAvailable(id, LocalDate.parse("2026-03-11"), "dinum"))
			.isInstanceOf(Derogation.InvalidField.class);
		assertThat(derogations.find(id).orElseThrow().expiresOn()).isNull();
		assertThat(derogations.acceptableOfferAvailable(id, LocalDate.parse("2026-03-10"), "dinum").expiresOn())
			.isEqualTo(LocalDate.parse("2027-03-10"));
	}

	@Test
	void anR9DerogationGoesFromTheMinisterToThePrimeMinisterAndEndsWithANewDecisionAfterItsExpiryCommits() {
		UUID project = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		UUID id = derogations.request(project, "R9", "migration engaged in 2022", "audit-snc.pdf", "alice").id();
		assertThat(derogations.find(id).orElseThrow().decisionDigest()).startsWith("sha256:").endsWith("#1");
		derogations.approveByMinister(id, "Ministre", Derogation.Role.MINISTER);
		assertThat(events.stream(DerogationGranted.class)).isEmpty();
		derogations.validateByPrimeMinister(id, "Matignon", Derogation.Role.PRIME_MINISTER_OFFICE);
		assertThat(events.stream(DerogationGranted.class)).hasSize(1);
		// An acceptable offer is said to exist from a day that has come.
		clock.set(Instant.parse("2026-04-01T09:00:00Z"));
		derogations.acceptableOfferAvailable(id, LocalDate.parse("2026-04-01"), "dinum");
		assertThat(derogations.find(id).orElseThrow().expiresOn()).isEqualTo(LocalDate.parse("2027-04-01"));

		clock.set(Instant.parse("2027-01-01T01:00:00Z"));
		derogations.daily();
		assertThat(reminders(id)).containsExactly(90);

		clock.set(Instant.parse("2027-04-01T01:00:00Z"));
		derogations.daily();
		assertThat(derogations.find(id).orElseThrow().status()).isEqualTo(DerogationStatus.EXPIRED);
		assertThat(events.stream(DerogationExpired.class).filter(e -> e.derogation().equals(id))).hasSize(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> projects.find(project).orElseThrow().decisions().size() == 2);
		Project decidedAgain = projects.find(project).orElseThrow();
		assertThat(decidedAgain.latest().orElseThrow().reason()).isEqualTo(ProjectDecision.Reason.DEROGATION_EXPIRED);
		assertThat(audit.entries()).filteredOn(entry -> entry.subject().equals("derogation:" + id))
			.extracting(AuditEntry::action)
			.containsExactly("DEROGATION_REQUESTED", "DEROGATION_APPROVED_BY_MINISTER", "DEROGATION_GRANTED",
					"DEROGATION_GRANTED", "DEROGATION_EXPIRED");
		assertThat(audit.verify().intact()).isTrue();

		derogations.daily();
		assertThat(events.stream(DerogationExpired.class).filter(e -> e.derogation().equals(id)))
			.as("expired once, whatever runs follow")
			.hasSize(1);
	}

	@Test
	void aReminderMissedOnItsDayIsSentOnTheNextRunAndNoReminderTwice() {
		UUID id = grantedEndingOnTheFirstOfApril2027().id();

		// 2027-01-01 was 90 days before: the application was down.
		clock.set(Instant.parse("2027-01-02T01:00:00Z"));
		derogations.daily();
		assertThat(reminders(id)).as("caught up, saying the days really left").containsExactly(89);

		derogations.daily();
		restarted().daily();
		clock.set(Instant.parse("2027-01-03T01:00:00Z"));
		restarted().daily();
		assertThat(reminders(id)).as("a run repeated, or after a restart, sends nothing again").containsExactly(89);

		clock.set(Instant.parse("2027-03-02T01:00:00Z"));
		restarted().daily();
		derogations.daily();
		clock.set(Instant.parse("2027-03-25T01:00:00Z"));
		derogations.daily();
		derogations.daily();
		assertThat(reminders(id)).containsExactly(89, 30, 7);
	}

	@Test
	void remindersMissedAllAlongAreCaughtUpByTheNearestAlone() {
		UUID id = grantedEndingOnTheFirstOfApril2027().id();
		clock.set(Instant.parse("2027-03-28T01:00:00Z"));
		derogations.daily();
		restarted().daily();
		assertThat(events.stream(DerogationEndApproaching.class).filter(e -> e.derogation().equals(id))).singleElement()
			.satisfies(reminder -> {
				assertThat(reminder.daysLeft()).isEqualTo(4);
				assertThat(reminder.end()).isEqualTo(LocalDate.parse("2027-04-01"));
			});
	}

	@Test
	void thereIsNoDerogationFromARuleTheDecisionDoesNotFindViolated() {
		UUID project = ((Projects.Decided) projects.register("alice", null, SENSITIVE_ON_COMMERCIAL)).project().id();
		assertThatThrownBy(() -> derogations.request(project, "R13", "we like it", null, "alice"))
			.isInstanceOf(Derogation.Refused.class)
			.hasMessageContaining("does not find `R13` violated");
	}

	/**
	 * The days left each reminder of the derogation said, in the order they were sent.
	 */
	private List<Integer> reminders(UUID id) {
		return events.stream(DerogationEndApproaching.class)
			.filter(e -> e.derogation().equals(id))
			.map(DerogationEndApproaching::daysLeft)
			.toList();
	}

	/**
	 * A new instance of the service on the same database, with nothing in memory: the
	 * application restarted.
	 */
	private Derogations restarted() {
		return new Derogations(repository, projects, audit, publisher, (Clock) clock, transactions);
	}

}
