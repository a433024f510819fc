package fr.gouv.nuage.web;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a deployment of Nuage says of itself on its mandatory pages
 * ({@code nuage.site.*}): who publishes it and who hosts it (the legal notice, LCEN art.
 * 6 III), whom to write to about accessibility and personal data, and the state of its
 * accessibility as an audit found it. Without an audit the honest status is
 * {@link Conformity#NOT_CONFORMING}.
 *
 * @param publisher the body that publishes the service
 * @param publisherAddress its postal address
 * @param director the publication director (a function, not a person's name, is enough)
 * @param host the host's name
 * @param hostAddress the host's postal address
 * @param hostPhone the host's telephone
 * @param contactEmail where a visitor reports an accessibility problem or asks for an
 * alternative
 * @param privacyEmail where a person exercises their rights on their personal data
 * @param accessibility the accessibility status and audit
 */
@ConfigurationProperties("nuage.site")
record SiteSettings(@DefaultValue("Direction interministérielle du numérique (DINUM)") String publisher,
		@DefaultValue("20 avenue de Ségur, 75007 Paris") String publisherAddress,
		@DefaultValue("Directrice ou directeur interministériel du numérique") String director,
		@DefaultValue("Direction interministérielle du numérique (DINUM)") String host,
		@DefaultValue("20 avenue de Ségur, 75007 Paris") String hostAddress,
		@DefaultValue("+33 1 71 21 01 70") String hostPhone,
		@DefaultValue("nuage@numerique.gouv.fr") String contactEmail,
		@DefaultValue("nuage@numerique.gouv.fr") String privacyEmail, @DefaultValue Accessibility accessibility) {

	/**
	 * The accessibility of the service as its last audit (RGAA 4.1) found it.
	 *
	 * @param status the status the statement declares
	 * @param auditDate the day of the audit, or {@code null} when none was made
	 * @param auditor who audited
	 * @param rate the share of RGAA criteria met, in percent, or {@code null}
	 * @param statementDate the day the statement was written or last updated
	 */
	record Accessibility(@DefaultValue("NOT_CONFORMING") Conformity status, LocalDate auditDate, String auditor,
			Double rate, @DefaultValue("2026-12-02") LocalDate statementDate) {
	}

	/** The three statuses RGAA 4.1 allows. */
	enum Conformity {

		/** Every criterion met. */
		TOTALLY_CONFORMING,
		/** At least half of the criteria met. */
		PARTIALLY_CONFORMING,
		/** Less than half met, or no audit made. */
		NOT_CONFORMING

	}

}
