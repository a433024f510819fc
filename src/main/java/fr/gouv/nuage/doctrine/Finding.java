package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.Eval.Failure;
import fr.gouv.nuage.doctrine.Eval.Frame;
import fr.gouv.nuage.doctrine.RulePack.Check;
import fr.gouv.nuage.doctrine.RulePack.Rule;

/**
 * What one rule says of one assessment: its status, why (the checks that fired, or the
 * facts it lacks), the obligation it sets and the facts it read. Texts are rendered on
 * demand, in either language, so that evaluating stays cheap.
 */
public final class Finding {

	/** Why a finding has its status. */
	enum Reason {

		NOT_SUBJECT, NOT_CONCERNED, ADMINISTRATION, DOES_NOT_APPLY, VIOLATED, UNSETTLED, VIGILANCE, SATISFIED

	}

	private final RulePack pack;

	private final Frame frame;

	private final Rule rule;

	private final Reason reason;

	private final List<Check> causes;

	private final long missing;

	private final Failure failure;

	Finding(RulePack pack, Frame frame, Rule rule, Reason reason, List<Check> causes, long missing, Failure failure) {
		this.pack = pack;
		this.frame = frame;
		this.rule = rule;
		this.reason = reason;
		this.causes = causes == null ? List.of() : causes;
		this.missing = missing;
		this.failure = failure;
	}

	public String rule() {
		return rule.id();
	}

	public FindingStatus status() {
		switch (reason) {
			case VIOLATED:
				return FindingStatus.VIOLATED;
			case UNSETTLED:
			case VIGILANCE:
				return FindingStatus.TO_CONFIRM;
			case SATISFIED:
				return FindingStatus.SATISFIED;
			default:
				return FindingStatus.NOT_APPLICABLE;
		}
	}

	public Text title() {
		return rule.title();
	}

	/** The obligation as the pack writes it, placeholders unresolved. */
	public Text obligation() {
		return rule.obligation();
	}

	/** The obligation for this assessment, placeholders resolved. */
	public String obligation(Lang lang) {
		return render(rule.obligationTemplates(), lang);
	}

	/** The ids of the checks that fired (violated, or to confirm). */
	public List<String> causes() {
		List<String> ids = new ArrayList<>(causes.size());
		for (Check check : causes) {
			ids.add(check.id());
		}
		return ids;
	}

	public List<String> missingFacts() {
		return pack.factPaths(missing);
	}

	/**
	 * The facts the rule reads that the assessment gives (defaults included), in schema
	 * order.
	 */
	public Map<String, Object> factsUsed() {
		if (reason == Reason.NOT_SUBJECT || reason == Reason.NOT_CONCERNED || reason == Reason.ADMINISTRATION) {
			return Map.of();
		}
		Map<String, Object> used = new LinkedHashMap<>();
		for (Fact fact : pack.facts().facts()) {
			if ((rule.reads() & (1L << fact.index())) != 0 && frame.facts[fact.index()] != null) {
				used.put(fact.path(), frame.facts[fact.index()]);
			}
		}
		return Collections.unmodifiableMap(used);
	}

	public String explanation(Lang lang) {
		Template[] templates = templates();
		if (templates != null) {
			return render(templates, lang);
		}
		EngineTexts texts = pack.texts();
		switch (reason) {
			case NOT_SUBJECT:
				return texts.notSubject.in(lang);
			case NOT_CONCERNED:
				return texts.notConcerned.in(lang);
			case ADMINISTRATION:
			case DOES_NOT_APPLY:
				return texts.doesNotApply.in(lang);
			case UNSETTLED:
				if (failure != null) {
					return texts.failed.in(lang).replace("{error}", failure.message);
				}
				return texts.unsettled.in(lang).replace("{missing}", String.join(", ", missingFacts()));
			default:
				StringBuilder out = new StringBuilder();
				for (Check check : causes) {
					if (out.length() > 0) {
						out.append(' ');
					}
					out.append(render(check.explain(), lang));
				}
				return out.toString();
		}
	}

	/**
	 * The compact JSON of this finding when it depends on nothing but its rule and why it
	 * has its status (not applicable, satisfied with a fixed text...), computed once per
	 * pack; else null.
	 */
	String constantJson(Lang lang) {
		return pack.constantFinding(rule, reason, lang);
	}

	/** {@link #constantJson} encoded in UTF-8, once per pack. */
	byte[] constantJsonUtf8(Lang lang) {
		return pack.constantFindingUtf8(rule, reason, lang);
	}

	/**
	 * True when the finding reads nothing of an assessment: its JSON can be written once
	 * per pack.
	 */
	boolean isConstant() {
		switch (reason) {
			case NOT_SUBJECT:
			case NOT_CONCERNED:
			case ADMINISTRATION:
			case DOES_NOT_APPLY:
			case SATISFIED:
				Template[] templates = templates();
				return templates == null ? reason != Reason.SATISFIED
						: templates[0].isConstant() && templates[1].isConstant();
			default:
				return false;
		}
	}

	/**
	 * The pack's text the explanation is, when it is one text: why the rule does not
	 * apply, why it is satisfied, or the one check that fired; {@code null} for the
	 * engine's own texts and for explanations made of several checks.
	 */
	private Template[] templates() {
		switch (reason) {
			case ADMINISTRATION:
			case DOES_NOT_APPLY:
				return rule.notApplicable();
			case SATISFIED:
				return rule.satisfied();
			case VIOLATED:
			case VIGILANCE:
				return causes.size() == 1 ? causes.get(0).explain() : null;
			default:
				return null;
		}
	}

	/**
	 * Writes the explanation as a JSON string; a text without placeholders is written as
	 * escaped when the pack was planned, which keeps a stream of decisions cheap.
	 */
	void writeExplanation(JsonWriter json, Lang lang) {
		Template[] templates = templates();
		if (templates != null) {
			templates[lang.ordinal()].write(json, frame, pack.labels(), lang);
		}
		else {
			json.value(explanation(lang));
		}
	}

	private String render(Template[] templates, Lang lang) {
		return templates[lang.ordinal()].render(frame, pack.labels(), lang);
	}

	long missingMask() {
		return missing;
	}

	Failure failure() {
		return failure;
	}

}
