package fr.gouv.nuage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import fr.gouv.nuage.doctrine.SourceIssue;
import org.junit.jupiter.api.Test;

/** Import and export keep every fact, and bad input is refused with its place and a clear message. */
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
		assertThat(back.offers()).extracting(Offer::id).containsExactlyElementsOf(small.offers().stream().map(Offer::id).toList());
		for (Offer offer : small.offers()) {
			Offer read = back.offer(offer.id()).orElseThrow();
			assertThat(read.hostingClass(LocalDate.parse("2024-01-01"))).isEqualTo(offer.hostingClass(LocalDate.parse("2024-01-01")));
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
			.contains("offers.csv:2:1: error: row 2: `IASS` is not allowed for `model` of offer `pi`, did you mean `IAAS`? "
					+ "(expected one of CAAS, IAAS, PAAS, SAAS)");
	}

	@Test
	void aTypedHostingClassThatContradictsTheQualificationsIsRefused() {
		String csv = CatalogueCsv.export(small, small.asOf()).replace("COMMERCIAL,NONE", "COMMERCIAL_TRUSTED,NONE");
		Catalogue.LoadResult result = CatalogueCsv.load("offers.csv", csv, small);
		assertThat(((Catalogue.Refused) result).issues()).extracting(SourceIssue::message)
			.anySatisfy(message -> assertThat(message).contains("the hosting class is derived from the qualifications, never typed"));
	}

	@Test
	void unknownColumnsAreRefused() {
		Catalogue.LoadResult result = CatalogueCsv.load("offers.csv", "id,provder\npi,x\n", small);
		assertThat(((Catalogue.Refused) result).issues()).extracting(SourceIssue::message)
			.containsExactly("unknown column `provder`, did you mean `provider`?");
	}

	@Test
	void mistakesInTheFileAreReportedWithLineAndColumn() {
		assertThat(refused(SmallCatalogue.TEXT.replace("    hdsCertified: true\n    maxMarking: NONE\n    qualifications:\n      - scheme",
				"    hdsCertifed: true\n    maxMarking: NONE\n    qualifications:\n      - scheme")))
			.containsExactly("bad.yaml:21:5: error: offer `trusted-iaas` is missing `hdsCertified`",
					"bad.yaml:28:5: error: unknown key `hdsCertifed` in offer `trusted-iaas`, did you mean `hdsCertified`?");
		assertThat(refused(SmallCatalogue.TEXT.replace("date: 2023-03-01", "date: 2023-13-01")))
			.anySatisfy(line -> assertThat(line).contains("`date` is a date written YYYY-MM-DD, not `2023-13-01`"));
		assertThat(refused(SmallCatalogue.TEXT.replace("runsOn: pi", "runsOn: py")))
			.anySatisfy(line -> assertThat(line).contains("`runsOn` names no offer of the catalogue: `py`, did you mean `pi`?"));
		assertThat(refused(SmallCatalogue.TEXT.replace("source: ANSSI, confidence: sourced}\n          - {status: QUALIFIED",
				"source: ANSI, confidence: sourced}\n          - {status: QUALIFIED")))
			.anySatisfy(line -> assertThat(line).contains("`ANSI` is not allowed for `source`, did you mean `ANSSI`?"));
		assertThat(refused(SmallCatalogue.TEXT.replace("date: 2022-06-01", "date: 2024-06-01")))
			.anySatisfy(line -> assertThat(line).contains("must be in date order"));
		assertThat(refused(SmallCatalogue.TEXT.replace("  - id: hyperscaler", "  - id: trusted-iaas")))
			.anySatisfy(line -> assertThat(line).contains("duplicate offer id `trusted-iaas`"));
	}
}
