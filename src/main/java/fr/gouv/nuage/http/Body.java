package fr.gouv.nuage.http;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request body may hold and how it is refused: every problem is named with its
 * field, in one answer, before anything was changed. Bodies with fields are records read
 * by {@link StrictBodies}; a step that takes none reads its body with {@link #empty}.
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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Body() {
	}

	/** A body without fields: empty, or {@code {}}; anything else is refused. */
	public static void empty(String text) {
		if (text == null || text.isBlank()) {
			return;
		}
		JsonNode tree;
		try {
			tree = JSON.readTree(text);
		}
		catch (JacksonException ex) {
			throw new Invalid(List.of(Map.of("message", "the body is not JSON: " + ex.getOriginalMessage())));
		}
		if (!tree.isObject()) {
			throw new Invalid(List.of(Map.of("message", "send a JSON object: this request takes no field")));
		}
		List<Map<String, Object>> errors = tree.propertyNames()
			.stream()
			.map(field -> Problems.field(field, "unknown field `" + field + "`: this request takes no field"))
			.toList();
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
	}

	/** The refusal of one field of a body that is otherwise well formed. */
	public static Invalid refused(String field, String message) {
		return new Invalid(List.of(Problems.field(field, message)));
	}

}
