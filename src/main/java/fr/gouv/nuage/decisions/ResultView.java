package fr.gouv.nuage.decisions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.Eligibility;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.decisions.AssessmentSteps.Step;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.Finding;
import fr.gouv.nuage.doctrine.FindingStatus;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.Note;
import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.doctrine.RuleInfo;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.Verdict;
import org.springframework.util.MultiValueMap;

/**
 * The result of a self-assessment as its page shows it: the decision the API answers for
 * the same assessment, every part of it put in words — the verdict, the scope, the
 * sensitivity and where the data may go, the control and what it implies, each rule's
 * finding with the facts it used, what is missing as questions leading back to their
 * step, the uncertain points — and the catalogue's offers the decision allows, ranked,
 * with why each other one is excluded. Only renders: the decision decides.
 */
final class ResultView {

	/** What one line of the decision says, and why. */
	record Line(String code, String value, String because) {
	}

	/** A fact a finding used, as a person reads it. */
	record Used(String label, String value, boolean supplied) {
	}

	/** A question to answer, and where. */
	record Missing(String path, String question, String step, String href) {
	}

	/** A rule's finding. */
	record FindingView(String rule, String status, String statusLabel, String badge, String title, String explanation,
			String obligation, List<Used> facts, List<Missing> missing, String confidenceLabel, String uncertainty) {
	}

	/** The findings of one status. */
	record Group(String status, String heading, List<FindingView> findings) {
	}

	/** An uncertain point of the doctrine the decision relies on. */
	record NoteView(String id, String confidence, String badge, String text) {
	}

	record EligibleView(int rank, String id, String service, String provider, String hostingClass, String model,
			boolean toBeChecked) {
	}

	record ExcludedView(String id, String service, String provider, String hostingClass, String rule, String reason) {
	}

	record SupportView(String id, String service, String contact, String howToAsk, List<String> reasons) {
	}

	/** One answer given, and the step that asked it. */
	record Answer(String label, String value, String href) {
	}

	/** The answers of one step. */
	record StepAnswers(String title, String href, List<Answer> answers) {
	}

	/** An error of the answers: where, what, and the step to correct it at. */
	record ErrorView(String path, String message, String label, String step, String href) {
	}

	private ResultView() {
	}

	/** The page's model for a decision. */
	static Map<String, Object> of(Eligibility eligibility, AssessmentParameters.Read read,
			MultiValueMap<String, String> controls, AssessmentTexts texts, String base) {
		Decision decision = eligibility.decision();
		RulePack pack = decision.pack();
		String query = read.query(controls);
		Map<String, Object> model = new java.util.LinkedHashMap<>();
		String verdict = decision.verdict().name();
		model.put("verdict", verdict);
		model.put("verdictClass", alert(decision.verdict()));
		model.put("subject",
				line(decision.subject() == null ? null : decision.subject().toString(),
						decision.subject() == null ? texts.text("assessment.result.unknown")
								: texts.format("", decision.subject()),
						decision.because("subject", texts.lang()).orElse(null)));
		model.put("concerned",
				line(decision.concerned() == null ? null : decision.concerned().toString(),
						decision.concerned() == null ? texts.text("assessment.result.unknown")
								: texts.format("", decision.concerned()),
						decision.because("concerned", texts.lang()).orElse(null)));
		model.put("sensitivity", line(decision.sensitivity(), texts.in(pack.label(decision.sensitivity())),
				decision.because("sensitivity", texts.lang()).orElse(null)));
		List<String> allowed = decision.allowedHosting()
			.stream()
			.map(hostingClass -> texts.value("hosting.class", hostingClass))
			.toList();
		model.put("allowedHosting", allowed);
		model.put("allowedBecause", decision.because("allowedHosting", texts.lang()).orElse(null));
		model.put("preferSaas", decision.preferSaas());
		model.put("control", line(decision.control(), texts.in(pack.label(decision.control())),
				decision.because("control", texts.lang()).orElse(null)));
		model.put("groups", groups(decision, query, texts));
		model.put("missing", missing(decision.missingFacts(), query, texts));
		model.put("notes", decision.notes().stream().map(note -> note(note, texts)).toList());
		model.put("errors", decision.errors());
		model.put("eligible", eligible(eligibility, texts));
		model.put("excluded",
				eligibility.excluded()
					.stream()
					.map(x -> new ExcludedView(x.offer().id(), x.offer().service(), x.offer().provider(),
							x.hostingClass() == null ? null : texts.value("hosting.class", x.hostingClass()), x.rule(),
							texts.in(x.reason())))
					.toList());
		model.put("support",
				eligibility.support()
					.stream()
					.map(s -> new SupportView(s.offer().id(), s.offer().service(), s.offer().support().contact(),
							texts.in(s.offer().support().howToAsk()), s.reasons().stream().map(texts::in).toList()))
					.toList());
		model.put("answers", answers(read, query, texts));
		PackInfo info = decision.doctrine();
		model.put("pack", info);
		model.put("packTitle", texts.in(info.title()));
		model.put("modify", "/auto-evaluation/" + AssessmentSteps.STEPS.get(0).slug() + suffix(query));
		model.put("share", base + "/auto-evaluation/" + AssessmentSteps.RESULT + suffix(query));
		model.put("certificate", "/auto-evaluation/certificat.pdf" + suffix(query));
		return model;
	}

