package fr.gouv.nuage.projects.directory;

import java.util.Set;

/**
 * The kinds of organisation, and which kinds each may sit under: a ministry heads its tree; its
 * directorates and the State operators under its supervision sit below it; local authorities
 * (outside the doctrine, advised only) and providers stand alone.
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

	/** Whether the doctrine applies to its projects; a local authority's decisions are advice. */
	public boolean underTheDoctrine() {
		return this == MINISTRY || this == DIRECTORATE || this == STATE_OPERATOR;
	}
}
