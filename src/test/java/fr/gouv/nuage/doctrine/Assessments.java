package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random assessments over the fact model, for property tests: seeded, so a failure
 * replays.
 */
final class Assessments {

	private final FactModel model;

	private final Random random;

	Assessments(long seed) {
		this.model = FactModel.assessmentV1();
		this.random = new Random(seed);
	}

	/** Every fact present. */
	Assessment complete() {
		return generate(0.0);
	}

	/** Each fact absent with the given probability. */
	Assessment partial(double absent) {
		return generate(absent);
	}

	/**
	 * The assessment with each absent fact given a random value, except the facts the
	 * pack reads with a default when absent (an absent marking is NONE: it is known).
	 */
	Assessment completion(Assessment partial, RulePack pack) {
		Assessment.Builder builder = partial.toBuilder();
		for (Fact fact : model.facts()) {
			if (!partial.has(fact.index()) && pack.defaultValue(fact.path()) == null) {
				builder.set(fact.path(), value(fact));
			}
		}
		return builder.build();
	}

	private Assessment generate(double absent) {
		Assessment.Builder builder = Assessment.builder(model);
		for (Fact fact : model.facts()) {
			if (random.nextDouble() >= absent) {
				builder.set(fact.path(), value(fact));
			}
		}
		return builder.build();
	}

	Object value(Fact fact) {
		switch (fact.type()) {
			case BOOLEAN:
				return random.nextBoolean();
			case NUMBER:
				if (fact.maximum() != null && fact.maximum() <= 1) {
					return random.nextInt(101) / 100.0;
				}
				double[] costs = { 0, 50_000, 999_999.99, 1_000_000, 4_000_000, 8_999_999, 9_000_000, 25_000_000 };
				return costs[random.nextInt(costs.length)];
			case ENUM:
				return fact.values().get(random.nextInt(fact.values().size()));
			case ENUM_LIST: {
				List<String> values = new ArrayList<>();
				for (String value : fact.values()) {
					if (random.nextInt(4) == 0) {
						values.add(value);
					}
				}
				return values;
			}
			default:
				return "projet " + random.nextInt(1000);
		}
	}

}
