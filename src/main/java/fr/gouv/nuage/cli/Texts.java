package fr.gouv.nuage.cli;

import fr.gouv.nuage.doctrine.EngineTexts;
import fr.gouv.nuage.doctrine.Lang;

/**
 * The CLI's texts in one language, from {@code cli/cli-texts.yaml} (French and English
 * side by side, read once by the first command that writes one): commands pick a text by
 * key, never between two literals.
 */
record Texts(EngineTexts texts, Lang lang) {

	private static final String RESOURCE = "/cli/cli-texts.yaml";

	static Texts in(Lang lang) {
		return new Texts(EngineTexts.of(RESOURCE), lang);
	}

	/**
	 * The text of {@code key}, its {@code {name}} placeholders filled from name and value
	 * pairs.
	 */
	String get(String key, Object... namesAndValues) {
		return namesAndValues.length == 0 ? texts.get(key, lang) : texts.get(key, lang, namesAndValues);
	}

	/** {@code oui} or {@code non}, {@code yes} or {@code no}. */
	String yesNo(boolean value) {
		return get(value ? "value.yes" : "value.no");
	}
}
