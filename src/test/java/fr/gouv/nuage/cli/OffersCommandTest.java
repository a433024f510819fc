package fr.gouv.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

/** {@code nuage offers} and offers named by an assessment in {@code nuage evaluate}. */
class OffersCommandTest extends CliTestSupport {

	private static final String SENSITIVE = """
			{"schema":"nuage.assessment/v1","entity":{"kind":"STATE_ADMINISTRATION"},"project":{"stage":"NEW"},
			 "data":{"personal":true,"publicAgents":false,"health":false,"companiesEconomic":false,
			         "legalSecrets":["STATE_SECURITY"],"essentialStateMission":true,"breachImpacts":["PUBLIC_SECURITY"]}}
			""";

	@Test
	void listsOffersAsOfADateAndFiltersThem() {
		assertThat(run("offers", "list", "--as-of", "2025-12-01", "--class", "COMMERCIAL_TRUSTED")).isZero();
		assertThat(out).contains("outscale-iaas").doesNotContain("s3ns-premi3ns").doesNotContain("aws-region-paris");
		assertThat(run("offers", "list", "--as-of", "2026-01-01", "--class", "COMMERCIAL_TRUSTED")).isZero();
		assertThat(out).contains("s3ns-premi3ns");
		assertThat(run("offers", "list", "--model", "SAAS", "--format", "json")).isZero();
		assertThat(out).contains("\"model\": \"SAAS\"").doesNotContain("\"model\": \"IAAS\"");
	}

	@Test
	void refusesAnUnknownClassDateOrOffer() {
		assertThat(run("offers", "list", "--class", "COMMERCIAL_TRUSTD")).isEqualTo(2);
		assertThat(err).contains("did you mean `COMMERCIAL_TRUSTED`?");
		assertThat(run("offers", "list", "--as-of", "22/11/2026")).isEqualTo(2);
		assertThat(err).contains("YYYY-MM-DD");
		assertThat(run("offers", "show", "s3ns-premins")).isEqualTo(2);
		assertThat(err).contains("did you mean `s3ns-premi3ns`?");
	}

	@Test
	void showsAnOfferWithItsQualificationHistory() {
		assertThat(run("offers", "show", "s3ns-premi3ns", "--as-of", "2026-01-01", "--lang", "en")).isZero();
		assertThat(out).contains("COMMERCIAL_TRUSTED")
			.contains("2025-12-17 (known date) QUALIFIED")
			.contains("ANSSI")
			.contains("INDEPENDENT_SOURCES");
	}

	@Test
	void listsTheQualificationsDinumIsAskedToConfirm() {
		assertThat(run("offers", "due", "--as-of", "2027-01-15", "--lang", "en")).isZero();
		assertThat(out).contains("Qualifications to confirm on 2027-01-15: 4")
			.contains("outscale-iaas")
			.contains("ovhcloud-hpc-snc")
			.contains("cloudtemple-iaas")
			.contains("oodrive-work");
		assertThat(run("offers", "due", "--as-of", "2026-12-02", "--lang", "en")).isZero();
		assertThat(out).contains("Qualifications to confirm on 2026-12-02: 0");
	}

	@Test
	void showsWhatRunsAStateServiceAndHowToAskForSupport() {
		assertThat(run("offers", "show", "tchap", "--lang", "en")).isZero();
		assertThat(out).contains("operated by the State, on pi, whose class it takes").contains("INTERNAL_PI");
		assertThat(run("offers", "show", "dinum-bin", "--lang", "en")).isZero();
		assertThat(out).contains("never an eligible offer").contains("infonuage.dinum@modernisation.gouv.fr");
		assertThat(run("offers", "list", "--as-of", "2027-01-15", "--lang", "en")).isZero();
		assertThat(out).contains("to confirm on ANSSI's list").contains("dinum-squads-cloud");
	}

