package fr.gouv.nuage.doctrine;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" for misspelt names: the closest candidate within a small edit distance.
 */
public final class Suggestions {

	private Suggestions() {
	}

	/**
	 * The candidate closest to {@code word} (ignoring case, counting a swap of two
	 * neighbours as one edit), or {@code null} when none is close enough to be what was
	 * meant.
	 */
	public static String closest(String word, Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String lower = word.toLowerCase(Locale.ROOT);
		for (String candidate : candidates) {
			int limit = Math.max(1, Math.min(word.length(), candidate.length()) / 3);
			if (Math.abs(word.length() - candidate.length()) > limit) {
				continue;
			}
			int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (d <= limit && d < bestDistance) {
				best = candidate;
				bestDistance = d;
			}
		}
		return best;
	}

	/** {@code ", did you mean `x`?"} or nothing. */
	public static String didYouMean(String word, Collection<String> candidates) {
		String best = closest(word, candidates);
		return best == null ? "" : ", did you mean `" + best + "`?";
	}

	/** Optimal string alignment distance. */
	static int distance(String a, String b) {
		int n = a.length();
		int m = b.length();
		int[] previous2 = new int[m + 1];
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d = Math.min(d, previous2[j - 2] + 1);
				}
				current[j] = d;
			}
			int[] t = previous2;
			previous2 = previous;
			previous = current;
			current = t;
		}
		return previous[m];
	}

}
