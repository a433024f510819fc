package fr.gouv.nuage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import fr.gouv.nuage.doctrine.SourceIssue;
import org.junit.jupiter.api.Test;

/**
 * Import and export keep every fact, and bad input is refused with its place and a clear
 * message.
 */
class CatalogueImportTest {

	private final Catalogue small = SmallCatalogue.load();

	private static List<String> refused(String text) {
		Catalogue.LoadResult result = Catalogue.load("bad.yaml", text);
		assertThat(result).isInstanceOf(Catalogue.Refused.class);
		return ((Catalogue.Refused) result).issues().stream().map(SourceIssue::headline).toList();
	}

	@Test
	void jsonExportReadsBackAsTheSameCatalogue() {
		String json = CatalogueJson.export(small);
		Catalogue back = ((Catalogue.Loaded) Catalogue.load("export.json", json)).catalogue();
		assertThat(back.offers()).isEqualTo(small.offers());
		assertThat(back.version()).isEqualTo(small.version());
		assertThat(CatalogueJson.export(back)).isEqualTo(json);
	}

	@Test
	void csvExportReadsBackWithTheSameOffers() {
		String csv = CatalogueCsv.export(small, small.asOf());
		Catalogue.LoadResult result = CatalogueCsv.load("export.csv", csv, small);
		assertThat(result).isInstanceOf(Catalogue.Loaded.class);
		Catalogue back = ((Catalogue.Loaded) result).catalogue();
		assertThat(back.offers()).extracting(Offer::id)
			.containsExactlyElementsOf(small.offers().stream().map(Offer::id).toList());
		for (Offer offer : small.offers()) {
			Offer read = back.offer(offer.id()).orElseThrow();
			assertThat(read.hostingClass(LocalDate.parse("2024-01-01")))
				.isEqualTo(offer.hostingClass(LocalDate.parse("2024-01-01")));
			assertThat(read.qualifications()).isEqualTo(offer.qualifications());
			assertThat(read.purchasing()).extracting(Offer.Purchasing::vehicle)
				.containsExactlyElementsOf(offer.purchasing().stream().map(Offer.Purchasing::vehicle).toList());
		}
	}

	@Test
	void aCsvRowThatIsWrongIsReportedAtItsRow() {
		String csv = CatalogueCsv.export(small, small.asOf()).replace(",IAAS,", ",IASS,");
		Catalogue.LoadResult result = CatalogueCsv.load("offers.csv", csv, small);
		assertThat(((Catalogue.Refused) result).issues()).extracting(SourceIssue::headline)
			.contains(
					"offers.csv:2:1: error: row 2: `IASS` is not allowed for `model` of offer `pi`, did you mean `IAAS`? "
							+ "(expected one of CAAS, IAAS, PAAS, SAAS)");
	}

	@Test
	void aTypedHostingClassThatContradictsTheQualificationsIsRefused() {
		String csv = CatalogueCsv.export(small, small.asOf()).replace("COMMERCIAL,NONE", "COMMERCIAL_TRUSTED,NONE");
		Catalogue.LoadResult result = CatalogueCsv.load("offers.csv", csv, small);
		assertThat(((Catalogue.Refused) result).issues()).extracting(SourceIssue::message)
			.anySatisfy(message -> assertThat(message)
				.contains("the hosting class is derived from the qualifications, never typed"));
	}

	@Test
	void unknownColumnsAreRefused() {
		Catalogue.LoadResult result = CatalogueCsv.load("offers.csv", "id,provder\npi,x\n", small);
		assertThat(((Catalogue.Refused) result).issues()).extracting(SourceIssue::message)
			.containsExactly("unknown column `provder`, did you mean `provider`?");
	}

