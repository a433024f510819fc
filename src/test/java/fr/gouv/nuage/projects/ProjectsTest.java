package fr.gouv.nuage.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.TestOffers;
import fr.gouv.nuage.catalogue.declarations.Actor;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.audit.AuditLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** Projects stored with their decisions, and decided again when their offer's qualification changes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordApplicationEvents
@Transactional
@Tag("database")
class ProjectsTest {

	private static final String ON_BLEU = """
			{"schema":"nuage.assessment/v1",
			 "entity":{"name":"Direction du numérique","kind":"STATE_ADMINISTRATION","ministry":"Intérieur"},
			 "project":{"name":"Registre sensible","stage":"NEW","fullCostEur":500000,"solution":"CLOUD","equivalentSolutionExists":false},
			 "hosting":{"offerId":"bleu"},
			 "data":{"personal":true,"publicAgents":false,"health":false,"companiesEconomic":false,"legalSecrets":["STATE_SECURITY"],
			         "essentialStateMission":true,"breachImpacts":["PUBLIC_SECURITY"],"transfersOutsideEu":false},
			 "commitments":{"productMode":true,"reversibilityPlan":true,"reversibilityFunded":true,"multiZoneResilience":true,
			                "compromiseDetection":true,"portabilityChecked":true,"comparativeStudy":false,"gdprCompliant":true}}
			""";

	@Autowired
	Projects projects;

	@Autowired
	Declarations declarations;

	@Autowired
	AuditLog audit;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aProjectIsStoredWithItsDecisionAndThePacksDigest() {
		Projects.Decided decided = (Projects.Decided) projects.register("alice", ON_BLEU);
		ProjectDecision decision = decided.decision();
		assertThat(decision.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
		assertThat(decision.packId()).isEqualTo("6404-SG");
		assertThat(decision.packDigest()).startsWith("sha256:");
		assertThat(decision.offerId()).isEqualTo("bleu");
		assertThat(decision.decision()).contains("\"hosting.class\":\"COMMERCIAL\"");
		Project stored = projects.find(decided.project().id()).orElseThrow();
		assertThat(stored.name()).isEqualTo("Registre sensible");
		assertThat(stored.decisions()).hasSize(1);
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void aProjectOnAnOfferThatGetsQualifiedIsDecidedAgain() {
		UUID id = ((Projects.Decided) projects.register("alice", ON_BLEU)).project().id();
		Offer bleu = Catalogue.reference().offer("bleu").orElseThrow();
		Offer qualified = TestOffers.qualifiedOn(bleu, LocalDate.now().minusDays(1));
		Declarations.Submitted submitted = (Declarations.Submitted) declarations
			.submit(Actor.provider("Claire", bleu.provider()), CatalogueJson.declaration(qualified));

		declarations.accept(submitted.declaration().id(), Actor.dinum("Bruno"), "on ANSSI's list");

		Project project = projects.find(id).orElseThrow();
		assertThat(project.decisions()).hasSize(2);
		ProjectDecision again = project.latest().orElseThrow();
		assertThat(again.reason()).isEqualTo(ProjectDecision.Reason.OFFER_QUALIFICATION_CHANGED);
		assertThat(again.actor()).isEqualTo("catalogue");
		assertThat(again.verdict()).isNotEqualTo(Verdict.NON_COMPLIANT);
		assertThat(again.decision()).contains("\"hosting.class\":\"COMMERCIAL_TRUSTED\"");
		assertThat(events.stream(ProjectReevaluated.class))
			.containsExactly(new ProjectReevaluated(id, "bleu", Verdict.NON_COMPLIANT, again.verdict()));
		assertThat(audit.entries()).extracting(e -> e.action())
			.contains("PROJECT_REGISTERED", "PROJECT_DECIDED", "OFFER_DECLARATION_ACCEPTED", "OFFER_QUALIFICATION_GRANTED");
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void aProjectDecidedUnderAnotherPackIsDecidedAgainUnderTheCurrentOne() {
		UUID id = ((Projects.Decided) projects.register("alice", ON_BLEU)).project().id();
		jdbc.sql("update project_decision set pack_digest = 'sha256:0ld', pack_version = '2021.1', pack_id = '6282-SG' "
				+ "where project_id = :id").param("id", id).update();
		assertThat(projects.redecideUnderTheCurrentDoctrine()).isEqualTo(1);
		ProjectDecision latest = projects.find(id).orElseThrow().latest().orElseThrow();
		assertThat(latest.reason()).isEqualTo(ProjectDecision.Reason.DOCTRINE_CHANGED);
		assertThat(latest.packId()).isEqualTo("6404-SG");
		assertThat(events.stream(ProjectDecidedUnderNewDoctrine.class)).singleElement()
			.satisfies(e -> assertThat(e.fromPack()).isEqualTo("6282-SG 2021.1"));
		assertThat(projects.redecideUnderTheCurrentDoctrine()).isZero();
	}

	@Test
	void aProjectMustNameItselfAndItsEntity() {
		Projects.Outcome outcome = projects.register("alice", "{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"STATE_OPERATOR\"}}");
		assertThat(outcome).isInstanceOf(Projects.Invalid.class);
		assertThat(((Projects.Invalid) outcome).errors()).extracting(e -> e.path()).containsExactly("project.name", "entity.name");
	}

	@Test
	void anArchivedProjectIsKeptButNoLongerAssessed() {
		UUID id = ((Projects.Decided) projects.register("alice", ON_BLEU)).project().id();
		projects.archive(id, "alice");
		assertThat(projects.find(id).orElseThrow().archived()).isTrue();
		assertThatThrownBy(() -> projects.assess(id, "alice", ON_BLEU)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("archived");
	}
}
