package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.gouv.nuage.doctrine.PackDefinition.Case;
import fr.gouv.nuage.doctrine.PackDefinition.Check;
import fr.gouv.nuage.doctrine.PackDefinition.Derived;
import fr.gouv.nuage.doctrine.PackDefinition.Expr;
import fr.gouv.nuage.doctrine.PackDefinition.Note;
import fr.gouv.nuage.doctrine.PackDefinition.Rule;
import fr.gouv.nuage.doctrine.PackDefinition.ValueType;
import fr.gouv.nuage.doctrine.YamlTree.YEntry;
import fr.gouv.nuage.doctrine.YamlTree.YList;
import fr.gouv.nuage.doctrine.YamlTree.YMap;
import fr.gouv.nuage.doctrine.YamlTree.YNode;
import fr.gouv.nuage.doctrine.YamlTree.YScalar;

/**
 * Load phase: reads the structure of a pack (sections, keys, texts in both languages,
 * fact names) and reports each mistake with its position. Expressions are only collected
 * here; the checker compiles them.
 */
final class PackParser {

	static final Set<String> CONFIDENCES = Set.of("sourced", "sourced-secondary", "uncertain");

	private static final Set<String> BLOCKS = Set.of("culture", "it-teams", "users");

	private final String file;

	private final String text;

	private final FactModel facts;

	private final List<SourceIssue> issues;

	private String[] lines;

	PackParser(String file, String text, FactModel facts, List<SourceIssue> issues) {
		this.file = file;
		this.text = text;
		this.facts = facts;
		this.issues = issues;
	}

	/** The definition, or {@code null} when the file is not even a YAML map. */
	PackDefinition parse() {
		this.lines = text.split("\r?\n", -1);
		YNode root = YamlTree.parse(file, text, lines, issues);
		if (root == null) {
			return null;
		}
		YMap top = map(root, "the pack");
		if (top == null) {
			return null;
		}
		keys(top, "the pack", Set.of("pack", "facts", "labels", "derived", "rules"),
				Set.of("pack", "derived", "rules"));
		YMap header = map(top.get("pack"), "`pack`");
		String id = null;
		String version = null;
		String status = "published";
		Text title = null;
		String number = null;
		String date = null;
		String url = null;
		String source = null;
		if (header != null) {
			keys(header, "`pack`", Set.of("id", "version", "status", "title", "circular", "source"),
					Set.of("id", "version", "title"));
			id = string(header.get("id"), "`pack.id`");
			version = string(header.get("version"), "`pack.version`");
			if (header.has("status")) {
				status = oneOf(header.get("status"), "`pack.status`", Set.of("published", "draft"));
			}
			title = text(header.get("title"), "`pack.title`");
			source = header.has("source") ? string(header.get("source"), "`pack.source`") : null;
			YMap circular = header.has("circular") ? map(header.get("circular"), "`pack.circular`") : null;
			if (circular != null) {
				keys(circular, "`pack.circular`", Set.of("number", "date", "url"), Set.of("number", "date"));
				number = string(circular.get("number"), "`pack.circular.number`");
				date = string(circular.get("date"), "`pack.circular.date`");
				url = circular.has("url") ? string(circular.get("url"), "`pack.circular.url`") : null;
			}
		}

		Map<String, Object> defaults = new LinkedHashMap<>();
		Map<String, List<String>> absentWhen = new LinkedHashMap<>();
		Map<String, Text> questions = new LinkedHashMap<>();
		YMap factSection = top.has("facts") ? map(top.get("facts"), "`facts`") : null;
		if (factSection != null) {
			keys(factSection, "`facts`", Set.of("defaults", "absentWhen", "questions"), Set.of());
			readDefaults(factSection.get("defaults"), defaults);
			readAbsentWhen(factSection.get("absentWhen"), absentWhen);
			YMap questionMap = factSection.has("questions") ? map(factSection.get("questions"), "`facts.questions`")
					: null;
			if (questionMap != null) {
				for (YEntry entry : questionMap.entries().values()) {
					if (fact(entry.key(), entry.keyPos()) != null) {
						questions.put(entry.key(), text(entry.value(), "the question for `" + entry.key() + "`"));
					}
				}
			}
		}

		Map<String, Text> labels = new LinkedHashMap<>();
		YMap labelMap = top.has("labels") ? map(top.get("labels"), "`labels`") : null;
		if (labelMap != null) {
			for (YEntry entry : labelMap.entries().values()) {
				labels.put(entry.key(), text(entry.value(), "the label of `" + entry.key() + "`"));
			}
		}

		List<Derived> derived = new ArrayList<>();
		YList derivedList = list(top.get("derived"), "`derived`");
		if (derivedList != null) {
			for (YNode item : derivedList.items()) {
				Derived value = derived(item);
				if (value != null) {
					derived.add(value);
				}
			}
		}

		List<Rule> rules = new ArrayList<>();
		YList ruleList = list(top.get("rules"), "`rules`");
		if (ruleList != null) {
			for (YNode item : ruleList.items()) {
				Rule rule = rule(item);
				if (rule != null) {
					rules.add(rule);
				}
			}
		}
		return new PackDefinition(id, version, status, title, number, date, url, source,
				Collections.unmodifiableMap(defaults), Collections.unmodifiableMap(absentWhen),
				Collections.unmodifiableMap(questions), Collections.unmodifiableMap(labels), List.copyOf(derived),
				List.copyOf(rules));
	}

