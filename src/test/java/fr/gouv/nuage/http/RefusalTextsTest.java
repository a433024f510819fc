package fr.gouv.nuage.http;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every refusal of the domain is written in French and in English: each module's
 * {@code refusals.properties} has its {@code refusals_en.properties} with the same keys
 * and the same placeholders, and every key the module's code names is in them.
 */
class RefusalTextsTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path SOURCES = Path.of("src/main/java/fr/gouv/nuage");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+\\}");

	private static final Pattern NAMED = Pattern.compile("\\bsaid\\(\\s*\"([^\"]+)\"\\s*[,)]");

	private static final Pattern OF = Pattern.compile("Said\\.of\\(\\s*\"([^\"]+)\",\\s*\"([^\"]+)\"");

	@Test
	void everyTextIsInBothLanguagesWithTheSamePlaceholders() throws IOException {
		List<Path> bundles = bundles();
		assertThat(bundles).extracting(p -> RESOURCES.relativize(p).toString())
			.contains("controls/refusals.properties", "projects/refusals.properties", "derogations/refusals.properties",
					"directory/refusals.properties");
		List<String> faults = new ArrayList<>();
		for (Path french : bundles) {
			Path english = french
				.resolveSibling(french.getFileName().toString().replace(".properties", "_en.properties"));
			assertThat(english).as("the English of " + french).exists();
			Properties fr = load(french);
			Properties en = load(english);
			if (!fr.stringPropertyNames().equals(en.stringPropertyNames())) {
				Set<String> onlyFr = new TreeSet<>(fr.stringPropertyNames());
				onlyFr.removeAll(en.stringPropertyNames());
				Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
				onlyEn.removeAll(fr.stringPropertyNames());
				faults.add(french + ": only in French " + onlyFr + ", only in English " + onlyEn);
			}
			for (String key : fr.stringPropertyNames()) {
				if (en.getProperty(key) != null
						&& !placeholders(fr.getProperty(key)).equals(placeholders(en.getProperty(key)))) {
					faults.add(french + ": `" + key + "` names other placeholders in English");
				}
			}
		}
		assertThat(faults).isEmpty();
	}

	@Test
	void everyKeyTheCodeNamesIsWritten() throws IOException {
		List<String> missing = new ArrayList<>();
		int named = 0;
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				String module = SOURCES.relativize(file).getName(0).toString();
				Matcher said = NAMED.matcher(code);
				while (said.find()) {
					named++;
					check(module + "/refusals", said.group(1), file, missing);
				}
				Matcher of = OF.matcher(code);
				while (of.find()) {
					named++;
					check(of.group(1), of.group(2), file, missing);
				}
			}
		}
		assertThat(named).as("texts the code names").isGreaterThan(110);
		assertThat(missing).isEmpty();
	}

	@Test
	void aMissingTextIsAFaultFoundAtOnce() {
		assertThatThrownBy(() -> Said.of("controls/refusals", "no-such-key")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("controls/refusals.properties has no text `no-such-key`");
		assertThat(Said.of("controls/refusals", "status", "OPEN").in(Locale.ENGLISH)).isEqualTo("the control is OPEN");
		assertThat(Said.of("controls/refusals", "status", "OPEN").in(Locale.GERMAN)).isEqualTo("le contrôle est OPEN");
	}

	private static void check(String bundle, String key, Path file, List<String> missing) throws IOException {
		for (String suffix : List.of("", "_en")) {
			Path texts = RESOURCES.resolve(bundle + suffix + ".properties");
			if (!Files.exists(texts) || load(texts).getProperty(key) == null) {
				missing.add(file.getFileName() + " names `" + key + "`, absent from " + texts);
			}
		}
	}

	private static List<Path> bundles() throws IOException {
		try (Stream<Path> files = Files.walk(RESOURCES)) {
			return files.filter(p -> p.getFileName().toString().equals("refusals.properties")).sorted().toList();
		}
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group());
		}
		return found;
	}

	private static Properties load(Path file) throws IOException {
		Properties texts = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			texts.load(in);
		}
		return texts;
	}

}
