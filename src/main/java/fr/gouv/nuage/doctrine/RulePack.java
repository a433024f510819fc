package fr.gouv.nuage.doctrine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.gouv.nuage.doctrine.Eval.Failure;
import fr.gouv.nuage.doctrine.Eval.Frame;
import fr.gouv.nuage.doctrine.Eval.Node;
import fr.gouv.nuage.doctrine.Eval.Unknown;

/**
 * A checked and planned rule pack, ready to evaluate assessments. Immutable and
 * thread-safe: evaluation allocates its own frame and touches nothing shared.
 */
public final class RulePack {

	/**
	 * A derived value: an expression, or cases of which the first that holds gives the
	 * value.
	 */
	record Derived(String name, int slot, Node expr, Case[] cases, Object unknownValue, Note note, long reads,
			String exprSource) implements Serializable {
	}

	record Case(Node when, Object value, Node valueExpr, Template[] because, Note note,
			String whenSource) implements Serializable {

		// A record is read back through this constructor: a stored plan's booleans become
		// canonical.
		Case {
			value = Eval.canonical(value);
		}
	}

	record Check(String id, Node when, Node condition, boolean vigilance, Template[] explain, String source,
			String whenSource, Text explanation) implements Serializable {
	}

	record Rule(String id, String block, boolean administration, Text title, Text text, Text obligation,
			Template[] obligationTemplates, String source, String confidence, Text uncertainty, Node applies,
			String appliesSource, Template[] notApplicable, Check[] checks, Template[] satisfied, long reads,
			Text notApplicableText, Text satisfiedText) implements Serializable {
	}

	/** Slots of the derived values that are the decision's fields. */
	record Outputs(int subject, int concerned, int sensitivity, int allowedHosting, int preferSaas,
			int control) implements Serializable {
	}

	/** Everything a planned pack holds but its fact model: what the plan cache stores. */
	record Plan(PackInfo info, Object[] defaults, Object[][] absentWhen, Derived[] derived, Rule[] rules,
			Outputs outputs, Map<String, Text> questions, Map<String, Text> labels) implements Serializable {
	}

	private final PackInfo info;

	private final FactModel facts;

	private final Object[] defaults;

	private final Object[][] absentWhen;

	private final Derived[] derived;

	private final Rule[] rules;

	private final Outputs outputs;

	private final Map<String, Text> questions;

	private final Map<String, Text> labels;

	private final EngineTexts texts;

