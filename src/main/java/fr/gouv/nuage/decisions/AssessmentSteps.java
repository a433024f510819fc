package fr.gouv.nuage.decisions;

import java.util.List;
import java.util.Optional;

/**
 * The self-assessment's form: seven steps of questions, each a group of facts of the
 * assessment contract named by their path, then the result as the eighth step. Which step
 * holds a fact is the form's layout; whether a question is put to a person is decided by
 * the pack for the answers so far ({@link Relevance}), except for the few facts no rule
 * reads, which {@link Ask} says when to ask.
 */
final class AssessmentSteps {

	/** When a question is put. */
	enum Ask {

		/** Always: what names the project on its result and certificate. */
		ALWAYS,
		/** When the entity may be subject to the doctrine: its ministry. */
		IF_SUBJECT,
		/** When an answer would change the decision, or it is answered. */
		IF_RELEVANT,
		/**
		 * As {@link #IF_RELEVANT}, unless an offer of the catalogue is named: the
		 * catalogue supplies it.
		 */
		UNLESS_OFFER,
		/** When the hosting class is asked: the catalogue's offer that gives it. */
		OFFER,
		/** When the offer named has regions: which one. */
		REGION

	}

	/** One question: a fact, and when it is put. */
	record Question(String path, Ask ask) {

		/** The id of its field in the page, and the fragment that leads to it. */
		String id() {
			return fieldId(path);
		}

	}

	/** One step of questions: its slug in the address, its number (1 to 7), its facts. */
	record Step(String slug, int number, List<Question> questions) {

		boolean holds(String path) {
			return questions.stream().anyMatch(question -> question.path().equals(path));
		}

	}

	/** The slug of the result, the last step. */
	static final String RESULT = "resultat";

	static final List<Step> STEPS = List.of(
			new Step("entite", 1,
					List.of(ask("entity.name", Ask.ALWAYS), ask("entity.kind", Ask.IF_RELEVANT),
							ask("entity.ministry", Ask.IF_SUBJECT))),
			new Step("projet", 2, List.of(ask("project.name", Ask.ALWAYS), ask("project.stage", Ask.IF_RELEVANT),
					ask("project.evolutionShare", Ask.IF_RELEVANT), ask("project.contractorChange", Ask.IF_RELEVANT),
					ask("project.fullCostEur", Ask.IF_RELEVANT))),
			new Step("solution", 3,
					List.of(ask("project.solution", Ask.IF_RELEVANT),
							ask("project.equivalentSolutionExists", Ask.IF_RELEVANT),
							ask("project.collaborativeTool", Ask.IF_RELEVANT))),
			new Step("hebergement", 4,
					List.of(ask("hosting.offerId", Ask.OFFER), ask("hosting.region", Ask.REGION),
							ask("hosting.class", Ask.UNLESS_OFFER), ask("hosting.dataLocation", Ask.UNLESS_OFFER),
							ask("hosting.hdsCertified", Ask.UNLESS_OFFER))),
			new Step("donnees", 5,
					List.of(ask("data.personal", Ask.IF_RELEVANT), ask("data.publicAgents", Ask.IF_RELEVANT),
							ask("data.health", Ask.IF_RELEVANT), ask("data.companiesEconomic", Ask.IF_RELEVANT),
							ask("data.marking", Ask.IF_RELEVANT), ask("data.transfersOutsideEu", Ask.IF_RELEVANT))),
			new Step("impacts", 6, List.of(ask("data.legalSecrets", Ask.IF_RELEVANT),
					ask("data.essentialStateMission", Ask.IF_RELEVANT), ask("data.breachImpacts", Ask.IF_RELEVANT))),
			new Step("engagements", 7,
					List.of(ask("commitments.productMode", Ask.IF_RELEVANT),
							ask("commitments.comparativeStudy", Ask.IF_RELEVANT),
							ask("commitments.reversibilityPlan", Ask.IF_RELEVANT),
							ask("commitments.reversibilityFunded", Ask.IF_RELEVANT),
							ask("commitments.multiZoneResilience", Ask.IF_RELEVANT),
							ask("commitments.compromiseDetection", Ask.IF_RELEVANT),
							ask("commitments.portabilityChecked", Ask.IF_RELEVANT),
							ask("commitments.gdprCompliant", Ask.IF_RELEVANT),
							ask("commitments.immuneToExtraEuAccess", Ask.UNLESS_OFFER),
							ask("commitments.trainingPlan", Ask.IF_RELEVANT))));

	/** The steps with the result: what the stepper counts. */
	static final int TOTAL = STEPS.size() + 1;

	private AssessmentSteps() {
	}

	private static Question ask(String path, Ask ask) {
		return new Question(path, ask);
	}

	static Optional<Step> step(String slug) {
		return STEPS.stream().filter(step -> step.slug().equals(slug)).findFirst();
	}

	/**
	 * The step that asks a path as an error names it: a fact ({@code data.personal}), an
	 * item of a list ({@code data.legalSecrets[1]}) or an object ({@code entity}).
	 */
	static Optional<Step> stepOf(String path) {
		String fact = factOf(path);
		if (fact.isEmpty()) {
			return Optional.empty();
		}
		for (Step step : STEPS) {
			for (Question question : step.questions()) {
				if (question.path().equals(fact) || question.path().startsWith(fact + ".")) {
					return Optional.of(step);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The fact an error's path is about: {@code data.legalSecrets[1]} is about the list.
	 */
	static String factOf(String path) {
		int bracket = path.indexOf('[');
		return bracket < 0 ? path : path.substring(0, bracket);
	}

	/** The question that asks a fact, if a step asks it. */
	static Optional<Question> question(String path) {
		return STEPS.stream()
			.flatMap(step -> step.questions().stream())
			.filter(question -> question.path().equals(path))
			.findFirst();
	}

	/** {@code data.legalSecrets} is the field {@code data-legalSecrets}. */
	static String fieldId(String path) {
		return path.replace('.', '-');
	}

	/** The step after this one, or empty after the last (the result follows). */
	static Optional<Step> next(Step step) {
		return step.number() < STEPS.size() ? Optional.of(STEPS.get(step.number())) : Optional.empty();
	}

	/** The step before this one, or empty for the first (the introduction precedes). */
	static Optional<Step> previous(Step step) {
		return step.number() > 1 ? Optional.of(STEPS.get(step.number() - 2)) : Optional.empty();
	}

}
