package fr.gouv.nuage.doctrine;

/** What the doctrine concludes for one assessment (decision-v1 `verdict`). */
public enum Verdict {

	/** The entity is outside the doctrine's scope; advice is still given. */
	NOT_SUBJECT,
	/** The project is neither new nor a major evolution. */
	NOT_CONCERNED, COMPLIANT,
	/** At least one finding is violated. */
	NON_COMPLIANT,
	/**
	 * No violation found, but facts needed to conclude are missing (or a condition
	 * failed).
	 */
	INCOMPLETE

}