	private void readDefaults(YNode node, Map<String, Object> defaults) {
		YMap map = node == null ? null : map(node, "`facts.defaults`");
		if (map == null) {
			return;
		}
		for (YEntry entry : map.entries().values()) {
			Fact fact = fact(entry.key(), entry.keyPos());
			if (fact == null) {
				continue;
			}
			Object value = factValue(fact, entry.value());
			if (value != null) {
				defaults.put(fact.path(), value);
			}
		}
	}

	private void readAbsentWhen(YNode node, Map<String, List<String>> absentWhen) {
		YMap map = node == null ? null : map(node, "`facts.absentWhen`");
		if (map == null) {
			return;
		}
		for (YEntry entry : map.entries().values()) {
			Fact fact = fact(entry.key(), entry.keyPos());
			YList values = list(entry.value(), "`facts.absentWhen." + entry.key() + "`");
			if (fact == null || values == null) {
				continue;
			}
			List<String> absent = new ArrayList<>();
			for (YNode item : values.items()) {
				Object value = factValue(fact, item);
				if (value instanceof String string) {
					absent.add(string);
				}
			}
			absentWhen.put(fact.path(), List.copyOf(absent));
		}
	}

	/** A value for a fact, checked against its schema type (enum values included). */
	private Object factValue(Fact fact, YNode node) {
		if (!(node instanceof YScalar scalar)) {
			error(node.pos(), "expected a single value for `" + fact.path() + "`");
			return null;
		}
		String value = scalar.value();
		switch (fact.type()) {
			case BOOLEAN:
				if (value.equals("true") || value.equals("false")) {
					return Boolean.valueOf(value);
				}
				error(scalar.pos(), "expected `true` or `false` for `" + fact.path() + "`, found `" + value + "`");
				return null;
			case NUMBER:
				try {
					return Double.valueOf(value);
				}
				catch (NumberFormatException ex) {
					error(scalar.pos(), "expected a number for `" + fact.path() + "`, found `" + value + "`");
					return null;
				}
			case ENUM:
				if (!fact.values().contains(value)) {
					error(scalar.pos(), "`" + value + "` is not a value of `" + fact.path() + "`"
							+ Suggestions.didYouMean(value, fact.values()));
					return null;
				}
				return fact.values().get(fact.values().indexOf(value));
			case STRING:
				return value;
			default:
				error(scalar.pos(), "`" + fact.path() + "` is a list; it cannot have a default");
				return null;
		}
	}

	private Derived derived(YNode node) {
		YMap map = map(node, "a derived value");
		if (map == null) {
			return null;
		}
		keys(map, "a derived value", Set.of("name", "type", "expr", "cases", "unknown", "note"),
				Set.of("name", "type"));
		String name = string(map.get("name"), "`name`");
		String typeText = string(map.get("type"), "`type`");
		ValueType type = typeText == null ? null : ValueType.parse(typeText);
		if (typeText != null && type == null) {
			error(map.get("type").pos(),
					"unknown type `" + typeText + "`, expected `bool`, `string`, `double` or `list(string)`");
		}
		Expr expr = map.has("expr") ? expr(map.get("expr"), "`expr`") : null;
		List<Case> cases = new ArrayList<>();
		if (map.has("cases")) {
			YList list = list(map.get("cases"), "`cases`");
			if (list != null) {
				for (YNode item : list.items()) {
					Case value = derivedCase(item, type);
					if (value != null) {
						cases.add(value);
					}
				}
			}
		}
		if ((expr == null) == cases.isEmpty()) {
			error(map.pos(), "the derived value `" + name + "` needs either `expr` or `cases`, not both");
		}
		Object unknown = map.has("unknown") && type != null ? literal(map.get("unknown"), type) : null;
		Note note = map.has("note") ? note(map.get("note")) : null;
		return name == null || type == null ? null
				: new Derived(name, type, expr, List.copyOf(cases), unknown, note, map.pos());
	}

