package fr.gouv.nuage.doctrine;

import java.util.List;
import java.util.Objects;

/**
 * One leaf of the assessment schema, named by its dotted path ({@code data.personal}).
 *
 * @param index position in {@link FactModel#facts()}, which is schema order
 * @param values the allowed values of an {@link FactType#ENUM} or
 * {@link FactType#ENUM_LIST}, in schema order; empty otherwise. An assessment holds these
 * very instances, so that rules may compare them by identity.
 * @param description the schema's description, or {@code null}
 * @param minimum inclusive bound of a {@link FactType#NUMBER}, or {@code null}
 * @param maximum inclusive bound of a {@link FactType#NUMBER}, or {@code null}
 * @param maxLength bound of a {@link FactType#STRING} in characters (code points), or
 * {@code null}
 */
public record Fact(int index, String path, FactType type, List<String> values, String description, Double minimum,
		Double maximum, Integer maxLength) {

	public Fact {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(type, "type");
		values = values == null ? List.of() : List.copyOf(values);
	}

	/** The last segment of the path: {@code personal} for {@code data.personal}. */
	public String name() {
		return path.substring(path.lastIndexOf('.') + 1);
	}
}
