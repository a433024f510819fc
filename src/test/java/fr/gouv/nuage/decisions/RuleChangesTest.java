package fr.gouv.nuage.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.gouv.nuage.decisions.RuleChanges.Aspect;
import fr.gouv.nuage.decisions.RuleChanges.RuleChange;
import fr.gouv.nuage.decisions.RuleChanges.Status;
import fr.gouv.nuage.decisions.TextDiff.Kind;
import fr.gouv.nuage.decisions.TextDiff.Piece;
import fr.gouv.nuage.doctrine.PackLoader;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import org.junit.jupiter.api.Test;

/**
 * What changed from 2021 to 2023, computed from the shipped packs: checked against what
 * the two files say (shared/reference/doctrine.md §1 for R9, R11, R12, R14), and against
 * a pack that differs from the 2023 one in one obligation only.
 */
class RuleChangesTest {

	private final RulePacks packs = RulePacks.shipped();

	private final RuleChanges changes = RuleChanges.between(packs.get("6282-SG"), packs.get("6404-SG"));

	@Test
	void comparesTheFifteenRulesOfTheTwoCirculars() {
		assertThat(changes.from().id()).isEqualTo("6282-SG");
		assertThat(changes.to().id()).isEqualTo("6404-SG");
		assertThat(changes.rules()).extracting(RuleChange::id)
			.containsExactly("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14",
					"R15");
		assertThat(changes.count(Status.ADDED)).isZero();
		assertThat(changes.count(Status.REMOVED)).isZero();
	}

