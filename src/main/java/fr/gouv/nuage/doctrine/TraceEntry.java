package fr.gouv.nuage.doctrine;

import java.util.List;

/**
 * One condition as it was evaluated: where it is in the pack, its expression, its result
 * ({@code true}, {@code false}, a value, {@code unknown} or {@code error: ...}) and the
 * absent facts an unknown result depends on.
 */
public record TraceEntry(String step, String expression, String result, List<String> missingFacts) {
}
