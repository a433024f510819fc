package fr.gouv.nuage.doctrine;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for misspelt names: the closest candidate within a small edit distance. */
final class Suggestions {

	private Suggestions() {
	}

	/** The closest candidate, or {@code null} when none is close enough to be a typo. */
	static String closest(String word, Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		String lower = word.toLowerCase(Locale.ROOT);
		for (String candidate : candidates) {
			int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		int allowed = Math.max(2, word.length() / 3);
		return bestDistance <= allowed ? best : null;
	}

	/** {@code ", did you mean `x`?"} or nothing. */
	static String didYouMean(String word, Collection<String> candidates) {
		String best = closest(word, candidates);
		return best == null ? "" : ", did you mean `" + best + "`?";
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
