package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict RFC 8259 parser into a generic tree: {@link LinkedHashMap} for objects (member
 * order kept), {@link ArrayList} for arrays, {@link String}, {@link Double} for every
 * number, {@link Boolean} and {@code null}. Duplicate keys and trailing content are
 * rejected, because a document that two readers could understand differently must not be
 * evaluated.
 */
final class Json {

	private Json() {
	}

	/** Parses one JSON document; throws {@link JsonException} on malformed input. */
	public static Object parse(String text) {
		Cursor c = new Cursor(text, 1);
		Object value = c.readValue(0);
		if (c.skipWs() != Cursor.EOF) {
			throw c.error("expected end of input after the JSON value, found " + c.found());
		}
		return value;
	}

	/**
	 * The lexer shared with {@link AssessmentReader}, which walks the same text without
	 * building a tree. It tracks the line and the start of the line so that a position
	 * costs nothing until an error needs it.
	 */
	static class Cursor {

		static final int EOF = -1;
		static final int MAX_DEPTH = 512;

		private static final double[] POW10 = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
				1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

		final String s;

		/**
		 * The text as characters: array reads are cheaper than {@link String#charAt} in
		 * the hot loops.
		 */
		final char[] b;

		final int n;

		int pos;

		int line;

		int lineStart;

		/** Set by {@link #scanSimpleString()}. */
		int hash;

		Cursor(String text, int firstLine) {
			this.s = text;
			this.b = text.toCharArray();
			this.n = b.length;
			this.line = firstLine;
			// A byte order mark is an artefact of some editors, not content.
			if (n > 0 && text.charAt(0) == '\uFEFF') {
				pos = 1;
				lineStart = 1;
			}
		}

		final int column() {
			return pos - lineStart + 1;
		}

		/**
		 * Skips whitespace and returns the next character without consuming it, or
		 * {@link #EOF}.
		 */
		final int skipWs() {
			final char[] b = this.b;
			int p = pos;
			while (p < b.length) {
				char c = b[p];
				if (c == ' ' || c == '\t' || c == '\r') {
					p++;
				}
				else if (c == '\n') {
					p++;
					line++;
					lineStart = p;
				}
				else {
					pos = p;
					return c;
				}
			}
			pos = p;
			return EOF;
		}

		final JsonException error(String message) {
			return new JsonException(message, line, column());
		}

		/** What is at the cursor, for "expected X, found Y". */
		final String found() {
			return describeAt(pos);
		}

		final String describeAt(int p) {
			if (p >= n) {
				return "end of input";
			}
			char c = s.charAt(p);
			if (c == '\n' || c == '\r') {
				return "a line break";
			}
			if (c < 0x20) {
				return "a control character U+" + hex4(c);
			}
			if (c == '"') {
				return "a string";
			}
			if (c == '`') {
				return "a backtick";
			}
			if (isWordChar(c)) {
				// Show the whole word: `yes` or `True` says more than `y` or `T`.
				int e = p;
				while (e < n && e - p < 30 && isWordChar(s.charAt(e))) {
					e++;
				}
				return "`" + s.substring(p, e) + "`";
			}
			return "`" + new String(Character.toChars(s.codePointAt(p))) + "`";
		}

		private static boolean isWordChar(char c) {
			return c == '_' || c == '-' || c == '+' || c == '.' || Character.isLetterOrDigit(c);
		}

		static String hex4(int c) {
			String h = Integer.toHexString(c).toUpperCase(Locale.ROOT);
			return "0000".substring(h.length()) + h;
		}

		/**
		 * At an opening quote: when the string has no escape, moves past it and returns
		 * the index of its closing quote, with the {@link String#hashCode()} of its
		 * content in {@link #hash}, so that the caller can look the raw text up without
		 * allocating; otherwise returns -1 and leaves the cursor where it was.
		 */
		final int scanSimpleString() {
			final char[] b = this.b;
			int p = pos + 1;
			int h = 0;
			while (p < b.length) {
				char c = b[p];
				if (c == '"') {
					pos = p + 1;
					hash = h;
					return p;
				}
				if (c == '\\' || c < 0x20) {
					return -1;
				}
				h = 31 * h + c;
				p++;
			}
			return -1;
		}

