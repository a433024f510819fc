package fr.gouv.nuage.directory;

import java.util.Set;

/** What a person may do, always on an organisation: the role's perimeter. */
public enum Role {

	/**
	 * Registers and assesses the projects of their entity, requests controls and
	 * derogations.
	 */
	AGENT,
	/**
	 * Controls the projects of their ministry (1–9 M€) and approves derogations at
	 * minister level.
	 */
	MINISTRY_CONTROLLER,
	/**
	 * Gives the large projects' opinions, reviews providers' declarations, manages the
	 * directory; sees everything.
	 */
	DINUM,
	/** Validates the derogations from R9 (sensitive data). */
	PRIME_MINISTER_OFFICE,
	/** Declares and updates its organisation's offers. */
	PROVIDER;

	/** The kinds of organisation this role may be granted on. */
	Set<OrganisationKind> perimeterKinds() {
		return switch (this) {
			case AGENT -> Set.of(OrganisationKind.MINISTRY, OrganisationKind.DIRECTORATE,
					OrganisationKind.STATE_OPERATOR, OrganisationKind.LOCAL_AUTHORITY);
			case MINISTRY_CONTROLLER -> Set.of(OrganisationKind.MINISTRY);
			case DINUM, PRIME_MINISTER_OFFICE -> Set.of(OrganisationKind.MINISTRY, OrganisationKind.DIRECTORATE);
			case PROVIDER -> Set.of(OrganisationKind.PROVIDER);
		};
	}

}
