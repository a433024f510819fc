package fr.gouv.nuage.reversibility;

import fr.gouv.nuage.projects.Projects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.Person;
import fr.gouv.nuage.projects.NoSuchProject;

import fr.gouv.nuage.audit.AuditEntry;
import fr.gouv.nuage.audit.AuditLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's reversibility plan (R4): checked, never saved over a newer one, audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Transactional
@Tag("database")
class ReversibilityPlansTest {

	@Autowired
	Projects projects;

	@Autowired
	ReversibilityPlans plans;

	@Autowired
	AuditLog audit;

	@Autowired
	Directory directory;

	private UUID project() {
		return ((Projects.Decided) projects.register("alice", null, """
				{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_OPERATOR"},
				 "project":{"name":"Archives","stage":"NEW"},"hosting":{"class":"COMMERCIAL"}}
				""")).project().id();
	}

	@Test
	void onlyAnAgentOfTheProjectsOrganisationRecordsItsPlanAndWhoeverSeesItReadsIt() {
		directory.add("test", "min-r", "Ministère R", OrganisationKind.MINISTRY, null, null);
		directory.add("test", "op-r", "Opérateur R", OrganisationKind.STATE_OPERATOR, "min-r", null);
		UUID project = ((Projects.Decided) projects.register("alice", "op-r", """
				{"schema":"nuage.assessment/v1","entity":{"name":"Opérateur R","kind":"STATE_OPERATOR"},
				 "project":{"name":"Archives","stage":"NEW"},"hosting":{"class":"COMMERCIAL"}}
				""")).project().id();
		Perimeter agent = perimeter(Set.of("op-r"), Set.of());
		Perimeter controller = perimeter(Set.of(), Set.of("op-r"));

		assertThatThrownBy(
				() -> plans.record(controller, project, "Export", List.of("CSV"), BigDecimal.TEN, 1, null, false))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("only the agents of `op-r` record its reversibility plan");
		assertThat(plans.find(controller, project)).isEmpty();
		ReversibilityPlans.Recorded first = plans.record(agent, project, "Export", List.of("CSV"), BigDecimal.TEN, 1,
				null, true);
		assertThat(first.first()).isTrue();
		assertThat(plans.find(controller, project))
			.hasValueSatisfying(plan -> assertThat(plan.updatedBy()).isEqualTo("a@op-r.fr"));
		assertThatThrownBy(() -> plans.record(agent, project, "Export", List.of("CSV"), BigDecimal.TEN, 2, null, true))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(plans.record(agent, project, "Export", List.of("CSV"), BigDecimal.TEN, 2, 1, false).first())
			.isFalse();
		assertThatThrownBy(() -> plans.find(perimeter(Set.of("dir-b"), Set.of()), project))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> plans.find(agent, UUID.randomUUID())).isInstanceOf(NoSuchProject.class);
	}

	private static Perimeter perimeter(Set<String> editable, Set<String> controlled) {
		return new Perimeter(new Person("a@op-r.fr", null, null, null, List.of()), editable, controlled, Set.of());
	}

	@Test
	void aPlanIsRecordedThenAmendedOverTheVersionRead() {
		UUID project = project();
		plans.record(project, "Export complet sous 3 mois, effacement certifié", List.of("S3", "PostgreSQL dump"),
				new BigDecimal("40000"), 20, "alice", 0);
		plans.record(project, "Export complet sous 2 mois, effacement certifié", List.of("S3"), new BigDecimal("55000"),
				25, "bob", 1);
		ReversibilityPlan plan = plans.find(project).orElseThrow();
		assertThat(plan.version()).isEqualTo(2);
		assertThat(plan.budgetEur()).isEqualByComparingTo("55000");
		assertThat(plan.updatedBy()).isEqualTo("bob");
		List<AuditEntry> entries = audit.entries();
		AuditEntry last = entries.get(entries.size() - 1);
		assertThat(last.action()).isEqualTo("REVERSIBILITY_PLAN_RECORDED");
		assertThat(last.before()).contains("\"budgetEur\":\"40000\"");
		assertThat(last.after()).contains("\"budgetEur\":\"55000\"");
	}

	@Test
	void anArchivedProjectTakesNoPlan() {
		UUID project = project();
		plans.record(project, "Export sous 3 mois", List.of("S3"), new BigDecimal("40000"), 20, "alice", 0);
		projects.archive(project, "alice");
		int entries = audit.entries().size();
		assertThatThrownBy(() -> plans.record(project, "Export sous 6 mois", List.of("S3"), new BigDecimal("40000"), 20,
				"alice", 1))
			.isInstanceOf(Projects.Archived.class)
			.hasMessage("the project `Archives` is archived: it takes no new reversibility plan");
		assertThat(plans.find(project).orElseThrow().exitTerms()).isEqualTo("Export sous 3 mois");
		assertThat(audit.entries()).hasSize(entries);
	}

	@Test
	void aStaleVersionIsRefusedAndNothingChanges() {
		UUID project = project();
		plans.record(project, "Export sous 3 mois", List.of("S3"), new BigDecimal("40000"), 20, "alice", 0);
		assertThatThrownBy(() -> plans.record(project, "Autre", List.of("CSV"), BigDecimal.ONE, 1, "bob", 0))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(plans.find(project).orElseThrow().exitTerms()).isEqualTo("Export sous 3 mois");
	}

	@Test
	void aPlanWithoutTermsFormatsOrResourcesIsRefusedNamingEachField() {
		UUID project = project();
		assertThatThrownBy(() -> plans.record(project, " ", List.of(), BigDecimal.ZERO, 0, "alice", 0))
			.isInstanceOf(ReversibilityPlans.Invalid.class)
			.hasMessage(
					"exitTerms: the exit terms must be written; exportFormats: name at least one format the data leave in; "
							+ "budgetEur: R4 asks for resources provisioned from launch: budget or staff");
		assertThat(plans.find(project)).isEmpty();
	}

}
