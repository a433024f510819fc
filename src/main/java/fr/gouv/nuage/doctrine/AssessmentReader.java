package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads an assessment document in one pass, straight into the values of an
 * {@link Assessment}, checking it against the {@link FactModel} on the way. Every error
 * that leaves the document readable is collected; a JSON syntax error ends the reading.
 * Thread-safe.
 *
 * <p>
 * The happy path allocates the value array and little else: property names and enum
 * values are matched in place against the model's tables, so that the strings an
 * assessment holds are the model's own instances.
 */
public final class AssessmentReader {

	static final int MAX_ERRORS = 100;

	private static final int CLIP = 60;

	private final FactModel model;

	public AssessmentReader(FactModel model) {
		this.model = Objects.requireNonNull(model, "model");
	}

	/**
	 * Reads a document given as maps and lists (tests written as YAML data): the same
	 * validation and the same messages as for JSON text. The {@code schema} field is
	 * added when absent.
	 */
	public ReadResult read(String source, java.util.Map<String, Object> document) {
		java.util.Map<String, Object> withSchema = new java.util.LinkedHashMap<>();
		withSchema.put("schema", model.schemaId());
		withSchema.putAll(document);
		StringBuilder json = new StringBuilder();
		new JsonWriter(json, false).value((Object) withSchema);
		return read(source, json.toString());
	}

	public ReadResult read(String source, String text) {
		return read(source, 1, text);
	}

	/**
	 * @param firstLine the line of {@code text} in its file, for a document that is one
	 * line of a jsonl file
	 */
	public ReadResult read(String source, int firstLine, String text) {
		return new Run(model, source, firstLine, Objects.requireNonNull(text, "text")).run();
	}

	/** Stops a document that has too many errors to be worth listing. */
	private static final class TooManyErrors extends RuntimeException {

		private static final long serialVersionUID = 1L;

		TooManyErrors() {
			super(null, null, false, false);
		}

	}

	private static final class Run {

		private final FactModel model;

		private final String source;

		private final Json.Cursor c;

		private final Object[] values;

		private List<InputError> errors;

		/** The property being read, to locate syntax errors. */
		private String where = "";

		/** The string the last {@link #readEnum} call could not match. */
		private String lastRejected;

		Run(FactModel model, String source, int firstLine, String text) {
			this.model = model;
			this.source = source;
			this.c = new Json.Cursor(text, firstLine);
			this.values = new Object[model.size()];
		}

		ReadResult run() {
			InputError last = null;
			try {
				int ch = c.skipWs();
				if (ch == '{') {
					readObject(model.root());
				}
				else if (ch == Json.Cursor.EOF) {
					throw c.error("expected an assessment object, found end of input");
				}
				else {
					mismatch("", "expected an assessment object", null);
				}
				if (c.skipWs() != Json.Cursor.EOF) {
					throw c.error("expected end of input after the assessment, found " + c.found());
				}
			}
			catch (JsonException e) {
				last = new InputError(source, e.line(), e.column(), where, e.getMessage());
			}
			catch (TooManyErrors e) {
				last = new InputError(source, c.line, c.column(), where,
						"too many errors: stopping after " + MAX_ERRORS);
			}
			if (errors == null && last == null) {
				return new ReadResult.Ok(new Assessment(model, values));
			}
			List<InputError> all = errors == null ? new ArrayList<>() : errors;
			// Missing properties are found at the end of their object but located at its
			// start.
			all.sort(Comparator.comparingInt(InputError::line).thenComparingInt(InputError::column));
			if (last != null) {
				all.add(last);
			}
			return new ReadResult.Invalid(all);
		}

		private void error(int line, int column, String path, String message) {
			if (errors == null) {
				errors = new ArrayList<>();
			}
			else if (errors.size() == MAX_ERRORS) {
				throw new TooManyErrors();
			}
			errors.add(new InputError(source, line, column, path, message));
		}