	private Case derivedCase(YNode node, ValueType type) {
		YMap map = map(node, "a case");
		if (map == null) {
			return null;
		}
		keys(map, "a case", Set.of("when", "value", "expr", "because", "note"), Set.of("when"));
		Expr when = expr(map.get("when"), "`when`");
		Object value = null;
		Expr valueExpr = null;
		if (map.has("value") == map.has("expr")) {
			error(map.pos(), "a case needs either `value` or `expr`");
		}
		else if (map.has("value") && type != null) {
			value = literal(map.get("value"), type);
		}
		else if (map.has("expr")) {
			valueExpr = expr(map.get("expr"), "`expr`");
		}
		Text because = map.has("because") ? text(map.get("because"), "`because`") : null;
		Note note = map.has("note") ? note(map.get("note")) : null;
		return when == null ? null : new Case(when, value, valueExpr, because, note, map.pos());
	}

	private Note note(YNode node) {
		YMap map = map(node, "a note");
		if (map == null) {
			return null;
		}
		keys(map, "a note", Set.of("id", "confidence", "fr", "en"), Set.of("id", "confidence", "fr", "en"));
		String id = string(map.get("id"), "`id`");
		String confidence = oneOf(map.get("confidence"), "`confidence`", CONFIDENCES);
		Text text = text(map, "the note");
		return new Note(id, confidence, text, map.pos());
	}

	private Rule rule(YNode node) {
		YMap map = map(node, "a rule");
		if (map == null) {
			return null;
		}
		keys(map, "a rule",
				Set.of("id", "block", "scope", "title", "text", "obligation", "source", "confidence", "uncertainty",
						"applies", "notApplicable", "checks", "satisfied"),
				Set.of("id", "block", "scope", "title", "text", "obligation", "source", "confidence"));
		String id = string(map.get("id"), "`id`");
		String block = oneOf(map.get("block"), "`block`", BLOCKS);
		String scope = oneOf(map.get("scope"), "`scope`", Set.of("project", "administration"));
		String confidence = oneOf(map.get("confidence"), "`confidence`", CONFIDENCES);
		Text uncertainty = map.has("uncertainty") ? text(map.get("uncertainty"), "`uncertainty`") : null;
		if (confidence != null && !confidence.equals("sourced") && uncertainty == null) {
			error(map.get("confidence").pos(),
					"a rule of confidence `" + confidence + "` must say what is uncertain in `uncertainty`");
		}
		List<Check> checks = new ArrayList<>();
		if (map.has("checks")) {
			YList list = list(map.get("checks"), "`checks`");
			if (list != null) {
				for (YNode item : list.items()) {
					Check check = check(item);
					if (check != null) {
						checks.add(check);
					}
				}
			}
		}
		boolean administration = "administration".equals(scope);
		if (administration && (map.has("applies") || !checks.isEmpty())) {
			error(map.pos(),
					"the rule `" + id + "` binds the administration, not a project: it takes no `applies` or `checks`");
		}
		if (!administration && checks.isEmpty() && id != null) {
			error(map.pos(), "the rule `" + id + "` is judged on the project but has no `checks`");
		}
		if (administration && !map.has("notApplicable")) {
			error(map.pos(),
					"the rule `" + id + "` binds the administration: `notApplicable` must say what it asks of it");
		}
		if (!administration && !map.has("satisfied")) {
			error(map.pos(), "the rule `" + id + "` needs a `satisfied` explanation");
		}
		return new Rule(id, block, administration, text(map.get("title"), "`title`"), text(map.get("text"), "`text`"),
				text(map.get("obligation"), "`obligation`"), string(map.get("source"), "`source`"), confidence,
				uncertainty, map.has("applies") ? expr(map.get("applies"), "`applies`") : null,
				map.has("notApplicable") ? text(map.get("notApplicable"), "`notApplicable`") : null,
				List.copyOf(checks), map.has("satisfied") ? text(map.get("satisfied"), "`satisfied`") : null,
				map.pos());
	}

