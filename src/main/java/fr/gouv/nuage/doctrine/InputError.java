package fr.gouv.nuage.doctrine;

import java.util.Objects;

/**
 * A mistake in an input document, located for a person to fix it.
 *
 * @param source the file name, {@code -} for standard input, or a label such as
 * {@code request body}
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column (in UTF-16 units), or 0 when unknown
 * @param path where in the document, in the style {@code data.legalSecrets[1]}; empty at
 * the top level
 * @param message one lowercase line saying what was expected and what was found
 */
public record InputError(String source, int line, int column, String path, String message) {

	public InputError {
		source = source == null ? "" : source;
		path = path == null ? "" : path;
		Objects.requireNonNull(message, "message");
	}

	/** {@code source:line:column: at `path`: message}, leaving out what is unknown. */
	public String format() {
		StringBuilder b = new StringBuilder(source.length() + path.length() + message.length() + 24);
		b.append(source);
		if (line > 0) {
			b.append(':').append(line);
			if (column > 0) {
				b.append(':').append(column);
			}
		}
		if (b.length() > 0) {
			b.append(": ");
		}
		if (!path.isEmpty()) {
			b.append("at `").append(path).append("`: ");
		}
		return b.append(message).toString();
	}
}
