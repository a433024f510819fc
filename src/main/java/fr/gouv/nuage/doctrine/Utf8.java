package fr.gouv.nuage.doctrine;

import java.util.Arrays;

/** A growable byte buffer that encodes text to UTF-8 as it is appended. */
final class Utf8 {

	private byte[] bytes;

	private int size;

	Utf8(int capacity) {
		this.bytes = new byte[capacity];
	}

	Utf8 append(byte[] more) {
		ensure(more.length);
		System.arraycopy(more, 0, bytes, size, more.length);
		size += more.length;
		return this;
	}

	Utf8 append(char c) {
		ensure(1);
		bytes[size++] = (byte) c;
		return this;
	}

	Utf8 reset() {
		size = 0;
		return this;
	}

	/**
	 * Text from a builder: the JDK's encoder is vectorised for the ASCII that JSON mostly
	 * is.
	 */
	Utf8 append(StringBuilder text) {
		return append(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	Utf8 append(CharSequence text) {
		int length = text.length();
		ensure(length * 3);
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes[size++] = (byte) c;
			}
			else if (c < 0x800) {
				bytes[size++] = (byte) (0xC0 | (c >> 6));
				bytes[size++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				int code = Character.toCodePoint(c, text.charAt(++i));
				ensure(1);
				bytes[size++] = (byte) (0xF0 | (code >> 18));
				bytes[size++] = (byte) (0x80 | ((code >> 12) & 0x3F));
				bytes[size++] = (byte) (0x80 | ((code >> 6) & 0x3F));
				bytes[size++] = (byte) (0x80 | (code & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				// A lone surrogate is not text: written as the replacement character, as
				// String does.
				bytes[size++] = (byte) 0xEF;
				bytes[size++] = (byte) 0xBF;
				bytes[size++] = (byte) 0xBD;
			}
			else {
				bytes[size++] = (byte) (0xE0 | (c >> 12));
				bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[size++] = (byte) (0x80 | (c & 0x3F));
			}
		}
		return this;
	}

	byte[] toArray() {
		return Arrays.copyOf(bytes, size);
	}

	private void ensure(int more) {
		if (size + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
		}
	}

}
