package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a decision as plain text for a project manager: the verdict first, then what to
 * do.
 */
public final class DecisionText {

	private DecisionText() {
	}

	public static String write(Decision decision, Lang lang) {
		EngineTexts t = EngineTexts.get();
		RulePack pack = decision.pack();
		PackInfo info = decision.doctrine();
		StringBuilder out = new StringBuilder();
		out.append(t.get("heading", lang)).append('\n');
		out.append(t.get("pack", lang))
			.append(colon(lang))
			.append(info.id())
			.append(' ')
			.append(info.version())
			.append(" — ")
			.append(info.title().in(lang))
			.append(" (")
			.append(info.digest(), 0, Math.min(19, info.digest().length()))
			.append("…)\n");
		Object name = decision.assessment().get("project.name");
		Object entity = decision.assessment().get("entity.name");
		if (name != null || entity != null) {
			out.append(t.get("project", lang)).append(colon(lang)).append(name == null ? "—" : name);
			if (entity != null) {
				out.append(" (").append(entity).append(')');
			}
			out.append('\n');
		}
		out.append('\n')
			.append(t.get("verdict", lang))
			.append(colon(lang))
			.append(t.get("verdict." + decision.verdict().name(), lang))
			.append("\n\n");

		line(out, t.get("subject", lang), value(decision.subject(), pack, lang),
				decision.because("subject", lang).orElse(null));
		line(out, t.get("concerned", lang), value(decision.concerned(), pack, lang),
				decision.because("concerned", lang).orElse(null));
		line(out, t.get("sensitivity", lang), value(decision.sensitivity(), pack, lang),
				decision.because("sensitivity", lang).orElse(null));
		line(out, t.get("allowedHosting", lang), value(decision.allowedHosting(), pack, lang),
				decision.because("allowedHosting", lang).orElse(null));
		line(out, t.get("preferSaas", lang), value(decision.preferSaas(), pack, lang), null);
		line(out, t.get("control", lang), value(decision.control(), pack, lang),
				decision.because("control", lang).orElse(null));

		section(out, t.get("violated", lang), decision, FindingStatus.VIOLATED, "✗", lang);
		section(out, t.get("toConfirm", lang), decision, FindingStatus.TO_CONFIRM, "?", lang);

		List<String> missing = decision.missingFacts();
		if (!missing.isEmpty()) {
			out.append('\n').append(t.get("missing", lang)).append(colon(lang).stripTrailing()).append('\n');
			for (String fact : missing) {
				Text question = pack.question(fact);
				out.append("  - ")
					.append(question == null ? fact : question.in(lang))
					.append(" (")
					.append(fact)
					.append(")\n");
			}
		}
		summary(out, t.get("satisfied", lang), decision, FindingStatus.SATISFIED);
		summary(out, t.get("notApplicable", lang), decision, FindingStatus.NOT_APPLICABLE);
		if (!decision.notes().isEmpty()) {
			out.append('\n').append(t.get("notes", lang)).append(colon(lang).stripTrailing()).append('\n');
			for (Note note : decision.notes()) {
				out.append("  ! ").append(note.text().in(lang)).append('\n');
			}
		}
		if (!decision.errors().isEmpty()) {
			out.append('\n').append(t.get("errors", lang)).append(colon(lang).stripTrailing()).append('\n');
			for (String error : decision.errors()) {
				out.append("  ! ").append(error).append('\n');
			}
		}
		return out.toString();
	}

	private static void line(StringBuilder out, String label, String value, String because) {
		out.append("  ").append(label).append(": ").append(value);
		if (because != null) {
			out.append(" — ").append(because);
		}
		out.append('\n');
	}

	/** French sets a space before a colon; English does not. */
	private static String colon(Lang lang) {
		return EngineTexts.get().get("colon", lang);
	}

	private static String value(Object value, RulePack pack, Lang lang) {
		if (value == null) {
			return EngineTexts.get().get("unknown", lang);
		}
		return Template.format(value, pack.labels(), lang);
	}

	private static void section(StringBuilder out, String heading, Decision decision, FindingStatus status, String mark,
			Lang lang) {
		boolean first = true;
		for (Finding finding : decision.findings()) {
			if (finding.status() != status) {
				continue;
			}
			if (first) {
				out.append('\n').append(heading).append(colon(lang).stripTrailing()).append('\n');
				first = false;
			}
			out.append("  ")
				.append(mark)
				.append(' ')
				.append(finding.rule())
				.append(" — ")
				.append(finding.title().in(lang))
				.append('\n');
			out.append("      ").append(finding.explanation(lang)).append('\n');
			if (status == FindingStatus.VIOLATED) {
				out.append("      → ").append(finding.obligation(lang)).append('\n');
			}
		}
	}

	private static void summary(StringBuilder out, String heading, Decision decision, FindingStatus status) {
		List<String> rules = new ArrayList<>();
		for (Finding finding : decision.findings()) {
			if (finding.status() == status) {
				rules.add(finding.rule());
			}
		}
		if (!rules.isEmpty()) {
			out.append('\n').append(heading).append(": ").append(String.join(", ", rules)).append('\n');
		}
	}

}
