package fr.gouv.nuage.catalogue;

/** Where a qualification stands on a date. */
public enum QualificationStatus {

	/** No event on or before the date. */
	NONE,
	/** Under evaluation (milestones J0, J1, J2). */
	IN_PROGRESS,
	/** Granted and within its validity. */
	QUALIFIED, SUSPENDED, WITHDRAWN,
	/** Granted, but its validity has passed without renewal. */
	EXPIRED

}
