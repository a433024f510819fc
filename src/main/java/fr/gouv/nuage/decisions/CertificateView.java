package fr.gouv.nuage.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.Finding;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.Note;
import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.Text;
import org.springframework.context.MessageSource;

/**
 * What a certificate shows of a decision, in one language: every value already in words
 * (the pack's labels, the bundle's yes and no), so that the print template and the
 * verification page only lay it out. Nothing is decided here: it reads the decision.
 *
 * @param pack the pack that decided: id, version, digest
 * @param packTitle the pack's title in the language
 * @param project the project's name, or {@code null}
 * @param entity the entity's name, or {@code null}
 * @param asOf the date the assessment was decided at (the catalogue read on that day)
 * @param issued when the certificate was made, in words
 * @param verdict the verdict's code (decision-v1), which the bundle says in words
 * @param outcomes what the doctrine derives: label key, value in words, and why
 * @param findings each rule's finding
 * @param missing the facts the decision needs and the assessment leaves out
 * @param notes the uncertain points of the doctrine the decision relies on
 * @param errors what failed while evaluating
 */
record CertificateView(PackInfo pack, String packTitle, String project, String entity, String asOf, String issued,
		String verdict, List<Outcome> outcomes, List<Row> findings, List<Missing> missing, List<String> notes,
		List<String> errors) {

	/** The time zone a certificate's time is said in: the State's. */
	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	/** A value the doctrine derives, under the bundle's label {@code key}. */
	record Outcome(String key, String value, String because) {
	}

	/** One finding: the rule, its title, its status code, why, and what to do. */
	record Row(String rule, String title, String status, String explanation, String obligation) {
	}

	/** A fact the decision lacks: its path and the pack's question. */
	record Missing(String path, String question) {
	}

	static CertificateView of(Decision decision, LocalDate asOf, Instant issued, Locale locale,
			MessageSource messages) {
		Lang lang = Languages.of(locale);
		RulePack pack = decision.pack();
		Words words = new Words(pack, lang, locale, messages);
		List<Outcome> outcomes = new ArrayList<>();
		outcomes.add(outcome(decision, "subject", decision.subject(), words, lang));
		outcomes.add(outcome(decision, "concerned", decision.concerned(), words, lang));
		outcomes.add(outcome(decision, "sensitivity", decision.sensitivity(), words, lang));
		outcomes.add(outcome(decision, "allowedHosting", decision.allowedHosting(), words, lang));
		outcomes.add(outcome(decision, "preferSaas", decision.preferSaas(), words, lang));
		outcomes.add(outcome(decision, "control", decision.control(), words, lang));
		List<Row> findings = new ArrayList<>();
		for (Finding finding : decision.findings()) {
			findings.add(new Row(finding.rule(), finding.title().in(lang), finding.status().name(),
					finding.explanation(lang), finding.obligation(lang)));
		}
		List<Missing> missing = new ArrayList<>();
		for (String path : decision.missingFacts()) {
			Text question = pack.question(path);
			missing.add(new Missing(path, question == null ? path : question.in(lang)));
		}
		List<String> notes = decision.notes().stream().map(Note::text).map(text -> text.in(lang)).toList();
		Object project = decision.assessment().get("project.name");
		Object entity = decision.assessment().get("entity.name");
		return new CertificateView(decision.doctrine(), decision.doctrine().title().in(lang), (String) project,
				(String) entity, DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(asOf),
				DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
					.withLocale(locale)
					.withZone(PARIS)
					.format(issued),
				decision.verdict().name(), List.copyOf(outcomes), List.copyOf(findings), List.copyOf(missing), notes,
				decision.errors());
	}

	private static Outcome outcome(Decision decision, String name, Object value, Words words, Lang lang) {
		return new Outcome("certificate.outcome." + name, words.of(value), decision.because(name, lang).orElse(null));
	}

	/** A value in words, as the certificate says it. */
	static String words(RulePack pack, Locale locale, MessageSource messages, Object value) {
		return new Words(pack, Languages.of(locale), locale, messages).of(value);
	}

	/** Values in words: an enum value by the pack's label, a list joined, yes or no. */
	private record Words(RulePack pack, Lang lang, Locale locale, MessageSource messages) {

		String of(Object value) {
			if (value == null) {
				return messages.getMessage("certificate.value.unknown", null, locale);
			}
			if (value instanceof Boolean yes) {
				return messages.getMessage(yes ? "certificate.value.yes" : "certificate.value.no", null, locale);
			}
			if (value instanceof List<?> list) {
				if (list.isEmpty()) {
					return messages.getMessage("certificate.value.none", null, locale);
				}
				return String.join(messages.getMessage("certificate.value.separator", null, locale),
						list.stream().map(this::of).toList());
			}
			Text label = pack.label(String.valueOf(value));
			return label == null ? String.valueOf(value) : label.in(lang);
		}

	}

	/** The engine's language for the page's locale. */
	static final class Languages {

		private Languages() {
		}

		static Lang of(Locale locale) {
			try {
				return Lang.parse(locale.getLanguage());
			}
			catch (IllegalArgumentException ex) {
				// The pages speak French unless a visitor switched to English.
				return Lang.FR;
			}
		}

	}

}
