package fr.gouv.nuage.directory;

import java.util.Set;

/**
 * What a signed-in person reaches, from their roles: an agent their entities' projects; a
 * ministry controller every project of their ministry's tree; DINUM everything; the Prime
 * Minister's office the derogations; a provider its organisations' declarations.
 *
 * @param person who it is
 * @param editable the organisations whose projects the person registers, edits and
 * assesses (agent)
 * @param controlled the organisations whose projects the person controls (ministry
 * controller)
 * @param providers the ids of the provider organisations the person declares offers for:
 * ids, never names, which two organisations may write alike
 */
public record Perimeter(Person person, Set<String> editable, Set<String> controlled,
		Set<String> providers) implements fr.gouv.nuage.http.Caller {

	public Perimeter {
		editable = Set.copyOf(editable);
		controlled = Set.copyOf(controlled);
		providers = Set.copyOf(providers);
	}

	public boolean dinum() {
		return person.has(Role.DINUM);
	}

	public boolean primeMinisterOffice() {
		return person.has(Role.PRIME_MINISTER_OFFICE);
	}

	/**
	 * Whether the person sees the projects of an organisation ({@code null}: a project
	 * without one).
	 */
	public boolean sees(String organisation) {
		return dinum()
				|| organisation != null && (editable.contains(organisation) || controlled.contains(organisation));
	}

	/**
	 * Whether the person registers, edits, assesses and archives the projects of an
	 * organisation.
	 */
	public boolean edits(String organisation) {
		return organisation != null && editable.contains(organisation);
	}

	/** Whether the person controls the projects of an organisation at ministry level. */
	public boolean controls(String organisation) {
		return organisation != null && controlled.contains(organisation);
	}

	/**
	 * The organisations whose projects the person sees; empty with {@link #dinum()}, who
	 * sees all.
	 */
	public Set<String> visible() {
		java.util.Set<String> all = new java.util.TreeSet<>(editable);
		all.addAll(controlled);
		return all;
	}
}
