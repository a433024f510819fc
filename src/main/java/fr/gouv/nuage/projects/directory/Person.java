package fr.gouv.nuage.projects.directory;

import java.util.List;

/** A person known by their professional e-mail, the organisation they belong to and their roles. */
public record Person(String email, String givenName, String usualName, String organisation, List<Grant> grants) {

	public Person {
		grants = List.copyOf(grants);
	}

	public String displayName() {
		String name = ((givenName == null ? "" : givenName) + " " + (usualName == null ? "" : usualName)).strip();
		return name.isEmpty() ? email : name;
	}

	public boolean has(Role role) {
		return grants.stream().anyMatch(g -> g.role() == role);
	}
}
