package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.EngineTexts;
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

	private static final EngineTexts TEXTS = EngineTexts.of("/catalogue/catalogue-texts.yaml");

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
				exclusion = new Exclusion(offer, hostingClass, "INTERNE", TEXTS.text("excluded.internalAudience"));
			}
			else if (!allowed.contains(hostingClass)) {
				exclusion = new Exclusion(offer, hostingClass, "R9", notAllowed(offer, hostingClass, decision, date));
			}
			else if (!offer.mayHost(marking)) {
				exclusion = new Exclusion(offer, hostingClass, "R9", TEXTS.text("excluded.restricted"));
			}
			else if (health && !offer.isInternal() && !offer.hdsCertified()) {
				exclusion = new Exclusion(offer, hostingClass, "R9", TEXTS.text("excluded.health"));
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
		String allowed = String.join(", ", decision.allowedHosting());
		return TEXTS.text("excluded.notAllowed", "class", hostingClass, "why", why(offer, date), "sensitivity",
				decision.sensitivity(), "allowed", allowed.isEmpty() ? TEXTS.text("excluded.allowedNone") : allowed);
	}

	/** Why an offer has the class it has on the date: its SecNumCloud state. */
	private static Text why(Offer offer, LocalDate date) {
		QualificationState snc = offer.secNumCloud(date);
		if (offer.isInternal()) {
			return TEXTS.text("excluded.why.internal");
		}
		switch (snc.status()) {
			case IN_PROGRESS:
				return snc.event().milestone() == null ? TEXTS.text("excluded.why.inProgress")
						: TEXTS.text("excluded.why.inProgressStep", "milestone", snc.event().milestone(), "date",
								snc.event().date());
			case QUALIFIED:
				return TEXTS.text(offer.immuneToExtraEuAccess() ? "excluded.why.trusted" : "excluded.why.notImmune");
			case NONE:
				return TEXTS.text(offer.immuneToExtraEuAccess() ? "excluded.why.none" : "excluded.why.noneNotImmune");
			case EXPIRED:
				return TEXTS.text("excluded.why.expired", "date", snc.validUntil().plusDays(1));
			case SUSPENDED:
				return TEXTS.text("excluded.why.suspended", "date", snc.event().date());
			default:
				return TEXTS.text("excluded.why.withdrawn", "date", snc.event().date());
		}
	}

}
