package fr.gouv.nuage.reversibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.http.Refusal;

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
	public List<Refusal.Field> problems() {
		List<Refusal.Field> problems = new ArrayList<>();
		if (exitTerms == null || exitTerms.isBlank()) {
			problems.add(field("exitTerms", "exit-terms"));
		}
		if (exportFormats == null || exportFormats.isEmpty()
				|| exportFormats.stream().anyMatch(f -> f == null || f.isBlank())) {
			problems.add(field("exportFormats", "export-formats"));
		}
		if (budgetEur == null || budgetEur.signum() < 0) {
			problems.add(field("budgetEur", "budget"));
		}
		if (staffDays < 0) {
			problems.add(field("staffDays", "staff"));
		}
		if (budgetEur != null && budgetEur.signum() == 0 && staffDays == 0) {
			problems.add(field("budgetEur", "resources"));
		}
		return problems;
	}

	private static Refusal.Field field(String name, String key) {
		return new Refusal.Field(name, ReversibilityPlans.said(key));
	}
}
