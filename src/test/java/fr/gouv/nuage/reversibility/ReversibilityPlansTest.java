package fr.gouv.nuage.reversibility;

import fr.gouv.nuage.projects.Projects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.audit.AuditEntry;
import fr.gouv.nuage.audit.AuditLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.annotation.Transactional;

/** A project's reversibility plan (R4): checked, never saved over a newer one, audited. */
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

	private UUID project() {
		return ((Projects.Decided) projects.register("alice", null, """
				{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_OPERATOR"},
				 "project":{"name":"Archives","stage":"NEW"},"hosting":{"class":"COMMERCIAL"}}
				""")).project().id();
	}

	@Test
	void aPlanIsRecordedThenAmendedOverTheVersionRead() {
		UUID project = project();
		plans.record(project, "Export complet sous 3 mois, effacement certifié", List.of("S3", "PostgreSQL dump"),
				new BigDecimal("40000"), 20, "alice", 0);
		plans.record(project, "Export complet sous 2 mois, effacement certifié", List.of("S3"), new BigDecimal("55000"), 25,
				"bob", 1);
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
			.hasMessage("exitTerms: the exit terms must be written; exportFormats: name at least one format the data leave in; "
					+ "budgetEur: R4 asks for resources provisioned from launch: budget or staff");
		assertThat(plans.find(project)).isEmpty();
	}
}
