package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case written as data beside every shipped pack must hold. */
class PackCasesTest {

	static Stream<Arguments> cases() {
		RulePacks packs = RulePacks.shipped();
		List<Arguments> arguments = new ArrayList<>();
		for (String id : packs.ids()) {
			RulePack pack = packs.get(id);
			for (PackTests.CaseResult result : PackTests.run(pack, id + ".tests.yaml", packs.tests(id))) {
				arguments.add(Arguments.of(id, result.name(), result));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("cases")
	void caseHolds(String pack, String name, PackTests.CaseResult result) {
		assertThat(result.failures()).as("%s — %s (%s)", pack, name, result.cites()).isEmpty();
	}

	@Test
	void eachPackShipsEnoughCasesCitingTheirSource() {
		RulePacks packs = RulePacks.shipped();
		assertThat(PackTests.run(packs.get("6404-SG"), "6404-SG.tests.yaml", packs.tests("6404-SG")))
			.hasSizeGreaterThanOrEqualTo(40)
			.allSatisfy(result -> assertThat(result.cites()).isNotBlank());
		assertThat(PackTests.run(packs.get("6282-SG"), "6282-SG.tests.yaml", packs.tests("6282-SG")))
			.hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy(result -> assertThat(result.cites()).isNotBlank());
	}

	@Test
	void aCaseThatExpectsNothingOrMisspellsAnExpectationFails() {
		RulePack pack = RulePacks.shipped().latest();
		String tests = """
				cases:
				  - name: vacuous
				    cites: "nothing"
				    assessment: {entity: {kind: STATE_OPERATOR}}
				    expect: {}
				  - name: misspelt
				    cites: "nothing"
				    assessment: {entity: {kind: STATE_OPERATOR}}
				    expect: {verdikt: COMPLIANT}
				  - name: wrong
				    cites: "DECISION-SEMANTICS §1"
				    assessment: {entity: {kind: LOCAL_AUTHORITY}}
				    expect: {verdict: COMPLIANT}
				""";
		List<PackTests.CaseResult> results = PackTests.run(pack, "inline", tests);
		assertThat(results).extracting(PackTests.CaseResult::passed).containsExactly(false, false, false);
		assertThat(results.get(1).failures()).anySatisfy(f -> assertThat(f).contains("did you mean `verdict`?"));
		assertThat(results.get(2).failures()).containsExactly("verdict: expected COMPLIANT, got NOT_SUBJECT");
	}

}