	RulePack(PackInfo info, FactModel facts, Object[] defaults, Object[][] absentWhen, Derived[] derived, Rule[] rules,
			Outputs outputs, Map<String, Text> questions, Map<String, Text> labels) {
		this.info = info;
		this.facts = facts;
		this.defaults = defaults;
		this.absentWhen = absentWhen;
		this.derived = derived;
		this.rules = rules;
		this.outputs = outputs;
		this.questions = questions;
		this.labels = labels;
		this.texts = EngineTexts.get();
		this.constantFindings = constantFindings();
		this.constantFindingsUtf8 = new java.util.IdentityHashMap<>();
		constantFindings.forEach((rule, json) -> {
			byte[][] utf8 = new byte[json.length][];
			for (int i = 0; i < json.length; i++) {
				utf8[i] = json[i] == null ? null : json[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
			}
			constantFindingsUtf8.put(rule, utf8);
		});
	}

	private final java.util.IdentityHashMap<Rule, byte[][]> constantFindingsUtf8;

	/**
	 * Per rule, per reason and language: the compact JSON of the findings that read no
	 * fact.
	 */
	private final java.util.IdentityHashMap<Rule, String[]> constantFindings;

	private java.util.IdentityHashMap<Rule, String[]> constantFindings() {
		java.util.IdentityHashMap<Rule, String[]> constants = new java.util.IdentityHashMap<>();
		Finding.Reason[] reasons = Finding.Reason.values();
		for (Rule rule : rules) {
			String[] json = new String[reasons.length * Lang.values().length];
			for (Finding.Reason reason : reasons) {
				Finding finding = new Finding(this, null, rule, reason, null, 0L, null);
				if (finding.isConstant()) {
					for (Lang lang : Lang.values()) {
						StringBuilder out = new StringBuilder();
						DecisionJson.writeFinding(finding, lang, false, new JsonWriter(out, false));
						json[reason.ordinal() * Lang.values().length + lang.ordinal()] = out.toString();
					}
				}
			}
			constants.put(rule, json);
		}
		return constants;
	}

	String constantFinding(Rule rule, Finding.Reason reason, Lang lang) {
		String[] json = constantFindings.get(rule);
		return json == null ? null : json[reason.ordinal() * Lang.values().length + lang.ordinal()];
	}

	byte[] constantFindingUtf8(Rule rule, Finding.Reason reason, Lang lang) {
		byte[][] json = constantFindingsUtf8.get(rule);
		return json == null ? null : json[reason.ordinal() * Lang.values().length + lang.ordinal()];
	}

	RulePack(Plan plan, FactModel facts) {
		this(plan.info(), facts, canonical(plan.defaults()), plan.absentWhen(), plan.derived(), plan.rules(),
				plan.outputs(), plan.questions(), plan.labels());
	}

	private static Object[] canonical(Object[] values) {
		Object[] copy = values.clone();
		for (int i = 0; i < copy.length; i++) {
			copy[i] = Eval.canonical(copy[i]);
		}
		return copy;
	}

	Plan plan() {
		return new Plan(info, defaults, absentWhen, derived, rules, outputs, questions, labels);
	}

	public PackInfo info() {
		return info;
	}

	public String id() {
		return info.id();
	}

	public FactModel facts() {
		return facts;
	}

	/** The rules in pack order, as their author wrote them. */
	public List<RuleInfo> rules() {
		List<RuleInfo> list = new ArrayList<>();
		for (Rule rule : rules) {
			list.add(new RuleInfo(rule.id(), rule.block(), rule.administration(), rule.title(), rule.text(),
					rule.obligation(), rule.source(), rule.confidence(), rule.uncertainty()));
		}
		return List.copyOf(list);
	}

	/** The rule of that id, as its author wrote it. */
	public Optional<RuleInfo> rule(String id) {
		return rules().stream().filter(rule -> rule.id().equals(id)).findFirst();
	}

	/**
	 * What the rule of that id checks on a project, as its author wrote it; empty for an
	 * unknown id.
	 */
	public Optional<RuleChecks> checks(String ruleId) {
		for (Rule rule : rules) {
			if (rule.id().equals(ruleId)) {
				List<RuleChecks.Check> checks = new ArrayList<>();
				for (Check check : rule.checks()) {
					checks.add(new RuleChecks.Check(check.id(),
							check.vigilance() ? RuleChecks.Kind.TO_CONFIRM : RuleChecks.Kind.VIOLATED,
							check.whenSource(), check.source(), check.explanation()));
				}
				return Optional.of(new RuleChecks(rule.appliesSource(), rule.notApplicableText(), List.copyOf(checks),
						rule.satisfiedText()));
			}
		}
		return Optional.empty();
	}

	/**
	 * The value the pack reads for a fact when the assessment leaves it out, or
	 * {@code null}.
	 */
	public Object defaultValue(String factPath) {
		return facts.fact(factPath).map(fact -> defaults[fact.index()]).orElse(null);
	}

	/** How to ask for a missing fact, or {@code null}. */
	public Text question(String factPath) {
		return questions.get(factPath);
	}

	/** How an enum value reads, or {@code null}. */
	public Text label(String value) {
		return labels.get(value);
	}

	Map<String, Text> labels() {
		return labels;
	}

	Outputs outputs() {
		return outputs;
	}

	Derived[] derived() {
		return derived;
	}

	Rule[] compiledRules() {
		return rules;
	}

	EngineTexts texts() {
		return texts;
	}

	public Decision evaluate(Assessment assessment) {
		return evaluate(assessment, false);
	}

	/**
	 * Evaluates an assessment; with {@code trace}, every condition is recorded with its
	 * result.
	 */
	public Decision evaluate(Assessment assessment, boolean trace) {
		if (assessment.model() != facts) {
			throw new IllegalArgumentException("the assessment was read with another fact model than the pack's");
		}
		Frame frame = new Frame(normalize(assessment.values()), derived.length);
		int[] chosen = new int[derived.length];
		List<TraceEntry> traceEntries = trace ? new ArrayList<>() : null;
		for (Derived d : derived) {
			frame.derived[d.slot()] = evaluate(d, frame, chosen, traceEntries);
		}
		Object subject = frame.derived[outputs.subject()];
		Object concerned = frame.derived[outputs.concerned()];
		boolean maybeInScope = subject != Boolean.FALSE && concerned != Boolean.FALSE;
		long missing = Eval.missingOf(subject) | Eval.missingOf(concerned);
		if (maybeInScope) {
			missing |= Eval.missingOf(frame.derived[outputs.sensitivity()])
					| Eval.missingOf(frame.derived[outputs.allowedHosting()])
					| Eval.missingOf(frame.derived[outputs.control()]);
		}
		Finding.Reason outOfScope = subject == Boolean.FALSE ? Finding.Reason.NOT_SUBJECT
				: concerned == Boolean.FALSE ? Finding.Reason.NOT_CONCERNED : null;
		Finding[] findings = new Finding[rules.length];
		boolean violated = false;
		boolean failed = false;
		for (int i = 0; i < rules.length; i++) {
			Finding finding = outOfScope != null ? new Finding(this, frame, rules[i], outOfScope, null, 0L, null)
					: evaluate(rules[i], frame, traceEntries);
			findings[i] = finding;
			missing |= finding.missingMask();
			violated |= finding.status() == FindingStatus.VIOLATED;
			failed |= finding.failure() != null;
		}
		List<String> errors = errors(frame, findings);
		Verdict verdict;
		if (subject == Boolean.FALSE) {
			verdict = Verdict.NOT_SUBJECT;
		}
		else if (concerned == Boolean.FALSE) {
			verdict = Verdict.NOT_CONCERNED;
		}
		else if (violated) {
			verdict = Verdict.NON_COMPLIANT;
		}
		else if (missing != 0 || failed || !errors.isEmpty()) {
			verdict = Verdict.INCOMPLETE;
		}
		else {
			verdict = Verdict.COMPLIANT;
		}
		return new Decision(this, assessment, frame, chosen, verdict, List.of(findings), missing, notes(frame, chosen),
				errors, traceEntries == null ? null : List.copyOf(traceEntries));
	}

	private Object[] normalize(Object[] values) {
		Object[] copy = values.clone();
		for (int i = 0; i < copy.length; i++) {
			Object[] absent = absentWhen[i];
			if (absent != null && copy[i] != null) {
				for (Object a : absent) {
					if (a.equals(copy[i])) {
						copy[i] = null;
					}
				}
			}
			if (copy[i] == null) {
				copy[i] = defaults[i];
			}
		}
		return copy;
	}

	private Object evaluate(Derived d, Frame frame, int[] chosen, List<TraceEntry> trace) {
		chosen[d.slot()] = -1;
		if (d.expr() != null) {
			Object value = d.expr().eval(frame);
			record(trace, "derived " + d.name(), d.exprSource(), value);
			return value;
		}
		Case[] cases = d.cases();
		for (int i = 0; i < cases.length; i++) {
			Object when = cases[i].when().eval(frame);
			record(trace, "derived " + d.name() + " case " + (i + 1), cases[i].whenSource(), when);
			if (when == Boolean.TRUE) {
				chosen[d.slot()] = i;
				return cases[i].valueExpr() != null ? cases[i].valueExpr().eval(frame) : cases[i].value();
			}
			if (when != Boolean.FALSE) {
				return when;
			}
		}
		return new Failure("no case of `" + d.name() + "` holds");
	}

	private Finding evaluate(Rule rule, Frame frame, List<TraceEntry> trace) {
		if (rule.administration()) {
			return new Finding(this, frame, rule, Finding.Reason.ADMINISTRATION, null, 0L, null);
		}
		Object applies = rule.applies() == null ? Boolean.TRUE : rule.applies().eval(frame);
		if (rule.applies() != null) {
			record(trace, rule.id() + " applies", rule.appliesSource(), applies);
		}
		if (applies == Boolean.FALSE) {
			return new Finding(this, frame, rule, Finding.Reason.DOES_NOT_APPLY, null, 0L, null);
		}
		List<Check> violated = null;
		List<Check> vigilance = null;
		long missing = Eval.missingOf(applies);
		Failure failure = applies instanceof Failure f ? f : null;
		for (Check check : rule.checks()) {
			Object value = check.when() == null ? Boolean.TRUE : check.when().eval(frame);
			if (value != Boolean.FALSE) {
				Object condition = check.condition().eval(frame);
				value = value == Boolean.TRUE ? condition : condition == Boolean.FALSE ? Boolean.FALSE
						: condition == Boolean.TRUE ? value : Eval.undetermined(value, condition);
			}
			record(trace, rule.id() + " " + (check.vigilance() ? "to confirm " : "violated ") + check.id(),
					check.source(), value);
			if (value == Boolean.FALSE) {
				continue;
			}
			if (check.vigilance()) {
				vigilance = add(vigilance, check);
			}
			else if (value == Boolean.TRUE) {
				violated = add(violated, check);
			}
			else {
				missing |= Eval.missingOf(value);
				if (value instanceof Failure f && failure == null) {
					failure = f;
				}
			}
		}
		if (applies == Boolean.TRUE && violated != null) {
			return new Finding(this, frame, rule, Finding.Reason.VIOLATED, violated, 0L, null);
		}
		if (missing != 0 || failure != null || applies != Boolean.TRUE) {
			return new Finding(this, frame, rule, Finding.Reason.UNSETTLED, violated, missing, failure);
		}
		if (vigilance != null) {
			return new Finding(this, frame, rule, Finding.Reason.VIGILANCE, vigilance, 0L, null);
		}
		return new Finding(this, frame, rule, Finding.Reason.SATISFIED, null, 0L, null);
	}

	private static List<Check> add(List<Check> list, Check check) {
		List<Check> result = list == null ? new ArrayList<>(2) : list;
		result.add(check);
		return result;
	}

	private List<Note> notes(Frame frame, int[] chosen) {
		List<Note> notes = null;
		for (Derived d : derived) {
			Object value = frame.derived[d.slot()];
			if (d.note() != null && !Eval.isUndetermined(value)) {
				notes = addNote(notes, d.note());
			}
			if (chosen[d.slot()] >= 0 && d.cases()[chosen[d.slot()]].note() != null) {
				notes = addNote(notes, d.cases()[chosen[d.slot()]].note());
			}
		}
		return notes == null ? List.of() : List.copyOf(notes);
	}

	private static List<Note> addNote(List<Note> notes, Note note) {
		List<Note> result = notes == null ? new ArrayList<>(2) : notes;
		if (!result.contains(note)) {
			result.add(note);
		}
		return result;
	}

	private static List<String> errors(Frame frame, Finding[] findings) {
		List<String> errors = null;
		for (Object value : frame.derived) {
			if (value instanceof Failure f) {
				errors = errors == null ? new ArrayList<>() : errors;
				errors.add(f.message);
			}
		}
		for (Finding finding : findings) {
			if (finding.failure() != null) {
				errors = errors == null ? new ArrayList<>() : errors;
				errors.add(finding.rule() + ": " + finding.failure().message);
			}
		}
		return errors == null ? List.of() : List.copyOf(errors);
	}

	private void record(List<TraceEntry> trace, String step, String expression, Object value) {
		if (trace == null) {
			return;
		}
		String result;
		List<String> missing = List.of();
		if (value instanceof Unknown unknown) {
			result = "unknown";
			missing = factPaths(unknown.missing);
		}
		else if (value instanceof Failure failure) {
			result = "error: " + failure.message;
		}
		else {
			result = Template.format(value, Map.of(), Lang.EN);
		}
		trace.add(new TraceEntry(step, expression, result, missing));
	}

	/** The paths of the facts in a bit set, in schema order. */
	List<String> factPaths(long mask) {
		if (mask == 0) {
			return List.of();
		}
		List<String> paths = new ArrayList<>(Long.bitCount(mask));
		for (Fact fact : facts.facts()) {
			if ((mask & (1L << fact.index())) != 0) {
				paths.add(fact.path());
			}
		}
		return List.copyOf(paths);
	}

}
