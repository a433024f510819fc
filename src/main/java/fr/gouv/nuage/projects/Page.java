package fr.gouv.nuage.projects;

import java.util.List;

/** One page of a list and the size of the whole list. */
public record Page<T>(List<T> items, long total) {

	public static <T> Page<T> empty() {
		return new Page<>(List.of(), 0);
	}
}