	/** Each error with the step that holds its path. */
	static List<ErrorView> errors(AssessmentParameters.Read read, MultiValueMap<String, String> controls,
			AssessmentTexts texts) {
		String query = read.query(controls);
		List<ErrorView> errors = new ArrayList<>();
		for (InputError error : read.errors()) {
			String fact = AssessmentSteps.factOf(error.path());
			Optional<Step> step = AssessmentSteps.stepOf(fact);
			String label = step.isPresent() && AssessmentSteps.question(fact).isPresent() ? texts.label(fact) : null;
			if (step.isPresent()) {
				errors.add(new ErrorView(error.path(), error.message(), label, stepTitle(step.get(), texts),
						stepHref(step.get(), query, fact)));
			}
			else if (fact.equals("doctrine") || fact.equals("asOf")) {
				errors.add(new ErrorView(error.path(), error.message(), texts.text("assessment.control." + fact),
						texts.text("assessment.intro.title"), "/auto-evaluation" + suffix(query)));
			}
			else {
				errors.add(new ErrorView(error.path(), error.message(), null, null, null));
			}
		}
		return errors;
	}

	static String stepTitle(Step step, AssessmentTexts texts) {
		return texts.text("assessment.step." + step.slug());
	}

	static String stepHref(Step step, String query, String fact) {
		return "/auto-evaluation/" + step.slug() + suffix(query)
				+ (fact == null ? "" : "#" + AssessmentSteps.fieldId(fact));
	}

	private static String suffix(String query) {
		return query.isEmpty() ? "" : "?" + query;
	}

	private static Line line(String code, String value, String because) {
		return new Line(code, value, because);
	}

	private static List<Group> groups(Decision decision, String query, AssessmentTexts texts) {
		Map<String, RuleInfo> rules = new java.util.HashMap<>();
		decision.pack().rules().forEach(rule -> rules.put(rule.id(), rule));
		boolean supplied = decision.assessment().get("hosting.offerId") != null;
		List<Group> groups = new ArrayList<>();
		for (FindingStatus status : List.of(FindingStatus.VIOLATED, FindingStatus.TO_CONFIRM, FindingStatus.SATISFIED,
				FindingStatus.NOT_APPLICABLE)) {
			List<FindingView> findings = new ArrayList<>();
			for (Finding finding : decision.findings()) {
				if (finding.status() != status) {
					continue;
				}
				List<Used> facts = new ArrayList<>();
				finding.factsUsed()
					.forEach((path, value) -> facts.add(new Used(texts.label(path), texts.format(path, value),
							supplied && Catalogue.SUPPLIED_FACTS.contains(path))));
				RuleInfo rule = rules.get(finding.rule());
				boolean uncertain = rule != null && rule.uncertainty() != null && !"sourced".equals(rule.confidence());
				boolean failed = decision.errors().stream().anyMatch(error -> error.startsWith(finding.rule() + ":"));
				// A rule the answers cannot settle: the engine names the facts it lacks,
				// which the page asks for as questions just below.
				String explanation = status == FindingStatus.TO_CONFIRM && !finding.missingFacts().isEmpty() && !failed
						? texts.text("assessment.result.finding.unsettled") : finding.explanation(texts.lang());
				findings.add(new FindingView(finding.rule(), status.name(),
						texts.text("assessment.status." + status.name()), badge(status), texts.in(finding.title()),
						explanation,
						status == FindingStatus.VIOLATED || status == FindingStatus.TO_CONFIRM
								? finding.obligation(texts.lang()) : null,
						facts, missing(finding.missingFacts(), query, texts),
						uncertain ? confidence(rule, texts) : null, uncertain ? texts.in(rule.uncertainty()) : null));
			}
			if (!findings.isEmpty()) {
				groups
					.add(new Group(status.name(), texts.text("assessment.result.findings." + status.name()), findings));
			}
		}
		return groups;
	}

