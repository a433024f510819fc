package fr.gouv.nuage.http;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.gouv.nuage.doctrine.Json;
import fr.gouv.nuage.doctrine.JsonException;
import fr.gouv.nuage.doctrine.Suggestions;

/**
 * A JSON request body read strictly: an object with the fields a request takes and no
 * other, each of the kind expected. Every problem is collected with its field and the
 * body refused at once, so that one answer names them all; nothing was changed.
 */
public final class Body {

	/** A body refused; each error names its field. */
	public static final class Invalid extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient List<Map<String, Object>> errors;

		Invalid(List<Map<String, Object>> errors) {
			super(errors.stream()
				.map(e -> e.getOrDefault("field", "body") + ": " + e.get("message"))
				.collect(Collectors.joining("; ")));
			this.errors = List.copyOf(errors);
		}

		List<Map<String, Object>> errors() {
			return errors;
		}

	}

	/** Free text beyond this is refused: a reason or a request, not a document. */
	public static final int MAX_TEXT = 10_000;

	private final Map<?, ?> fields;

	private final List<Map<String, Object>> errors = new ArrayList<>();

	private Body(Map<?, ?> fields) {
		this.fields = fields;
	}

	/** A body without fields: empty, or {@code {}}. */
	public static void empty(String text) {
		read(text, List.of(), List.of()).check();
	}

	/**
	 * A body with every field of {@code required}, and perhaps those of {@code optional}.
	 */
	public static Body read(String text, List<String> required, List<String> optional) {
		List<String> known = new ArrayList<>(required);
		known.addAll(optional);
		if (text == null || text.isBlank()) {
			Body body = new Body(Map.of());
			required.forEach(field -> body.error(field, "missing: " + takes(known)));
			return body;
		}
		Object json;
		try {
			json = Json.parse(text);
		}
		catch (JsonException ex) {
			throw new Invalid(List.of(Map.of("message", "the body is not JSON: " + ex.getMessage())));
		}
		if (!(json instanceof Map<?, ?> map)) {
			throw new Invalid(List.of(Map.of("message", "send a JSON object: " + takes(known))));
		}
		Body body = new Body(map);
		for (Object key : map.keySet()) {
			if (!known.contains((String) key)) {
				body.error((String) key,
						"unknown field `" + key + "`: " + takes(known) + Suggestions.didYouMean((String) key, known));
			}
		}
		for (String field : required) {
			if (map.get(field) == null) {
				body.error(field, (map.containsKey(field) ? "`null` is not a value: " : "missing: ") + takes(known));
			}
		}
		return body;
	}

	/**
	 * A text of 1 to {@link #MAX_TEXT} characters, or {@code null} when absent or wrong.
	 */
	public String text(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text) || text.isBlank()) {
			return wrong(field, "write some text");
		}
		if (text.length() > MAX_TEXT) {
			return wrong(field, "the text is " + text.length() + " characters long, above the limit of " + MAX_TEXT);
		}
		return text.strip();
	}

	/** An identifier, such as a document's, or {@code null} when absent or wrong. */
	public UUID id(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof String text && text.length() == 36) {
				return UUID.fromString(text);
			}
		}
		catch (IllegalArgumentException ex) {
			// Said below.
		}
		return wrong(field, show(value) + " is not an identifier such as `" + new UUID(0, 0) + "`");
	}

	/** A date written YYYY-MM-DD, or {@code null} when absent or wrong. */
	public LocalDate date(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		try {
			if (value instanceof String text) {
				return LocalDate.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			// Said below.
		}
		return wrong(field, show(value) + " is not a date; write it YYYY-MM-DD");
	}

	/** One of an enumeration's names, or {@code null} when absent or wrong. */
	public <E extends Enum<E>> E choice(String field, Class<E> type) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
		if (value instanceof String text && names.contains(text)) {
			return Enum.valueOf(type, text);
		}
		String close = value instanceof String text ? Suggestions.didYouMean(text, names) : "";
		return wrong(field, show(value) + " is not one of " + list(names) + close);
	}

	/** A number, or {@code null} when absent or wrong. */
	public BigDecimal number(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Double number && Double.isFinite(number)) {
			BigDecimal decimal = new BigDecimal(Double.toString(number)).stripTrailingZeros();
			return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
		}
		return wrong(field, show(value) + " is not a number");
	}

	/** A whole number, or {@code null} when absent or wrong. */
	public Integer whole(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof Double number && number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
			return number.intValue();
		}
		return wrong(field, show(value) + " is not a whole number");
	}

	/** A list of texts, or {@code null} when absent or wrong. */
	public List<String> texts(String field) {
		Object value = fields.get(field);
		if (value == null) {
			return null;
		}
		if (value instanceof List<?> items && items.stream().allMatch(String.class::isInstance)) {
			return items.stream().map(item -> ((String) item).strip()).toList();
		}
		return wrong(field, "write a list of texts, such as [\"CSV\", \"JSON\"]");
	}

	/** Whether the field was sent with a value other than {@code null}. */
	public boolean has(String field) {
		return fields.get(field) != null;
	}

	public void error(String field, String message) {
		if (errors.stream().noneMatch(e -> field.equals(e.get("field")))) {
			errors.add(Problems.field(field, message));
		}
	}

	/** Refuses the body when anything was wrong with it. */
	public void check() {
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
	}

	private <T> T wrong(String field, String message) {
		error(field, message);
		return null;
	}

	private static String takes(List<String> known) {
		return known.isEmpty() ? "this request takes no field" : "this request takes " + list(known);
	}

	private static String list(List<String> names) {
		List<String> quoted = names.stream().map(n -> "`" + n + "`").toList();
		return quoted.size() == 1 ? quoted.get(0)
				: String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
	}

	private static String show(Object value) {
		String text = value instanceof Double number && number == Math.rint(number) && Math.abs(number) < 1e15
				? Long.toString(number.longValue()) : String.valueOf(value);
		return "`" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "`";
	}

}
