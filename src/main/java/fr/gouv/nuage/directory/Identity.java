package fr.gouv.nuage.directory;

/** Who ProConnect says signed in: the claims of the scopes Nuage asks for. */
public record Identity(String email, String givenName, String usualName, String siret, String uid, String idpId) {
}