	@Test
	void mistakesInTheFileAreReportedWithLineAndColumn() {
		assertThat(refused(SmallCatalogue.TEXT.replace(
				"    hdsCertified: true\n    maxMarking: NONE\n    qualifications:\n      - scheme",
				"    hdsCertifed: true\n    maxMarking: NONE\n    qualifications:\n      - scheme")))
			.containsExactly("bad.yaml:22:5: error: offer `trusted-iaas` is missing `hdsCertified`",
					"bad.yaml:30:5: error: unknown key `hdsCertifed` in offer `trusted-iaas`, did you mean `hdsCertified`?");
		assertThat(refused(SmallCatalogue.TEXT.replace("date: 2023-03-01", "date: 2023-13-01"))).anySatisfy(
				line -> assertThat(line).contains("`date` is a day YYYY-MM-DD, or a month YYYY-MM or a year YYYY "
						+ "where the source gives no day, not `2023-13-01`"));
		assertThat(refused(SmallCatalogue.TEXT.replace("runsOn: pi", "runsOn: py"))).anySatisfy(line -> assertThat(line)
			.contains("`runsOn` names no offer of the catalogue: `py`, did you mean `pi`?"));
		assertThat(refused(
				SmallCatalogue.TEXT.replace("source: ANSSI, confidence: sourced}\n          - {status: QUALIFIED",
						"source: ANSI, confidence: sourced}\n          - {status: QUALIFIED")))
			.anySatisfy(line -> assertThat(line).contains("`ANSI` is not allowed for `source`, did you mean `ANSSI`?"));
		assertThat(refused(SmallCatalogue.TEXT.replace("date: 2022-06-01", "date: 2024-06-01")))
			.anySatisfy(line -> assertThat(line).contains("must be in date order"));
		assertThat(refused(SmallCatalogue.TEXT.replace("  - id: hyperscaler", "  - id: trusted-iaas")))
			.anySatisfy(line -> assertThat(line).contains("duplicate offer id `trusted-iaas`"));
	}

	/**
	 * Every offer names its provider's organisation by its id in the directory, written
	 * as an id: never a name, never trimmed or read in another case into another id.
	 */
	@Test
	void anOfferNamesItsProvidersOrganisationById() {
		assertThat(small.offer("trusted-iaas").orElseThrow().providerId()).isEqualTo("trusted");
		assertThat(refused(SmallCatalogue.TEXT.replace("    providerId: trusted\n", "")))
			.containsExactly("bad.yaml:22:5: error: offer `trusted-iaas` is missing `providerId`");
		assertThat(refused(SmallCatalogue.TEXT.replace("providerId: trusted", "providerId: Trusted Cloud")))
			.containsExactly("bad.yaml:24:17: error: `providerId` of offer `trusted-iaas` is the id of the provider's "
					+ "organisation in the directory (2 to 60 lowercase letters, digits or hyphens), not `Trusted Cloud`");
		assertThat(refused(SmallCatalogue.TEXT.replace("providerId: trusted", "providerId: \" trusted \"")))
			.containsExactly("bad.yaml:24:17: error: `providerId` of offer `trusted-iaas` is the id of the provider's "
					+ "organisation in the directory (2 to 60 lowercase letters, digits or hyphens), not ` trusted `");
		assertThat(refused(SmallCatalogue.TEXT.replace("providerId: trusted", "providerId: [trusted]")))
			.containsExactly(
					"bad.yaml:24:17: error: `providerId` of offer `trusted-iaas` must be a single non-empty value");
		String csv = CatalogueCsv.export(small, small.asOf());
		assertThat(((Catalogue.Loaded) CatalogueCsv.load("export.csv", csv, small)).catalogue().offers())
			.extracting(Offer::providerId)
			.containsExactly("ministere-interieur", "trusted", "hyper", "dinum");
		assertThat(((Catalogue.Refused) CatalogueCsv.load("offers.csv", csv.replace(",trusted,", ", trusted,"), small))
			.issues())
			.extracting(SourceIssue::headline)
			.containsExactly("offers.csv:3:1: error: row 3: `providerId` of offer `trusted-iaas` is the id of the "
					+ "provider's organisation in the directory (2 to 60 lowercase letters, digits or hyphens), "
					+ "not ` trusted`");
	}

	@Test
	void whatIsKnownOfAnEventIsCheckedWhereItIsWritten() {
		assertThat(
				refused(SmallCatalogue.TEXT.replace("date: 2023-03-01, dating: known", "date: 2023-03, dating: known")))
			.containsExactly("bad.yaml:37:39: error: `2023-03` names a month or a year, not a day: its `dating` is "
					+ "`estimated`, or write the day the source gives");
		assertThat(refused(SmallCatalogue.TEXT.replace("dating: known, milestone: J0", "milestone: J0")))
			.anySatisfy(line -> assertThat(line).contains("is missing `dating`"));
		assertThat(refused(
				SmallCatalogue.TEXT.replace("milestone: J0, evidence: anssi-list", "milestone: J0, evidence: rumour")))
			.anySatisfy(line -> assertThat(line).contains("`rumour` is not allowed for `evidence`"));
		assertThat(refused(SmallCatalogue.TEXT.replace("milestone: J0, evidence",
				"milestone: J0, validUntil: 2024-01-01, evidence")))
			.anySatisfy(line -> assertThat(line).contains("`validUntil` is the end of a grant"));
		assertThat(refused(SmallCatalogue.TEXT.replace("validUntil: 2026-02-28", "validUntil: 2022-02-28"))).anySatisfy(
				line -> assertThat(line).contains("`validUntil` 2022-02-28 is not after the grant's date 2023-03-01"));
	}

