package fr.gouv.nuage.decisions;

import java.util.ArrayList;
import java.util.List;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.Fact;
import fr.gouv.nuage.doctrine.Finding;
import fr.gouv.nuage.doctrine.Note;
import fr.gouv.nuage.doctrine.RulePack;

/**
 * Whether a question matters for the answers so far, decided by the pack itself: an
 * unanswered fact matters when some answer to it would change what the decision says —
 * its verdict, scope, sensitivity, hosting, control, a finding's status or causes, the
 * facts still missing, the uncertain points — either on the answers so far, or once the
 * facts the decision still waits for are answered "no" (false, none, the lowest number).
 * The second look finds the points of vigilance, which a rule only raises once it is
 * otherwise settled: where the data live on a commercial cloud is asked at the hosting
 * step, before the data's sensitivity is known. So the share of an evolution is asked
 * once the project is said to be an evolution, the HDS certificate while health data may
 * be hosted on a commercial cloud, and no commitment a rule does not read. A few
 * evaluations of a planned pack per question: microseconds, no state.
 */
final class Relevance {

	/** The probes for a number: the bounds the schema gives, or these. */
	private static final double LOW = 0;

	private static final double HIGH = 1e15;

	/**
	 * How many times the facts still missing are answered "no" (each may ask for more).
	 */
	private static final int COMPLETIONS = 3;

	private final RulePack pack;

	private final Assessment assessment;

	private final Decision decision;

	private final Outcome outcome;

	private final Assessment completed;

	private final Outcome completedOutcome;

	Relevance(RulePack pack, Assessment assessment) {
		this.pack = pack;
		this.assessment = assessment;
		this.decision = pack.evaluate(assessment);
		this.outcome = Outcome.of(decision);
		Assessment no = assessment;
		Decision noDecision = decision;
		for (int round = 0; round < COMPLETIONS && !noDecision.missingFacts().isEmpty(); round++) {
			Assessment.Builder builder = no.toBuilder();
			boolean answered = false;
			for (String missing : noDecision.missingFacts()) {
				Object answer = no(pack.facts().fact(missing).orElseThrow());
				if (answer != null) {
					builder.set(missing, answer);
					answered = true;
				}
			}
			if (!answered) {
				break;
			}
			no = builder.build();
			noDecision = pack.evaluate(no);
		}
		this.completed = no == assessment ? null : no;
		this.completedOutcome = no == assessment ? null : Outcome.of(noDecision);
	}

	/** The decision for the answers so far. */
	Decision decision() {
		return decision;
	}

	/**
	 * True when answering the fact could change the decision; false once it is answered.
	 */
	boolean matters(String path) {
		Fact fact = pack.facts().fact(path).orElseThrow();
		if (assessment.get(path) != null) {
			return false;
		}
		return changes(assessment, outcome, fact)
				|| (completed != null && completed.get(path) == null && changes(completed, completedOutcome, fact));
	}

	private boolean changes(Assessment base, Outcome baseOutcome, Fact fact) {
		for (Object answer : answers(fact)) {
			Assessment answered = base.toBuilder().set(fact.path(), answer).build();
			if (!Outcome.of(pack.evaluate(answered)).equals(baseOutcome)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * "No" to a fact: false, none, the lowest number; {@code null} for a choice or a
	 * text, which no answer stands for.
	 */
	private static Object no(Fact fact) {
		switch (fact.type()) {
			case BOOLEAN:
				return Boolean.FALSE;
			case ENUM_LIST:
				return List.of();
			case NUMBER:
				return fact.minimum() == null ? LOW : fact.minimum();
			default:
				return null;
		}
	}

	/** The answers a fact can be given, as far as the decision can tell them apart. */
	private static List<Object> answers(Fact fact) {
		List<Object> answers = new ArrayList<>();
		switch (fact.type()) {
			case BOOLEAN:
				answers.add(Boolean.TRUE);
				answers.add(Boolean.FALSE);
				break;
			case NUMBER:
				answers.add(fact.minimum() == null ? LOW : fact.minimum());
				answers.add(fact.maximum() == null ? HIGH : fact.maximum());
				break;
			case ENUM:
				answers.addAll(fact.values());
				break;
			case ENUM_LIST:
				answers.add(List.of());
				fact.values().forEach(value -> answers.add(List.of(value)));
				break;
			default:
				// A free text is read by no rule.
				break;
		}
		return answers;
	}

	/** What a decision says, as far as a question can change it. */
	private record Outcome(String verdict, Boolean subject, Boolean concerned, String sensitivity,
			List<String> allowedHosting, String control, List<String> missingFacts, List<String> notes,
			List<String> findings) {

		static Outcome of(Decision decision) {
			List<String> findings = new ArrayList<>(decision.findings().size());
			for (Finding finding : decision.findings()) {
				findings.add(finding.status() + " " + finding.causes() + " " + finding.missingFacts());
			}
			return new Outcome(decision.verdict().name(), decision.subject(), decision.concerned(),
					decision.sensitivity(), decision.allowedHosting(), decision.control(), decision.missingFacts(),
					decision.notes().stream().map(Note::id).toList(), findings);
		}

	}

}
