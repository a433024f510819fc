package fr.gouv.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.Offer;

/**
 * The CLI's texts come from {@code cli/cli-texts.yaml} in both languages, and read as
 * they did inline.
 */
class CliTextsTest extends CliTestSupport {

	private static final String DR = "{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"STATE_ADMINISTRATION\"},"
			+ "\"data\":{\"marking\":\"DIFFUSION_RESTREINTE\"}}";

	@Test
	void everyOfferShowsInBothLanguages() {
		for (Offer offer : Catalogue.reference().offers()) {
			for (List<String> langAndDate : List.of(List.of("fr", "2027-01-15"), List.of("en", "2025-06-01"))) {
				assertThat(
						run("offers", "show", offer.id(), "--lang", langAndDate.get(0), "--as-of", langAndDate.get(1)))
					.as(offer.id() + " " + err)
					.isZero();
				assertThat(err).isEmpty();
			}
		}
	}

	@Test
	void showsAnOfferInFrench() {
		assertThat(run("offers", "show", "s3ns-premi3ns", "--as-of", "2026-11-22")).isZero();
		assertThat(out).contains("\n  classe au 2026-11-22: COMMERCIAL_TRUSTED\n")
			.contains("\n  données: FRANCE · immunité extra-UE: oui · HDS: non · marquage max.: NONE\n")
			.contains(": QUALIFIED terme estimé au plus tôt le ")
			.contains(" (date connue) QUALIFIED v3.2 [")
			.contains(", non comptée, ")
			.endsWith("\n! à vérifier sur la liste de l'ANSSI : une source de cette offre est incertaine\n");
		assertThat(run("offers", "show", "tchap", "--lang", "fr")).isZero();
		assertThat(out).contains("\n  opéré par l'État, sur pi, dont il prend la classe\n");
		assertThat(run("offers", "show", "dinum-bin", "--lang", "fr")).isZero();
		assertThat(out).contains("\n  accompagnement de la DINUM, sans hébergement : jamais une offre éligible\n")
			.contains("\n  contact: infonuage.dinum@modernisation.gouv.fr\n")
			.contains("\n  comment la demander: ")
			.contains("\n  suggérée quand: control ∈ [");
	}

	@Test
	void listsDueAndEligibleOffersInFrench() throws IOException {
		assertThat(run("offers", "list", "--as-of", "2027-01-15")).isZero();
		assertThat(out).containsPattern("^Catalogue \\S+ — au 2027-01-15\n")
			.contains(
					"\n? à confirmer sur la liste de l'ANSSI : qualification passée son terme estimé, toujours comptée (nuage offers due)\n");
		assertThat(run("offers", "due", "--as-of", "2027-01-15")).isZero();
		assertThat(out).startsWith("Qualifications à confirmer au 2027-01-15: 4\n")
			.contains(" terme estimé 2026-12-31 · classe ");
		assertThat(run("offers", "eligible", "--as-of", "2026-11-22", file("dr.json", DR))).isZero();
		assertThat(out).startsWith(
				"Offres éligibles au 2026-11-22 (6404-SG, sensibilité DIFFUSION_RESTREINTE ; hébergements admis : INTERNAL_PI)\n")
			.contains("\nOffres exclues :\n");
		assertThat(run("offers", "eligible", "--as-of", "2026-11-22", "--lang", "en", file("dr.json", DR))).isZero();
		assertThat(out).startsWith(
				"Eligible offers on 2026-11-22 (6404-SG, sensitivity DIFFUSION_RESTREINTE; allowed hosting: INTERNAL_PI)\n")
			.contains("\nExcluded offers:\n");
	}

	@Test
	void comparesInBothLanguages() throws IOException {
		String town = file("town.json",
				"{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"}}");
		assertThat(run("compare", "--from", "6404-SG", town)).isZero();
		assertThat(out)
			.isEqualTo("Ce qui change pour ce projet de 6404-SG à 6404-SG\n  Rien : la décision est la même.\n");
		assertThat(run("compare", "--from", "6404-SG", "--lang", "en", town)).isZero();
		assertThat(out)
			.isEqualTo("What changes for this project from 6404-SG to 6404-SG\n  Nothing: the decision is the same.\n");
	}

	@Test
	void everyTextOfTheFileIsUsedByTheCode() throws IOException {
		Map<String, Object> texts;
		try (var in = CliTextsTest.class.getResourceAsStream("/cli/cli-texts.yaml")) {
			texts = new Yaml(new LoaderOptions()).load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		StringBuilder code = new StringBuilder();
		try (Stream<Path> files = Files.list(Path.of("src/main/java/fr/gouv/nuage/cli"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				code.append(Files.readString(file));
			}
		}
		// A key the code no longer names is dead; one it names with a typo leaves the
		// right one unused.
		assertThat(texts.keySet())
			.allSatisfy(key -> assertThat(code).as("cli-texts.yaml's `" + key + "` in the CLI's code")
				.contains("\"" + key + "\""));
	}

}
