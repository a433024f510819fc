package fr.gouv.nuage.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages' French texts, all in {@code notifications/messages.properties}: a subject
 * and a body for each kind of message, between a greeting and a signature, with
 * {@code {name}} for the values of the change.
 */
final class NotificationTexts {

	static final String RESOURCE = "/notifications/messages.properties";

	/** What every subject starts with, so that people can sort Nuage's messages. */
	static final String SUBJECT_PREFIX = "[Nuage] ";

	/** The {@code notification.subject} column's size. */
	static final int SUBJECT_MAX = 300;

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)\\}");

	/** A message ready to record: its subject and its plain-text body. */
	record Letter(String subject, String body) {
	}

	private final Properties texts;

	private NotificationTexts(Properties texts) {
		this.texts = texts;
	}

	static NotificationTexts load() {
		Properties texts = new Properties();
		try (InputStream in = NotificationTexts.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the class path");
			}
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new NotificationTexts(texts);
	}

	/**
	 * The message of a kind ({@code project-reevaluated}…) to someone: {@code name} is
	 * how they are greeted, {@code null} for a plain greeting.
	 */
	Letter letter(String kind, String name, Map<String, String> values) {
		String subject = SUBJECT_PREFIX + fill(kind + ".subject", values);
		if (subject.length() > SUBJECT_MAX) {
			subject = subject.substring(0, SUBJECT_MAX - 1) + "…";
		}
		String greeting = name == null ? text("greeting") : fill("greeting.named", Map.of("name", name));
		String body = greeting + "\n\n" + fill(kind + ".body", values) + "\n\n" + text("signature") + "\n";
		return new Letter(subject, body);
	}

	/**
	 * A text as it stands: a verdict's or an outcome's label, a sentence added to a body.
	 */
	String text(String key) {
		String text = texts.getProperty(key);
		if (text == null) {
			throw new IllegalStateException(RESOURCE + ": no text `" + key + "`");
		}
		return text;
	}

	/**
	 * A text with its placeholders replaced; a placeholder without a value is a mistake
	 * in the texts.
	 */
	String fill(String key, Map<String, String> values) {
		Matcher placeholder = PLACEHOLDER.matcher(text(key));
		StringBuilder out = new StringBuilder();
		while (placeholder.find()) {
			String value = values.get(placeholder.group(1));
			if (value == null) {
				throw new IllegalStateException(RESOURCE + ": `" + key + "` names `{" + placeholder.group(1)
						+ "}`, which this message has no value for");
			}
			placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		placeholder.appendTail(out);
		return out.toString();
	}

}
