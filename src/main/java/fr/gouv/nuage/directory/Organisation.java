package fr.gouv.nuage.directory;

/**
 * An organisation of the directory: {@code ministry} is the ministry at the top of its
 * tree, or {@code null} for those outside any ministry (local authorities, providers).
 */
public record Organisation(String id, String name, OrganisationKind kind, String parent, String siret,
		String ministry) {
}