	/** How sure the source of a rule is, as its badge says it. */
	private static String confidence(RuleInfo rule, AssessmentTexts texts) {
		String label = texts.optional("assessment.rule.confidence." + rule.confidence());
		return label == null ? texts.text("assessment.rule.confidence.other") : label;
	}

	private static String alert(Verdict verdict) {
		switch (verdict) {
			case COMPLIANT:
				return "fr-alert--success";
			case NON_COMPLIANT:
				return "fr-alert--error";
			case INCOMPLETE:
				return "fr-alert--warning";
			default:
				return "fr-alert--info";
		}
	}

	private static String badge(FindingStatus status) {
		switch (status) {
			case VIOLATED:
				return "fr-badge--error";
			case TO_CONFIRM:
				return "fr-badge--warning";
			case SATISFIED:
				return "fr-badge--success";
			default:
				return "fr-badge--info";
		}
	}

	private static List<Missing> missing(List<String> paths, String query, AssessmentTexts texts) {
		List<Missing> missing = new ArrayList<>();
		for (String path : paths) {
			Optional<Step> step = AssessmentSteps.stepOf(path);
			missing.add(new Missing(path, texts.question(path), step.map(s -> stepTitle(s, texts)).orElse(null),
					step.map(s -> stepHref(s, query, path)).orElse(null)));
		}
		return missing;
	}

	private static NoteView note(Note note, AssessmentTexts texts) {
		String badge = texts.optional("assessment.confidence." + note.confidence());
		return new NoteView(note.id(), note.confidence(),
				badge == null ? texts.text("assessment.confidence.other") : badge, texts.in(note.text()));
	}

	private static List<EligibleView> eligible(Eligibility eligibility, AssessmentTexts texts) {
		List<EligibleView> eligible = new ArrayList<>();
		int rank = 0;
		for (Eligibility.Eligible e : eligibility.eligible()) {
			Offer offer = e.offer();
			eligible.add(new EligibleView(++rank, offer.id(), offer.service(), offer.provider(),
					texts.value("hosting.class", e.hostingClass()), offer.model() == null ? null : offer.model().name(),
					offer.toBeChecked()));
		}
		return eligible;
	}

	/** The answers given, step by step, each leading back to its question. */
	private static List<StepAnswers> answers(AssessmentParameters.Read read, String query, AssessmentTexts texts) {
		List<StepAnswers> steps = new ArrayList<>();
		for (Step step : AssessmentSteps.STEPS) {
			List<Answer> answers = new ArrayList<>();
			for (AssessmentSteps.Question question : step.questions()) {
				if (read.facts().containsKey(question.path())) {
					Object value = read.assessment().get(question.path());
					answers
						.add(new Answer(texts.label(question.path()),
								value == null ? texts.text("assessment.answer.unknown")
										: texts.format(question.path(), value),
								stepHref(step, query, question.path())));
				}
			}
			steps.add(new StepAnswers(stepTitle(step, texts), stepHref(step, query, null), answers));
		}
		return steps;
	}

}
