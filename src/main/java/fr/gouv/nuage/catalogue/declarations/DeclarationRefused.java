package fr.gouv.nuage.catalogue.declarations;

/** A transition the declaration's state or the actor's role does not allow; nothing was changed. */
public class DeclarationRefused extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final boolean forbidden;

	DeclarationRefused(String message, boolean forbidden) {
		super(message);
		this.forbidden = forbidden;
	}

	/** True when the actor may not do this at all, false when the declaration's state forbids it. */
	public boolean forbidden() {
		return forbidden;
	}
}
