package fr.gouv.nuage.documents;

/** Why a document is attached to a project. */
public enum DocumentPurpose {

	/** The comparative study a control asks for (R2). */
	COMPARATIVE_STUDY,

	/**
	 * The proof that a derogation's hosting gives guarantees equivalent to the
	 * doctrine's.
	 */
	PROOF_OF_GUARANTEES,

	/** A document backing the project's reversibility plan (R4). */
	REVERSIBILITY_PLAN,

	OTHER

}
