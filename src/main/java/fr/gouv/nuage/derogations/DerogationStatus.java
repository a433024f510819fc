package fr.gouv.nuage.derogations;

/**
 * Where a derogation stands (doctrine.md §4.2): REQUESTED by the project, citing the
 * decision and the rule, with its justification and the proof of equivalent guarantees;
 * the minister approves or refuses; a derogation from R9 (data of particular sensitivity)
 * then needs the Prime Minister's validation. GRANTED lasts until it EXPIRES — at the
 * latest 12 months after an acceptable offer is available — and the project is then
 * decided again. REFUSED, WITHDRAWN and EXPIRED are final.
 */
public enum DerogationStatus {

	REQUESTED, APPROVED_BY_MINISTER, GRANTED, REFUSED, WITHDRAWN, EXPIRED

}
