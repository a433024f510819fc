package fr.gouv.nuage.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text of the domain for the person it answers, said in French or in English: a key of
 * a module's bundle ({@code controls/refusals}: {@code controls/refusals.properties} in
 * French, {@code controls/refusals_en.properties} in English) and the values its
 * placeholders {@code {0}}, {@code {1}}... name. The values are shown as they are (an
 * identifier, a status or an amount reads the same in both languages), but for a value
 * that is itself a text, said in the same language.
 *
 * @param bundle the bundle's base name
 * @param key the text's key, present in both languages
 * @param values what the placeholders show, in order: strings, or texts ({@link Said})
 */
public record Said(String bundle, String key, List<Object> values) {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)\\}");

	/** The languages every text is written in. */
	public static final List<Locale> LANGUAGES = List.of(Locale.FRENCH, Locale.ENGLISH);

	public Said {
		values = List.copyOf(values);
		for (Locale language : LANGUAGES) {
			template(bundle, key, language);
		}
	}

	/**
	 * The text {@code key} of {@code bundle} with its values.
	 * @throws IllegalStateException when a language lacks the key: a fault of Nuage,
	 * found by the tests that raise it
	 */
	public static Said of(String bundle, String key, Object... values) {
		return new Said(bundle, key,
				Arrays.stream(values).map(v -> v instanceof Said said ? (Object) said : String.valueOf(v)).toList());
	}

	/** The text in {@code language}: English for English, French otherwise. */
	public String in(Locale language) {
		String template = template(bundle, key,
				Locale.ENGLISH.getLanguage().equals(language.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH);
		Matcher placeholder = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder();
		while (placeholder.find()) {
			int index = Integer.parseInt(placeholder.group(1));
			Object value = index < values.size() ? values.get(index) : placeholder.group();
			placeholder.appendReplacement(text,
					Matcher.quoteReplacement(value instanceof Said said ? said.in(language) : (String) value));
		}
		return placeholder.appendTail(text).toString();
	}

	/**
	 * The template of {@code key} in one language, from that language's own file: a key
	 * missing in English does not fall back to French.
	 */
	private static String template(String bundle, String key, Locale language) {
		String file = bundle + SUFFIXES.get(language) + ".properties";
		String template = FILES.computeIfAbsent(file, Said::load).getProperty(key);
		if (template == null) {
			throw new IllegalStateException(file + " has no text `" + key + "`");
		}
		return template;
	}

	/** Each language's file: French is the bundle's default. */
	private static final Map<Locale, String> SUFFIXES = Map.of(Locale.FRENCH, "", Locale.ENGLISH, "_en");

	private static final Map<String, Properties> FILES = new ConcurrentHashMap<>();

	private static Properties load(String file) {
		Properties texts = new Properties();
		try (InputStream in = Said.class.getClassLoader().getResourceAsStream(file)) {
			if (in == null) {
				throw new IllegalStateException(file + " is missing from the class path");
			}
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(file, ex);
		}
		return texts;
	}

}
