package fr.gouv.nuage.decisions;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.Text;

/**
 * How the doctrine pages write a pack's data in the page's language: a text with its
 * placeholders marked as such (a pack's texts keep {@code {hostingClass}} until an
 * assessment fills it in; the pages must not pass it off as prose), a rule's sources as
 * separate references, a circular's date, the words changed between two texts.
 */
final class DoctrineTexts {

	/** A placeholder of the engine's templates: {@code {name}}. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\s*([^{}\\s]+)\\s*}");

	/** A reference written as a web address, as {@code symbioz.cloud-temple.com}. */
	private static final Pattern WEB_ADDRESS = Pattern.compile("[a-z0-9-]+(?:\\.[a-z0-9-]+)+(?:/\\S*)?");

	/** A piece of text, or a placeholder to be filled in from a project. */
	record Segment(String text, boolean placeholder) {
	}

	/**
	 * A reference of a rule's {@code source}: an abbreviation of the pack's sources (as
	 * {@code RULES-2023}) or a web address, and where in it ({@code R9}).
	 */
	record Source(String id, String locator, String url) {
	}

	/** A piece of a difference between two texts, with its placeholders marked. */
	record Change(TextDiff.Kind kind, List<Segment> segments) {

		public boolean removed() {
			return kind == TextDiff.Kind.REMOVED;
		}

		public boolean added() {
			return kind == TextDiff.Kind.ADDED;
		}

	}

	private final Lang lang;

	private final Locale locale;

	DoctrineTexts(Locale locale) {
		this.lang = Lang.parse(locale.getLanguage());
		this.locale = locale;
	}

	Lang lang() {
		return lang;
	}

	public String in(Text text) {
		return text == null ? null : text.in(lang);
	}

	public List<Segment> segments(Text text) {
		return segments(in(text));
	}

	public boolean hasPlaceholder(Text text) {
		return text != null && PLACEHOLDER.matcher(in(text)).find();
	}

	static List<Segment> segments(String text) {
		List<Segment> segments = new ArrayList<>();
		if (text == null) {
			return segments;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		int at = 0;
		while (matcher.find()) {
			if (matcher.start() > at) {
				segments.add(new Segment(text.substring(at, matcher.start()), false));
			}
			segments.add(new Segment(matcher.group(1), true));
			at = matcher.end();
		}
		if (at < text.length()) {
			segments.add(new Segment(text.substring(at), false));
		}
		return List.copyOf(segments);
	}

	/** The references of a rule's {@code source}, as {@code "RULES-2023 R9; FAQ"}. */
	public List<Source> sources(String source) {
		List<Source> sources = new ArrayList<>();
		if (source == null) {
			return sources;
		}
		for (String reference : source.split(";")) {
			String trimmed = reference.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			int space = trimmed.indexOf(' ');
			String id = space < 0 ? trimmed : trimmed.substring(0, space);
			String locator = space < 0 ? null : trimmed.substring(space + 1).strip();
			String url = WEB_ADDRESS.matcher(id).matches() ? "https://" + id : null;
			sources.add(new Source(id, locator, url));
		}
		return List.copyOf(sources);
	}

	/**
	 * A date of a pack ({@code 2023-05-31}) as the packs' own titles write it: 31 mai
	 * 2023, 31 May 2023.
	 */
	public String date(String iso) {
		try {
			return LocalDate.parse(iso).format(DateTimeFormatter.ofPattern("d MMMM uuuu", locale));
		}
		catch (DateTimeParseException ex) {
			return iso;
		}
	}

	/** The words removed and added from one text to the other, in the page's language. */
	public List<Change> diff(Object from, Object to) {
		List<Change> changes = new ArrayList<>();
		for (TextDiff.Piece piece : TextDiff.of(plain(from), plain(to))) {
			changes.add(new Change(piece.kind(), segments(piece.text())));
		}
		return changes;
	}

	private String plain(Object value) {
		return value instanceof Text text ? in(text) : value == null ? null : value.toString();
	}

}
