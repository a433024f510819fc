package fr.gouv.nuage.catalogue;

import java.time.Instant;
import java.time.LocalDate;

/**
 * DINUM's word on a qualification it was asked to confirm (or any other it checked on
 * ANSSI's list):
 *
 * <ul>
 * <li>{@code CONFIRM}: the offer is still qualified; the grant or renewal ANSSI's list
 * shows is recorded, dated as the list dates it;</li>
 * <li>{@code CORRECT}: the grant in force was dated or versioned wrongly; it is
 * replaced;</li>
 * <li>{@code END}: the qualification ended (expired, withdrawn or suspended) on a known
 * date: the projects hosted on the offer are decided again.</li>
 * </ul>
 *
 * {@code event} is what DINUM records, its evidence DINUM's or ANSSI's list; {@code at}
 * when.
 */
public record QualificationReview(String offerId, String scheme, Action action, QualificationEvent event,
		String reviewer, String comment, Instant at) {

	/** What DINUM says of the qualification. */
	public enum Action {

		CONFIRM, CORRECT, END

	}

	/** The source key DINUM's reviews cite; the reference catalogue declares it. */
	public static final String SOURCE = "NUAGE-DINUM";

	/** A review's event: what DINUM read, on a day it names. */
	public static QualificationEvent event(QualificationStatus status, LocalDate date, Dating dating,
			String schemeVersion, LocalDate validUntil, Evidence evidence, String comment) {
		return new QualificationEvent(status, date, date.toString(), dating, null, schemeVersion, validUntil, evidence,
				SOURCE, "sourced", comment == null ? null : new fr.gouv.nuage.doctrine.Text(comment, comment));
	}
}