		/** At an opening quote: reads and decodes a string. */
		final String readString() {
			final char[] b = this.b;
			int start = pos + 1;
			int p = start;
			while (p < b.length) {
				char c = b[p];
				if (c == '"') {
					pos = p + 1;
					return new String(b, start, p - start);
				}
				if (c == '\\' || c < 0x20) {
					break;
				}
				p++;
			}
			return readStringSlow(start, p);
		}

		private String readStringSlow(int start, int p) {
			StringBuilder b = new StringBuilder(p - start + 16).append(s, start, p);
			while (true) {
				if (p >= n) {
					pos = p;
					throw error("unterminated string: expected `\"`, found end of input");
				}
				char c = s.charAt(p);
				if (c == '"') {
					pos = p + 1;
					return b.toString();
				}
				if (c == '\\') {
					if (p + 1 >= n) {
						pos = p + 1;
						throw error("unterminated string: expected `\"`, found end of input");
					}
					char e = s.charAt(p + 1);
					switch (e) {
						case '"':
							b.append('"');
							break;
						case '\\':
							b.append('\\');
							break;
						case '/':
							b.append('/');
							break;
						case 'b':
							b.append('\b');
							break;
						case 'f':
							b.append('\f');
							break;
						case 'n':
							b.append('\n');
							break;
						case 'r':
							b.append('\r');
							break;
						case 't':
							b.append('\t');
							break;
						case 'u':
							b.append(readHex4(p + 2));
							p += 4;
							break;
						default:
							pos = p;
							throw error("invalid escape " + describeEscape(e) + " in a string: expected one of "
									+ "`\\\"` `\\\\` `\\/` `\\b` `\\f` `\\n` `\\r` `\\t` `\\uXXXX`");
					}
					p += 2;
				}
				else if (c < 0x20) {
					pos = p;
					if (c == '\n' || c == '\r') {
						throw error("unterminated string: expected `\"` before the end of the line");
					}
					throw error("unescaped control character U+" + hex4(c) + " in a string: write it as `\\u" + hex4(c)
							+ "`");
				}
				else {
					b.append(c);
					p++;
				}
			}
		}

		private static String describeEscape(char e) {
			return e < 0x20 ? "`\\` followed by a control character" : "`\\" + e + "`";
		}

		private char readHex4(int at) {
			int v = 0;
			for (int i = 0; i < 4; i++) {
				int d = at + i < n ? hexDigit(s.charAt(at + i)) : -1;
				if (d < 0) {
					pos = at - 2;
					int end = at;
					while (end < n && end < at + 4 && s.charAt(end) >= 0x20 && s.charAt(end) != '"') {
						end++;
					}
					throw error("expected 4 hex digits after `\\u`, found `" + s.substring(at, end) + "`");
				}
				v = v << 4 | d;
			}
			return (char) v;
		}

		/**
		 * The value of an ASCII hex digit, or -1: JSON allows 0-9, a-f and A-F only, not
		 * the other digits and letters {@link Character#digit} takes.
		 */
		private static int hexDigit(char c) {
			if (c >= '0' && c <= '9') {
				return c - '0';
			}
			if (c >= 'a' && c <= 'f') {
				return c - 'a' + 10;
			}
			return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		}

