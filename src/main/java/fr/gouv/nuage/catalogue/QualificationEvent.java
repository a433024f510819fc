package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.time.YearMonth;

import fr.gouv.nuage.doctrine.Text;

/**
 * A dated step of a qualification: in progress (with its milestone), granted (with the
 * scheme version, and the last day of its validity when the source gives it), suspended,
 * withdrawn or expired; with its source, the kind of evidence it rests on, and how sure
 * that source is.
 *
 * The date is written as the source gives it: a day ({@code 2025-12-17}), a month
 * ({@code 2025-01}) or a year ({@code 2022}), never more precise. {@code date} is the day
 * it takes effect on: the first day of the period written, but never before the step
 * before it. {@link #earliest()} is the first day of the period, from which a grant's
 * validity may end at the soonest.
 */
public record QualificationEvent(QualificationStatus status, LocalDate date, String written, Dating dating,
		String milestone, String schemeVersion, LocalDate validUntil, Evidence evidence, String source,
		String confidence, Text note) {

	/**
	 * A step on a known day, counted as ANSSI's list shows it: what a test or DINUM's
	 * word records.
	 */
	public static QualificationEvent known(QualificationStatus status, LocalDate date, String milestone,
			String schemeVersion, Evidence evidence, String source) {
		return new QualificationEvent(status, date, date.toString(), Dating.KNOWN, milestone, schemeVersion, null,
				evidence, source, "sourced", null);
	}

	/** The first day of the period the date names. */
	public LocalDate earliest() {
		return earliest(written);
	}

	/** True when the date names a day; false for a month or a year. */
	public boolean dayKnown() {
		return written.length() == 10;
	}

	/**
	 * True when the event may change what the qualification is (see {@link Evidence}).
	 */
	public boolean counts() {
		return evidence.counts();
	}

	/**
	 * Reads {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; throws on anything else.
	 */
	static LocalDate earliest(String written) {
		switch (written.length()) {
			case 4:
				return LocalDate.of(Integer.parseInt(written), 1, 1);
			case 7:
				return YearMonth.parse(written).atDay(1);
			default:
				return LocalDate.parse(written);
		}
	}

	static LocalDate latest(String written) {
		switch (written.length()) {
			case 4:
				return LocalDate.of(Integer.parseInt(written), 12, 31);
			case 7:
				return YearMonth.parse(written).atEndOfMonth();
			default:
				return LocalDate.parse(written);
		}
	}
}
