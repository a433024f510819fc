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

	/**
	 * The one organisation a role whose powers reach every project is granted on, so that
	 * it cannot look scoped to another: DINUM's own, and the Prime Minister's services
	 * for the office; {@code null} for the roles whose perimeter is their organisation.
	 */
	public String onlyOn() {
		return switch (this) {
			case DINUM -> Directory.DINUM;
			case PRIME_MINISTER_OFFICE -> Directory.PRIME_MINISTER_SERVICES;
			case AGENT, MINISTRY_CONTROLLER, PROVIDER -> null;
		};
	}

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
