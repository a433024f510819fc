package fr.gouv.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** The CLI contract of DECISION-SEMANTICS §7: output, messages and exit status. */
class NuageCliTest extends CliTestSupport {

	private static final String COMPLIANT = """
			{"schema":"nuage.assessment/v1",
			 "entity":{"kind":"STATE_OPERATOR"},
			 "project":{"stage":"NEW","fullCostEur":400000,"solution":"SAAS","equivalentSolutionExists":false},
			 "hosting":{"class":"INTERNAL_NUBO","dataLocation":"FRANCE"},
			 "data":{"personal":false,"publicAgents":false,"health":false,"companiesEconomic":false,"legalSecrets":[],
			         "essentialStateMission":false,"breachImpacts":[],"transfersOutsideEu":false},
			 "commitments":{"productMode":true,"multiZoneResilience":true,"comparativeStudy":false}}
			""";

	@Test
	void aCompliantProjectExitsZero() throws IOException {
		assertThat(run("evaluate", "--format", "json", file("ok.json", COMPLIANT))).as(out + err).isZero();
		assertThat(out).contains("\"verdict\": \"COMPLIANT\"").contains("\"id\": \"6404-SG\"").contains("sha256:");
	}

	@Test
	void aNonCompliantProjectExitsOne() throws IOException {
		String sensitiveOnCommercial = COMPLIANT.replace("\"legalSecrets\":[]", "\"legalSecrets\":[\"PRIVACY\"]")
			.replace("\"breachImpacts\":[]", "\"breachImpacts\":[\"PUBLIC_ORDER\"]")
			.replace("INTERNAL_NUBO", "COMMERCIAL");
		assertThat(run("evaluate", "--lang", "en", file("ko.json", sensitiveOnCommercial))).isEqualTo(1);
		assertThat(out).contains("NON-COMPLIANT").contains("R9");
	}

	@Test
	void anIncompleteProjectExitsThreeAndSaysWhatIsMissing() throws IOException {
		assertThat(run("evaluate", "--format", "json", file("partial.json",
				"{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"STATE_ADMINISTRATION\"},\"project\":{\"stage\":\"NEW\"}}")))
			.isEqualTo(3);
		assertThat(out).contains("\"verdict\": \"INCOMPLETE\"").contains("project.fullCostEur");
	}

	@Test
	void outOfScopeProjectsExitZero() throws IOException {
		assertThat(run("evaluate",
				file("town.json", "{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"}}")))
			.isZero();
		assertThat(run("evaluate", file("run.json",
				"{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"STATE_OPERATOR\"},\"project\":{\"stage\":\"RUN\"}}")))
			.isZero();
	}

	@Test
	void invalidInputExitsTwoNamingFileLineAndPath() throws IOException {
		String path = file("bad.json", "{\"schema\":\"nuage.assessment/v1\",\n \"data\":{\"personal\":\"yes\"}}");
		assertThat(run("evaluate", path)).isEqualTo(2);
		assertThat(err).contains(path + ":2:").contains("data.personal").contains("boolean");
		assertThat(out).isEmpty();
	}

	@Test
	void malformedJsonAndMissingFilesExitTwo() throws IOException {
		String path = file("broken.json", "{\"schema\": ");
		assertThat(run("evaluate", path)).isEqualTo(2);
		assertThat(err).contains(path + ":1:");
		assertThat(run("evaluate", dir.resolve("absent.json").toString())).isEqualTo(2);
		assertThat(err).contains("no such file");
	}

	@Test
	void usageErrorsExitTwo() throws IOException {
		String path = file("ok.json", COMPLIANT);
		assertThat(run("evaluate", "--doctrine", "6404-GS", path)).isEqualTo(2);
		assertThat(err).contains("unknown doctrine `6404-GS`").contains("did you mean `6404-SG`?");
		assertThat(run("evaluate", "--format", "xml", path)).isEqualTo(2);
		assertThat(run("evaluate")).isEqualTo(2);
		assertThat(run("frobnicate")).isEqualTo(2);
	}

	@Test
	void jsonLinesWritesOneDecisionPerLineInOrder() throws IOException {
		String lines = COMPLIANT.replace("\n", "") + "\n"
				+ "{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"}}\n";
		assertThat(run("evaluate", "--format", "jsonl", file("many.jsonl", lines))).isZero();
		String[] decisions = out.split("\n");
		assertThat(decisions).hasSize(2);
		assertThat(decisions[0]).contains("\"verdict\":\"COMPLIANT\"");
		assertThat(decisions[1]).contains("\"verdict\":\"NOT_SUBJECT\"");
	}

	@Test
	void jsonLinesReportsAnInvalidLineInPlaceAndExitsTwo() throws IOException {
		String lines = "{\"schema\":\"nuage.assessment/v1\"}\n{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"TOWN\"}}\n";
		String path = file("mixed.jsonl", lines);
		assertThat(run("evaluate", "--format", "jsonl", path)).isEqualTo(2);
		String[] results = out.split("\n");
		assertThat(results).hasSize(2);
		assertThat(results[1]).contains("\"schema\":\"nuage.error/v1\"").contains("\"line\":2").contains("entity.kind");
		assertThat(err).contains(path + ":2:").contains("entity.kind");
	}

	@Test
	void compareSaysWhatChangesBetweenCirculars() throws IOException {
		String citizens = COMPLIANT.replace("\"personal\":false", "\"personal\":true")
			.replace("INTERNAL_NUBO", "COMMERCIAL");
		assertThat(run("compare", "--from", "6282-SG", "--to", "6404-SG", "--format", "json", file("c.json", citizens)))
			.isZero();
		assertThat(out).contains("\"field\": \"sensitivity\"")
			.contains("\"from\": \"PARTICULAR\"")
			.contains("\"to\": \"PERSONAL\"");
	}

	@Test
	void packsCheckAndTestTheShippedPacks() {
		assertThat(run("packs", "list")).isZero();
		assertThat(out).contains("6282-SG").contains("6404-SG").contains("(default)");
		assertThat(run("packs", "check", "src/main/resources/doctrine/packs/6404-SG.yaml")).isZero();
		assertThat(run("packs", "test", "src/main/resources/doctrine/packs/6404-SG.yaml")).isZero();
		assertThat(out).containsPattern("6404-SG: \\d+ passed, 0 failed");
		assertThat(run("packs", "check", "src/test/resources/doctrine/broken/unknown-fact.yaml")).isEqualTo(2);
		assertThat(err).contains("unknown-fact.yaml:56:21: error: unknown fact");
	}

	@Test
	void traceShowsEveryCondition() throws IOException {
		assertThat(run("evaluate", "--format", "json", "--trace", file("ok.json", COMPLIANT))).isZero();
		assertThat(out).contains("\"trace\"").contains("\"step\": \"derived sensitivity case 1\"");
	}

}
