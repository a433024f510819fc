package fr.gouv.nuage.projects;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A change made on the version its caller read is refused when what it changes has moved
 * since.
 */
public final class ReadVersions {

	private ReadVersions() {
	}

	/**
	 * Refuses the change unless {@code read} is {@code null} (no version named) or
	 * {@code current}.
	 */
	public static void check(String what, int current, Integer read) {
		if (read != null && current != read) {
			throw new OptimisticLockingFailureException(
					"the " + what + " is at version " + current + ", not " + read + ": read it again");
		}
	}

}
