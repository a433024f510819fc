package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs a pack's tests, written as data beside it ({@code <ID>.tests.yaml}): each case
 * gives an assessment and what the decision must say. Every expectation key is checked;
 * an unknown key or a case that expects nothing fails, so that a test as data can never
 * pass vacuously.
 */
public final class PackTests {

	private static final Set<String> EXPECT_KEYS = Set.of("verdict", "subject", "concerned", "sensitivity",
			"allowedHosting", "preferSaas", "control", "findings", "missingFacts", "missingFactsInclude",
			"missingFactsExclude", "notes");

	/** The outcome of one case. */
	public record CaseResult(String name, String cites, List<String> failures) {

		public boolean passed() {
			return failures.isEmpty();
		}
	}

	private PackTests() {
	}

	/**
	 * Runs every case of {@code testsText} (file {@code testsFile}) against {@code pack}.
	 */
	/**
	 * What makes {@code testsText} unreadable, with positions: a yaml syntax error, or a
	 * limit of a pack reached (size, nesting, aliases, among them an alias that refers to
	 * a value containing it); empty when the cases can be read.
	 */
	public static List<SourceIssue> check(String testsFile, String testsText) {
		List<SourceIssue> issues = new ArrayList<>();
		if (YamlTree.parse(testsFile, testsText, testsText.split("\r?\n", -1), issues) != null) {
			return List.of();
		}
		return List.copyOf(issues);
	}

	@SuppressWarnings("unchecked")
	public static List<CaseResult> run(RulePack pack, String testsFile, String testsText) {
		List<SourceIssue> unreadable = check(testsFile, testsText);
		if (!unreadable.isEmpty()) {
			return List.of(new CaseResult(testsFile, "", unreadable.stream().map(SourceIssue::headline).toList()));
		}
		Object root;
		try {
			root = new Yaml(new LoaderOptions()).load(testsText);
		}
		catch (RuntimeException ex) {
			return List.of(new CaseResult(testsFile, "", List.of("the tests are not valid yaml: " + ex.getMessage())));
		}
		if (!(root instanceof Map<?, ?> top) || !(top.get("cases") instanceof List<?> cases)) {
			return List.of(new CaseResult(testsFile, "", List.of("the tests must be a map with a list of `cases`")));
		}
		List<CaseResult> results = new ArrayList<>();
		if (top.get("pack") != null && !pack.id().equals(String.valueOf(top.get("pack")))) {
			results.add(new CaseResult(testsFile, "",
					List.of("the tests are for `" + top.get("pack") + "`, not for `" + pack.id() + "`")));
		}
		AssessmentReader reader = new AssessmentReader(pack.facts());
		int number = 0;
		for (Object item : cases) {
			number++;
			if (!(item instanceof Map<?, ?> testCase)) {
				results.add(new CaseResult("case " + number, "", List.of("a case must be a map")));
				continue;
			}
			results.add(runCase(pack, reader, testsFile, number, (Map<String, Object>) testCase));
		}
		return results;
	}

	@SuppressWarnings("unchecked")
	private static CaseResult runCase(RulePack pack, AssessmentReader reader, String file, int number,
			Map<String, Object> testCase) {
		String name = testCase.get("name") == null ? "case " + number : String.valueOf(testCase.get("name"));
		String cites = testCase.get("cites") == null ? "" : String.valueOf(testCase.get("cites"));
		List<String> failures = new ArrayList<>();
		if (cites.isBlank()) {
			failures.add("the case does not cite the fact of the doctrine it checks (`cites`)");
		}
		Object expectValue = testCase.get("expect");
		if (!(expectValue instanceof Map<?, ?> expectMap) || expectMap.isEmpty()) {
			failures.add("the case expects nothing (`expect`)");
			return new CaseResult(name, cites, failures);
		}
		Map<String, Object> expect = (Map<String, Object>) expectMap;
		for (String key : expect.keySet()) {
			if (!EXPECT_KEYS.contains(key)) {
				failures.add("unknown expectation `" + key + "`" + Suggestions.didYouMean(key, EXPECT_KEYS));
			}
		}
		Map<String, Object> assessment = testCase.get("assessment") instanceof Map<?, ?> given
				? (Map<String, Object>) given : Map.of();
		ReadResult read = reader.read(file + " (" + name + ")", assessment);
		if (read instanceof ReadResult.Invalid invalid) {
			invalid.errors().forEach(error -> failures.add("invalid assessment: " + error.format()));
			return new CaseResult(name, cites, failures);
		}
		Decision decision = pack.evaluate(((ReadResult.Ok) read).assessment());
		compare(failures, "verdict", expect, decision.verdict().name());
		compare(failures, "subject", expect, decision.subject());
		compare(failures, "concerned", expect, decision.concerned());
		compare(failures, "sensitivity", expect, decision.sensitivity());
		compare(failures, "control", expect, decision.control());
		compare(failures, "preferSaas", expect, decision.preferSaas());
		if (expect.containsKey("allowedHosting")) {
			compareSets(failures, "allowedHosting", expect.get("allowedHosting"), decision.allowedHosting());
		}
		if (expect.containsKey("missingFacts")) {
			compareSets(failures, "missingFacts", expect.get("missingFacts"), decision.missingFacts());
		}
		if (expect.get("missingFactsInclude") instanceof List<?> include) {
			for (Object fact : include) {
				if (!decision.missingFacts().contains(String.valueOf(fact))) {
					failures.add("missingFacts: expected to include `" + fact + "`, got " + decision.missingFacts());
				}
			}
		}
		if (expect.get("missingFactsExclude") instanceof List<?> exclude) {
			for (Object fact : exclude) {
				if (decision.missingFacts().contains(String.valueOf(fact))) {
					failures
						.add("missingFacts: expected not to include `" + fact + "`, got " + decision.missingFacts());
				}
			}
		}
		if (expect.containsKey("notes")) {
			compareSets(failures, "notes", expect.get("notes"), decision.notes().stream().map(Note::id).toList());
		}
		if (expect.get("findings") instanceof Map<?, ?> findings) {
			findings.forEach((rule, status) -> {
				Finding finding = decision.finding(String.valueOf(rule)).orElse(null);
				if (finding == null) {
					failures.add("findings: the pack has no rule `" + rule + "`");
				}
				else if (!finding.status().name().equals(String.valueOf(status))) {
					failures.add("findings." + rule + ": expected " + status + ", got " + finding.status() + " ("
							+ finding.explanation(Lang.EN) + ")");
				}
			});
		}
		return new CaseResult(name, cites, failures);
	}

	private static void compare(List<String> failures, String key, Map<String, Object> expect, Object actual) {
		if (!expect.containsKey(key)) {
			return;
		}
		Object expected = expect.get(key);
		if (!Objects.equals(expected == null ? null : String.valueOf(expected),
				actual == null ? null : String.valueOf(actual))) {
			failures.add(key + ": expected " + expected + ", got " + actual);
		}
	}

	private static void compareSets(List<String> failures, String key, Object expected, List<String> actual) {
		Set<String> want = new HashSet<>();
		if (expected instanceof List<?> list) {
			list.forEach(item -> want.add(String.valueOf(item)));
		}
		if (!want.equals(new HashSet<>(actual))) {
			failures.add(key + ": expected " + (expected == null ? "[]" : expected) + ", got " + actual);
		}
	}

}
