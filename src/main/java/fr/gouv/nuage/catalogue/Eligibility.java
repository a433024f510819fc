package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.Text;

/**
 * The offers the doctrine allows for one project on one date, ranked as R1 and R13 ask —
 * interministerial products and SaaS first, then the internal clouds, then trusted
 * commercial offers, then the rest — and every other offer with the rule that excludes it
 * and why. Support offers host nothing: they are never among the eligible or the
 * excluded, only suggested where their own data say they help.
 */
public record Eligibility(Decision decision, LocalDate date, List<Eligible> eligible, List<Exclusion> excluded,
		List<Suggested> support) {

	/** A support offer of DINUM suggested for the project, with why it helps. */
	public record Suggested(Offer offer, List<Text> reasons) {
	}

	/** An offer that fits, with its hosting class on the date. */
	public record Eligible(Offer offer, String hostingClass) {
	}

	/**
	 * An offer that does not fit: the rule (R9, or INTERNE for the internal clouds'
	 * audience) and why.
	 */
	public record Exclusion(Offer offer, String hostingClass, String rule, Text reason) {
	}

	private static final Set<String> STATE_ENTITIES = Set.of("STATE_ADMINISTRATION", "STATE_OPERATOR");

	/**
	 * Evaluates the assessment (already resolved against the catalogue) and sorts every
	 * offer.
	 */
	public static Eligibility of(Catalogue catalogue, Assessment assessment, RulePack pack, LocalDate date) {
		Decision decision = pack.evaluate(assessment);
		List<String> allowed = decision.allowedHosting();
		Object markingValue = assessment.get("data.marking");
		String marking = markingValue == null ? "NONE" : (String) markingValue;
		boolean health = Boolean.TRUE.equals(assessment.get("data.health"));
		Object kind = assessment.get("entity.kind");
		List<Eligible> eligible = new ArrayList<>();
		List<Exclusion> excluded = new ArrayList<>();
		List<Suggested> support = new ArrayList<>();
		for (Offer offer : catalogue.offers()) {
			if (offer.isSupport()) {
				List<Text> reasons = reasons(offer, assessment, decision);
				if (!reasons.isEmpty()) {
					support.add(new Suggested(offer, reasons));
				}
				continue;
			}
			String hostingClass = offer.hostingClass(date);
			Exclusion exclusion = null;
			if (offer.isInternal() && kind != null && !STATE_ENTITIES.contains(kind)) {
				exclusion = new Exclusion(offer, hostingClass, "INTERNE", new Text(
						"Les clouds internes de l'État sont réservés aux administrations de l'État et à leurs opérateurs.",
						"The State's internal clouds are reserved to State administrations and their operators."));
			}
			else if (!allowed.contains(hostingClass)) {
				exclusion = new Exclusion(offer, hostingClass, "R9", notAllowed(offer, hostingClass, decision, date));
			}
			else if (!offer.mayHost(marking)) {
				exclusion = new Exclusion(offer, hostingClass, "R9",
						new Text("Cette offre ne peut pas héberger de données Diffusion Restreinte (seul Pi le peut).",
								"This offer may not host Diffusion Restreinte data (only Pi may)."));
			}
			else if (health && !offer.isInternal() && !offer.hdsCertified()) {
				exclusion = new Exclusion(offer, hostingClass, "R9",
						new Text("Données de santé : l'hébergeur doit être certifié HDS, ce que cette offre n'est pas.",
								"Health data: the host must be HDS-certified, which this offer is not."));
			}
			if (exclusion == null) {
				eligible.add(new Eligible(offer, hostingClass));
			}
			else {
				excluded.add(exclusion);
			}
		}
		eligible.sort(Comparator.comparingInt((Eligible e) -> rank(e.offer(), e.hostingClass()))
			.thenComparing(e -> e.offer().id()));
		return new Eligibility(decision, date, List.copyOf(eligible), List.copyOf(excluded), List.copyOf(support));
	}

	/**
	 * Why a support offer helps this project, from its own data: the cases of
	 * {@code suggestWhen} that hold.
	 */
	static List<Text> reasons(Offer offer, Assessment assessment, Decision decision) {
		List<Text> reasons = new ArrayList<>();
		Object kind = assessment.get("entity.kind");
		for (Offer.Suggestion when : offer.support().suggestWhen()) {
			if (!when.entity().isEmpty() && (kind == null || !when.entity().contains(String.valueOf(kind)))) {
				continue;
			}
			boolean fact = when.fact() != null && when.is().equals(String.valueOf(assessment.get(when.fact())));
			boolean control = !when.control().isEmpty() && when.control().contains(decision.control());
			if (fact || control) {
				reasons.add(when.reason());
			}
		}
		return List.copyOf(reasons);
	}

	/**
	 * R1 and R13: existing products first (interministerial, then SaaS), then the hosting
	 * classes by trust.
	 */
	static int rank(Offer offer, String hostingClass) {
		if (offer.interministerial()) {
			return 0;
		}
		if (offer.model() == Offer.ServiceModel.SAAS) {
			return 1;
		}
		switch (hostingClass) {
			case Offer.INTERNAL_PI:
			case Offer.INTERNAL_NUBO:
				return 2;
			case Offer.COMMERCIAL_TRUSTED:
				return 3;
			default:
				return 4;
		}
	}

	private static Text notAllowed(Offer offer, String hostingClass, Decision decision, LocalDate date) {
		String why;
		String whyEn;
		QualificationState snc = offer.secNumCloud(date);
		if (offer.isInternal()) {
			why = "cloud interne";
			whyEn = "internal cloud";
		}
		else if (snc.status() == QualificationStatus.IN_PROGRESS) {
			String step = snc.event().milestone() == null ? ""
					: " (" + snc.event().milestone() + " le " + snc.event().date() + ")";
			String stepEn = snc.event().milestone() == null ? ""
					: " (" + snc.event().milestone() + " on " + snc.event().date() + ")";
			why = "qualification SecNumCloud en cours" + step + ", pas encore obtenue";
			whyEn = "SecNumCloud qualification in progress" + stepEn + ", not yet granted";
		}
		else if (snc.status() == QualificationStatus.QUALIFIED && !offer.immuneToExtraEuAccess()) {
			why = "qualifiée SecNumCloud mais non protégée contre les lois extra-européennes";
			whyEn = "SecNumCloud-qualified but not immune to extra-EU law";
		}
		else if (snc.status() == QualificationStatus.NONE) {
			why = offer.immuneToExtraEuAccess() ? "sans qualification SecNumCloud"
					: "sans qualification SecNumCloud ni protection contre les lois extra-européennes";
			whyEn = offer.immuneToExtraEuAccess() ? "without SecNumCloud qualification"
					: "without SecNumCloud qualification nor immunity to extra-EU law";
		}
		else if (snc.status() == QualificationStatus.EXPIRED) {
			why = "qualification SecNumCloud expirée le " + snc.validUntil().plusDays(1) + ", sans renouvellement";
			whyEn = "SecNumCloud qualification expired on " + snc.validUntil().plusDays(1) + ", not renewed";
		}
		else {
			boolean suspended = snc.status() == QualificationStatus.SUSPENDED;
			why = "qualification SecNumCloud " + (suspended ? "suspendue" : "retirée") + " le " + snc.event().date();
			whyEn = "SecNumCloud qualification " + (suspended ? "suspended" : "withdrawn") + " on "
					+ snc.event().date();
		}
		String allowed = String.join(", ", decision.allowedHosting());
		return new Text("Offre de classe " + hostingClass + " (" + why + ") : non admise pour une sensibilité "
				+ decision.sensitivity() + " ; hébergements admis : " + (allowed.isEmpty() ? "aucun" : allowed) + ".",
				"A " + hostingClass + " offer (" + whyEn + "): not allowed for a " + decision.sensitivity()
						+ " sensitivity; allowed hosting: " + (allowed.isEmpty() ? "none" : allowed) + ".");
	}
}
