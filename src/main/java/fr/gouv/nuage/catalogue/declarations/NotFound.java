package fr.gouv.nuage.catalogue.declarations;

import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;

/**
 * What a step names does not exist: a declaration, an offer, or a qualification of the
 * offer. Answered 404.
 */
public class NotFound extends Refusal {

	private static final long serialVersionUID = 1L;

	NotFound(Said said) {
		super(Kind.NOT_FOUND, null, said);
	}

}
