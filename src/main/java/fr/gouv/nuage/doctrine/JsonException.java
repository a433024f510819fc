package fr.gouv.nuage.doctrine;

/**
 * Malformed JSON: the message says what was expected and what was found, at a 1-based
 * line and column. The message carries no position so that callers can prefix the file
 * name themselves.
 */
public class JsonException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int line;

	private final int column;

	public JsonException(String message, int line, int column) {
		// A syntax error is an input error, not a bug: a stack trace would only cost time
		// when a
		// batch of documents is read.
		super(message, null, false, false);
		this.line = line;
		this.column = column;
	}

	public int line() {
		return line;
	}

	public int column() {
		return column;
	}

}
