package fr.gouv.nuage.catalogue;

import java.time.LocalDate;

/**
 * A qualification as it stands on a date.
 *
 * <ul>
 * <li>{@code status}: where it stands; a renewal under way leaves a grant QUALIFIED until
 * it ends.</li>
 * <li>{@code event}: the event that set it (the grant, for QUALIFIED and for a grant that
 * ran out); {@code null} for NONE.</li>
 * <li>{@code validUntil}: for a grant, the last day of its validity: the day the source
 * gives when {@code endKnown}, otherwise the soonest the law allows (the scheme's
 * validity from the earliest day of the grant); {@code null} for a scheme without
 * expiry.</li>
 * <li>{@code toConfirm}: a grant past an end that is not known: it still counts, and its
 * class stays what it was, but it is to be confirmed on ANSSI's list, and DINUM has it in
 * its queue.</li>
 * <li>{@code renewal}: a renewal under way after the grant (its last IN_PROGRESS step),
 * or {@code null}.</li>
 * </ul>
 */
public record QualificationState(String scheme, QualificationStatus status, QualificationEvent event,
		LocalDate validUntil, boolean endKnown, boolean toConfirm, QualificationEvent renewal) {

	static QualificationState none(String scheme) {
		return new QualificationState(scheme, QualificationStatus.NONE, null, null, false, false, null);
	}

	public boolean valid() {
		return status == QualificationStatus.QUALIFIED;
	}
}