		private void readObject(FactModel.Node node) {
			final Json.Cursor c = this.c;
			final int openLine = c.line;
			final int openColumn = c.column();
			final String outer = where;
			where = node.path;
			c.pos++;
			final Object[] members = node.members;
			long seenBits = 0;
			boolean[] seenMore = members.length > 64 ? new boolean[members.length] : null;
			int ch = c.skipWs();
			if (ch == '}') {
				c.pos++;
			}
			else {
				boolean first = true;
				while (true) {
					if (ch != '"') {
						throw c.error((first ? "expected a quoted property name or `}`, found "
								: "expected a quoted property name, found ") + c.found());
					}
					first = false;
					int keyLine = c.line;
					int keyColumn = c.column();
					int keyStart = c.pos + 1;
					int keyEnd = c.scanSimpleString();
					String key = null;
					int member;
					if (keyEnd >= 0) {
						member = node.lookup.find(c.b, keyStart, keyEnd, c.hash);
					}
					else {
						key = c.readString();
						member = node.lookup.find(key);
					}
					if (c.skipWs() != ':') {
						throw c.error("expected `:` after a property name, found " + c.found());
					}
					c.pos++;
					if (member < 0) {
						if (key == null) {
							key = c.s.substring(keyStart, keyEnd);
						}
						error(keyLine, keyColumn, node.path, unknownProperty(model, node, key));
						c.readValue(1);
					}
					else {
						boolean seen;
						if (seenMore == null) {
							long bit = 1L << member;
							seen = (seenBits & bit) != 0;
							seenBits |= bit;
						}
						else {
							seen = seenMore[member];
							seenMore[member] = true;
						}
						if (seen) {
							error(keyLine, keyColumn, node.path, "duplicate property `" + node.names.get(member) + "`");
							c.readValue(1);
						}
						else {
							where = node.paths[member];
							readMember(node, member);
							where = node.path;
						}
					}
					ch = c.skipWs();
					if (ch == ',') {
						c.pos++;
						ch = c.skipWs();
					}
					else if (ch == '}') {
						c.pos++;
						break;
					}
					else {
						throw c.error("expected `,` or `}` after a member, found " + c.found());
					}
				}
			}
			for (int r : node.required) {
				boolean seen = seenMore == null ? (seenBits & (1L << r)) != 0 : seenMore[r];
				if (!seen) {
					error(openLine, openColumn, node.path, missingProperty(node, r));
				}
			}
			where = outer;
		}

		private void readMember(FactModel.Node node, int member) {
			Object m = node.members[member];
			if (m instanceof Fact) {
				readFact((Fact) m);
			}
			else if (m instanceof FactModel.Node) {
				FactModel.Node child = (FactModel.Node) m;
				if (c.skipWs() == '{') {
					readObject(child);
				}
				else {
					mismatch(child.path, "expected an object", null);
				}
			}
			else {
				readConst(node.paths[member], ((FactModel.Const) m).value);
			}
		}

		private void readConst(String path, String expected) {
			final Json.Cursor c = this.c;
			if (c.skipWs() != '"') {
				mismatch(path, "expected `" + expected + "`", null);
				return;
			}
			int line = c.line;
			int column = c.column();
			int start = c.pos + 1;
			int end = c.scanSimpleString();
			String found = end >= 0 ? null : c.readString();
			boolean ok = found == null
					? end - start == expected.length() && c.s.regionMatches(start, expected, 0, expected.length())
					: found.equals(expected);
			if (!ok) {
				error(line, column, path, "expected `" + expected + "`, found "
						+ describe(found != null ? found : c.s.substring(start, end)));
			}
		}

		private void readFact(Fact f) {
			final Json.Cursor c = this.c;
			final int ch = c.skipWs();
			final int i = f.index();
			switch (f.type()) {
				case BOOLEAN:
					if (ch == 't' && c.s.startsWith("true", c.pos)) {
						c.pos += 4;
						values[i] = Boolean.TRUE;
						return;
					}
					if (ch == 'f' && c.s.startsWith("false", c.pos)) {
						c.pos += 5;
						values[i] = Boolean.FALSE;
						return;
					}
					break;
				case NUMBER:
					if (ch == '-' || (ch >= '0' && ch <= '9')) {
						int line = c.line;
						int column = c.column();
						int start = c.pos;
						// Adding zero turns -0.0 into 0.0, which JSON cannot tell apart.
						double d = c.readNumber() + 0.0;
						if (inRange(f, d)) {
							values[i] = d;
						}
						else {
							error(line, column, f.path(), "expected " + expectedNumber(f, d) + ", found `"
									+ clip(c.s.substring(start, c.pos)) + "`");
						}
						return;
					}
					break;
				case STRING:
					if (ch == '"') {
						int line = c.line;
						int column = c.column();
						String s = c.readString();
						String problem = checkLength(f, s);
						if (problem == null) {
							values[i] = s;
						}
						else {
							error(line, column, f.path(), problem);
						}
						return;
					}
					break;
				case ENUM:
					if (ch == '"') {
						int line = c.line;
						int column = c.column();
						int k = readEnum(model.enumNames(i));
						if (k >= 0) {
							values[i] = f.values().get(k);
						}
						else {
							error(line, column, f.path(), notAllowed(f, lastRejected));
						}
						return;
					}
					break;
				default:
					if (ch == '[') {
						readList(f);
						return;
					}
			}
			mismatch(f.path(), expected(f), f);
		}

