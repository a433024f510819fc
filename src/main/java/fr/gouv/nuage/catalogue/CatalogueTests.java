package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import fr.gouv.nuage.doctrine.Suggestions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the catalogue's tests, written as data ({@code offers.tests.yaml}): an offer's
 * hosting class (in a region, when the case names one), SecNumCloud status, whether it is
 * to confirm, what it runs on and its kind on a date; or the offers eligible for an
 * assessment on a date, the rule excluding the others, and the support offers suggested.
 * Unknown keys and cases that expect nothing fail.
 */
public final class CatalogueTests {

	private static final Set<String> EXPECT_KEYS = Set.of("hostingClass", "secNumCloud", "toConfirm", "runsOn", "kind",
			"eligible", "eligibleInclude", "excluded", "support");

	/** The outcome of one case. */
	public record CaseResult(String name, String cites, List<String> failures) {

		public boolean passed() {
			return failures.isEmpty();
		}
	}

	private CatalogueTests() {
	}

	@SuppressWarnings("unchecked")
	public static List<CaseResult> run(Catalogue catalogue, String testsText) {
		Object root = new Yaml(new LoaderOptions()).load(testsText);
		if (!(root instanceof Map<?, ?> top) || !(top.get("cases") instanceof List<?> cases)) {
			return List.of(new CaseResult("tests", "", List.of("the tests must be a map with a list of `cases`")));
		}
		List<CaseResult> results = new ArrayList<>();
		int number = 0;
		for (Object item : cases) {
			number++;
			results.add(runCase(catalogue, number, (Map<String, Object>) item));
		}
		return results;
	}

	@SuppressWarnings("unchecked")
	private static CaseResult runCase(Catalogue catalogue, int number, Map<String, Object> testCase) {
		String name = String.valueOf(testCase.getOrDefault("name", "case " + number));
		String cites = String.valueOf(testCase.getOrDefault("cites", ""));
		List<String> failures = new ArrayList<>();
		if (cites.isBlank()) {
			failures.add("the case does not cite the fact it checks (`cites`)");
		}
		if (!(testCase.get("expect") instanceof Map<?, ?> expectMap) || expectMap.isEmpty()) {
			failures.add("the case expects nothing (`expect`)");
			return new CaseResult(name, cites, failures);
		}
		Map<String, Object> expect = (Map<String, Object>) expectMap;
		expect.keySet()
			.stream()
			.filter(key -> !EXPECT_KEYS.contains(key))
			.forEach(key -> failures
				.add("unknown expectation `" + key + "`" + Suggestions.didYouMean(key, EXPECT_KEYS)));
		LocalDate date = testCase.get("asOf") == null ? catalogue.asOf() : date(testCase.get("asOf"));
		if (testCase.get("offer") != null) {
			Offer offer = catalogue.offer(String.valueOf(testCase.get("offer"))).orElse(null);
			if (offer == null) {
				failures.add("no offer `" + testCase.get("offer") + "` in the catalogue");
				return new CaseResult(name, cites, failures);
			}
			String region = testCase.get("region") == null ? null : String.valueOf(testCase.get("region"));
			if (region != null && offer.region(region).isEmpty()) {
				failures.add("offer `" + offer.id() + "` has no region `" + region + "`");
			}
			compare(failures, "hostingClass", expect, String.valueOf(offer.hostingClass(date, region)));
			compare(failures, "secNumCloud", expect, offer.secNumCloud(date).status().name());
			compare(failures, "toConfirm", expect, String.valueOf(offer.toConfirm(date)));
			compare(failures, "runsOn", expect, String.valueOf(offer.runsOn()));
			compare(failures, "kind", expect, offer.kind().name());
			return new CaseResult(name, cites, failures);
		}
		RulePacks packs = RulePacks.shipped();
		RulePack pack = packs.get(String.valueOf(testCase.getOrDefault("doctrine", packs.defaultId())));
		Map<String, Object> assessment = testCase.get("assessment") instanceof Map<?, ?> given
				? (Map<String, Object>) given : Map.of();
		ReadResult read = new AssessmentReader(pack.facts()).read(name, assessment);
		if (read instanceof ReadResult.Invalid invalid) {
			invalid.errors().forEach(error -> failures.add("invalid assessment: " + error.format()));
			return new CaseResult(name, cites, failures);
		}
		Catalogue.Resolution resolution = catalogue.resolve(((ReadResult.Ok) read).assessment(), date);
		if (resolution instanceof Catalogue.Unresolved unresolved) {
			unresolved.errors().forEach(error -> failures.add("unresolved: " + error.format()));
			return new CaseResult(name, cites, failures);
		}
		Eligibility eligibility = Eligibility.of(catalogue, ((Catalogue.Resolved) resolution).assessment(), pack, date);
		List<String> eligible = eligibility.eligible().stream().map(e -> e.offer().id()).toList();
		if (expect.get("eligible") instanceof List<?> want
				&& !want.stream().map(String::valueOf).toList().equals(eligible)) {
			failures.add("eligible: expected " + want + ", got " + eligible);
		}
		List<String> support = eligibility.support().stream().map(e -> e.offer().id()).toList();
		if (expect.get("support") instanceof List<?> want
				&& !want.stream().map(String::valueOf).toList().equals(support)) {
			failures.add("support: expected " + want + ", got " + support);
		}
		if (expect.get("eligibleInclude") instanceof List<?> include) {
			include.stream()
				.map(String::valueOf)
				.filter(id -> !eligible.contains(id))
				.forEach(id -> failures.add("eligible: expected to include `" + id + "`, got " + eligible));
		}
		if (expect.get("excluded") instanceof Map<?, ?> excluded) {
			excluded.forEach((id, rule) -> {
				Eligibility.Exclusion exclusion = eligibility.excluded()
					.stream()
					.filter(x -> x.offer().id().equals(id))
					.findFirst()
					.orElse(null);
				if (exclusion == null) {
					failures.add("excluded: expected `" + id + "` excluded by " + rule + ", but it is "
							+ (eligible.contains(String.valueOf(id)) ? "eligible" : "not in the catalogue"));
				}
				else if (!exclusion.rule().equals(String.valueOf(rule))) {
					failures.add("excluded: expected `" + id + "` excluded by " + rule + ", got " + exclusion.rule());
				}
			});
		}
		return new CaseResult(name, cites, failures);
	}

	/** YAML reads an unquoted date as a timestamp at midnight UTC. */
	private static LocalDate date(Object value) {
		if (value instanceof java.util.Date timestamp) {
			return timestamp.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
		}
		return LocalDate.parse(String.valueOf(value));
	}

	private static void compare(List<String> failures, String key, Map<String, Object> expect, String actual) {
		if (expect.containsKey(key) && !String.valueOf(expect.get(key)).equals(actual)) {
			failures.add(key + ": expected " + expect.get(key) + ", got " + actual);
		}
	}

}
