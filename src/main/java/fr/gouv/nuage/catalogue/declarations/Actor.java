package fr.gouv.nuage.catalogue.declarations;

/** Who acts on a declaration: a provider (for its organisation) or DINUM. */
public record Actor(String name, Role role, String organisation) {

	public enum Role {

		PROVIDER, DINUM

	}

	public static Actor provider(String name, String organisation) {
		return new Actor(name, Role.PROVIDER, organisation);
	}

	public static Actor dinum(String name) {
		return new Actor(name, Role.DINUM, "DINUM");
	}
}