		/**
		 * At a quote: the position of the string among {@code names}, or -1 (see
		 * {@link #lastRejected}).
		 */
		private int readEnum(FactModel.Names names) {
			int start = c.pos + 1;
			int end = c.scanSimpleString();
			if (end >= 0) {
				int k = names.find(c.b, start, end, c.hash);
				if (k < 0) {
					lastRejected = c.s.substring(start, end);
				}
				return k;
			}
			String s = c.readString();
			int k = names.find(s);
			if (k < 0) {
				lastRejected = s;
			}
			return k;
		}

		private void readList(Fact f) {
			final Json.Cursor c = this.c;
			final int i = f.index();
			c.pos++;
			int ch = c.skipWs();
			if (ch == ']') {
				c.pos++;
				values[i] = List.of();
				return;
			}
			FactModel.Names names = model.enumNames(i);
			List<String> allowed = f.values();
			String[] items = new String[allowed.size()];
			int[] positions = new int[allowed.size()];
			int count = 0;
			int index = 0;
			boolean valid = true;
			while (true) {
				int line = c.line;
				int column = c.column();
				if (ch == '"') {
					int k = readEnum(names);
					if (k < 0) {
						valid = false;
						error(line, column, itemPath(f, index), notAllowed(f, lastRejected));
					}
					else {
						String item = allowed.get(k);
						int previous = -1;
						for (int j = 0; j < count; j++) {
							if (items[j] == item) {
								previous = positions[j];
								break;
							}
						}
						if (previous >= 0) {
							valid = false;
							error(line, column, itemPath(f, index), duplicateItem(f, item, previous));
						}
						else {
							items[count] = item;
							positions[count++] = index;
						}
					}
				}
				else {
					valid = false;
					mismatch(itemPath(f, index), "expected one of " + list(allowed), null);
				}
				index++;
				ch = c.skipWs();
				if (ch == ',') {
					c.pos++;
					ch = c.skipWs();
				}
				else if (ch == ']') {
					c.pos++;
					break;
				}
				else {
					throw c.error("expected `,` or `]` after an array item, found " + c.found());
				}
			}
			if (valid) {
				values[i] = List.of(Arrays.copyOf(items, count));
			}
		}

		/**
		 * Reads a value of the wrong kind, to report what it is; a syntax error in it
		 * ends the reading like anywhere else.
		 */
		private void mismatch(String path, String expected, Fact fact) {
			int line = c.line;
			int column = c.column();
			int start = c.pos;
			Object value = c.readValue(1);
			String found = value instanceof Double ? "the number `" + clip(c.s.substring(start, c.pos)) + "`"
					: describe(value);
			error(line, column, path, expected + ", found " + found + (fact == null ? "" : hint(fact, value)));
		}

	}

	/** The path of an array item: {@code data.legalSecrets[1]}. */
	static String itemPath(Fact f, int index) {
		return f.path() + "[" + index + "]";
	}

	static String duplicateItem(Fact f, String item, int previous) {
		return "duplicate item `" + item + "`, already at `" + itemPath(f, previous) + "`";
	}

	/** What a fact accepts, as the start of "expected X, found Y". */
	static String expected(Fact f) {
		switch (f.type()) {
			case BOOLEAN:
				return "expected a boolean";
			case NUMBER:
				return "expected " + expectedNumber(f, 0);
			case STRING:
				return "expected a string";
			case ENUM:
				return "expected one of " + list(f.values());
			default:
				return "expected an array of distinct values among " + list(f.values());
		}
	}

	static boolean inRange(Fact f, double d) {
		return Double.isFinite(d) && (f.minimum() == null || d >= f.minimum())
				&& (f.maximum() == null || d <= f.maximum());
	}

	static String expectedNumber(Fact f, double found) {
		Double min = f.minimum();
		Double max = f.maximum();
		if (min != null && max != null) {
			return "a number from " + JsonWriter.number(min) + " to " + JsonWriter.number(max);
		}
		if (min != null) {
			return "a number of at least " + JsonWriter.number(min);
		}
		if (max != null) {
			return "a number of at most " + JsonWriter.number(max);
		}
		return Double.isFinite(found) ? "a number" : "a finite number";
	}

