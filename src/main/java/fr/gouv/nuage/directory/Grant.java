package fr.gouv.nuage.directory;

/**
 * A role on an organisation; {@code grantedBy} is who gave it, {@code proconnect} when
 * the SIRET did.
 */
public record Grant(Role role, String organisation, String grantedBy) {
}
