package fr.gouv.nuage.decisions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.doctrine.RuleChecks;
import fr.gouv.nuage.doctrine.RuleInfo;
import fr.gouv.nuage.doctrine.RulePack;

/**
 * What changed from one circular to the next, rule by rule, computed from the two packs'
 * data so that the page can never say what the packs do not. A rule is changed when what
 * it says (title, text, obligation, block, scope) or what Nuage checks of it (when it
 * applies, its checks, its explanations) differs; its sources, confidence and uncertainty
 * are how sure we are of it, reported beside, and alone they leave the rule unchanged.
 */
record RuleChanges(PackInfo from, PackInfo to, List<RuleChange> rules) {

	/** What became of a rule, or of one of its checks. */
	enum Status {

		ADDED, REMOVED, CHANGED, UNCHANGED

	}

	/** A part of a rule that can change; the first ones are its substance. */
	enum Aspect {

		TITLE, TEXT, OBLIGATION, BLOCK, SCOPE, APPLIES, NOT_APPLICABLE, SATISFIED, SOURCE, CONFIDENCE, UNCERTAINTY;

		/**
		 * Whether a change of this part changes the rule, not only what we know of it.
		 */
		boolean substance() {
			return compareTo(SOURCE) < 0;
		}

	}

	/** A part of a check that can change. */
	enum CheckAspect {

		KIND, WHEN, CONDITION, EXPLANATION

	}

	/**
	 * One part whose value differs: a {@code Text}, a {@code String}, or for the scope
	 * whether the rule binds the administration.
	 */
	record Difference(Aspect aspect, Object from, Object to) {
	}

	record CheckChange(String id, Status status, RuleChecks.Check from, RuleChecks.Check to,
			List<CheckAspect> aspects) {

		public boolean explanationChanged() {
			return aspects.contains(CheckAspect.EXPLANATION);
		}

	}

	record RuleChange(String id, Status status, RuleInfo from, RuleInfo to, List<Difference> differences,
			List<CheckChange> checks) {

		/** The rule as it is now, or as it was when it was removed. */
		public RuleInfo latest() {
			return to != null ? to : from;
		}

		public List<Difference> substance() {
			return differences.stream().filter(d -> d.aspect().substance()).toList();
		}

		public List<Difference> provenance() {
			return differences.stream().filter(d -> !d.aspect().substance()).toList();
		}

		/** The checks added, removed or changed. */
		public List<CheckChange> changedChecks() {
			return checks.stream().filter(c -> c.status() != Status.UNCHANGED).toList();
		}

		public boolean changed(Aspect aspect) {
			return differences.stream().anyMatch(d -> d.aspect() == aspect);
		}

	}

	static RuleChanges between(RulePack from, RulePack to) {
		Map<String, RuleInfo> before = byId(from.rules(), RuleInfo::id);
		Map<String, RuleInfo> after = byId(to.rules(), RuleInfo::id);
		List<RuleChange> rules = new ArrayList<>();
		for (RuleInfo rule : after.values()) {
			RuleInfo old = before.get(rule.id());
			rules.add(old == null ? new RuleChange(rule.id(), Status.ADDED, null, rule, List.of(), List.of())
					: compare(old, from.checks(old.id()).orElseThrow(), rule, to.checks(rule.id()).orElseThrow()));
		}
		for (RuleInfo old : before.values()) {
			if (!after.containsKey(old.id())) {
				rules.add(new RuleChange(old.id(), Status.REMOVED, old, null, List.of(), List.of()));
			}
		}
		return new RuleChanges(from.info(), to.info(), List.copyOf(rules));
	}

	Optional<RuleChange> rule(String id) {
		return rules.stream().filter(rule -> rule.id().equals(id)).findFirst();
	}

	long count(Status status) {
		return rules.stream().filter(rule -> rule.status() == status).count();
	}

	/** For the pages: {@code count('CHANGED')}. */
	public long count(String status) {
		return count(Status.valueOf(status));
	}

	private static RuleChange compare(RuleInfo from, RuleChecks fromChecks, RuleInfo to, RuleChecks toChecks) {
		List<Difference> differences = new ArrayList<>();
		add(differences, Aspect.TITLE, from.title(), to.title());
		add(differences, Aspect.TEXT, from.text(), to.text());
		add(differences, Aspect.OBLIGATION, from.obligation(), to.obligation());
		add(differences, Aspect.BLOCK, from.block(), to.block());
		add(differences, Aspect.SCOPE, from.administration(), to.administration());
		add(differences, Aspect.APPLIES, fromChecks.applies(), toChecks.applies());
		add(differences, Aspect.NOT_APPLICABLE, fromChecks.notApplicable(), toChecks.notApplicable());
		add(differences, Aspect.SATISFIED, fromChecks.satisfied(), toChecks.satisfied());
		add(differences, Aspect.SOURCE, from.source(), to.source());
		add(differences, Aspect.CONFIDENCE, from.confidence(), to.confidence());
		add(differences, Aspect.UNCERTAINTY, from.uncertainty(), to.uncertainty());
		List<CheckChange> checks = checks(fromChecks.checks(), toChecks.checks());
		boolean changed = differences.stream().anyMatch(d -> d.aspect().substance())
				|| checks.stream().anyMatch(c -> c.status() != Status.UNCHANGED);
		return new RuleChange(to.id(), changed ? Status.CHANGED : Status.UNCHANGED, from, to, List.copyOf(differences),
				checks);
	}

	private static List<CheckChange> checks(List<RuleChecks.Check> from, List<RuleChecks.Check> to) {
		Map<String, RuleChecks.Check> before = byId(from, RuleChecks.Check::id);
		Map<String, RuleChecks.Check> after = byId(to, RuleChecks.Check::id);
		List<CheckChange> changes = new ArrayList<>();
		for (RuleChecks.Check check : after.values()) {
			RuleChecks.Check old = before.get(check.id());
			if (old == null) {
				changes.add(new CheckChange(check.id(), Status.ADDED, null, check, List.of()));
				continue;
			}
			List<CheckAspect> aspects = new ArrayList<>();
			if (old.kind() != check.kind()) {
				aspects.add(CheckAspect.KIND);
			}
			if (!Objects.equals(old.when(), check.when())) {
				aspects.add(CheckAspect.WHEN);
			}
			if (!Objects.equals(old.condition(), check.condition())) {
				aspects.add(CheckAspect.CONDITION);
			}
			if (!Objects.equals(old.explanation(), check.explanation())) {
				aspects.add(CheckAspect.EXPLANATION);
			}
			changes.add(new CheckChange(check.id(), aspects.isEmpty() ? Status.UNCHANGED : Status.CHANGED, old, check,
					List.copyOf(aspects)));
		}
		for (RuleChecks.Check old : before.values()) {
			if (!after.containsKey(old.id())) {
				changes.add(new CheckChange(old.id(), Status.REMOVED, old, null, List.of()));
			}
		}
		return List.copyOf(changes);
	}

	private static void add(List<Difference> differences, Aspect aspect, Object from, Object to) {
		if (!Objects.equals(from, to)) {
			differences.add(new Difference(aspect, from, to));
		}
	}

	private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
		Map<String, T> map = new LinkedHashMap<>();
		items.forEach(item -> map.put(id.apply(item), item));
		return map;
	}

}
