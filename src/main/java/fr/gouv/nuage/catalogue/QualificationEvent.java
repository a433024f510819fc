package fr.gouv.nuage.catalogue;

import java.time.LocalDate;

import fr.gouv.nuage.doctrine.Text;

/**
 * A dated step of a qualification: in progress (with its milestone), granted (with the scheme
 * version), suspended, withdrawn or expired; with its source and how sure that source is.
 */
public record QualificationEvent(QualificationStatus status, LocalDate date, String milestone, String schemeVersion,
		String source, String confidence, Text note) {
}
