package fr.gouv.nuage.reversibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A project's reversibility plan (R4): the end-of-contract and exit terms, the formats
 * its data leave in, and the budget and staff provisioned from launch to carry them out.
 * {@code version} counts the times it was recorded, for optimistic locking.
 */
public record ReversibilityPlan(UUID project, String exitTerms, List<String> exportFormats, BigDecimal budgetEur,
		int staffDays, Instant updatedAt, String updatedBy, int version) {

	/**
	 * What is wrong with the plan, each as a path and a message; empty when it can be
	 * recorded.
	 */
	public List<String[]> problems() {
		List<String[]> problems = new ArrayList<>();
		if (exitTerms == null || exitTerms.isBlank()) {
			problems.add(new String[] { "exitTerms", "the exit terms must be written" });
		}
		if (exportFormats == null || exportFormats.isEmpty()
				|| exportFormats.stream().anyMatch(f -> f == null || f.isBlank())) {
			problems.add(new String[] { "exportFormats", "name at least one format the data leave in" });
		}
		if (budgetEur == null || budgetEur.signum() < 0) {
			problems.add(new String[] { "budgetEur", "the provisioned budget is an amount of euros, 0 or more" });
		}
		if (staffDays < 0) {
			problems.add(new String[] { "staffDays", "the provisioned staff is a number of days, 0 or more" });
		}
		if (budgetEur != null && budgetEur.signum() == 0 && staffDays == 0) {
			problems
				.add(new String[] { "budgetEur", "R4 asks for resources provisioned from launch: budget or staff" });
		}
		return problems;
	}
}
