package fr.gouv.nuage.doctrine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Texts in French and English kept as data, the two languages side by side under each
 * key: the engine's own wording around a pack's explanations
 * ({@code doctrine/engine-texts.yaml}), and in the same form the texts of the CLI
 * ({@code cli/cli-texts.yaml}) and of the catalogue
 * ({@code catalogue/catalogue-texts.yaml}). Code picks a text by key and {@link Lang},
 * never by choosing between two literals; a key without both languages fails the load,
 * and {@code I18nTextsTest} fails the build first. {@code {name}} placeholders are filled
 * by {@link #get(String, Lang, Object...)}.
 */
public final class EngineTexts {

	static final String ENGINE = "/doctrine/engine-texts.yaml";

	/**
	 * Other files, each read once when first asked for, so that a command reads only its
	 * own.
	 */
	private static final Map<String, EngineTexts> LOADED = new ConcurrentHashMap<>();

	/**
	 * The engine's texts, read when a pack is first built; a plain field read on the hot
	 * path.
	 */
	private static final class Engine {

		static final EngineTexts TEXTS = load(ENGINE);

	}

	private final String resource;

	private final Map<String, Text> texts;

	// The engine's wording read on the hot path of every decision; null in the other
	// files.

	final Text notSubject;

	final Text notConcerned;

	final Text unsettled;

	final Text failed;

	final Text doesNotApply;

	final Text unknownValue;

	final Text yes;

	final Text no;

	final Text none;

	/**
	 * Between groups of three digits: a narrow no-break space in French, a comma in
	 * English.
	 */
	final Text digitGroupSeparator;

	private EngineTexts(String resource, Map<String, Text> texts) {
		this.resource = resource;
		this.texts = texts;
		boolean engine = resource.equals(ENGINE);
		this.notSubject = engine ? get("notSubject") : null;
		this.notConcerned = engine ? get("notConcerned") : null;
		this.unsettled = engine ? get("unsettled") : null;
		this.failed = engine ? get("failed") : null;
		this.doesNotApply = engine ? get("doesNotApply") : null;
		this.unknownValue = engine ? get("value.unknown") : null;
		this.yes = engine ? get("value.yes") : null;
		this.no = engine ? get("value.no") : null;
		this.none = engine ? get("none") : null;
		this.digitGroupSeparator = engine ? get("value.digitGroupSeparator") : null;
	}

	static EngineTexts get() {
		return Engine.TEXTS;
	}

	/**
	 * The texts of a classpath resource of this form, e.g. {@code /cli/cli-texts.yaml};
	 * read once.
	 */
	public static EngineTexts of(String resource) {
		return resource.equals(ENGINE) ? Engine.TEXTS : LOADED.computeIfAbsent(resource, EngineTexts::load);
	}

	Text get(String key) {
		Text text = texts.get(key);
		if (text == null) {
			throw new IllegalStateException(resource.substring(1) + " lacks `" + key + "`");
		}
		return text;
	}

	/** The text of {@code key} in {@code lang}. */
	public String get(String key, Lang lang) {
		return get(key).in(lang);
	}

	/**
	 * The text of {@code key} in {@code lang} with its placeholders filled, given as name
	 * and value pairs: {@code get("due.heading", lang, "date", date, "count", 4)}. Values
	 * are written as they are, never read again for placeholders.
	 */
	public String get(String key, Lang lang, Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("placeholders of `" + key + "` come in name and value pairs");
		}
		String text = get(key, lang);
		StringBuilder out = new StringBuilder(text.length() + 32);
		int i = 0;
		while (i < text.length()) {
			int open = text.indexOf('{', i);
			int close = open < 0 ? -1 : text.indexOf('}', open);
			if (close < 0) {
				out.append(text, i, text.length());
				break;
			}
			out.append(text, i, open);
			out.append(value(key, text.substring(open + 1, close), namesAndValues));
			i = close + 1;
		}
		return out.toString();
	}

	/**
	 * The text of {@code key} in both languages with its placeholders filled; a value
	 * that is itself a {@link Text} is written in the language of each side.
	 */
	public Text text(String key, Object... namesAndValues) {
		return new Text(get(key, Lang.FR, in(Lang.FR, namesAndValues)), get(key, Lang.EN, in(Lang.EN, namesAndValues)));
	}

	private static Object[] in(Lang lang, Object[] namesAndValues) {
		Object[] values = namesAndValues.clone();
		for (int i = 1; i < values.length; i += 2) {
			if (values[i] instanceof Text text) {
				values[i] = text.in(lang);
			}
		}
		return values;
	}

	private String value(String key, String name, Object[] namesAndValues) {
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (name.equals(namesAndValues[i])) {
				return String.valueOf(namesAndValues[i + 1]);
			}
		}
		throw new IllegalArgumentException(resource.substring(1) + ": `" + key + "` has the placeholder `{" + name
				+ "}` and no value was given for it");
	}

	@SuppressWarnings("unchecked")
	private static EngineTexts load(String resource) {
		String name = resource.substring(1);
		try (InputStream in = EngineTexts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the classpath");
			}
			Map<String, Object> raw = new Yaml(new LoaderOptions())
				.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			Map<String, Text> texts = new LinkedHashMap<>();
			raw.forEach((key, value) -> {
				Map<String, String> text = (Map<String, String>) value;
				if (text.get("fr") == null || text.get("en") == null) {
					throw new IllegalStateException(name + ": `" + key + "` lacks French or English");
				}
				texts.put(key, new Text(text.get("fr"), text.get("en")));
			});
			return new EngineTexts(resource, Collections.unmodifiableMap(texts));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
