package fr.gouv.nuage.doctrine;

/** The status of one rule for one assessment (decision-v1 `findings[].status`). */
public enum FindingStatus {

	SATISFIED, VIOLATED,
	/**
	 * Cannot be settled on the facts given, or a point of vigilance; never changes the
	 * verdict by itself.
	 */
	TO_CONFIRM, NOT_APPLICABLE

}
