package fr.gouv.nuage.projects;

import java.time.Instant;

import fr.gouv.nuage.doctrine.Verdict;

/**
 * One decision in a project's history: the assessment as it stood, the pack that decided
 * (id, version, digest), the verdict and the whole decision, who or what caused it and
 * why.
 */
public record ProjectDecision(int seq, Instant at, String actor, Reason reason, String offerId, String assessment,
		String packId, String packVersion, String packDigest, Verdict verdict, String control, String decision) {

	/** Why a project was decided again. */
	public enum Reason {

		/** Someone assessed the project. */
		ASSESSED,
		/** The qualification of the offer it is hosted on changed. */
		OFFER_QUALIFICATION_CHANGED,
		/** A derogation it had came to its end. */
		DEROGATION_EXPIRED,
		/** The doctrine's pack changed since its last decision. */
		DOCTRINE_CHANGED

	}
}
