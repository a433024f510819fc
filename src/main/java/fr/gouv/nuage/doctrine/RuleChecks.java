package fr.gouv.nuage.doctrine;

import java.util.List;

/**
 * What a rule checks on a project, as its author wrote it, for whoever shows the doctrine
 * rather than applies it: the condition under which the rule applies, each check, and
 * what the rule says when it does not apply or is satisfied. The texts keep their
 * placeholders ({@code {hostingClass}}): they are filled in only when an assessment is
 * evaluated. A rule that binds the administration has no condition and no check.
 */
public record RuleChecks(String applies, Text notApplicable, List<Check> checks, Text satisfied) {

	/**
	 * A check: when its condition holds (and its {@code when}, if any), the rule is
	 * violated or a point is to be confirmed, for the reason its explanation gives.
	 */
	public record Check(String id, Kind kind, String when, String condition, Text explanation) {
	}

	/** What a check that holds does to the rule. */
	public enum Kind {

		/** The rule is violated. */
		VIOLATED,

		/** The rule holds, with a point of vigilance to confirm. */
		TO_CONFIRM

	}

}
