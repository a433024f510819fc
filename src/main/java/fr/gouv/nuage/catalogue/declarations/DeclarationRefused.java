package fr.gouv.nuage.catalogue.declarations;

/**
 * A transition the declaration's state does not allow (answered 409); nothing was
 * changed. Who may act is refused apart, with {@link fr.gouv.nuage.directory.NotAllowed}
 * (403).
 */
public class DeclarationRefused extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	DeclarationRefused(String message) {
		super(message);
	}

}