	@Test
	void aStateServiceTakesItsClassFromItsInfrastructureNotFromAQualification() {
		String state = SmallCatalogue.TEXT
			.replace("    provider: Hyper\n", "    provider: Hyper\n    operator: STATE\n")
			.replace("    purchasing: [{vehicle: UGAP, reference: \"Marché cloud public\"}]\n    qualifications: []",
					"    purchasing: [{vehicle: UGAP, reference: \"Marché cloud public\"}]\n    qualifications:\n"
							+ "      - {scheme: SECNUMCLOUD, events: []}");
		assertThat(refused(state)).anySatisfy(line -> assertThat(line).contains("is operated by the State"));
		Catalogue onTrusted = ((Catalogue.Loaded) Catalogue.load("state.yaml", SmallCatalogue.TEXT
			.replace("    provider: Hyper\n", "    provider: Hyper\n    operator: STATE\n    runsOn: trusted-iaas\n")))
			.catalogue();
		Offer hosted = onTrusted.offer("hyperscaler").orElseThrow();
		assertThat(hosted.hostingClass(java.time.LocalDate.parse("2024-01-01"))).isEqualTo(Offer.COMMERCIAL_TRUSTED);
		assertThat(hosted.hostingClass(java.time.LocalDate.parse("2026-06-01"))).isEqualTo(Offer.COMMERCIAL);
		assertThat(refused(SmallCatalogue.TEXT.replace("    provider: Ministère de l'Intérieur\n",
				"    provider: Ministère de l'Intérieur\n    runsOn: suite\n")))
			.anySatisfy(line -> assertThat(line).contains("runs, through `runsOn`, on itself"));
	}

	@Test
	void aSupportOfferHostsNothingAndSaysWhenItHelps() {
		String support = SmallCatalogue.TEXT + """
				  - id: squads
				    kind: SUPPORT
				    provider: DINUM
				    providerId: dinum
				    service: Squads
				    support:
				      contact: infonuage@example.fr
				      howToAsk: {fr: "Écrire.", en: "Write."}
				      suggestWhen:
				        - {fact: commitments.trainingPlann, is: "false", reason: {fr: "r", en: "r"}}
				        - {fact: commitments.trainingPlan, is: "maybe", reason: {fr: "r", en: "r"}}
				        - {control: [MINISTERY], reason: {fr: "r", en: "r"}}
				        - {reason: {fr: "r", en: "r"}}
				    dataLocation: FRANCE
				    sources: [ANSSI]
				    confidence: sourced
				    asOf: 2026-01-01
				""";
		assertThat(refused(support))
			.anySatisfy(line -> assertThat(line).contains("did you mean `commitments.trainingPlan`?"))
			.anySatisfy(line -> assertThat(line)
				.contains("`maybe` is not a value of `commitments.trainingPlan` (true or false)"))
			.anySatisfy(line -> assertThat(line).contains("`MINISTERY` is not allowed"))
			.anySatisfy(line -> assertThat(line).contains("says when"))
			.anySatisfy(line -> assertThat(line).contains("unknown key `dataLocation`"));
		assertThat(refused(SmallCatalogue.TEXT.replace("runsOn: pi", "runsOn: squads")
				+ support.substring(SmallCatalogue.TEXT.length())
					.replace("commitments.trainingPlann", "commitments.trainingPlan")
					.replace("\"maybe\"", "\"true\"")
					.replace("MINISTERY", "MINISTRY")
					.replace("        - {reason: {fr: \"r\", en: \"r\"}}\n", "")
					.replace("    dataLocation: FRANCE\n", "")))
			.containsExactly(
					"bad.yaml:56:5: error: offer `suite` runs on `squads`, a support offer, which hosts nothing");
	}

	@Test
	void aQualificationCoversOnlyRegionsTheOfferHas() {
		String regions = SmallCatalogue.TEXT.replace(
				"    maxMarking: NONE\n    qualifications:\n      - scheme: SECNUMCLOUD\n        validityYears: 3\n",
				"    maxMarking: NONE\n    regions: [{id: fr-1, dataLocation: FRANCE}, {id: us-1, dataLocation: OTHER}]\n"
						+ "    qualifications:\n      - scheme: SECNUMCLOUD\n        validityYears: 3\n        regions: [fr-1, fr-2]\n");
		assertThat(refused(regions)).anySatisfy(line -> assertThat(line).contains(
				"`fr-2` is not allowed for an item of `regions` of a qualification of offer `trusted-iaas`, did you mean `fr-1`?"));
	}

}
