package fr.gouv.nuage.doctrine;

import java.util.List;
import java.util.Optional;

import fr.gouv.nuage.doctrine.Eval.Frame;
import fr.gouv.nuage.doctrine.RulePack.Derived;

/**
 * What the doctrine says about one assessment (decision-v1): the verdict, the derived
 * facts that justify it, a finding for every rule, the facts still missing, the uncertain
 * points it relies on, and the pack that produced it. Pages, API and CLI only render this
 * object.
 */
public final class Decision {

	private final RulePack pack;

	private final Assessment assessment;

	private final Frame frame;

	private final int[] chosenCases;

	private final Verdict verdict;

	private final List<Finding> findings;

	private final long missing;

	private final List<Note> notes;

	private final List<String> errors;

	private final List<TraceEntry> trace;

	Decision(RulePack pack, Assessment assessment, Frame frame, int[] chosenCases, Verdict verdict,
			List<Finding> findings, long missing, List<Note> notes, List<String> errors, List<TraceEntry> trace) {
		this.pack = pack;
		this.assessment = assessment;
		this.frame = frame;
		this.chosenCases = chosenCases;
		this.verdict = verdict;
		this.findings = findings;
		this.missing = missing;
		this.notes = notes;
		this.errors = errors;
		this.trace = trace;
	}

	public PackInfo doctrine() {
		return pack.info();
	}

	public RulePack pack() {
		return pack;
	}

	public Assessment assessment() {
		return assessment;
	}

	public Verdict verdict() {
		return verdict;
	}

	/** {@code null} when unknown. */
	public Boolean subject() {
		return bool(pack.outputs().subject());
	}

	/** {@code null} when unknown. */
	public Boolean concerned() {
		return bool(pack.outputs().concerned());
	}

	public String sensitivity() {
		return (String) shown(pack.outputs().sensitivity());
	}

	@SuppressWarnings("unchecked")
	public List<String> allowedHosting() {
		return (List<String>) shown(pack.outputs().allowedHosting());
	}

	public boolean preferSaas() {
		return Boolean.TRUE.equals(shown(pack.outputs().preferSaas()));
	}

	public String control() {
		return (String) shown(pack.outputs().control());
	}

	public List<Finding> findings() {
		return findings;
	}

	public Optional<Finding> finding(String rule) {
		return findings.stream().filter(f -> f.rule().equals(rule)).findFirst();
	}

	/** Paths of the absent facts the decision needs, in schema order. */
	public List<String> missingFacts() {
		return pack.factPaths(missing);
	}

	public List<Note> notes() {
		return notes;
	}

	/** Errors met while evaluating; a decision with errors is never compliant. */
	public List<String> errors() {
		return errors;
	}

	/** Every condition evaluated, when the trace was asked for. */
	public Optional<List<TraceEntry>> trace() {
		return Optional.ofNullable(trace);
	}

	/**
	 * Why a derived value (subject, concerned, sensitivity, allowedHosting, control...)
	 * is what it is: the {@code because} of the case that gave it, or empty.
	 */
	public Optional<String> because(String derivedName, Lang lang) {
		for (Derived d : pack.derived()) {
			if (d.name().equals(derivedName)) {
				int chosen = chosenCases[d.slot()];
				if (chosen >= 0 && d.cases()[chosen].because() != null) {
					return Optional.of(d.cases()[chosen].because()[lang.ordinal()].render(frame, pack.labels(), lang));
				}
				return Optional.empty();
			}
		}
		return Optional.empty();
	}

	/**
	 * A derived value as the decision shows it (its `unknown` value when it is unknown).
	 */
	public Object derived(String name) {
		for (Derived d : pack.derived()) {
			if (d.name().equals(name)) {
				return shown(d.slot());
			}
		}
		throw new IllegalArgumentException("the pack " + pack.id() + " derives no `" + name + "`");
	}

	private Boolean bool(int slot) {
		Object value = frame.derived[slot];
		return value instanceof Boolean b ? b : null;
	}

	private Object shown(int slot) {
		Object value = frame.derived[slot];
		return Eval.isUndetermined(value) ? pack.derived()[slot].unknownValue() : value;
	}

}
