package fr.gouv.nuage.directory;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the directory starts: the e-mails of the DINUM agents who administer it, granted
 * the DINUM role when they sign in, so that a new installation has someone to grant the
 * other roles; and the ProConnect identity provider ({@code idp_id}) that must assert
 * them, since any provider of the federation can assert any e-mail (ADR 9).
 * Administrators named without it are refused at start: no one would be an administrator,
 * or anyone could be.
 */
@ConfigurationProperties("nuage.directory")
public record DirectorySettings(List<String> administrators, String administratorsIdp) {

	public DirectorySettings {
		administrators = administrators == null ? List.of() : administrators.stream().map(Person::normalise).toList();
		administratorsIdp = administratorsIdp == null || administratorsIdp.isBlank() ? null : administratorsIdp.strip();
		if (!administrators.isEmpty() && administratorsIdp == null) {
			throw new IllegalArgumentException("nuage.directory.administrators-idp: name the ProConnect identity "
					+ "provider (its `idp_id`) that signs in the administrators of nuage.directory.administrators "
					+ administrators + ": any identity provider of the federation can assert their e-mails");
		}
	}

	/**
	 * Whether the e-mail, asserted by the identity provider, is one of the first
	 * administrators.
	 */
	boolean administrator(String email, String idpId) {
		return administrators.contains(email) && administratorsIdp != null && idpId != null
				&& administratorsIdp.equals(idpId.strip());
	}

	/** Whether the e-mail is one of the first administrators, whoever asserts it. */
	boolean namesAdministrator(String email) {
		return administrators.contains(email);
	}

}
