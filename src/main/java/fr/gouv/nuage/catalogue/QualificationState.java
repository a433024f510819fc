package fr.gouv.nuage.catalogue;

import java.time.LocalDate;

/**
 * A qualification as it stands on a date: its status, the event that set it ({@code null} for
 * NONE), and for a granted qualification the last day of its validity ({@code null} when it has no
 * expiry).
 */
public record QualificationState(String scheme, QualificationStatus status, QualificationEvent event,
		LocalDate validUntil) {

	public boolean valid() {
		return status == QualificationStatus.QUALIFIED;
	}
}