	/** Why a string is too long for its fact, or {@code null} when it is not. */
	static String checkLength(Fact f, String s) {
		Integer max = f.maxLength();
		if (max == null || s.length() <= max) {
			return null;
		}
		int length = s.codePointCount(0, s.length());
		return length <= max ? null
				: "expected a string of at most " + max + " characters, found " + length + " characters";
	}

	static String notAllowed(Fact f, String found) {
		String suggestion = Suggestions.closest(found, f.values());
		return "expected one of " + list(f.values()) + ", found " + describe(found)
				+ (suggestion == null ? "" : "; did you mean `" + suggestion + "`?");
	}

	static String unknownProperty(FactModel model, FactModel.Node node, String key) {
		String suggestion = Suggestions.closest(key, node.names);
		if (suggestion == null) {
			// A fact put in the wrong object: point at where it belongs.
			for (Fact f : model.facts()) {
				if (f.name().equals(key) && !f.path().equals(node.path.isEmpty() ? key : node.path + "." + key)) {
					suggestion = f.path();
					break;
				}
			}
		}
		String property = "unknown property `" + clip(key) + "`";
		return suggestion != null ? property + "; did you mean `" + suggestion + "`?"
				: property + "; expected one of " + list(node.names);
	}

	static String missingProperty(FactModel.Node node, int member) {
		String name = node.names.get(member);
		Object m = node.members[member];
		if (m instanceof FactModel.Const) {
			return "missing property `" + name + "`; expected `\"" + name + "\": "
					+ JsonWriter.quote(((FactModel.Const) m).value) + "`";
		}
		return "missing property `" + name + "`";
	}

	/**
	 * A hint for a value of the right kind written as a string: `"true"` for `true`,
	 * `"12"` for `12`.
	 */
	private static String hint(Fact f, Object value) {
		if (value == null) {
			return " (leave the property out when the fact is unknown)";
		}
		if (!(value instanceof String)) {
			return "";
		}
		String s = ((String) value).trim();
		if (f.type() == FactType.BOOLEAN && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
			return "; did you mean `" + s.toLowerCase(Locale.ROOT) + "` without quotes?";
		}
		if (f.type() == FactType.NUMBER && !s.isEmpty() && s.length() < 40) {
			try {
				Object number = Json.parse(s);
				if (number instanceof Double) {
					return "; did you mean `" + s + "` without quotes?";
				}
			}
			catch (JsonException e) {
				return "";
			}
		}
		if (f.type() == FactType.ENUM_LIST && f.values().contains(s)) {
			return "; did you mean `[" + JsonWriter.quote(s) + "]`?";
		}
		return "";
	}

	/**
	 * A value as a person would name it: the string `x`, the number `1`, `true`, an
	 * array.
	 */
	static String describe(Object value) {
		if (value == null) {
			return "`null`";
		}
		if (value instanceof String) {
			return "the string `" + clip((String) value) + "`";
		}
		if (value instanceof Boolean) {
			return "`" + value + "`";
		}
		if (value instanceof Number) {
			return "the number `" + show(((Number) value).doubleValue()) + "`";
		}
		if (value instanceof Map) {
			return "an object";
		}
		if (value instanceof Collection || value instanceof Object[]) {
			return "an array";
		}
		return "a value that is not JSON";
	}

	/** A number as JSON writes it, or as Java does when JSON cannot. */
	static String show(double d) {
		return Double.isFinite(d) ? JsonWriter.number(d) : String.valueOf(d);
	}

	/** `A`, `B`, `C` */
	static String list(List<String> names) {
		StringBuilder b = new StringBuilder();
		for (String name : names) {
			if (b.length() > 0) {
				b.append(", ");
			}
			b.append('`').append(name).append('`');
		}
		return b.toString();
	}

	/**
	 * A user value fit for a one-line diagnostic: control characters escaped, long values
	 * cut.
	 */
	static String clip(String s) {
		int end = s.length();
		boolean cut = false;
		if (end > CLIP) {
			end = CLIP - 1;
			if (Character.isHighSurrogate(s.charAt(end - 1))) {
				end--;
			}
			cut = true;
		}
		StringBuilder b = null;
		for (int i = 0; i < end; i++) {
			char ch = s.charAt(i);
			if (ch < 0x20) {
				if (b == null) {
					b = new StringBuilder(end + 8).append(s, 0, i);
				}
				String quoted = JsonWriter.quote(String.valueOf(ch));
				b.append(quoted, 1, quoted.length() - 1);
			}
			else if (b != null) {
				b.append(ch);
			}
		}
		String out = b != null ? b.toString() : cut ? s.substring(0, end) : s;
		return cut ? out + "…" : out;
	}

}
