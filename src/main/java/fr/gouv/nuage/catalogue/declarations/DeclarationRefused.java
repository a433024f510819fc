package fr.gouv.nuage.catalogue.declarations;

import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;

/**
 * A transition the declaration's state does not allow (answered 409); nothing was
 * changed. Who may act is refused apart, with {@link fr.gouv.nuage.directory.NotAllowed}
 * (403).
 */
public class DeclarationRefused extends Refusal {

	private static final long serialVersionUID = 1L;

	DeclarationRefused(Said said) {
		super(Kind.CONFLICT, null, said);
	}

}
