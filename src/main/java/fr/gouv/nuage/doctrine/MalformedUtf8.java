package fr.gouv.nuage.doctrine;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where bytes stop being UTF-8: the first malformed sequence, by its 1-based line and
 * column (in characters) and its 0-based byte offset, with its first byte. Text is read
 * strictly wherever it comes from — a file, standard input, a request body — and a byte
 * that is not part of a well-formed sequence is refused where it is, never replaced by
 * U+FFFD, which would change what the text says.
 *
 * @param line the line of the malformed sequence, from 1
 * @param column its column on that line, in characters, from 1
 * @param offset its offset in bytes from the start of the text, from 0
 * @param value its first byte, from 0 to 255
 */
public record MalformedUtf8(int line, int column, int offset, int value) {

	/**
	 * The first malformed sequence of {@code length} bytes from {@code offset}, or
	 * {@code null} when they are well-formed UTF-8.
	 */
	public static MalformedUtf8 find(byte[] bytes, int offset, int length) {
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CharBuffer out = CharBuffer.allocate(Math.max(1, Math.min(length, 8192)));
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				return at(bytes, offset, in.position());
			}
			if (result.isOverflow()) {
				out.clear();
				continue;
			}
			result = decoder.flush(out);
			if (result.isOverflow()) {
				out.clear();
				continue;
			}
			return null;
		}
	}

	/** Counts lines and characters up to {@code at}, over bytes known well-formed. */
	private static MalformedUtf8 at(byte[] bytes, int offset, int at) {
		int line = 1;
		int column = 1;
		for (int i = offset; i < at; i++) {
			if (bytes[i] == '\n') {
				line++;
				column = 1;
			}
			else if ((bytes[i] & 0xC0) != 0x80) {
				// A character starts at every byte but a continuation byte.
				column++;
			}
		}
		return new MalformedUtf8(line, column, at - offset, bytes[at] & 0xFF);
	}

	/** {@code byte offset 17 (0xff)}. */
	@Override
	public String toString() {
		return "byte offset " + offset + " (" + String.format(Locale.ROOT, "0x%02x", value) + ")";
	}

}