	@Test
	void eligibleOffersForParticularSensitivityAreInternalOrQualified() throws IOException {
		assertThat(run("offers", "eligible", "--as-of", "2026-11-22", "--format", "json", file("s.json", SENSITIVE)))
			.isZero();
		assertThat(out).contains("\"id\": \"pi\"").contains("\"id\": \"nubo\"").contains("\"id\": \"s3ns-premi3ns\"");
		assertThat(out)
			.containsPattern("\"id\": \"aws-region-paris\",\\s*\"hostingClass\": \"COMMERCIAL\",\\s*\"rule\": \"R9\"");
		assertThat(out).containsPattern(
				"\"id\": \"bleu\",\\s*\"hostingClass\": \"COMMERCIAL\",\\s*\"rule\": \"R9\",\\s*\"reason\": \"[^\"]*en cours");
	}

	@Test
	void forDiffusionRestreinteOnlyPiRemains() throws IOException {
		String dr = "{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"STATE_ADMINISTRATION\"},"
				+ "\"data\":{\"marking\":\"DIFFUSION_RESTREINTE\"}}";
		assertThat(run("offers", "eligible", "--as-of", "2026-11-22", "--lang", "en", file("dr.json", dr))).isZero();
		assertThat(out).containsPattern("1\\. pi ").doesNotContain(" 2. ");
		// A trusted offer is excluded for what it is, not for a withdrawal it never had.
		assertThat(out).containsPattern(
				"s3ns-premi3ns +R9 +An offer of class COMMERCIAL_TRUSTED \\(SecNumCloud-qualified and immune to extra-EU law\\)");
	}

	@Test
	void evaluateTakesTheHostingFactsOfANamedOffer() throws IOException {
		String onBleu = SENSITIVE.replace("\"project\":{\"stage\":\"NEW\"}",
				"\"project\":{\"stage\":\"NEW\"},\"hosting\":{\"offerId\":\"bleu\"}");
		assertThat(run("evaluate", "--as-of", "2026-11-22", "--format", "json", file("bleu.json", onBleu)))
			.isEqualTo(1);
		assertThat(out).contains("\"verdict\": \"NON_COMPLIANT\"").contains("\"hosting.class\": \"COMMERCIAL\"");
		String onPremi3ns = onBleu.replace("bleu", "s3ns-premi3ns");
		assertThat(run("evaluate", "--as-of", "2026-11-22", "--format", "json", file("p.json", onPremi3ns)))
			.isNotEqualTo(2);
		assertThat(out).contains("\"hosting.class\": \"COMMERCIAL_TRUSTED\"");
	}

	@Test
	void anUnknownOrContradictedOfferIsAnInputError() throws IOException {
		String unknown = SENSITIVE.replace("\"project\":{\"stage\":\"NEW\"}", "\"hosting\":{\"offerId\":\"blue\"}");
		assertThat(run("evaluate", file("u.json", unknown))).isEqualTo(2);
		assertThat(err).contains("at `hosting.offerId`: unknown offer `blue`, did you mean `bleu`?");
		String contradicted = SENSITIVE.replace("\"project\":{\"stage\":\"NEW\"}",
				"\"hosting\":{\"offerId\":\"aws-region-paris\",\"class\":\"COMMERCIAL_TRUSTED\"}");
		assertThat(run("evaluate", file("c.json", contradicted))).isEqualTo(2);
		assertThat(err).contains("at `hosting.class`: `COMMERCIAL_TRUSTED` contradicts the catalogue");
	}

	@Test
	void exportsAndChecksTheCatalogue() throws IOException {
		assertThat(run("offers", "export", "--format", "csv", "--as-of", "2026-11-22")).isZero();
		String csv = file("offers.csv", out);
		assertThat(run("offers", "check", csv)).isZero();
		assertThat(out).startsWith("ok: catalogue");
		assertThat(run("offers", "export")).isZero();
		String json = file("offers.json", out);
		assertThat(run("offers", "check", json)).isZero();
		assertThat(run("offers", "check", file("bad.json", "{\"catalogue\": {\"version\": \"x\"}}"))).isEqualTo(2);
		assertThat(err).contains("bad.json:1:").contains("missing `asOf`");
	}

}
