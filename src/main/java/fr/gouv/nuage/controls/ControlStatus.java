package fr.gouv.nuage.controls;

/**
 * Where the control of a project stands. Which states a control goes through depends on
 * its procedure, set by the project's full cost (DECISION-SEMANTICS §4; doctrine.md
 * §4.1):
 * <ul>
 * <li>PROJECT_AUTHORITY (&lt; 1 M€): OPEN → DECIDED, by the authority in charge of the
 * project;</li>
 * <li>MINISTRY (1–9 M€): OPEN → STUDY_ATTACHED (the comparative study of the scenarios) →
 * DECIDED by the ministry's controller, DINUM being informed of the decision;</li>
 * <li>DINUM_OPINION (≥ 9 M€): OPEN → REFERRED (the file sent to DINUM) → DECIDED when
 * DINUM gives its opinion, or DEEMED_FAVOURABLE one month after the referral without an
 * answer; a request for information (INFORMATION_REQUESTED) suspends that month until the
 * file is completed.</li>
 * </ul>
 * DECIDED and DEEMED_FAVOURABLE are final.
 */
public enum ControlStatus {

	OPEN, STUDY_ATTACHED, REFERRED, INFORMATION_REQUESTED, DECIDED, DEEMED_FAVOURABLE

}
