package fr.gouv.nuage.doctrine;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A streaming JSON writer into a {@link StringBuilder}: commas, and in pretty mode
 * newlines and two-space indentation, are placed automatically. It checks nothing about
 * the order of calls, because it sits on the path that writes every decision.
 */
public final class JsonWriter {

	private static final String[] ESCAPES = new String[0x20];

	static {
		for (int c = 0; c < 0x20; c++) {
			ESCAPES[c] = "\\u" + Json.Cursor.hex4(c).toLowerCase(Locale.ROOT);
		}
		ESCAPES['\b'] = "\\b";
		ESCAPES['\f'] = "\\f";
		ESCAPES['\n'] = "\\n";
		ESCAPES['\r'] = "\\r";
		ESCAPES['\t'] = "\\t";
	}

	private final StringBuilder out;

	private final boolean pretty;

	/**
	 * Per open container: whether it has no member yet, i.e. whether the next one needs
	 * no comma.
	 */
	private boolean[] empty = new boolean[16];

	private int depth;

	private boolean afterName;

	public JsonWriter(StringBuilder out, boolean pretty) {
		this.out = out;
		this.pretty = pretty;
	}

	public JsonWriter(StringBuilder out) {
		this(out, false);
	}

	public JsonWriter beginObject() {
		beforeValue();
		out.append('{');
		push();
		return this;
	}

	public JsonWriter endObject() {
		pop();
		out.append('}');
		return this;
	}

	public JsonWriter beginArray() {
		beforeValue();
		out.append('[');
		push();
		return this;
	}

	public JsonWriter endArray() {
		pop();
		out.append(']');
		return this;
	}

	public JsonWriter name(String name) {
		separate();
		appendQuoted(out, name);
		if (pretty) {
			out.append(": ");
		}
		else {
			out.append(':');
		}
		afterName = true;
		return this;
	}

	/**
	 * A name already quoted with {@link #quote}: saves escaping names known in advance.
	 */
	JsonWriter rawName(String quotedName) {
		separate();
		out.append(quotedName);
		if (pretty) {
			out.append(": ");
		}
		else {
			out.append(':');
		}
		afterName = true;
		return this;
	}

	/** A value already in JSON form. */
	JsonWriter rawValue(String json) {
		beforeValue();
		out.append(json);
		return this;
	}

	public JsonWriter value(String value) {
		if (value == null) {
			return nullValue();
		}
		beforeValue();
		appendQuoted(out, value);
		return this;
	}

	public JsonWriter value(boolean value) {
		beforeValue();
		out.append(value ? "true" : "false");
		return this;
	}

	/**
	 * Integral values are written without a fraction or an exponent: {@code 1000000}, not
	 * {@code 1.0E6}.
	 */
	public JsonWriter value(double value) {
		beforeValue();
		appendNumber(out, value);
		return this;
	}

	public JsonWriter value(long value) {
		beforeValue();
		out.append(value);
		return this;
	}

	public JsonWriter nullValue() {
		beforeValue();
		out.append("null");
		return this;
	}

	/**
	 * Writes a generic tree: maps (keys written with {@link String#valueOf}), collections
	 * and arrays of objects, strings, numbers, booleans, enum constants (by name) and
	 * {@code null}.
	 */
	public JsonWriter value(Object value) {
		if (value == null) {
			return nullValue();
		}
		if (value instanceof String) {
			return value((String) value);
		}
		if (value instanceof Boolean) {
			return value(((Boolean) value).booleanValue());
		}
		if (value instanceof Double || value instanceof Float) {
			return value(((Number) value).doubleValue());
		}
		if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
			return value(((Number) value).longValue());
		}
		if (value instanceof Number) {
			return value(((Number) value).doubleValue());
		}
		if (value instanceof Map) {
			beginObject();
			for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
				name(String.valueOf(e.getKey()));
				value(e.getValue());
			}
			return endObject();
		}
		if (value instanceof Collection) {
			beginArray();
			for (Object item : (Collection<?>) value) {
				value(item);
			}
			return endArray();
		}
		if (value instanceof Object[]) {
			return value(Arrays.asList((Object[]) value));
		}
		if (value instanceof CharSequence || value instanceof Character) {
			return value(value.toString());
		}
		if (value instanceof Enum) {
			return value(((Enum<?>) value).name());
		}
		throw new IllegalArgumentException("no JSON form for a value of " + value.getClass());
	}

	/** The JSON string literal for {@code s}, quotes included. */
	public static String quote(String s) {
		StringBuilder b = new StringBuilder(s.length() + 2);
		appendQuoted(b, s);
		return b.toString();
	}

	static void appendQuoted(StringBuilder out, String s) {
		out.append('"');
		int n = s.length();
		int run = 0;
		for (int i = 0; i < n; i++) {
			char c = s.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\') {
				if (i > run) {
					out.append(s, run, i);
				}
				out.append(c < 0x20 ? ESCAPES[c] : c == '"' ? "\\\"" : "\\\\");
				run = i + 1;
			}
		}
		if (run == 0) {
			out.append(s);
		}
		else if (run < n) {
			out.append(s, run, n);
		}
		out.append('"');
	}

	static void appendNumber(StringBuilder out, double value) {
		if (value == (long) value && Math.abs(value) < 1e18) {
			// -0.0 compares equal to 0 and is written as 0: JSON readers disagree about
			// negative zero.
			out.append((long) value);
		}
		else if (Double.isFinite(value)) {
			out.append(value);
		}
		else {
			throw new IllegalArgumentException("JSON has no number for " + value);
		}
	}

	/** A number as {@link #value(double)} writes it; used in diagnostics too. */
	static String number(double value) {
		StringBuilder b = new StringBuilder(24);
		appendNumber(b, value);
		return b.toString();
	}

	private void beforeValue() {
		if (afterName) {
			afterName = false;
		}
		else if (depth > 0) {
			separate();
		}
	}

	private void separate() {
		if (depth > 0) {
			if (empty[depth - 1]) {
				empty[depth - 1] = false;
			}
			else {
				out.append(',');
			}
			if (pretty) {
				newline(depth);
			}
		}
	}

	private void push() {
		if (depth == empty.length) {
			empty = Arrays.copyOf(empty, depth * 2);
		}
		empty[depth++] = true;
	}

	private void pop() {
		boolean wasEmpty = empty[--depth];
		if (pretty && !wasEmpty) {
			newline(depth);
		}
	}

	private void newline(int level) {
		out.append('\n');
		for (int i = 0; i < level; i++) {
			out.append("  ");
		}
	}

}
