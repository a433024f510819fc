package fr.gouv.nuage.directory;

import java.util.Set;

/**
 * The kinds of organisation, and which kinds each may sit under: a ministry heads its
 * tree; its directorates and the State operators under its supervision sit below it;
 * local authorities (outside the doctrine, advised only) and providers stand alone.
 */
public enum OrganisationKind {

	MINISTRY, DIRECTORATE, STATE_OPERATOR, LOCAL_AUTHORITY, PROVIDER;

	/** The kinds this kind may have as a parent; empty when it has none. */
	Set<OrganisationKind> parents() {
		return switch (this) {
			case DIRECTORATE, STATE_OPERATOR -> Set.of(MINISTRY, DIRECTORATE);
			case MINISTRY, LOCAL_AUTHORITY, PROVIDER -> Set.of();
		};
	}

	/**
	 * The kinds of entity (the assessment's {@code entity.kind}) its projects are
	 * assessed as.
	 */
	public java.util.List<String> entityKinds() {
		return switch (this) {
			case MINISTRY, DIRECTORATE -> java.util.List.of("STATE_ADMINISTRATION");
			case STATE_OPERATOR -> java.util.List.of("STATE_OPERATOR", "PUBLIC_INTEREST_GROUP");
			case LOCAL_AUTHORITY -> java.util.List.of("LOCAL_AUTHORITY");
			case PROVIDER -> java.util.List.of();
		};
	}

}
