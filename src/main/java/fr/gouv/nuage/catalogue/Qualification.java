package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.List;

/**
 * A qualification of an offer under one scheme (SecNumCloud, HDS...) and its history. Its status
 * on any date follows from the history alone: a granted qualification expires {@code validityYears}
 * after it was granted without anyone editing the catalogue; a later grant is a renewal.
 */
public record Qualification(String scheme, Integer validityYears, List<QualificationEvent> events) {

	public static final String SECNUMCLOUD = "SECNUMCLOUD";

	public QualificationState on(LocalDate date) {
		QualificationEvent last = null;
		for (QualificationEvent event : events) {
			if (!event.date().isAfter(date)) {
				last = event;
			}
		}
		if (last == null) {
			return new QualificationState(scheme, QualificationStatus.NONE, null, null);
		}
		if (last.status() != QualificationStatus.QUALIFIED) {
			return new QualificationState(scheme, last.status(), last, null);
		}
		if (validityYears == null) {
			return new QualificationState(scheme, QualificationStatus.QUALIFIED, last, null);
		}
		LocalDate end = last.date().plusYears(validityYears);
		LocalDate lastDay = end.minusDays(1);
		return new QualificationState(scheme, date.isBefore(end) ? QualificationStatus.QUALIFIED : QualificationStatus.EXPIRED,
				last, lastDay);
	}

	/** The dates on which the status may change: each event, and each end of validity. */
	List<LocalDate> turningPoints() {
		java.util.List<LocalDate> dates = new java.util.ArrayList<>();
		for (QualificationEvent event : events) {
			dates.add(event.date());
			if (event.status() == QualificationStatus.QUALIFIED && validityYears != null) {
				dates.add(event.date().plusYears(validityYears));
			}
		}
		return dates;
	}
}
