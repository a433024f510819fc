package fr.gouv.nuage.http;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.gouv.nuage.doctrine.Suggestions;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractGenericHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotWritableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request body into the record a handler takes, strictly, and refuses it at
 * once with every bad field named: a field the record does not have (with a "did you
 * mean"), a value of the wrong kind, and every constraint its Bean Validation annotations
 * set — in one answer, before the handler runs, so that nothing is changed. Records of
 * Nuage only; writing is left to Jackson's own converter.
 */
public class StrictBodies extends AbstractGenericHttpMessageConverter<Object> {

	private final JsonMapper json;

	private final Validator validator;

	public StrictBodies(JsonMapper json, Validator validator) {
		super(MediaType.APPLICATION_JSON);
		this.json = json;
		this.validator = validator;
	}

	@Override
	protected boolean supports(Class<?> type) {
		return type.isRecord() && type.getName().startsWith("fr.gouv.nuage.");
	}

	@Override
	public boolean canRead(Type type, Class<?> context, MediaType mediaType) {
		return type instanceof Class<?> c && supports(c) && canRead(mediaType);
	}

	@Override
	public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
		return false;
	}

	@Override
	protected void writeInternal(Object value, Type type, HttpOutputMessage output) {
		throw new HttpMessageNotWritableException("StrictBodies only reads");
	}

	@Override
	protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
		return read(type, null, input);
	}

	@Override
	public Object read(Type type, Class<?> context, HttpInputMessage input) throws IOException {
		Class<?> record = (Class<?>) type;
		byte[] bytes = StrictText.bytes(input.getBody(), input.getHeaders().getContentLength());
		MediaType contentType = input.getHeaders().getContentType();
		return read(record,
				bytes.length == 0 ? null : Utf8.decode(bytes, contentType == null ? null : contentType.getCharset()));
	}

	/** The record a body holds, or {@link Body.Invalid} naming each bad field. */
	public <T> T read(Class<T> record, String text) {
		RecordComponent[] components = record.getRecordComponents();
		List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
		List<Map<String, Object>> errors = new ArrayList<>();
		JsonNode tree;
		try {
			tree = text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
		}
		catch (JacksonException ex) {
			Map<String, Object> error = new java.util.LinkedHashMap<>();
			if (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) {
				error.put("line", ex.getLocation().getLineNr());
				error.put("column", ex.getLocation().getColumnNr());
			}
			error.put("message", "the body is not JSON: " + ex.getOriginalMessage());
			throw new Body.Invalid(List.of(error));
		}
		if (!tree.isObject()) {
			throw new Body.Invalid(List.of(Map.of("message", "send a JSON object with " + takes(names))));
		}
		for (String field : tree.propertyNames()) {
			if (!names.contains(field)) {
				errors.add(Problems.field(field, "unknown field `" + field + "`: this request takes " + takes(names)
						+ Suggestions.didYouMean(field, names)));
			}
		}
		Object[] values = new Object[components.length];
		Set<String> wrong = new HashSet<>();
		for (int i = 0; i < components.length; i++) {
			JsonNode value = tree.get(components[i].getName());
			if (value == null || value.isNull()) {
				continue;
			}
			JavaType target = json.getTypeFactory().constructType(components[i].getGenericType());
			if (target.getRawClass() == String.class && !value.isString()) {
				// Jackson would take a number or true for text: a body of the wrong kind
				// is refused.
				wrong.add(components[i].getName());
				errors.add(Problems.field(components[i].getName(), "`" + shown(value) + "` is not text"));
				continue;
			}
			try {
				values[i] = json.treeToValue(value, target);
			}
			catch (JacksonException ex) {
				wrong.add(components[i].getName());
				errors.add(Problems.field(components[i].getName(),
						"`" + shown(value) + "` is not " + expected(target) + closest(value, target)));
			}
		}
		T body = construct(record, components, values);
		for (ConstraintViolation<T> violation : validator.validate(body)) {
			String field = violation.getPropertyPath().toString();
			if (!wrong.contains(field.split("[.\\[]")[0])) {
				errors.add(Problems.field(field, violation.getMessage()));
			}
		}
		if (!errors.isEmpty()) {
			throw new Body.Invalid(errors);
		}
		return body;
	}

	private static <T> T construct(Class<T> record, RecordComponent[] components, Object[] values) {
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		for (int i = 0; i < values.length; i++) {
			if (values[i] == null && types[i].isPrimitive()) {
				values[i] = types[i] == boolean.class ? Boolean.FALSE
						: types[i] == long.class ? 0L : types[i] == double.class ? 0.0 : 0;
			}
		}
		try {
			Constructor<T> canonical = record.getDeclaredConstructor(types);
			canonical.setAccessible(true);
			return canonical.newInstance(values);
		}
		catch (java.lang.reflect.InvocationTargetException ex) {
			if (ex.getCause() instanceof IllegalArgumentException refused) {
				throw refused;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot build " + record.getSimpleName(), ex);
		}
	}

	private static String expected(JavaType type) {
		Class<?> raw = type.getRawClass();
		if (raw.isEnum()) {
			return "one of "
					+ String.join(", ", Arrays.stream(raw.getEnumConstants()).map(e -> "`" + e + "`").toList());
		}
		if (raw == java.util.UUID.class) {
			return "an identifier such as `" + new java.util.UUID(0, 0) + "`";
		}
		if (raw == java.time.LocalDate.class) {
			return "a date written YYYY-MM-DD";
		}
		if (Number.class.isAssignableFrom(raw) || raw == int.class || raw == long.class || raw == double.class) {
			return "a number";
		}
		if (raw == Boolean.class || raw == boolean.class) {
			return "true or false";
		}
		if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw)) {
			return "a list";
		}
		if (raw == String.class) {
			return "text";
		}
		return "a " + raw.getSimpleName();
	}

	/** A value as its sender wrote it: a text without its JSON quotes. */
	private static String shown(JsonNode value) {
		return value.isString() ? value.asString() : value.toString();
	}

	/** For a name that is none of an enumeration's, the closest one ("did you mean"). */
	private static String closest(JsonNode value, JavaType type) {
		if (!type.getRawClass().isEnum() || !value.isString()) {
			return "";
		}
		List<String> names = Arrays.stream(type.getRawClass().getEnumConstants())
			.map(e -> ((Enum<?>) e).name())
			.toList();
		return Suggestions.didYouMean(value.asString(), names);
	}

	private static String takes(List<String> names) {
		return names.isEmpty() ? "no field" : String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
	}

}
