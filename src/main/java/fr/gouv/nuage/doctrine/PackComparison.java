package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What changes for one assessment between two packs ("what changes for my project under
 * the new circular?"): the verdict, the derived fields and each rule whose status moves.
 */
public record PackComparison(Decision from, Decision to, List<Change> changes) {

	/**
	 * One field whose value differs; {@code field} is a decision field or
	 * {@code findings.<rule>}.
	 */
	public record Change(String field, Object from, Object to) {
	}

	public static PackComparison of(Assessment assessment, RulePack from, RulePack to) {
		Decision a = from.evaluate(assessment);
		Decision b = to.evaluate(assessment);
		List<Change> changes = new ArrayList<>();
		add(changes, "verdict", a.verdict().name(), b.verdict().name());
		add(changes, "subject", a.subject(), b.subject());
		add(changes, "concerned", a.concerned(), b.concerned());
		add(changes, "sensitivity", a.sensitivity(), b.sensitivity());
		add(changes, "allowedHosting", Set.copyOf(a.allowedHosting()), Set.copyOf(b.allowedHosting()));
		add(changes, "preferSaas", a.preferSaas(), b.preferSaas());
		add(changes, "control", a.control(), b.control());
		Set<String> rules = new LinkedHashSet<>();
		a.findings().forEach(f -> rules.add(f.rule()));
		b.findings().forEach(f -> rules.add(f.rule()));
		for (String rule : rules) {
			Object before = a.finding(rule).map(f -> (Object) f.status().name()).orElse(null);
			Object after = b.finding(rule).map(f -> (Object) f.status().name()).orElse(null);
			add(changes, "findings." + rule, before, after);
		}
		add(changes, "missingFacts", Set.copyOf(a.missingFacts()), Set.copyOf(b.missingFacts()));
		return new PackComparison(a, b, List.copyOf(changes));
	}

	private static void add(List<Change> changes, String field, Object from, Object to) {
		if (!Objects.equals(from, to)) {
			changes.add(new Change(field, sorted(from), sorted(to)));
		}
	}

	private static Object sorted(Object value) {
		return value instanceof Set<?> set ? set.stream().map(String::valueOf).sorted().toList() : value;
	}

	public String toJson(Lang lang, boolean pretty) {
		StringBuilder out = new StringBuilder();
		JsonWriter json = new JsonWriter(out, pretty);
		json.beginObject().name("schema").value("nuage.comparison/v1");
		json.name("from")
			.beginObject()
			.name("id")
			.value(from.doctrine().id())
			.name("version")
			.value(from.doctrine().version())
			.name("digest")
			.value(from.doctrine().digest())
			.endObject();
		json.name("to")
			.beginObject()
			.name("id")
			.value(to.doctrine().id())
			.name("version")
			.value(to.doctrine().version())
			.name("digest")
			.value(to.doctrine().digest())
			.endObject();
		json.name("changes").beginArray();
		for (Change change : changes) {
			json.beginObject()
				.name("field")
				.value(change.field())
				.name("from")
				.value(change.from())
				.name("to")
				.value(change.to());
			if (change.field().startsWith("findings.")) {
				String rule = change.field().substring("findings.".length());
				to.finding(rule)
					.or(() -> from.finding(rule))
					.ifPresent(f -> json.name("explanation").value(f.explanation(lang)));
			}
			json.endObject();
		}
		json.endArray();
		json.name("decisions").beginObject().name("from");
		DecisionJson.write(from, lang, DecisionJson.Form.COMPACT, json);
		json.name("to");
		DecisionJson.write(to, lang, DecisionJson.Form.COMPACT, json);
		json.endObject().endObject();
		return out.toString();
	}

	public String toText(Lang lang) {
		EngineTexts texts = EngineTexts.get();
		StringBuilder out = new StringBuilder();
		out.append(texts.get("comparison.heading", lang, "from", from.doctrine().id(), "to", to.doctrine().id()))
			.append('\n');
		if (changes.isEmpty()) {
			return out.append("  ").append(texts.get("comparison.nothing", lang)).append('\n').toString();
		}
		for (Change change : changes) {
			out.append("  ")
				.append(change.field())
				.append(" : ")
				.append(show(change.from(), lang))
				.append(" → ")
				.append(show(change.to(), lang))
				.append('\n');
			if (change.field().startsWith("findings.")) {
				String rule = change.field().substring("findings.".length());
				to.finding(rule).ifPresent(f -> out.append("      ").append(f.explanation(lang)).append('\n'));
			}
		}
		return out.toString();
	}

	private String show(Object value, Lang lang) {
		if (value == null) {
			return EngineTexts.get().get("unknown", lang);
		}
		return Template.format(value, to.pack().labels(), lang);
	}
}