	private Check check(YNode node) {
		YMap map = map(node, "a check");
		if (map == null) {
			return null;
		}
		keys(map, "a check", Set.of("id", "when", "violated", "toConfirm", "explain"), Set.of("id", "explain"));
		if (map.has("violated") == map.has("toConfirm")) {
			error(map.pos(), "a check needs either `violated` or `toConfirm`");
		}
		return new Check(string(map.get("id"), "`id`"), map.has("when") ? expr(map.get("when"), "`when`") : null,
				map.has("violated") ? expr(map.get("violated"), "`violated`") : null,
				map.has("toConfirm") ? expr(map.get("toConfirm"), "`toConfirm`") : null,
				text(map.get("explain"), "`explain`"), map.pos());
	}

	private Object literal(YNode node, ValueType type) {
		if (type == ValueType.STRING_LIST) {
			YList list = list(node, "a list value");
			if (list == null) {
				return null;
			}
			List<String> values = new ArrayList<>();
			for (YNode item : list.items()) {
				String value = string(item, "a list item");
				if (value != null) {
					values.add(value);
				}
			}
			return List.copyOf(values);
		}
		if (!(node instanceof YScalar scalar)) {
			error(node.pos(), "expected a single " + type.spelling + " value");
			return null;
		}
		String value = scalar.value();
		switch (type) {
			case BOOL:
				if (value.equals("true") || value.equals("false")) {
					return Boolean.valueOf(value);
				}
				error(scalar.pos(), "expected `true` or `false`, found `" + value + "`");
				return null;
			case DOUBLE:
				try {
					return Double.valueOf(value);
				}
				catch (NumberFormatException ex) {
					error(scalar.pos(), "expected a number, found `" + value + "`");
					return null;
				}
			default:
				return value;
		}
	}

	private Fact fact(String path, Pos pos) {
		Fact fact = facts.fact(path).orElse(null);
		if (fact == null) {
			List<String> paths = facts.facts().stream().map(Fact::path).toList();
			error(pos, "unknown fact `" + path + "`" + Suggestions.didYouMean(path, paths));
		}
		return fact;
	}

	private Expr expr(YNode node, String what) {
		if (!(node instanceof YScalar scalar) || scalar.value().isBlank()) {
			error(node.pos(), what + " must be a CEL expression");
			return null;
		}
		return new Expr(scalar.value(), scalar);
	}

	private Text text(YNode node, String what) {
		if (node == null) {
			return null;
		}
		YMap map = map(node, what + " (a text with `fr` and `en`)");
		if (map == null) {
			return null;
		}
		String fr = localized(map, "fr", "French", what);
		String en = localized(map, "en", "English", what);
		return fr == null || en == null ? null : new Text(fr, en);
	}

	private String localized(YMap map, String key, String language, String what) {
		YNode node = map.get(key);
		if (!(node instanceof YScalar scalar) || scalar.value().isBlank()) {
			error(node == null ? map.pos() : node.pos(), "missing " + language + " text in " + what);
			return null;
		}
		return scalar.value().strip();
	}

	private String string(YNode node, String what) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof YScalar scalar) || scalar.value().isBlank()) {
			error(node.pos(), what + " must be a non-empty text");
			return null;
		}
		return scalar.value();
	}

	private String oneOf(YNode node, String what, Set<String> allowed) {
		String value = string(node, what);
		if (value != null && !allowed.contains(value)) {
			error(node.pos(),
					"`" + value + "` is not allowed for " + what + ", expected one of "
							+ allowed.stream().sorted().map(v -> "`" + v + "`").toList()
							+ Suggestions.didYouMean(value, allowed));
			return null;
		}
		return value;
	}

	private YMap map(YNode node, String what) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof YMap map)) {
			error(node.pos(), what + " must be a map of keys");
			return null;
		}
		return map;
	}

	private YList list(YNode node, String what) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof YList list)) {
			error(node.pos(), what + " must be a list");
			return null;
		}
		return list;
	}

	private void keys(YMap map, String what, Set<String> allowed, Set<String> required) {
		for (YEntry entry : map.entries().values()) {
			if (!allowed.contains(entry.key())) {
				error(entry.keyPos(),
						"unknown key `" + entry.key() + "` in " + what + Suggestions.didYouMean(entry.key(), allowed));
			}
		}
		for (String key : required.stream().sorted().toList()) {
			if (!map.has(key)) {
				error(map.pos(), what + " is missing `" + key + "`");
			}
		}
	}

	private void error(Pos pos, String message) {
		issues.add(SourceIssue.error(file, pos, message, line(pos.line())));
	}

	String line(int number) {
		return number >= 1 && number <= lines.length ? lines[number - 1] : "";
	}

}
