package fr.gouv.nuage.catalogue;

/**
 * Whether the date of a qualification's event is known (from ANSSI's list, a dated
 * announcement, a document) or estimated (derived from indirect evidence). A date written
 * only to the month or the year is estimated by nature.
 */
public enum Dating {

	KNOWN, ESTIMATED

}
