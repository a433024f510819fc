package fr.gouv.nuage.directory;

/**
 * An organisation of the directory: {@code ministry} is the ministry at the top of its
 * tree, or {@code null} for those outside any ministry (local authorities, providers).
 * Its {@code id} is what names it everywhere else (the catalogue's offers, the
 * declarations, the roles): a name is for people to read, and two organisations may write
 * theirs alike.
 */
public record Organisation(String id, String name, OrganisationKind kind, String parent, String siret,
		String ministry) {

	/** What an organisation's id is, wherever it is written. */
	public static final String ID_FORMAT = "^[a-z0-9][a-z0-9-]{1,59}$";

	public static final String ID_RULE = "2 to 60 lowercase letters, digits or hyphens";

}
