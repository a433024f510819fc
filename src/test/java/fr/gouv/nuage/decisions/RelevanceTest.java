package fr.gouv.nuage.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A question matters when the pack would decide otherwise for some answer to it. */
class RelevanceTest {

	private final RulePack pack = RulePacks.shipped().get("6404-SG");

	private Relevance relevance(Object... pathsAndValues) {
		Assessment.Builder builder = Assessment.builder(pack.facts());
		for (int i = 0; i < pathsAndValues.length; i += 2) {
			builder.set((String) pathsAndValues[i], pathsAndValues[i + 1]);
		}
		return new Relevance(pack, builder.build());
	}

	@Test
	void theShareOfAnEvolutionMattersOnlyForAnEvolution() {
		assertThat(relevance("entity.kind", "STATE_ADMINISTRATION").matters("project.evolutionShare")).isFalse();
		assertThat(relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW")
			.matters("project.evolutionShare")).isFalse();
		assertThat(relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "EVOLUTION")
			.matters("project.evolutionShare")).isTrue();
		assertThat(relevance("entity.kind", "STATE_ADMINISTRATION").matters("project.stage")).isTrue();
	}

	@Test
	void theCommercialCommitmentsMatterOnlyOnACommercialCloud() {
		Relevance internal = relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW", "hosting.class",
				"INTERNAL_NUBO");
		assertThat(internal.matters("commitments.reversibilityPlan")).isFalse();
		assertThat(internal.matters("hosting.hdsCertified")).isFalse();
		assertThat(internal.matters("commitments.multiZoneResilience")).isTrue();
		Relevance commercial = relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW", "hosting.class",
				"COMMERCIAL", "data.health", true);
		assertThat(commercial.matters("commitments.reversibilityPlan")).isTrue();
		assertThat(commercial.matters("hosting.hdsCertified")).isTrue();
	}

	@Test
	void noSecretMattersOnceBreachesAreSaidToHarmNothing() {
		Relevance harmless = relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW",
				"data.breachImpacts", List.of());
		assertThat(harmless.matters("data.legalSecrets")).isFalse();
		assertThat(harmless.matters("data.essentialStateMission")).isFalse();
		assertThat(
				relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW").matters("data.legalSecrets"))
			.isTrue();
	}

	@Test
	void aPointOfVigilanceIsAskedBeforeTheRestOfItsRuleIsSettled() {
		Relevance commercial = relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW", "hosting.class",
				"COMMERCIAL");
		assertThat(commercial.matters("hosting.dataLocation")).isTrue();
		assertThat(commercial.matters("data.transfersOutsideEu")).isTrue();
		Relevance internal = relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW", "hosting.class",
				"INTERNAL_PI");
		assertThat(internal.matters("hosting.dataLocation")).isFalse();
		assertThat(internal.matters("data.transfersOutsideEu")).isFalse();
	}

	@Test
	void aFactNoRuleReadsNeverMattersAndAnAnsweredOneIsNoLongerAsked() {
		Relevance any = relevance("entity.kind", "STATE_ADMINISTRATION", "project.stage", "NEW");
		assertThat(any.matters("commitments.trainingPlan")).isFalse();
		assertThat(any.matters("project.stage")).isFalse();
	}

}
