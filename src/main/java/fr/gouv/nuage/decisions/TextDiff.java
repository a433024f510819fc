package fr.gouv.nuage.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words removed and added from one text to the next, so that a reader sees which
 * words of a rule changed rather than two long paragraphs to compare. A longest common
 * subsequence of words; the spaces between two changed words join the change, so that a
 * rewritten phrase reads as one removal and one addition.
 */
final class TextDiff {

	private static final Pattern TOKEN = Pattern.compile("\\s+|\\S+");

	enum Kind {

		SAME, REMOVED, ADDED

	}

	record Piece(Kind kind, String text) {

		boolean removed() {
			return kind == Kind.REMOVED;
		}

		boolean added() {
			return kind == Kind.ADDED;
		}

	}

	private TextDiff() {
	}

	/** The pieces of both texts in reading order; a {@code null} text is empty. */
	static List<Piece> of(String before, String after) {
		List<String> a = tokens(before);
		List<String> b = tokens(after);
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<Piece> tokens = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				tokens.add(new Piece(Kind.SAME, a.get(i++)));
				j++;
			}
			else if (j >= b.size() || (i < a.size() && common[i + 1][j] >= common[i][j + 1])) {
				tokens.add(new Piece(Kind.REMOVED, a.get(i++)));
			}
			else {
				tokens.add(new Piece(Kind.ADDED, b.get(j++)));
			}
		}
		return merge(tokens);
	}

	private static List<Piece> merge(List<Piece> tokens) {
		List<Piece> pieces = new ArrayList<>();
		StringBuilder removed = new StringBuilder();
		StringBuilder added = new StringBuilder();
		for (int k = 0; k < tokens.size(); k++) {
			Piece token = tokens.get(k);
			boolean inChange = removed.length() > 0 || added.length() > 0;
			if (token.kind() == Kind.REMOVED) {
				removed.append(token.text());
			}
			else if (token.kind() == Kind.ADDED) {
				added.append(token.text());
			}
			else if (inChange && token.text().isBlank() && k + 1 < tokens.size()
					&& tokens.get(k + 1).kind() != Kind.SAME) {
				removed.append(token.text());
				added.append(token.text());
			}
			else {
				flush(pieces, removed, added);
				int last = pieces.size() - 1;
				if (last >= 0 && pieces.get(last).kind() == Kind.SAME) {
					pieces.set(last, new Piece(Kind.SAME, pieces.get(last).text() + token.text()));
				}
				else {
					pieces.add(token);
				}
			}
		}
		flush(pieces, removed, added);
		return List.copyOf(pieces);
	}

	private static void flush(List<Piece> pieces, StringBuilder removed, StringBuilder added) {
		if (removed.length() > 0) {
			pieces.add(new Piece(Kind.REMOVED, removed.toString()));
		}
		if (added.length() > 0) {
			pieces.add(new Piece(Kind.ADDED, added.toString()));
		}
		removed.setLength(0);
		added.setLength(0);
	}

	private static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		if (text != null) {
			Matcher matcher = TOKEN.matcher(text);
			while (matcher.find()) {
				tokens.add(matcher.group());
			}
		}
		return tokens;
	}

}
