package fr.gouv.nuage.catalogue.declarations;

/**
 * What a step names does not exist: a declaration, an offer, or a qualification of the
 * offer. Answered 404.
 */
public class NotFound extends RuntimeException {

	private static final long serialVersionUID = 1L;

	NotFound(String message) {
		super(message);
	}

}
