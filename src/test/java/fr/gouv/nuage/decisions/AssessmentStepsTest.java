package fr.gouv.nuage.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.nuage.decisions.AssessmentSteps.Question;
import fr.gouv.nuage.doctrine.Fact;
import fr.gouv.nuage.doctrine.FactModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The form asks every fact of the contract once, in at most seven steps before the
 * result.
 */
class AssessmentStepsTest {

	@Test
	void everyFactOfTheContractIsAskedByExactlyOneStep() {
		List<String> asked = AssessmentSteps.STEPS.stream()
			.flatMap(step -> step.questions().stream())
			.map(Question::path)
			.toList();
		List<String> facts = FactModel.assessmentV1().facts().stream().map(Fact::path).toList();
		assertThat(asked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(facts);
		assertThat(AssessmentSteps.TOTAL).isLessThanOrEqualTo(8);
	}

	@Test
	void anErrorsPathLeadsToTheStepAndFieldThatAskIt() {
		assertThat(AssessmentSteps.stepOf("data.legalSecrets[1]").orElseThrow().slug()).isEqualTo("impacts");
		assertThat(AssessmentSteps.stepOf("entity").orElseThrow().slug()).isEqualTo("entite");
		assertThat(AssessmentSteps.stepOf("hosting.region").orElseThrow().slug()).isEqualTo("hebergement");
		assertThat(AssessmentSteps.stepOf("doctrine")).isEmpty();
		assertThat(AssessmentSteps.fieldId("project.fullCostEur")).isEqualTo("project-fullCostEur");
		assertThat(AssessmentSteps.next(AssessmentSteps.STEPS.get(6))).isEmpty();
		assertThat(AssessmentSteps.previous(AssessmentSteps.STEPS.get(0))).isEmpty();
	}

	@Test
	void aNumberIsReadAsAPersonWritesIt() {
		assertThat(StepForm.number("1 200 000")).isEqualTo("1200000");
		assertThat(StepForm.number("0,5")).isEqualTo("0.5");
		assertThat(StepForm.number("450\u202f000 €")).isEqualTo("450000");
		assertThat(StepForm.number("beaucoup")).isEqualTo("beaucoup");
	}

}
