package fr.gouv.nuage.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.audit.AuditEntry;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.TestOffers;
import fr.gouv.nuage.catalogue.declarations.Actor;
import fr.gouv.nuage.catalogue.declarations.DeclarationStatus;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.doctrine.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Projects decided again once the change that concerns them commits, each on its own:
 * DINUM's acceptance of a declaration stands whatever happens to the projects on the
 * offer, one that cannot be decided again says so and the others are decided. And under a
 * new pack at start.
 *
 * <p>
 * These tests commit, as a real change does (after-commit listeners never run in a
 * transaction rolled back): on the default in-memory H2 they use a database of their own,
 * on an offer no other test hosts a project on, and archive their projects at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestCalendar.class)
@Tag("database")
class ProjectRedecisionsTest {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry properties) {
		if (System.getenv("NUAGE_TEST_DB_URL") == null) {
			properties.add("spring.datasource.url", () -> "jdbc:h2:mem:nuage-redecisions;MODE=PostgreSQL;"
					+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

	/** An offer in qualification, which no other test hosts a project on. */
	private static final String OFFER = "cegedim-cloud";

	private static final String SENSITIVE = """
			{"schema":"nuage.assessment/v1",
			 "entity":{"name":"Direction du numérique","kind":"STATE_ADMINISTRATION","ministry":"Intérieur"},
			 "project":{"name":"%s","stage":"NEW","fullCostEur":500000,"solution":"CLOUD","equivalentSolutionExists":false},
			 "hosting":{"offerId":"%s"},
			 "data":{"personal":true,"publicAgents":false,"health":false,"companiesEconomic":false,"legalSecrets":["STATE_SECURITY"],
			         "essentialStateMission":true,"breachImpacts":["PUBLIC_SECURITY"],"transfersOutsideEu":false},
			 "commitments":{"productMode":true,"reversibilityPlan":true,"reversibilityFunded":true,"multiZoneResilience":true,
			                "compromiseDetection":true,"portabilityChecked":true,"comparativeStudy":false,"gdprCompliant":true}}
			""";

	@Autowired
	Projects projects;

	@Autowired
	ProjectRedecisions redecisions;

	@Autowired
	Declarations declarations;

	@Autowired
	TestCalendar.MovableClock clock;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private final List<UUID> registered = new ArrayList<>();

	/** A project left on the offer would be decided again by later changes. */
	@AfterEach
	void archiveTheProjects() {
		registered.forEach(id -> {
			if (!projects.find(id).orElseThrow().archived()) {
				projects.archive(id, "test");
			}
		});
	}

	@Test
	void aProjectThatCannotBeDecidedAgainNeitherUndoesDinumsAcceptanceNorStopsTheOthers() {
		UUID decided = register("Registre des aides");
		UUID unreadable = register("Registre des archives");
		UUID failing = register("Registre des marchés");
		// The offer its assessment names has since left the catalogue.
		jdbc.sql("update project_decision set assessment = replace(assessment, :offer, 'cegedim-retired') "
				+ "where project_id = :id")
			.param("offer", "\"" + OFFER + "\"")
			.param("id", unreadable)
			.update();
		// A row of its history was restored out of sequence: the next decision cannot be
		// stored.
		jdbc.sql(
				"""
						insert into project_decision (project_id, seq, at, actor, reason, offer_id, assessment, pack_id, pack_version,
						    pack_digest, verdict, control, decision)
						select project_id, 3, at, actor, reason, offer_id, assessment, pack_id, pack_version, pack_digest, verdict,
						    control, decision
						from project_decision where project_id = :id and seq = 1""")
			.param("id", failing)
			.update();

		Offer offer = Catalogue.reference().offer(OFFER).orElseThrow();
		Declarations.Submitted submitted = (Declarations.Submitted) declarations.submit(
				Actor.provider("Claire", offer.providerId()),
				CatalogueJson.declaration(TestOffers.qualifiedOn(offer, LocalDate.now(clock).minusDays(1))));
		declarations.accept(submitted.declaration().id(), Actor.dinum("Bruno"), "on ANSSI's list");

		// Each project is reached in turn, in no set order.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> projects.find(decided).orElseThrow().decisions().size() == 2
					&& !projects.find(unreadable).orElseThrow().issues().isEmpty()
					&& !projects.find(failing).orElseThrow().issues().isEmpty());
		assertThat(declarations.find(submitted.declaration().id()).orElseThrow().status())
			.isEqualTo(DeclarationStatus.ACCEPTED);
		assertThat(declarations.current().offer(OFFER).orElseThrow().hostingClass(LocalDate.now(clock)))
			.isEqualTo("COMMERCIAL_TRUSTED");

		Project again = projects.find(decided).orElseThrow();
		assertThat(again.decisions()).hasSize(2);
		assertThat(again.latest().orElseThrow().reason()).isEqualTo(ProjectDecision.Reason.OFFER_QUALIFICATION_CHANGED);
		assertThat(again.latest().orElseThrow().actor()).isEqualTo("catalogue");
		assertThat(again.latest().orElseThrow().verdict()).isNotEqualTo(Verdict.NON_COMPLIANT);
		assertThat(again.latest().orElseThrow().decision()).contains("\"hosting.class\":\"COMMERCIAL_TRUSTED\"");
		assertThat(again.issues()).isEmpty();

		assertThat(projects.find(unreadable).orElseThrow().decisions()).hasSize(1);
		assertThat(projects.find(unreadable).orElseThrow().issues()).singleElement()
			.satisfies(issue -> assertThat(issue.kind()).isEqualTo(ProjectIssue.Kind.ASSESSMENT_UNREADABLE));

		Project failed = projects.find(failing).orElseThrow();
		assertThat(failed.decisions()).hasSize(2);
		assertThat(failed.latest().orElseThrow().reason()).isEqualTo(ProjectDecision.Reason.ASSESSED);
		assertThat(failed.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.kind()).isEqualTo(ProjectIssue.Kind.REDECISION_FAILED);
			// The change is the acceptance's, on the day DINUM accepts.
			assertThat(issue.message()).isEqualTo("deciding it again after the qualification change of `" + OFFER
					+ "` on " + LocalDate.now(clock) + " failed 3 times: the decision in force is the previous one");
		});
		assertThat(audit.entries()).filteredOn(e -> e.subject().equals("project:" + decided))
			.extracting(AuditEntry::action)
			.containsExactly("PROJECT_REGISTERED", "PROJECT_DECIDED", "PROJECT_DECIDED");
		assertThat(audit.verify().intact()).isTrue();

		// The history repaired, the project is changed again (and archived at the end).
		jdbc.sql("delete from project_decision where project_id = :id and seq = 3").param("id", failing).update();
	}

	@Test
	void aProjectDecidedUnderAnotherPackIsDecidedAgainUnderTheCurrentOneInATransactionOfItsOwn() {
		UUID id = register("Portail des démarches");
		jdbc.sql("update project_decision set pack_digest = 'sha256:0ld', pack_version = '2021.1', pack_id = '6282-SG' "
				+ "where project_id = :id")
			.param("id", id)
			.update();

		assertThat(redecisions.underTheCurrentDoctrine()).isEqualTo(1);

		ProjectDecision latest = projects.find(id).orElseThrow().latest().orElseThrow();
		assertThat(latest.reason()).isEqualTo(ProjectDecision.Reason.DOCTRINE_CHANGED);
		assertThat(latest.packId()).isEqualTo("6404-SG");
		assertThat(redecisions.underTheCurrentDoctrine()).isZero();
	}

	private UUID register(String name) {
		UUID id = ((Projects.Decided) projects.register("alice", null, SENSITIVE.formatted(name, OFFER))).project()
			.id();
		registered.add(id);
		return id;
	}

}
