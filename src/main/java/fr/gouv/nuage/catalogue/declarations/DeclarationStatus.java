package fr.gouv.nuage.catalogue.declarations;

/**
 * Where a provider's declaration stands. SUBMITTED is the only state with a way out:
 * DINUM accepts or rejects it, or the provider withdraws it; the three others are final.
 */
public enum DeclarationStatus {

	/**
	 * Waiting for DINUM's review; nothing of it counts yet, qualification claims
	 * included.
	 */
	SUBMITTED,
	/**
	 * Reviewed and accepted by DINUM: the offer as declared is in the catalogue in force.
	 */
	ACCEPTED,
	/** Reviewed and refused by DINUM, with the reason. */
	REJECTED,
	/** Taken back by the provider before review. */
	WITHDRAWN

}
