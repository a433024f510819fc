package fr.gouv.nuage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Every text a person reads is a key present in French and in English, and no code
 * chooses between a French and an English literal (in the manner of spring-petclinic's
 * {@code I18nPropertiesSyncTest}). Texts live in two forms: bilingual files, each key
 * with its {@code fr} and {@code en} side by side ({@code *-texts.yaml}, read by the
 * engine's {@code EngineTexts}: the engine, the CLI, the catalogue), and
 * {@code .properties} bundle families ({@code messages.properties} in French, the default
 * of the State's services, beside {@code messages_en.properties}). A family in one
 * language only must be listed below with the decision that says why.
 */
class I18nTextsTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	/**
	 * Bundle families written in one language on purpose: family (folder/base name) to
	 * the reason.
	 */
	private static final Map<String, SingleLanguage> SINGLE_LANGUAGE = Map.of("notifications/messages",
			new SingleLanguage("the e-mails are sent in French only, the portal's language",
					Path.of("docs/adr/0006-notifications-outbox.md")));

	record SingleLanguage(String reason, Path decision) {
	}

	/** {@code base}, {@code base_en}, {@code base_fr_FR}: the base file is French. */
	private static final Pattern BUNDLE_FILE = Pattern
		.compile("(?<base>[^_]+?)(?:_(?<lang>[a-z]{2,3})(?:_[A-Z]{2})?)?\\.properties");

	/** {@code {name}} in a bilingual file, {@code {name}} or {@code {0}} in a bundle. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([\\w.-]+)[^}]*}");

	/**
	 * A condition that names a language: {@code fr}, {@code Lang.EN},
	 * {@code Locale.FRENCH}, {@code "fr"}.
	 */
	private static final String LANGUAGE = "(?:(?i:\\b(?:fr|en|french|english|is_?french|is_?english)\\b)"
			+ "|\\bLang\\.(?:FR|EN)\\b"
			+ "|\\bLocale\\.(?:FRENCH|FRANCE|CANADA_FRENCH|ENGLISH|UK|US|CANADA)\\b(?:\\s*\\.\\s*\\w+\\s*\\([^)]*\\))?"
			+ "|\"(?:fr|en)\"\\s*\\)" + "|\"(?:fr|en)\"\\s*\\.\\s*equals\\w*\\s*\\([^)]*\\)"
			+ "|\\bgetLanguage\\s*\\(\\s*\\))";

	/** What an inline language choice looks like in code, comments left out. */
	private static final List<Pattern> INLINE_CHOICES = List.of(
			// fr ? "…" : "…", lang == Lang.FR ? "…", FR ? (b ? "oui" : "non") …,
			// locale.equals(Locale.FRENCH) ? "…"
			Pattern.compile(LANGUAGE + "[\\s)]*\\?[\\s(]*(?:\\w+\\s*\\?[\\s(]*)?[\"']"),
			// switch (lang) { case FR -> "…"; case EN -> "…"; }
			Pattern.compile("\\bcase\\s+(?:Lang\\.)?(?:FR|EN)\\s*(?:->|:)\\s*[\"']"));

	/**
	 * {@code new Text("…", "…")}: a French and an English text written side by side in
	 * the code.
	 */
	private static final Pattern INLINE_PAIR = Pattern.compile("\\bnew\\s+Text\\s*\\(\\s*\"");

	/**
	 * {@code #{key}} or {@code #{key(args)}} in a Thymeleaf page; dynamic keys are left
	 * out.
	 */
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{\\s*([\\w.-]+)\\s*[}(]");

	@Test
	void everyKeyOfABilingualFileHasFrenchAndEnglish() throws IOException {
		List<Path> files = files(RESOURCES, name -> name.endsWith("-texts.yaml"));
		assertThat(files).as("bilingual text files under " + RESOURCES)
			.contains(RESOURCES.resolve("doctrine/engine-texts.yaml"), RESOURCES.resolve("cli/cli-texts.yaml"));
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			Object loaded = new Yaml(new LoaderOptions()).load(utf8(file, problems));
			if (!(loaded instanceof Map<?, ?> texts)) {
				problems.add(file + ": not a map of keys to texts");
				continue;
			}
			texts.forEach((key, value) -> {
				String where = file + ": `" + key + "`";
				if (!(key instanceof String)) {
					problems.add(where + ": the key is read as " + key.getClass().getSimpleName() + "; quote it");
				}
				if (!(value instanceof Map<?, ?> text)) {
					problems.add(where + ": expected {fr: …, en: …}");
					return;
				}
				Set<String> languages = new TreeSet<>();
				text.keySet().forEach(language -> languages.add(String.valueOf(language)));
				if (!languages.equals(Set.of("fr", "en"))) {
					problems.add(where + ": has " + languages + ", expected exactly fr and en");
				}
				Object fr = text.get("fr");
				Object en = text.get("en");
				if (!(fr instanceof String french) || french.isBlank()) {
					problems.add(where + ": no French text");
				}
				else if (!(en instanceof String english) || english.isBlank()) {
					problems.add(where + ": no English text");
				}
				else if (!placeholders(french).equals(placeholders(english))) {
					problems.add(where + ": French has " + placeholders(french) + ", English " + placeholders(english));
				}
			});
		}
		assertNone("texts missing a language", problems);
	}

	@Test
	void everyBundleFamilyHasEveryKeyInFrenchAndEnglish() throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, Map<String, Properties>> families = bundleFamilies(problems);
		families.forEach((family, languages) -> {
			languages.forEach((language, bundle) -> bundle.stringPropertyNames()
				.stream()
				.sorted()
				.filter(key -> bundle.getProperty(key).isBlank())
				.forEach(key -> problems.add(file(family, language) + ": `" + key + "` is blank")));
			SingleLanguage single = SINGLE_LANGUAGE.get(family);
			if (single != null) {
				if (languages.size() > 1) {
					problems.add(family + " now has " + languages.keySet()
							+ ": take it off I18nTextsTest's single-language list");
				}
				return;
			}
			Properties french = languages.get("fr");
			Properties english = languages.get("en");
			if (french == null || english == null) {
				problems.add(family + ": only " + languages.keySet() + "; add "
						+ file(family, french == null ? "fr" : "en")
						+ ", or list the family as single-language in I18nTextsTest with the decision that says why");
				return;
			}
			missing(family, french, english, "en", problems);
			missing(family, english, french, "fr", problems);
			for (String key : new TreeSet<>(french.stringPropertyNames())) {
				String en = english.getProperty(key);
				if (en != null && !placeholders(french.getProperty(key)).equals(placeholders(en))) {
					problems.add(family + ": `" + key + "`: French has " + placeholders(french.getProperty(key))
							+ ", English " + placeholders(en));
				}
			}
		});
		SINGLE_LANGUAGE.forEach((family, single) -> {
			if (!families.containsKey(family)) {
				problems.add(family + " is listed as single-language but has no bundle: take it off the list");
			}
			if (!Files.isRegularFile(single.decision())) {
				problems.add(family + " is single-language by " + single.decision() + ", which does not exist");
			}
		});
		assertNone("bundles out of sync", problems);
	}

	@Test
	void noSourceChoosesBetweenAFrenchAndAnEnglishLiteral() throws IOException {
		List<String> offending = new ArrayList<>();
		for (Path file : files(SOURCES, name -> name.endsWith(".java"))) {
			String source = Files.readString(file, StandardCharsets.UTF_8);
			String code = withoutComments(source);
			Set<Integer> lines = new TreeSet<>();
			for (Pattern choice : INLINE_CHOICES) {
				lines.addAll(lines(code, choice));
			}
			lines.forEach(line -> offending.add(file + ":" + line + ": " + lineText(source, line).strip()));
		}
		assertNone("inline choices of language (move the texts to a bilingual file or a bundle, pick them by key)",
				offending);
	}

	@Test
	void noSourceWritesAFrenchAndEnglishPairInline() throws IOException {
		List<String> offending = new ArrayList<>();
		for (Path file : files(SOURCES, name -> name.endsWith(".java"))) {
			String source = Files.readString(file, StandardCharsets.UTF_8);
			Set<Integer> lines = lines(withoutComments(source), INLINE_PAIR);
			lines.forEach(line -> offending.add(file + ":" + line + ": " + lineText(source, line).strip()));
		}
		assertNone("French and English texts written in the code (move them to a bilingual file, pick them by key)",
				offending);
	}

	@Test
	void everyMessageKeyOfThePagesIsInTheBundles() throws IOException {
		List<String> problems = new ArrayList<>();
		Map<String, Map<String, Properties>> families = bundleFamilies(new ArrayList<>());
		List<String> basenames = pageBasenames();
		for (Path page : files(TEMPLATES, name -> name.endsWith(".html"))) {
			String html = withoutMarkupComments(utf8(page, problems));
			Matcher matcher = MESSAGE_KEY.matcher(html);
			while (matcher.find()) {
				String key = matcher.group(1);
				String where = page + ":" + lineOf(html, matcher.start()) + ": #{" + key + "}";
				for (String language : List.of("fr", "en")) {
					boolean found = basenames.stream()
						.map(basename -> families.getOrDefault(basename, Map.of()).get(language))
						.anyMatch(bundle -> bundle != null && bundle.getProperty(key) != null);
					if (!found) {
						problems.add(where + ": not in "
								+ basenames.stream().map(basename -> file(basename, language)).toList());
					}
				}
			}
		}
		assertNone("message keys of the pages missing from the bundles", problems);
	}

	/**
	 * No page writes the text a person reads in its template: every text node sits in an
	 * element whose content Thymeleaf replaces ({@code th:text}, {@code th:utext},
	 * {@code th:replace}, {@code th:insert}; what it holds is a prototype), and every
	 * attribute a person reads ({@code title}, {@code aria-label}, {@code placeholder},
	 * {@code alt}) is a {@code th:} one. Left alone: punctuation and figures, domain
	 * names (info.gouv.fr is no word to translate) and {@code <code>}.
	 */
	@Test
	void noPageWritesItsTextInTheTemplate() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path page : files(TEMPLATES, name -> name.endsWith(".html"))) {
			String html = utf8(page, problems);
			hardCodedTexts(html).forEach(found -> problems
				.add(page + ":" + lineOf(html, found.offset()) + ": " + found.what() + " `" + found.text() + "`"));
		}
		assertNone("texts written in the pages' templates (put them in a bundle, write them with th:text)", problems);
	}

	/**
	 * The pages' bundles (under {@code messages/}) write ’, never {@code '}: Spring
	 * formats a message with arguments through {@code MessageFormat}, where {@code '}
	 * quotes, so that it would vanish from some texts and not from others.
	 */
	@Test
	void thePagesBundlesWriteNoAsciiApostrophe() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : files(RESOURCES.resolve("messages"), name -> name.endsWith(".properties"))) {
			List<String> lines = utf8(file, problems).lines().toList();
			for (int i = 0; i < lines.size(); i++) {
				if (!lines.get(i).startsWith("#") && lines.get(i).contains("'")) {
					problems.add(file + ":" + (i + 1) + ": " + lines.get(i));
				}
			}
		}
		assertNone("ASCII apostrophes in the pages' bundles (write ’)", problems);
	}

	@Test
	void theTemplateGuardFindsWhatItLooksFor() {
		String page = """
				<main><h1 th:text="#{a}">Prototype</h1><p>Bonjour <b th:text="${x}">x</b></p>
				<a href="https://www.info.gouv.fr" title="nouvelle fenêtre">info.gouv.fr</a> — 2026
				<!-- commentaire --><code>JSESSIONID</code><img alt="logo"><div th:replace="~{f}">Texte</div></main>
				""";
		assertThat(hardCodedTexts(page)).extracting(Found::text).containsExactly("Bonjour", "nouvelle fenêtre", "logo");
	}

	/** Markup comments, Thymeleaf's parser-level ones included, blanked. */
	private static String withoutMarkupComments(String html) {
		Matcher comments = Pattern.compile("<!--.*?-->", Pattern.DOTALL).matcher(html);
		StringBuilder out = new StringBuilder();
		while (comments.find()) {
			comments.appendReplacement(out, Matcher.quoteReplacement(comments.group().replaceAll("[^\n]", " ")));
		}
		return comments.appendTail(out).toString();
	}

	record Found(int offset, String what, String text) {
	}

	private static final Pattern TAG = Pattern
		.compile("<(/?)([a-zA-Z][\\w:.-]*)((?:\\s+[^\\s=>/]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*(/?)>");

	private static final Pattern ATTRIBUTE = Pattern
		.compile("([^\\s=>/]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");

	private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
			"meta", "source", "track", "wbr");

	private static final Set<String> READ_ATTRIBUTES = Set.of("title", "aria-label", "placeholder", "alt");

	private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	/** Letters outside a domain name: {@code www.info.gouv.fr} has none. */
	private static final Pattern WORDS = Pattern.compile("\\p{L}");

	private static final Pattern DOMAIN = Pattern.compile("(?:[\\w-]+\\.)+[a-z]{2,}");

	static List<Found> hardCodedTexts(String html) {
		String page = withoutMarkupComments(html).replaceAll("(?s)<!DOCTYPE[^>]*>", "");
		List<Found> found = new ArrayList<>();
		// Each open element: whether Thymeleaf replaces its content, or it is <code>.
		java.util.Deque<Boolean> replaced = new java.util.ArrayDeque<>();
		java.util.Deque<String> names = new java.util.ArrayDeque<>();
		Matcher tag = TAG.matcher(page);
		int text = 0;
		while (tag.find()) {
			text(page.substring(text, tag.start()), text, replaced, found);
			text = tag.end();
			String name = tag.group(2).toLowerCase(java.util.Locale.ROOT);
			if (!tag.group(1).isEmpty()) {
				while (!names.isEmpty()) {
					replaced.pop();
					if (names.pop().equals(name)) {
						break;
					}
				}
				continue;
			}
			boolean replacing = name.equals("code") || name.equals("script") || name.equals("style");
			Matcher attribute = ATTRIBUTE.matcher(tag.group(3));
			while (attribute.find()) {
				String key = attribute.group(1).toLowerCase(java.util.Locale.ROOT);
				String value = attribute.group(2) != null ? attribute.group(2)
						: attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
				replacing |= REPLACING.contains(key);
				if (READ_ATTRIBUTES.contains(key) && value != null && readable(value)) {
					found.add(new Found(tag.start(), "attribute " + key, value.strip()));
				}
			}
			if (!VOID.contains(name) && tag.group(4).isEmpty()) {
				replaced.push(replacing || (!replaced.isEmpty() && replaced.peek()));
				names.push(name);
			}
		}
		text(page.substring(text), text, replaced, found);
		return found;
	}

	private static void text(String text, int offset, java.util.Deque<Boolean> replaced, List<Found> found) {
		if ((replaced.isEmpty() || !replaced.peek()) && readable(text)) {
			found.add(new Found(offset + (text.length() - text.stripLeading().length()), "text", text.strip()));
		}
	}

	private static boolean readable(String text) {
		return WORDS.matcher(DOMAIN.matcher(text).replaceAll("")).find();
	}

	/**
	 * Every {@code .properties} bundle under the resources: family to language to its
	 * keys.
	 */
	private static Map<String, Map<String, Properties>> bundleFamilies(List<String> problems) throws IOException {
		Map<String, Map<String, Properties>> families = new TreeMap<>();
		for (Path file : files(RESOURCES, name -> name.endsWith(".properties") && !name.startsWith("application"))) {
			Matcher name = BUNDLE_FILE.matcher(file.getFileName().toString());
			if (!name.matches()) {
				continue;
			}
			Path folder = RESOURCES.relativize(file).getParent();
			String family = (folder == null ? "" : folder.toString().replace('\\', '/') + "/") + name.group("base");
			String language = name.group("lang") == null ? "fr" : name.group("lang");
			Properties bundle = new Properties();
			bundle.load(new StringReader(utf8(file, problems)));
			families.computeIfAbsent(family, f -> new TreeMap<>()).put(language, bundle);
		}
		return families;
	}

	/**
	 * The page bundles Spring's message source reads: {@code spring.messages.basename},
	 * {@code messages} unless set.
	 */
	private static List<String> pageBasenames() throws IOException {
		Object basename = null;
		Path config = RESOURCES.resolve("application.yaml");
		if (Files.exists(config)) {
			Object spring = value(new Yaml(new LoaderOptions()).load(Files.readString(config)), "spring");
			basename = value(value(spring, "messages"), "basename");
		}
		if (basename == null) {
			return List.of("messages");
		}
		return Stream.of(basename.toString().split(","))
			.map(name -> name.strip().replaceFirst("^classpath\\*?:", "").replaceFirst("^/", "").replace('.', '/'))
			.toList();
	}

	private static Object value(Object map, String key) {
		return map instanceof Map<?, ?> m ? m.get(key) : null;
	}

	private static void missing(String family, Properties from, Properties in, String language, List<String> problems) {
		new TreeSet<>(from.stringPropertyNames()).stream()
			.filter(key -> in.getProperty(key) == null)
			.forEach(key -> problems.add(file(family, language) + ": lacks `" + key + "`"));
	}

	private static String file(String family, String language) {
		return RESOURCES.resolve(family + (language.equals("fr") ? "" : "_" + language) + ".properties").toString();
	}

	private static Set<String> placeholders(String text) {
		Set<String> names = new TreeSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	private static List<Path> files(Path root, java.util.function.Predicate<String> name) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile)
				.filter(path -> name.test(path.getFileName().toString()))
				.sorted()
				.toList();
		}
	}

	/**
	 * The text of a file, which must be UTF-8 (what {@code ResourceBundle} and the engine
	 * read).
	 */
	private static String utf8(Path file, List<String> problems) throws IOException {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(file + ": not UTF-8");
			return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * The code with its comments blanked out (line breaks kept), so that they may quote a
	 * choice.
	 */
	static String withoutComments(String code) {
		StringBuilder out = new StringBuilder(code);
		int i = 0;
		while (i < code.length()) {
			if (code.startsWith("\"\"\"", i)) {
				int end = code.indexOf("\"\"\"", i + 3);
				i = end < 0 ? code.length() : end + 3;
			}
			else if (code.charAt(i) == '"' || code.charAt(i) == '\'') {
				char quote = code.charAt(i);
				i++;
				while (i < code.length() && code.charAt(i) != quote && code.charAt(i) != '\n') {
					i += code.charAt(i) == '\\' ? 2 : 1;
				}
				i++;
			}
			else if (code.startsWith("//", i) || code.startsWith("/*", i)) {
				boolean line = code.startsWith("//", i);
				int end = line ? code.indexOf('\n', i) : code.indexOf("*/", i + 2);
				end = end < 0 ? code.length() : line ? end : end + 2;
				for (int j = i; j < end; j++) {
					if (out.charAt(j) != '\n') {
						out.setCharAt(j, ' ');
					}
				}
				i = end;
			}
			else {
				i++;
			}
		}
		return out.toString();
	}

	private static Set<Integer> lines(String code, Pattern pattern) {
		Set<Integer> lines = new TreeSet<>();
		Matcher matcher = pattern.matcher(code);
		while (matcher.find()) {
			lines.add(lineOf(code, matcher.start()));
		}
		return lines;
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String lineText(String text, int line) {
		return text.lines().skip(line - 1).findFirst().orElse("");
	}

	private static void assertNone(String heading, List<String> problems) {
		if (!problems.isEmpty()) {
			fail(heading + ":\n  " + String.join("\n  ", problems));
		}
	}

}
