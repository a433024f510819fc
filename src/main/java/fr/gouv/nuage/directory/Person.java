package fr.gouv.nuage.directory;

import java.util.List;
import java.util.Locale;

/**
 * A person known by their professional e-mail, the organisation they belong to and their
 * roles.
 */
public record Person(String email, String givenName, String usualName, String organisation, List<Grant> grants) {

	public Person {
		grants = List.copyOf(grants);
	}

	/**
	 * An e-mail as the directory keys people by: stripped and in lowercase; {@code null}
	 * stays {@code null}.
	 */
	public static String normalise(String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	/** The given and usual names, or {@code null} when the person gave neither. */
	public String fullName() {
		return fullName(givenName, usualName);
	}

	public String displayName() {
		String name = fullName();
		return name == null ? email : name;
	}

	/**
	 * Whether the person holds the role. A role whose powers reach every project counts
	 * only on its own organisation ({@link Role#onlyOn()}): a DINUM grant stored on
	 * another one — before the directory refused such grants, or written around it —
	 * gives nothing.
	 */
	public boolean has(Role role) {
		return grants.stream()
			.anyMatch(g -> g.role() == role && (role.onlyOn() == null || role.onlyOn().equals(g.organisation())));
	}

	static String fullName(String givenName, String usualName) {
		String name = ((givenName == null ? "" : givenName) + " " + (usualName == null ? "" : usualName)).strip();
		return name.isEmpty() ? null : name;
	}
}
