package fr.gouv.nuage.catalogue.declarations;

/**
 * Who acts on a declaration: a provider, for its organisation, or DINUM.
 * {@code organisation} is the organisation's id in the directory, never its name.
 */
public record Actor(String name, Role role, String organisation) {

	public enum Role {

		PROVIDER, DINUM

	}

	/** Someone acting for the provider organisation of id {@code organisation}. */
	public static Actor provider(String name, String organisation) {
		return new Actor(name, Role.PROVIDER, organisation);
	}

	public static Actor dinum(String name) {
		return new Actor(name, Role.DINUM, "dinum");
	}
}
