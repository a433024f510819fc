package fr.gouv.nuage.browser;

/** Answers the browser tests share. */
final class PortalJourneys {

	/**
	 * A State administration's new project of 2.5 M€ on a commercial cloud, holding
	 * health data under medical secrecy: sensitive data on hosting the doctrine forbids.
	 */
	static final String SENSITIVE_RESULT = "/auto-evaluation/resultat?entity.kind=STATE_ADMINISTRATION"
			+ "&project.stage=NEW&project.fullCostEur=2500000&project.solution=CLOUD&hosting.class=COMMERCIAL"
			+ "&hosting.dataLocation=EU&data.personal=true&data.legalSecrets=MEDICAL_SECRECY&data.health=true"
			+ "&data.breachImpacts=HEALTH_OR_LIFE&data.marking=NONE";

	private PortalJourneys() {
	}

}