		/**
		 * At {@code -} or a digit: reads a number. Numbers with at most 17 significant
		 * digits and a small exponent are exact products of two exact doubles (Clinger's
		 * fast path), so the common case needs neither a substring nor
		 * {@link Double#parseDouble}.
		 */
		final double readNumber() {
			final char[] b = this.b;
			final int start = pos;
			int p = pos;
			boolean negative = false;
			if (p < n && b[p] == '-') {
				negative = true;
				p++;
			}
			if (p >= n || !isDigit(b[p])) {
				pos = p;
				throw error("expected a digit after `-`, found " + found());
			}
			long mantissa = 0;
			int exp10 = 0;
			boolean truncated = false;
			if (b[p] == '0') {
				p++;
				if (p < n && isDigit(b[p])) {
					pos = start;
					throw error("invalid number " + found() + ": leading zeros are not allowed");
				}
			}
			else {
				while (p < n && isDigit(b[p])) {
					if (mantissa < 100_000_000_000_000_000L) {
						mantissa = mantissa * 10 + (b[p] - '0');
					}
					else {
						truncated = true;
						exp10++;
					}
					p++;
				}
			}
			if (p < n && b[p] == '.') {
				p++;
				if (p >= n || !isDigit(b[p])) {
					pos = p;
					throw error("expected a digit after `.`, found " + found());
				}
				while (p < n && isDigit(b[p])) {
					if (mantissa < 100_000_000_000_000_000L) {
						mantissa = mantissa * 10 + (b[p] - '0');
						exp10--;
					}
					else {
						truncated = true;
					}
					p++;
				}
			}
			if (p < n && (b[p] == 'e' || b[p] == 'E')) {
				p++;
				boolean negativeExp = false;
				if (p < n && (b[p] == '+' || b[p] == '-')) {
					negativeExp = b[p] == '-';
					p++;
				}
				if (p >= n || !isDigit(b[p])) {
					pos = p;
					throw error("expected a digit in the exponent, found " + found());
				}
				int exp = 0;
				while (p < n && isDigit(b[p])) {
					if (exp < 100_000) {
						exp = exp * 10 + (b[p] - '0');
					}
					p++;
				}
				exp10 += negativeExp ? -exp : exp;
			}
			pos = p;
			if (!truncated) {
				if (mantissa == 0) {
					return negative ? -0.0 : 0.0;
				}
				if (mantissa <= (1L << 53)) {
					double d = mantissa;
					if (exp10 == 0) {
						return negative ? -d : d;
					}
					if (exp10 > 0 && exp10 <= 22) {
						d *= POW10[exp10];
						return negative ? -d : d;
					}
					if (exp10 < 0 && exp10 >= -22) {
						d /= POW10[-exp10];
						return negative ? -d : d;
					}
				}
			}
			return Double.parseDouble(s.substring(start, p));
		}

		static boolean isDigit(char c) {
			return c >= '0' && c <= '9';
		}

		/** Reads any value into the generic tree. */
		final Object readValue(int depth) {
			int c = skipWs();
			switch (c) {
				case '{':
					return readObject(depth);
				case '[':
					return readArray(depth);
				case '"':
					return readString();
				case 't':
					if (s.startsWith("true", pos)) {
						pos += 4;
						return Boolean.TRUE;
					}
					break;
				case 'f':
					if (s.startsWith("false", pos)) {
						pos += 5;
						return Boolean.FALSE;
					}
					break;
				case 'n':
					if (s.startsWith("null", pos)) {
						pos += 4;
						return null;
					}
					break;
				default:
					if (c == '-' || (c >= '0' && c <= '9')) {
						return readNumber();
					}
			}
			throw error("expected a value, found " + found());
		}

		private Map<String, Object> readObject(int depth) {
			if (depth >= MAX_DEPTH) {
				throw error("expected at most " + MAX_DEPTH + " levels of nesting, found more");
			}
			pos++;
			Map<String, Object> members = new LinkedHashMap<>();
			int c = skipWs();
			if (c == '}') {
				pos++;
				return members;
			}
			while (true) {
				if (c != '"') {
					throw error((members.isEmpty() ? "expected a quoted property name or `}`, found "
							: "expected a quoted property name, found ") + found());
				}
				int keyLine = line;
				int keyColumn = column();
				String key = readString();
				if (members.containsKey(key)) {
					throw new JsonException("duplicate key `" + key + "`", keyLine, keyColumn);
				}
				if (skipWs() != ':') {
					throw error("expected `:` after a property name, found " + found());
				}
				pos++;
				members.put(key, readValue(depth + 1));
				c = skipWs();
				if (c == ',') {
					pos++;
					c = skipWs();
				}
				else if (c == '}') {
					pos++;
					return members;
				}
				else {
					throw error("expected `,` or `}` after a member, found " + found());
				}
			}
		}

		private List<Object> readArray(int depth) {
			if (depth >= MAX_DEPTH) {
				throw error("expected at most " + MAX_DEPTH + " levels of nesting, found more");
			}
			pos++;
			List<Object> items = new ArrayList<>();
			if (skipWs() == ']') {
				pos++;
				return items;
			}
			while (true) {
				int c = skipWs();
				if (items.isEmpty() && c != '{' && c != '[' && c != '"' && c != '-' && c != 't' && c != 'f' && c != 'n'
						&& !(c >= '0' && c <= '9')) {
					throw error("expected a value or `]`, found " + found());
				}
				items.add(readValue(depth + 1));
				c = skipWs();
				if (c == ',') {
					pos++;
				}
				else if (c == ']') {
					pos++;
					return items;
				}
				else {
					throw error("expected `,` or `]` after an array item, found " + found());
				}
			}
		}

	}

}
