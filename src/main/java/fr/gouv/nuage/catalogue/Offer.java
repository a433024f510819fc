package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.gouv.nuage.doctrine.Text;

/**
 * An offer of the catalogue: who provides it, who operates it on what, what it is, where
 * its data live, what it is qualified for and since when.
 *
 * A hosting offer's class is derived for a date, never typed: the internal clouds are
 * what they are; a service the State operates takes the class of the infrastructure it
 * runs on (unknown infrastructure: commercial, and flagged); a provider's offer is
 * trusted while its SecNumCloud qualification is valid and it is immune to extra-EU law,
 * and only in the regions its qualification covers. A support offer (DINUM's expertise,
 * squads) hosts nothing: it has no class and is never an eligible hosting; it is
 * suggested on the decisions where it helps.
 *
 * {@code provider} is the provider's name, for people to read; {@code providerId} is the
 * id of its organisation in the directory, the only thing that says who declares and
 * amends the offer ({@code null} only for an offer declared before offers named their
 * organisation, whose organisation could not be told).
 *
 * {@code host} is the offer named by {@code runsOn}, linked by the catalogue that holds
 * both.
 */
public record Offer(String id, Kind kind, String provider, String providerId, String service, ServiceModel model,
		List<String> categories, String internal, Operator operator, boolean interministerial, String dataLocation,
		boolean immuneToExtraEuAccess, boolean hdsCertified, String maxMarking, String runsOn, List<Region> regions,
		List<Purchasing> purchasing, Reversibility reversibility, List<Qualification> qualifications, Support support,
		List<String> sources, String confidence, Text note, LocalDate asOf, Offer host) {

	public static final String INTERNAL_PI = "INTERNAL_PI";

	public static final String INTERNAL_NUBO = "INTERNAL_NUBO";

	public static final String COMMERCIAL_TRUSTED = "COMMERCIAL_TRUSTED";

	public static final String COMMERCIAL = "COMMERCIAL";

	/** A hosting offer (IaaS, PaaS, CaaS, SaaS), or DINUM's support for a project. */
	public enum Kind {

		HOSTING, SUPPORT

	}

	/**
	 * Who runs the service: a provider, or the State itself (a ministry, DINUM) on some
	 * infrastructure.
	 */
	public enum Operator {

		PROVIDER, STATE

	}

	/** IaaS, PaaS, CaaS or SaaS. */
	public enum ServiceModel {

		IAAS, PAAS, CAAS, SAAS

	}

	/** A region or zone of the offer, and where its data live. */
	public record Region(String id, String dataLocation) {
	}

	/** How a buyer orders the offer (UGAP, a DINUM agreement...). */
	public record Purchasing(String vehicle, String reference, Text note) {
	}

	/** What leaving the offer takes: export formats and exit terms. */
	public record Reversibility(List<String> exportFormats, Text exitTerms) {
	}

	/** How to ask for a support offer, and the decisions it is suggested on. */
	public record Support(String contact, Text howToAsk, List<Suggestion> suggestWhen) {
	}

	/**
	 * When a support offer helps: an assessment's fact has a value ({@code fact} and
	 * {@code is}), or the decision sets one of the control procedures of {@code control};
	 * for the entities of {@code entity} only, when it names some; with the reason shown.
	 */
	public record Suggestion(String fact, String is, List<String> control, List<String> entity, Text reason) {
	}

	public boolean isSupport() {
		return kind == Kind.SUPPORT;
	}

	public boolean isInternal() {
		return internal != null;
	}

	public Optional<Qualification> qualification(String scheme) {
		return qualifications.stream().filter(q -> q.scheme().equals(scheme)).findFirst();
	}

	/**
	 * The SecNumCloud qualification on a date (NONE when the offer has never applied).
	 */
	public QualificationState secNumCloud(LocalDate date) {
		return qualification(Qualification.SECNUMCLOUD).map(q -> q.on(date))
			.orElse(QualificationState.none(Qualification.SECNUMCLOUD));
	}

	/**
	 * The hosting class on a date, as the doctrine's assessment names it; {@code null}
	 * for a support offer.
	 */
	public String hostingClass(LocalDate date) {
		return hostingClass(date, null);
	}

	/**
	 * The hosting class on a date in a region of the offer ({@code null}: the offer as a
	 * whole). A region that the SecNumCloud qualification does not name is not trusted.
	 */
	public String hostingClass(LocalDate date, String region) {
		if (isSupport()) {
			return null;
		}
		if (internal != null) {
			return internal;
		}
		if (operator == Operator.STATE) {
			return host == null ? COMMERCIAL : host.hostingClass(date, null);
		}
		if (!immuneToExtraEuAccess || !secNumCloud(date).valid()) {
			return COMMERCIAL;
		}
		return region == null || qualifiedIn(region) ? COMMERCIAL_TRUSTED : COMMERCIAL;
	}

	/**
	 * True when the SecNumCloud qualification covers the region (it names none: the whole
	 * offer).
	 */
	public boolean qualifiedIn(String region) {
		List<String> covered = qualification(Qualification.SECNUMCLOUD).map(Qualification::regions).orElse(List.of());
		return covered.isEmpty() || covered.contains(region);
	}

	public Optional<Region> region(String id) {
		return regions.stream().filter(r -> r.id().equals(id)).findFirst();
	}

	/**
	 * True when the offer may host data of this marking ({@code NONE} or
	 * {@code DIFFUSION_RESTREINTE}).
	 */
	public boolean mayHost(String marking) {
		return marking == null || "NONE".equals(marking) || marking.equals(maxMarking);
	}

	/**
	 * True when the State runs it on an infrastructure nobody has named: its class is not
	 * established.
	 */
	public boolean hostUnknown() {
		return operator == Operator.STATE && internal == null && runsOn == null && !isSupport();
	}

	/**
	 * True when a source is uncertain about this offer, or its qualification is past an
	 * end nobody confirmed, or its infrastructure is unknown: users are told to check
	 * ANSSI's list.
	 */
	public boolean toBeChecked() {
		return !"sourced".equals(confidence) || hostUnknown()
				|| (operator == Operator.STATE && host != null && host.toBeChecked())
				|| qualifications.stream()
					.flatMap(q -> q.events().stream())
					.anyMatch(e -> !"sourced".equals(e.confidence()));
	}

	/**
	 * True when, on the date, a qualification is past an end nobody confirmed: DINUM has
	 * it in its queue.
	 */
	public boolean toConfirm(LocalDate date) {
		return qualifications.stream().anyMatch(q -> q.on(date).toConfirm());
	}

	/** This offer with another SecNumCloud history and immunity (other schemes kept). */
	public Offer withSecNumCloud(List<QualificationEvent> history, boolean immune) {
		List<Qualification> amended = new java.util.ArrayList<>(
				qualifications.stream().filter(q -> !q.scheme().equals(Qualification.SECNUMCLOUD)).toList());
		List<String> covered = qualification(Qualification.SECNUMCLOUD).map(Qualification::regions).orElse(List.of());
		amended.add(0, new Qualification(Qualification.SECNUMCLOUD, 3, covered, List.copyOf(history)));
		return new Offer(id, kind, provider, providerId, service, model, categories, internal, operator,
				interministerial, dataLocation, immune, hdsCertified, maxMarking, runsOn, regions, purchasing,
				reversibility, List.copyOf(amended), support, sources, confidence, note, asOf, host);
	}

	/**
	 * This offer with another qualification of the same scheme, in place of the one it
	 * had.
	 */
	public Offer withQualification(Qualification replacement) {
		List<Qualification> amended = qualifications.stream()
			.map(q -> q.scheme().equals(replacement.scheme()) ? replacement : q)
			.toList();
		return new Offer(id, kind, provider, providerId, service, model, categories, internal, operator,
				interministerial, dataLocation, immuneToExtraEuAccess, hdsCertified, maxMarking, runsOn, regions,
				purchasing, reversibility, amended, support, sources, confidence, note, asOf, host);
	}

	/**
	 * This offer under another id and provider: what another organisation would declare.
	 */
	public Offer withIdentity(String otherId, String otherProvider, String otherProviderId) {
		return new Offer(otherId, kind, otherProvider, otherProviderId, service, model, categories, internal, operator,
				interministerial, dataLocation, immuneToExtraEuAccess, hdsCertified, maxMarking, runsOn, regions,
				purchasing, reversibility, qualifications, support, sources, confidence, note, asOf, host);
	}

	/**
	 * This offer as the organisation of id {@code otherProviderId}'s: the declarations
	 * say whose an offer they declared is.
	 */
	public Offer withProviderId(String otherProviderId) {
		return new Offer(id, kind, provider, otherProviderId, service, model, categories, internal, operator,
				interministerial, dataLocation, immuneToExtraEuAccess, hdsCertified, maxMarking, runsOn, regions,
				purchasing, reversibility, qualifications, support, sources, confidence, note, asOf, host);
	}

	/** This offer linked to the offer it runs on. */
	Offer hostedOn(Offer linked) {
		return new Offer(id, kind, provider, providerId, service, model, categories, internal, operator,
				interministerial, dataLocation, immuneToExtraEuAccess, hdsCertified, maxMarking, runsOn, regions,
				purchasing, reversibility, qualifications, support, sources, confidence, note, asOf, linked);
	}

	@Override
	public String toString() {
		return "Offer[" + id + "]";
	}
}
