package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A qualification of an offer under one scheme (SecNumCloud, HDS...) and its history. Its
 * status on any date follows from the history alone, and from what is known of it:
 *
 * <ul>
 * <li>only an event whose evidence counts grants or ends it ({@link Evidence}); the
 * others are shown;</li>
 * <li>a grant ends by itself only on a known date: the last day of validity its source
 * gives ({@code validUntil}). The law sets a maximum ({@code validityYears}, three years
 * for SecNumCloud), but renewals are not published with a date everywhere: past that
 * maximum, a grant whose end is not known stays valid and is to be confirmed
 * ({@link QualificationState#toConfirm()});</li>
 * <li>a renewal under way (an IN_PROGRESS step after a grant) leaves the grant valid
 * until it ends;</li>
 * <li>a later grant is a renewal.</li>
 * </ul>
 * {@code regions}: the regions of the offer the qualification covers; empty, the whole
 * offer.
 */
public record Qualification(String scheme, Integer validityYears, List<String> regions,
		List<QualificationEvent> events) {

	public static final String SECNUMCLOUD = "SECNUMCLOUD";

	public QualificationState on(LocalDate date) {
		QualificationEvent grant = null;
		QualificationEvent last = null;
		QualificationEvent renewal = null;
		for (QualificationEvent event : events) {
			if (event.date().isAfter(date)) {
				break;
			}
			if (event.status() == QualificationStatus.IN_PROGRESS) {
				if (grant != null && !endedBefore(grant, event.date())) {
					renewal = event;
				}
				else {
					grant = null;
					renewal = null;
					last = event;
				}
				continue;
			}
			if (!event.counts()) {
				continue;
			}
			last = event;
			renewal = null;
			grant = event.status() == QualificationStatus.QUALIFIED ? event : null;
		}
		if (last == null) {
			return QualificationState.none(scheme);
		}
		if (grant == null) {
			return new QualificationState(scheme, last.status(), last, null, false, false, null);
		}
		LocalDate end = lastDay(grant);
		boolean known = grant.validUntil() != null;
		if (end != null && date.isAfter(end)) {
			return known ? new QualificationState(scheme, QualificationStatus.EXPIRED, grant, end, true, false, renewal)
					: new QualificationState(scheme, QualificationStatus.QUALIFIED, grant, end, false, true, renewal);
		}
		return new QualificationState(scheme, QualificationStatus.QUALIFIED, grant, end, known, false, renewal);
	}

	/**
	 * The last day of a grant's validity: known, or the soonest the scheme's maximum
	 * allows.
	 */
	LocalDate lastDay(QualificationEvent grant) {
		if (grant.validUntil() != null) {
			return grant.validUntil();
		}
		return validityYears == null ? null : grant.earliest().plusYears(validityYears).minusDays(1);
	}

	private boolean endedBefore(QualificationEvent grant, LocalDate date) {
		return grant.validUntil() != null && date.isAfter(grant.validUntil());
	}

	/**
	 * The dates on which the state may change: each event, and the day after each end of
	 * validity.
	 */
	List<LocalDate> turningPoints() {
		List<LocalDate> dates = new ArrayList<>();
		for (QualificationEvent event : events) {
			dates.add(event.date());
			if (event.status() == QualificationStatus.QUALIFIED) {
				LocalDate end = lastDay(event);
				if (end != null) {
					dates.add(end.plusDays(1));
				}
			}
		}
		return dates;
	}
}
