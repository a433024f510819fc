package fr.gouv.nuage.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.MalformedUtf8;

/**
 * A request body's bytes as text, refused where they are not text in their charset (UTF-8
 * unless the request names another, located by {@link MalformedUtf8} as the CLI does):
 * never a U+FFFD put in place of what was sent.
 */
final class Utf8 {

	private Utf8() {
	}

	/** The text of {@code bytes}, or {@link Body.Invalid} naming the first bad byte. */
	static String decode(byte[] bytes, Charset charset) {
		if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
			// The JDK's decoding is the fast path; only a body where a replacement shows
			// is decoded again, strictly, to tell a sent U+FFFD from a bad byte.
			String text = new String(bytes, StandardCharsets.UTF_8);
			MalformedUtf8 where = text.indexOf('\uFFFD') < 0 ? null : MalformedUtf8.find(bytes, 0, bytes.length);
			if (where != null) {
				throw refused(where.offset(), where.line(), where.column(), StandardCharsets.UTF_8);
			}
			return text;
		}
		return strict(bytes, charset);
	}

	private static String strict(byte[] bytes, Charset charset) {
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
				(long) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1));
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw refused(in.position(), out.flip(), charset);
		}
		return out.flip().toString();
	}

	/** Where the text decoded before a bad byte of another charset ends. */
	private static Body.Invalid refused(int offset, CharSequence before, Charset charset) {
		int line = 1;
		int column = 1;
		for (int i = 0; i < before.length(); i++) {
			if (before.charAt(i) == '\n') {
				line++;
				column = 1;
			}
			else if (!Character.isLowSurrogate(before.charAt(i))) {
				column++;
			}
		}
		return refused(offset, line, column, charset);
	}

	private static Body.Invalid refused(int offset, int line, int column, Charset charset) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("field", "body");
		error.put("offset", offset);
		error.put("line", line);
		error.put("column", column);
		error.put("message", "the body is not valid " + charset.name() + " at byte " + offset + " (line " + line
				+ ", column " + column + ")");
		return new Body.Invalid(List.of(error));
	}

}
