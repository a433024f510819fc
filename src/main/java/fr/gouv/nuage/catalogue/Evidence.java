package fr.gouv.nuage.catalogue;

/**
 * What an event of a qualification rests on. One rule decides whether it counts
 * (docs/catalogue.md, "The rule of evidence"): ANSSI's list, DINUM's word, the provider's
 * own contractual documents or dated official announcement naming the service, or two
 * independent sources make a grant or an end count; a single secondary mention does not:
 * it is shown on the offer, never counted.
 */
public enum Evidence {

	/** ANSSI's list of qualified providers, the source of truth. */
	ANSSI_LIST(true),
	/** DINUM's word: a review recorded in Nuage, or DINUM's own published pages. */
	DINUM(true),
	/**
	 * The provider's contractual documents for the service (service agreement, terms).
	 */
	PROVIDER_CONTRACT(true),
	/**
	 * The provider's own dated, official announcement naming the qualified service or
	 * scope.
	 */
	PROVIDER_ANNOUNCEMENT(true),
	/** Two or more independent secondary sources that agree. */
	INDEPENDENT_SOURCES(true),
	/** A single secondary mention (press, blog, directory): shown, never counted. */
	SINGLE_SOURCE(false);

	private final boolean counts;

	Evidence(boolean counts) {
		this.counts = counts;
	}

	/** True when an event resting on this evidence may grant or end a qualification. */
	public boolean counts() {
		return counts;
	}

}
