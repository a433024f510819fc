package fr.gouv.nuage.decisions;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.Text;
import org.springframework.context.MessageSource;

/**
 * What the self-assessment's pages say about facts, in the visitor's language: the
 * question and its help from the bundle ({@code messages/assessment}), an answer's label
 * from the bundle or else from the pack's labels, and how the pack asks for a missing
 * fact.
 */
final class AssessmentTexts {

	private static final String QUESTION = "assessment.q.";

	private final MessageSource messages;

	private final Locale locale;

	private final Lang lang;

	private final RulePack pack;

	AssessmentTexts(MessageSource messages, Locale locale, RulePack pack) {
		this.messages = messages;
		this.locale = locale;
		this.lang = Lang.parse(locale.getLanguage());
		this.pack = pack;
	}

	Lang lang() {
		return lang;
	}

	Locale locale() {
		return locale;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** The text of a key, or {@code null} when the bundle has none. */
	String optional(String key) {
		return messages.getMessage(key, null, null, locale);
	}

	String in(Text text) {
		return text == null ? null : text.in(lang);
	}

	/** The short question a field is labelled with. */
	String label(String path) {
		String label = optional(QUESTION + path + ".label");
		return label == null ? question(path) : label;
	}

	/** What the question means, in plain words; {@code null} when it needs no help. */
	String hint(String path) {
		return optional(QUESTION + path + ".hint");
	}

	/** The unit a number is written in ({@code €}); {@code null} when it has none. */
	String suffix(String path) {
		return optional(QUESTION + path + ".suffix");
	}

	/** How the pack asks for a missing fact, else the field's label, else the path. */
	String question(String path) {
		Text question = pack == null ? null : pack.question(path);
		if (question != null) {
			return question.in(lang);
		}
		String label = optional(QUESTION + path + ".label");
		return label == null ? path : label;
	}

	/** An answer of an enumeration, as the bundle or the pack reads it. */
	String value(String path, String value) {
		String label = optional(QUESTION + path + "." + value);
		if (label != null) {
			return label;
		}
		Text text = pack == null ? null : pack.label(value);
		return text == null ? value : text.in(lang);
	}

	/** What an answer of an enumeration means; {@code null} when it needs no help. */
	String valueHint(String path, String value) {
		return optional(QUESTION + path + "." + value + ".hint");
	}

	/** A fact's value as a person reads it: yes or no, labels, a number with its unit. */
	String format(String path, Object value) {
		if (value instanceof Boolean yes) {
			return text(yes ? "assessment.answer.yes" : "assessment.answer.no");
		}
		if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				return text("assessment.answer.none");
			}
			return String.join(", ", list.stream().map(item -> value(path, String.valueOf(item))).toList());
		}
		if (value instanceof Number number) {
			String suffix = suffix(path);
			String written = NumberFormat.getNumberInstance(locale).format(number.doubleValue());
			return suffix == null ? written : written + "\u00a0" + suffix;
		}
		if (value instanceof String string && pack != null
				&& pack.facts().fact(path).map(fact -> fact.values().contains(string)).orElse(false)) {
			return value(path, string);
		}
		return String.valueOf(value);
	}

}
