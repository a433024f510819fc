package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.gouv.nuage.doctrine.Text;

/**
 * A cloud offer of the catalogue: who provides it, what it is, where its data live, what it is
 * qualified for and since when. Its hosting class is derived for a date, never typed: the internal
 * clouds are what they are; a commercial offer is trusted while its SecNumCloud qualification is
 * valid and it is immune to extra-EU law.
 */
public record Offer(String id, String provider, String service, ServiceModel model, List<String> categories,
		String internal, boolean interministerial, String dataLocation, boolean immuneToExtraEuAccess,
		boolean hdsCertified, String maxMarking, String runsOn, List<Purchasing> purchasing, Reversibility reversibility,
		List<Qualification> qualifications, List<String> sources, String confidence, Text note, LocalDate asOf) {

	public static final String INTERNAL_PI = "INTERNAL_PI";

	public static final String INTERNAL_NUBO = "INTERNAL_NUBO";

	public static final String COMMERCIAL_TRUSTED = "COMMERCIAL_TRUSTED";

	public static final String COMMERCIAL = "COMMERCIAL";

	/** IaaS, PaaS, CaaS or SaaS. */
	public enum ServiceModel {
		IAAS, PAAS, CAAS, SAAS
	}

	/** How a buyer orders the offer (UGAP, a DINUM agreement...). */
	public record Purchasing(String vehicle, String reference, Text note) {
	}

	/** What leaving the offer takes: export formats and exit terms. */
	public record Reversibility(List<String> exportFormats, Text exitTerms) {
	}

	public boolean isInternal() {
		return internal != null;
	}

	public Optional<Qualification> qualification(String scheme) {
		return qualifications.stream().filter(q -> q.scheme().equals(scheme)).findFirst();
	}

	/** The SecNumCloud qualification on a date (NONE when the offer has never applied). */
	public QualificationState secNumCloud(LocalDate date) {
		return qualification(Qualification.SECNUMCLOUD).map(q -> q.on(date))
			.orElse(new QualificationState(Qualification.SECNUMCLOUD, QualificationStatus.NONE, null, null));
	}

	/** The hosting class on a date, as the doctrine's assessment names it. */
	public String hostingClass(LocalDate date) {
		if (internal != null) {
			return internal;
		}
		return immuneToExtraEuAccess && secNumCloud(date).valid() ? COMMERCIAL_TRUSTED : COMMERCIAL;
	}

	/** True when the offer may host data of this marking ({@code NONE} or {@code DIFFUSION_RESTREINTE}). */
	public boolean mayHost(String marking) {
		return marking == null || "NONE".equals(marking) || marking.equals(maxMarking);
	}

	/** True when a source is uncertain about this offer: users are told to check ANSSI's list. */
	public boolean toBeChecked() {
		return !"sourced".equals(confidence)
				|| qualifications.stream().flatMap(q -> q.events().stream()).anyMatch(e -> !"sourced".equals(e.confidence()));
	}
}
