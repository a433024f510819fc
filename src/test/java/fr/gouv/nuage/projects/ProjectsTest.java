package fr.gouv.nuage.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.gouv.nuage.directory.Grant;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.Person;
import fr.gouv.nuage.directory.Role;
import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.audit.AuditLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects stored with their decisions, changed only by whom the perimeter allows, and
 * saying so when they can no longer be decided again. Their re-decision after a change
 * that commits is {@link ProjectRedecisionsTest}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
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
	AuditLog audit;

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
	void aProjectWhoseAssessmentNoLongerReadsSaysSoUntilItIsDecidedAgain() {
		UUID id = ((Projects.Decided) projects.register("alice", ON_BLEU)).project().id();
		// The offer the assessment names left the catalogue.
		jdbc.sql("update project_decision set assessment = replace(assessment, '\"bleu\"', '\"bleu-retired\"') "
				+ "where project_id = :id")
			.param("id", id)
			.update();

		projects.redecide(id, "calendar", ProjectDecision.Reason.DEROGATION_EXPIRED);

		Project project = projects.find(id).orElseThrow();
		assertThat(project.decisions()).hasSize(1);
		assertThat(project.issues()).singleElement().satisfies(issue -> {
			assertThat(issue.kind()).isEqualTo(ProjectIssue.Kind.ASSESSMENT_UNREADABLE);
			assertThat(issue.message()).startsWith("the latest assessment no longer reads under `6404-SG ")
				.contains("`hosting.offerId`")
				.contains("bleu-retired")
				.endsWith("assess the project again");
		});
		Instant since = project.issues().get(0).since();
		projects.redecide(id, "calendar", ProjectDecision.Reason.DEROGATION_EXPIRED);
		assertThat(projects.find(id).orElseThrow().issues()).singleElement()
			.satisfies(issue -> assertThat(issue.since()).isEqualTo(since));

		projects.assess(id, "alice", ON_BLEU);
		assertThat(projects.find(id).orElseThrow().issues()).isEmpty();
	}

	@Test
	void whoMayActIsDecidedFromThePerimeter() {
		UUID id = ((Projects.Decided) projects.register("alice", null, ON_BLEU)).project().id();
		Perimeter dinum = perimeter(Set.of(), Set.of(), Role.DINUM);
		Perimeter agentElsewhere = perimeter(Set.of("dir-b"), Set.of());

		assertThat(projects.visible(dinum, id).id()).isEqualTo(id);
		assertThatThrownBy(() -> projects.visible(agentElsewhere, id)).isInstanceOf(NotAllowed.class)
			.hasMessage("the project " + id + " is outside your perimeter");
		assertThatThrownBy(() -> projects.rename(dinum, id, "Registre", null)).isInstanceOf(NotAllowed.class)
			.hasMessage("only the agents of `null` change this project");
		assertThatThrownBy(() -> projects.register(dinum, null, ON_BLEU)).isInstanceOf(NotAllowed.class)
			.hasMessage("only an agent registers projects, for their entity");
		assertThatThrownBy(() -> projects.register(agentElsewhere, "dir-a", ON_BLEU)).isInstanceOf(NotAllowed.class)
			.hasMessage("you are not an agent of `dir-a`");
		assertThatThrownBy(() -> projects.register(perimeter(Set.of("dir-b", "dir-a"), Set.of()), null, ON_BLEU))
			.isInstanceOfSatisfying(Projects.OrganisationToName.class,
					ex -> assertThat(ex.organisations()).containsExactly("dir-a", "dir-b"));
		UUID none = UUID.randomUUID();
		assertThatThrownBy(() -> projects.visible(dinum, none)).isInstanceOf(NoSuchProject.class)
			.hasMessage("no project " + none);
		assertThat(projects.find(id).orElseThrow().name()).isEqualTo("Registre sensible");
	}

	private static Perimeter perimeter(Set<String> editable, Set<String> controlled, Role... roles) {
		List<Grant> grants = Arrays.stream(roles).map(role -> new Grant(role, "dinum", "test")).toList();
		return new Perimeter(new Person("someone@a.fr", "Some", "One", null, grants), editable, controlled, Set.of());
	}

	@Test
	void aProjectMustNameItselfAndItsEntity() {
		Projects.Outcome outcome = projects.register("alice",
				"{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"STATE_OPERATOR\"}}");
		assertThat(outcome).isInstanceOf(Projects.Invalid.class);
		assertThat(((Projects.Invalid) outcome).errors()).extracting(e -> e.path())
			.containsExactly("project.name", "entity.name");
	}

	@Test
	void anArchivedProjectIsKeptButNoLongerAssessed() {
		UUID id = ((Projects.Decided) projects.register("alice", ON_BLEU)).project().id();
		projects.archive(id, "alice");
		assertThat(projects.find(id).orElseThrow().archived()).isTrue();
		assertThatThrownBy(() -> projects.assess(id, "alice", ON_BLEU)).isInstanceOf(Projects.Archived.class)
			.hasMessageContaining("archived");
	}

}
