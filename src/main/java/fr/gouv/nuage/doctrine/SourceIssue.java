package fr.gouv.nuage.doctrine;

/**
 * A problem found while loading a data file (a rule pack, the catalogue), pointing at its
 * source the way a compiler does: {@code file:line:column: error: message}, then the line
 * and a caret.
 */
public record SourceIssue(Severity severity, String file, int line, int column, String message, String sourceLine) {

	/** The most characters of the source line shown under the headline. */
	private static final int SNIPPET = 160;

	public enum Severity {

		ERROR, WARNING

	}

	static SourceIssue error(String file, Pos pos, String message, String sourceLine) {
		return new SourceIssue(Severity.ERROR, file, pos.line(), pos.column(), message, sourceLine);
	}

	/**
	 * An error at a 1-based line and column of {@code file}, whose text at that line is
	 * {@code sourceLine}.
	 */
	public static SourceIssue error(String file, int line, int column, String message, String sourceLine) {
		return new SourceIssue(Severity.ERROR, file, line, column, message, sourceLine);
	}

	public boolean isError() {
		return severity == Severity.ERROR;
	}

	/** One line, as golden files pin it. */
	public String headline() {
		return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": "
				+ message;
	}

	/** The headline, the source line and a caret under the column. */
	public String format() {
		if (sourceLine == null || sourceLine.isEmpty()) {
			return headline();
		}
		// A line of a megabyte is shown as the part around the column, not written whole.
		int from = sourceLine.length() <= SNIPPET ? 0
				: Math.max(0, Math.min(column - 1 - SNIPPET / 2, sourceLine.length() - SNIPPET));
		int to = Math.min(sourceLine.length(), from + SNIPPET);
		String before = from > 0 ? "…" : "";
		StringBuilder out = new StringBuilder(headline()).append('\n')
			.append(" | ")
			.append(before)
			.append(sourceLine, from, to)
			.append(to < sourceLine.length() ? "…" : "")
			.append('\n')
			.append(" | ")
			.append(before.isEmpty() ? "" : " ");
		for (int i = from + 1; i < column && i <= to; i++) {
			out.append(sourceLine.charAt(i - 1) == '\t' ? '\t' : ' ');
		}
		return out.append('^').toString();
	}
}
