package fr.gouv.nuage.doctrine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The engine's own wording around a pack's explanations ({@code doctrine/engine-texts.yaml}). */
final class EngineTexts {

	private static final EngineTexts INSTANCE = load();

	private final Map<String, Text> texts;

	final Text notSubject;

	final Text notConcerned;

	final Text unsettled;

	final Text failed;

	final Text doesNotApply;

	private EngineTexts(Map<String, Text> texts) {
		this.texts = texts;
		this.notSubject = get("notSubject");
		this.notConcerned = get("notConcerned");
		this.unsettled = get("unsettled");
		this.failed = get("failed");
		this.doesNotApply = get("doesNotApply");
	}

	static EngineTexts get() {
		return INSTANCE;
	}

	Text get(String key) {
		Text text = texts.get(key);
		if (text == null) {
			throw new IllegalStateException("doctrine/engine-texts.yaml lacks `" + key + "`");
		}
		return text;
	}

	String get(String key, Lang lang) {
		return get(key).in(lang);
	}

	@SuppressWarnings("unchecked")
	private static EngineTexts load() {
		try (InputStream in = EngineTexts.class.getResourceAsStream("/doctrine/engine-texts.yaml")) {
			if (in == null) {
				throw new IllegalStateException("doctrine/engine-texts.yaml is missing from the classpath");
			}
			Map<String, Object> raw = new Yaml(new LoaderOptions())
				.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			Map<String, Text> texts = new LinkedHashMap<>();
			raw.forEach((key, value) -> {
				Map<String, String> text = (Map<String, String>) value;
				if (text.get("fr") == null || text.get("en") == null) {
					throw new IllegalStateException("doctrine/engine-texts.yaml: `" + key + "` lacks French or English");
				}
				texts.put(key, new Text(text.get("fr"), text.get("en")));
			});
			return new EngineTexts(texts);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
