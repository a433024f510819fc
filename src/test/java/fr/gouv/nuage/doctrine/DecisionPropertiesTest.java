package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties every pack's decisions must have, checked on thousands of random
 * assessments.
 */
class DecisionPropertiesTest {

	private static final int RUNS = 3000;

	private static final List<String> CONTROL_ORDER = List.of("PROJECT_AUTHORITY", "MINISTRY", "DINUM_OPINION");

	@ParameterizedTest
	@ValueSource(strings = { "6282-SG", "6404-SG" })
	void addingALegalSecretAndAnImpactNeverWidensTheAllowedHosting(String id) {
		RulePack pack = RulePacks.shipped().get(id);
		Assessments random = new Assessments(11);
		for (int i = 0; i < RUNS; i++) {
			Assessment before = random.partial(0.2);
			Assessment after = before.toBuilder()
				.set("data.legalSecrets", union(before, "data.legalSecrets", "STATE_SECURITY"))
				.set("data.breachImpacts", union(before, "data.breachImpacts", "PUBLIC_ORDER"))
				.build();
			Set<String> wider = new HashSet<>(pack.evaluate(after).allowedHosting());
			wider.removeAll(pack.evaluate(before).allowedHosting());
			assertThat(wider).as("%s widened by a secret and an impact: %s", id, before.toJson()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "6282-SG", "6404-SG" })
	void aHigherCostNeverLowersTheControl(String id) {
		RulePack pack = RulePacks.shipped().get(id);
		Assessments random = new Assessments(12);
		for (int i = 0; i < RUNS; i++) {
			Assessment lower = random.partial(0.2)
				.toBuilder()
				.set("project.fullCostEur", (double) (i * 7919 % 12_000_000))
				.build();
			Assessment higher = lower.toBuilder()
				.set("project.fullCostEur", (double) (i * 7919 % 12_000_000) + i * 1000.0)
				.build();
			int before = CONTROL_ORDER.indexOf(pack.evaluate(lower).control());
			int after = CONTROL_ORDER.indexOf(pack.evaluate(higher).control());
			assertThat(before).isNotNegative();
			assertThat(after).as("%s: %s", id, higher.toJson()).isGreaterThanOrEqualTo(before);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "6282-SG", "6404-SG" })
	void theSameInputAlwaysGivesTheSameDigestAndDecision(String id) {
		RulePacks packs = RulePacks.shipped();
		RulePack pack = packs.get(id);
		RulePack reloaded = ((PackLoader.Loaded) new PackLoader().load(id + ".yaml", packs.source(id))).pack();
		assertThat(reloaded.info().digest()).isEqualTo(pack.info().digest()).startsWith("sha256:");
		AssessmentReader reader = new AssessmentReader(pack.facts());
		Assessments random = new Assessments(13);
		for (int i = 0; i < RUNS / 3; i++) {
			Assessment assessment = random.partial(0.3);
			String first = DecisionJson.write(pack.evaluate(assessment), Lang.FR, DecisionJson.Form.FULL, false);
			Assessment again = ((ReadResult.Ok) reader.read("again", assessment.toJson())).assessment();
			assertThat(DecisionJson.write(reloaded.evaluate(again), Lang.FR, DecisionJson.Form.FULL, false))
				.isEqualTo(first);
		}
	}

	/**
	 * Three-valued logic is sound: what a decision settles on partial facts stays settled
	 * whatever the missing facts turn out to be, and a violation found on partial facts
	 * remains a violation.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "6282-SG", "6404-SG" })
	void whatIsSettledOnPartialFactsHoldsForEveryCompletion(String id) {
		RulePack pack = RulePacks.shipped().get(id);
		Assessments random = new Assessments(14);
		for (int i = 0; i < RUNS; i++) {
			Assessment partial = random.partial(0.35);
			Decision before = pack.evaluate(partial);
			Decision after = pack.evaluate(random.completion(partial, pack));
			String context = id + ": " + partial.toJson();
			if (before.subject() != null) {
				assertThat(after.subject()).as(context).isEqualTo(before.subject());
			}
			if (before.concerned() != null) {
				assertThat(after.concerned()).as(context).isEqualTo(before.concerned());
			}
			if (!before.sensitivity().equals("UNKNOWN")) {
				assertThat(after.sensitivity()).as(context).isEqualTo(before.sensitivity());
			}
			if (!before.control().equals("UNKNOWN")) {
				assertThat(after.control()).as(context).isEqualTo(before.control());
			}
			// Under DECISION-SEMANTICS §6 a violation counts while the scope is unknown;
			// only a known
			// scope settles the verdict and the findings for good.
			if (before.subject() == null || before.concerned() == null) {
				continue;
			}
			if (before.verdict() != Verdict.INCOMPLETE) {
				assertThat(after.verdict()).as(context).isEqualTo(before.verdict());
			}
			for (Finding finding : before.findings()) {
				if (finding.status() != FindingStatus.TO_CONFIRM) {
					assertThat(after.finding(finding.rule()).orElseThrow().status()).as(context + " " + finding.rule())
						.isEqualTo(finding.status());
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "6282-SG", "6404-SG" })
	void findingsWrittenOncePerPackAreTheOnesAnAssessmentWouldGive(String id) {
		RulePack pack = RulePacks.shipped().get(id);
		Assessments random = new Assessments(15);
		for (int i = 0; i < RUNS / 3; i++) {
			Decision decision = pack.evaluate(random.partial(0.3));
			for (Lang lang : Lang.values()) {
				for (Finding finding : decision.findings()) {
					StringBuilder written = new StringBuilder();
					DecisionJson.writeFinding(finding, lang, false, new JsonWriter(written, false));
					String constant = finding.constantJson(lang);
					if (constant != null) {
						assertThat(constant).isEqualTo(written.toString());
					}
				}
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "6282-SG", "6404-SG" })
	void theCompactBytesAreTheCompactTextEncoded(String id) {
		RulePack pack = RulePacks.shipped().get(id);
		Assessments random = new Assessments(16);
		for (int i = 0; i < RUNS / 3; i++) {
			Decision decision = pack.evaluate(random.partial(0.3), i % 10 == 0);
			for (Lang lang : Lang.values()) {
				assertThat(new String(DecisionJson.compactUtf8(decision, lang, false),
						java.nio.charset.StandardCharsets.UTF_8))
					.isEqualTo(DecisionJson.write(decision, lang, DecisionJson.Form.COMPACT, false));
			}
		}
	}

	private static List<String> union(Assessment assessment, String path, String value) {
		Object current = assessment.get(path);
		List<String> values = new ArrayList<>();
		if (current instanceof List<?> list) {
			list.forEach(item -> values.add((String) item));
		}
		if (!values.contains(value)) {
			values.add(value);
		}
		return values;
	}

}