	@Test
	void r9IsRewrittenWithNewChecksAndALowerConfidence() {
		RuleChange r9 = rule("R9");
		assertThat(r9.status()).isEqualTo(Status.CHANGED);
		assertThat(r9.substance()).extracting(RuleChanges.Difference::aspect)
			.containsExactly(Aspect.TITLE, Aspect.TEXT);
		assertThat(r9.changed(Aspect.OBLIGATION)).as("the same obligation in both packs").isFalse();
		assertThat(r9.changedChecks()).extracting(RuleChanges.CheckChange::id, RuleChanges.CheckChange::status)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("hosting-not-allowed", Status.CHANGED),
					org.assertj.core.groups.Tuple.tuple("gdpr", Status.CHANGED),
					org.assertj.core.groups.Tuple.tuple("extra-eu-access", Status.ADDED),
					org.assertj.core.groups.Tuple.tuple("transfers-outside-eu", Status.ADDED),
					org.assertj.core.groups.Tuple.tuple("data-location", Status.ADDED),
					org.assertj.core.groups.Tuple.tuple("prefer-secnumcloud", Status.REMOVED));
		assertThat(r9.checks()).filteredOn(check -> check.id().equals("gdpr"))
			.singleElement()
			.satisfies(gdpr -> assertThat(gdpr.aspects()).containsExactly(RuleChanges.CheckAspect.EXPLANATION));
		assertThat(r9.checks()).filteredOn(check -> check.id().equals("hds"))
			.singleElement()
			.satisfies(hds -> assertThat(hds.status()).isEqualTo(Status.UNCHANGED));
		assertThat(r9.provenance()).filteredOn(d -> d.aspect() == Aspect.CONFIDENCE).singleElement().satisfies(d -> {
			assertThat(d.from()).isEqualTo("sourced");
			assertThat(d.to()).isEqualTo("sourced-secondary");
		});
	}

	@Test
	void aRuleWhoseOnlySourcesChangedIsUnchanged() {
		RuleChange r1 = rule("R1");
		assertThat(r1.status()).isEqualTo(Status.UNCHANGED);
		assertThat(r1.substance()).isEmpty();
		assertThat(r1.changedChecks()).isEmpty();
		assertThat(r1.provenance()).extracting(RuleChanges.Difference::aspect).containsExactly(Aspect.SOURCE);
		assertThat(changes.rules()).filteredOn(rule -> rule.status() == Status.UNCHANGED)
			.extracting(RuleChange::id)
			.containsExactly("R1", "R3", "R4", "R5", "R6", "R7", "R8", "R10", "R13", "R15");
	}

	@Test
	void aConfidenceLoweredWithTheTextIsReportedBesideIt() {
		RuleChange r12 = rule("R12");
		assertThat(r12.status()).isEqualTo(Status.CHANGED);
		assertThat(r12.provenance()).extracting(RuleChanges.Difference::aspect)
			.containsExactly(Aspect.SOURCE, Aspect.CONFIDENCE, Aspect.UNCERTAINTY);
		assertThat(r12.provenance().get(1).to()).isEqualTo("uncertain");
		assertThat(r12.provenance().get(2).from()).isNull();
	}

	@Test
	void anObligationThatDiffersMakesTheRuleChangedAndNothingElse() {
		RulePack latest = packs.get("6404-SG");
		String source = packs.source("6404-SG");
		String obligation = "Saisir la DINUM pour avis après le cadrage et avant tout engagement contractuel.";
		assertThat(source).containsOnlyOnce(obligation);
		String edited = source.replace(obligation, "Saisir la DINUM pour avis avant le cadrage.");
		RulePack other = ((PackLoader.Loaded) new PackLoader().load("6404-SG.yaml", edited)).pack();

		RuleChanges same = RuleChanges.between(latest, latest);
		assertThat(same.rules()).allSatisfy(rule -> {
			assertThat(rule.status()).isEqualTo(Status.UNCHANGED);
			assertThat(rule.differences()).isEmpty();
		});
		RuleChanges edit = RuleChanges.between(latest, other);
		assertThat(edit.rules()).filteredOn(rule -> rule.status() != Status.UNCHANGED).singleElement().satisfies(r8 -> {
			assertThat(r8.id()).isEqualTo("R8");
			assertThat(r8.differences()).extracting(RuleChanges.Difference::aspect).containsExactly(Aspect.OBLIGATION);
		});
	}

	@Test
	void theWordsChangedReadAsOneRemovalAndOneAddition() {
		assertThat(TextDiff.of("Le cloud par défaut, pour tout", "Le cloud interne par défaut, pour rien"))
			.containsExactly(new Piece(Kind.SAME, "Le cloud "), new Piece(Kind.ADDED, "interne "),
					new Piece(Kind.SAME, "par défaut, pour "), new Piece(Kind.REMOVED, "tout"),
					new Piece(Kind.ADDED, "rien"));
		assertThat(TextDiff.of("a b c d", "a x y d")).containsExactly(new Piece(Kind.SAME, "a "),
				new Piece(Kind.REMOVED, "b c"), new Piece(Kind.ADDED, "x y"), new Piece(Kind.SAME, " d"));
		assertThat(TextDiff.of(null, "nouveau")).containsExactly(new Piece(Kind.ADDED, "nouveau"));
		assertThat(TextDiff.of("même", "même")).containsExactly(new Piece(Kind.SAME, "même"));
	}

	@Test
	void aPlaceholderIsShownAsSuchAndASourceAsItsReferences() {
		assertThat(DoctrineTexts.segments("Offres admises ({allowedHosting}).")).containsExactly(
				new DoctrineTexts.Segment("Offres admises (", false), new DoctrineTexts.Segment("allowedHosting", true),
				new DoctrineTexts.Segment(").", false));
		assertThat(new DoctrineTexts(java.util.Locale.FRENCH).sources("RULES-2023 R14; symbioz.cloud-temple.com"))
			.containsExactly(new DoctrineTexts.Source("RULES-2023", "R14", null),
					new DoctrineTexts.Source("symbioz.cloud-temple.com", null, "https://symbioz.cloud-temple.com"));
	}

	private RuleChange rule(String id) {
		return changes.rule(id).orElseThrow();
	}

}
