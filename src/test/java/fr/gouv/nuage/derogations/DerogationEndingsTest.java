package fr.gouv.nuage.derogations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.gouv.nuage.derogations.DerogationEvents.DerogationExpired;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.TestCalendar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A derogation's end decides its project again after the expiry commits, in a transaction
 * of its own: when that fails, the expiry stays, and the re-decision waits in the event
 * publication registry to be delivered again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestCalendar.class)
@Tag("database")
class DerogationEndingsTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry properties) {
		if (System.getenv("NUAGE_TEST_DB_URL") == null) {
			properties.add("spring.datasource.url", () -> "jdbc:h2:mem:nuage-derogation-endings;MODE=PostgreSQL;"
					+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

	@MockitoSpyBean
	Projects projects;

	@Autowired
	Derogations derogations;

	@Autowired
	TestCalendar.MovableClock clock;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailedRedecisionLeavesTheExpiryDoneAndIsDeliveredAgain() {
		clock.set(Instant.parse("2026-03-10T09:00:00Z"));
		UUID project = ((Projects.Decided) projects.register("alice", null, DerogationsTest.SENSITIVE_ON_COMMERCIAL))
			.project()
			.id();
		UUID id = derogations.request(project, "R9", "migration engaged in 2022", UUID.randomUUID().toString(), "alice")
			.id();
		derogations.approveByMinister(id, "Ministre", Derogation.Role.MINISTER);
		derogations.validateByPrimeMinister(id, "Matignon", Derogation.Role.PRIME_MINISTER_OFFICE);
		// An acceptable offer is said to exist from a day that has come.
		clock.set(Instant.parse("2026-04-01T09:00:00Z"));
		derogations.acceptableOfferAvailable(id, LocalDate.parse("2026-04-01"), "dinum");
		doThrow(new IllegalStateException("the catalogue cannot be read")).doCallRealMethod()
			.when(projects)
			.redecide(eq(project), any(), any());

		clock.set(Instant.parse("2027-04-01T01:00:00Z"));
		derogations.daily();

		await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(publication(id)));
		assertThat(derogations.find(id).orElseThrow().status()).as("the expiry is not rolled back")
			.isEqualTo(DerogationStatus.EXPIRED);
		assertThat(projects.find(project).orElseThrow().decisions()).hasSize(1);

		incomplete
			.resubmitIncompletePublications(publication -> publication.getEvent() instanceof DerogationExpired expired
					&& expired.derogation().equals(id));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> projects.find(project).orElseThrow().decisions().size() == 2);
		assertThat(projects.find(project).orElseThrow().latest().orElseThrow().reason())
			.isEqualTo(ProjectDecision.Reason.DEROGATION_EXPIRED);
		await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(publication(id)));
	}

	/**
	 * Where the registry has the re-decision of this derogation's project: its
	 * publication's status.
	 */
	private String publication(UUID derogation) {
		return jdbc.sql("""
				select status from event_publication
				where event_type like '%DerogationExpired' and serialized_event like :id""")
			.param("id", "%" + derogation + "%")
			.query(String.class)
			.single();
	}

}
