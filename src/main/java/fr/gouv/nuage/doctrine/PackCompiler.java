package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import fr.gouv.nuage.doctrine.PackDefinition.Expr;
import fr.gouv.nuage.doctrine.PackDefinition.ValueType;
import fr.gouv.nuage.doctrine.Planner.Planned;
import fr.gouv.nuage.doctrine.Planner.Unsupported;

/**
 * Check and plan phases: resolves every name, type-checks every condition with CEL,
 * checks enum literals against their domain and the placeholders of every text, then
 * plans the pack. Every mistake becomes an issue at the pack's line and column; a pack
 * with an error is not built.
 */
final class PackCompiler {

	/** The derived values every pack must define: they are the decision's fields. */
	static final Map<String, ValueType> REQUIRED = requiredOutputs();

	private final String file;

	private final PackDefinition definition;

	private final FactModel facts;

	private final List<SourceIssue> issues;

	private final PackParser source;

	private final Map<String, Integer> slots = new LinkedHashMap<>();

	private final Map<String, Set<String>> domains = new HashMap<>();

	private final Set<String> names = new LinkedHashSet<>();

	private long[] derivedReads;

	private CelCompiler cel;

	private Planner planner;

	PackCompiler(String file, PackDefinition definition, FactModel facts, List<SourceIssue> issues, PackParser source) {
		this.file = file;
		this.definition = definition;
		this.facts = facts;
		this.issues = issues;
		this.source = source;
	}

	private static Map<String, ValueType> requiredOutputs() {
		Map<String, ValueType> required = new LinkedHashMap<>();
		required.put("subject", ValueType.BOOL);
		required.put("concerned", ValueType.BOOL);
		required.put("sensitivity", ValueType.STRING);
		required.put("allowedHosting", ValueType.STRING_LIST);
		required.put("preferSaas", ValueType.BOOL);
		required.put("control", ValueType.STRING);
		return required;
	}

	/** The planned pack, or {@code null} when an error was found. */
	RulePack compile(String digest) {
		declare();
		CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
			.setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build());
		for (Fact fact : facts.facts()) {
			builder.addVar(fact.path(), celType(fact.type()));
		}
		for (PackDefinition.Derived d : definition.derived()) {
			if (slots.get(d.name()) != null) {
				builder.addVar(d.name(), celType(d.type()));
			}
		}
		cel = builder.build();
		derivedReads = new long[slots.size()];
		planner = new Planner(facts, slots, derivedReads);

		List<RulePack.Derived> derived = new ArrayList<>();
		for (PackDefinition.Derived d : definition.derived()) {
			Integer slot = slots.get(d.name());
			if (slot == null || derived.size() != slot) {
				continue;
			}
			derived.add(derived(d, slot));
		}
		Set<String> ruleIds = new HashSet<>();
		List<RulePack.Rule> rules = new ArrayList<>();
		for (PackDefinition.Rule rule : definition.rules()) {
			if (rule.id() != null && !ruleIds.add(rule.id())) {
				error(rule.pos(), "duplicate rule id `" + rule.id() + "`");
			}
			rules.add(rule(rule));
		}
		if (issues.stream().anyMatch(SourceIssue::isError)) {
			return null;
		}
		RulePack.Outputs outputs = new RulePack.Outputs(slots.get("subject"), slots.get("concerned"),
				slots.get("sensitivity"), slots.get("allowedHosting"), slots.get("preferSaas"), slots.get("control"));
		PackInfo info = new PackInfo(definition.id(), definition.version(), digest, "draft".equals(definition.status()),
				definition.title(), definition.circularNumber(), definition.circularDate(), definition.circularUrl(),
				definition.source());
		Object[] defaults = new Object[facts.size()];
		definition.defaults().forEach((path, value) -> defaults[facts.fact(path).orElseThrow().index()] = value);
		Object[][] absent = new Object[facts.size()][];
		definition.absentWhen()
			.forEach((path, values) -> absent[facts.fact(path).orElseThrow().index()] = values.toArray());
		return new RulePack(info, facts, defaults, absent, derived.toArray(RulePack.Derived[]::new),
				rules.toArray(RulePack.Rule[]::new), outputs, definition.questions(), definition.labels());
	}

	/** Gives each derived value its slot and domain, and checks the required ones. */
	private void declare() {
		for (Fact fact : facts.facts()) {
			names.add(fact.path());
			if (!fact.values().isEmpty()) {
				domains.put(fact.path(), new LinkedHashSet<>(fact.values()));
			}
		}
		for (PackDefinition.Derived d : definition.derived()) {
			if (facts.fact(d.name()).isPresent() || facts.objectNames().contains(d.name())) {
				error(d.pos(), "the derived name `" + d.name() + "` is already the name of a fact");
				continue;
			}
			if (slots.containsKey(d.name())) {
				error(d.pos(), "duplicate derived name `" + d.name() + "`");
				continue;
			}
			slots.put(d.name(), slots.size());
			names.add(d.name());
			Set<String> domain = domain(d);
			if (domain != null) {
				domains.put(d.name(), domain);
			}
		}
		Pos where = definition.derived().isEmpty() ? Pos.START : definition.derived().get(0).pos();
		REQUIRED.forEach((name, type) -> {
			PackDefinition.Derived d = definition.derived()
				.stream()
				.filter(x -> x.name().equals(name))
				.findFirst()
				.orElse(null);
			if (d == null) {
				error(where,
						"the pack must derive `" + name + "` (" + type.spelling + "): it is a field of the decision");
			}
			else if (d.type() != type) {
				error(d.pos(),
						"`" + name + "` must be of type `" + type.spelling + "`, not `" + d.type().spelling + "`");
			}
		});
	}

	/**
	 * The literal values a string derived value can take, or {@code null} when an
	 * expression computes it.
	 */
	private static Set<String> domain(PackDefinition.Derived d) {
		if (d.expr() != null || (d.type() != ValueType.STRING && d.type() != ValueType.STRING_LIST)) {
			return null;
		}
		Set<String> domain = new LinkedHashSet<>();
		for (PackDefinition.Case c : d.cases()) {
			if (c.valueExpr() != null) {
				return null;
			}
			addValues(domain, c.value());
		}
		addValues(domain, d.unknownValue());
		return domain;
	}

	private static void addValues(Set<String> domain, Object value) {
		if (value instanceof String s) {
			domain.add(s);
		}
		else if (value instanceof List<?> list) {
			list.forEach(v -> domain.add(String.valueOf(v)));
		}
	}

	private RulePack.Derived derived(PackDefinition.Derived d, int slot) {
		String what = "derived `" + d.name() + "`";
		if (d.expr() != null) {
			Planned planned = compile(d.expr(), d.type(), slot, what);
			derivedReads[slot] = planned == null ? 0 : planned.reads();
			return new RulePack.Derived(d.name(), slot, planned == null ? null : planned.node(), null, d.unknownValue(),
					note(d.note()), derivedReads[slot], d.expr().source());
		}
		List<RulePack.Case> cases = new ArrayList<>();
		long reads = 0;
		for (PackDefinition.Case c : d.cases()) {
			Planned when = compile(c.when(), ValueType.BOOL, slot, "a case of " + what);
			Planned value = c.valueExpr() == null ? null : compile(c.valueExpr(), d.type(), slot, "a case of " + what);
			reads |= (when == null ? 0 : when.reads()) | (value == null ? 0 : value.reads());
			cases.add(
					new RulePack.Case(when == null ? null : when.node(), c.value(), value == null ? null : value.node(),
							templates(c.because(), c.pos(), "the `because` of a case of " + what), note(c.note()),
							c.when().source()));
		}
		derivedReads[slot] = reads;
		return new RulePack.Derived(d.name(), slot, null, cases.toArray(RulePack.Case[]::new), d.unknownValue(),
				note(d.note()), reads, null);
	}

	private static Note note(PackDefinition.Note note) {
		return note == null ? null : new Note(note.id(), note.confidence(), note.text());
	}

	private RulePack.Rule rule(PackDefinition.Rule rule) {
		String what = "rule `" + rule.id() + "`";
		long reads = 0;
		Planned applies = rule.applies() == null ? null : compile(rule.applies(), ValueType.BOOL, slots.size(), what);
		reads |= applies == null ? 0 : applies.reads();
		List<RulePack.Check> checks = new ArrayList<>();
		Set<String> checkIds = new HashSet<>();
		for (PackDefinition.Check check : rule.checks()) {
			String checkWhat = "check `" + check.id() + "` of " + what;
			if (check.id() != null && !checkIds.add(check.id())) {
				error(check.pos(), "duplicate check id `" + check.id() + "` in " + what);
			}
			Planned when = check.when() == null ? null : compile(check.when(), ValueType.BOOL, slots.size(), checkWhat);
			Expr conditionExpr = check.violated() != null ? check.violated() : check.toConfirm();
			Planned condition = conditionExpr == null ? null
					: compile(conditionExpr, ValueType.BOOL, slots.size(), checkWhat);
			reads |= (when == null ? 0 : when.reads()) | (condition == null ? 0 : condition.reads());
			checks.add(new RulePack.Check(check.id(), when == null ? null : when.node(),
					condition == null ? null : condition.node(), check.violated() == null,
					templates(check.explain(), check.pos(), "the explanation of " + checkWhat),
					conditionExpr == null ? null : conditionExpr.source(),
					check.when() == null ? null : check.when().source(), check.explain()));
		}
		return new RulePack.Rule(rule.id(), rule.block(), rule.administration(), rule.title(), rule.text(),
				rule.obligation(), templates(rule.obligation(), rule.pos(), "`obligation` of " + what), rule.source(),
				rule.confidence(), rule.uncertainty(), applies == null ? null : applies.node(),
				rule.applies() == null ? null : rule.applies().source(),
				templates(rule.notApplicable(), rule.pos(), "`notApplicable` of " + what),
				checks.toArray(RulePack.Check[]::new),
				templates(rule.satisfied(), rule.pos(), "`satisfied` of " + what), reads, rule.notApplicable(),
				rule.satisfied());
	}

	private Template[] templates(Text text, Pos pos, String what) {
		if (text == null) {
			return null;
		}
		return new Template[] { template(text.fr(), pos, what), template(text.en(), pos, what) };
	}

	private Template template(String text, Pos pos, String what) {
		List<String> unknown = new ArrayList<>();
		Template template = Template.compile(text, this::reader, unknown);
		for (String name : unknown) {
			error(pos, "unknown name `{" + name + "}` in " + what + Suggestions.didYouMean(name, names));
		}
		return template;
	}

	private Template.Reader reader(String name) {
		Optional<Fact> fact = facts.fact(name);
		if (fact.isPresent()) {
			return new Template.FactReader(fact.get().index());
		}
		Integer slot = slots.get(name);
		if (slot != null) {
			return new Template.DerivedReader(slot);
		}
		return null;
	}

	/**
	 * Parses, resolves, type-checks and plans one expression; {@code null} after
	 * reporting an issue.
	 */
	private Planned compile(Expr expr, ValueType expected, int derivedLimit, String what) {
		CelValidationResult parsed = cel.parse(expr.source());
		if (parsed.hasError()) {
			for (CelIssue issue : parsed.getErrors()) {
				error(position(expr, issue.getSourceLocation()), "syntax error in " + what + ": " + issue.getMessage());
			}
			return null;
		}
		CelAbstractSyntaxTree ast;
		try {
			ast = parsed.getAst();
		}
		catch (CelValidationException ex) {
			error(expr.node().contentPos(), "syntax error in " + what + ": " + ex.getMessage());
			return null;
		}
		int before = issues.size();
		resolveNames(expr, ast, ast.getExpr(), derivedLimit);
		if (issues.size() > before) {
			return null;
		}
		CelValidationResult checked = cel.check(ast);
		if (checked.hasError()) {
			for (CelIssue issue : checked.getErrors()) {
				error(position(expr, issue.getSourceLocation()),
						"type error in " + what + ": " + readable(issue.getMessage()));
			}
			return null;
		}
		try {
			ast = checked.getAst();
		}
		catch (CelValidationException ex) {
			error(expr.node().contentPos(), "type error in " + what + ": " + ex.getMessage());
			return null;
		}
		CelType type = ast.getResultType();
		CelType wanted = celType(expected);
		if (!wanted.isAssignableFrom(type)) {
			error(expr.node().contentPos(),
					"expected " + what + " to be a `" + expected.spelling + "`, but it is a `" + type.name() + "`");
			return null;
		}
		checkLiterals(expr, ast, ast.getExpr());
		if (issues.size() > before) {
			return null;
		}
		try {
			return planner.plan(ast);
		}
		catch (Unsupported ex) {
			error(position(expr, ast, ex.exprId), ex.getMessage() + " (in " + what + ")");
			return null;
		}
	}

	private static final java.util.regex.Pattern NO_OVERLOAD = java.util.regex.Pattern.compile(
			"found no matching overload for '([^']+)' applied to '\\(([^)]*)\\)'.*", java.util.regex.Pattern.DOTALL);

	/**
	 * CEL's overload messages name internal functions (`_<_`); say it with the operator
	 * instead.
	 */
	static String readable(String message) {
		java.util.regex.Matcher matcher = NO_OVERLOAD.matcher(message);
		if (!matcher.matches()) {
			return message;
		}
		String function = matcher.group(1);
		String operator = function.replace("_", "").replace("@", "").trim();
		String[] types = matcher.group(2).split(",\\s*");
		String operands = String.join("` and `", types);
		return "`" + (operator.isEmpty() ? function : operator) + "` does not apply to `" + operands + "`";
	}

	/**
	 * Reports unknown names with a suggestion, and derived values used before they are
	 * computed.
	 */
	private void resolveNames(Expr expr, CelAbstractSyntaxTree ast, CelExpr node, int derivedLimit) {
		switch (node.getKind()) {
			case IDENT:
			case SELECT: {
				String name = qualifiedName(node);
				if (name == null) {
					if (node.getKind() == CelExpr.ExprKind.Kind.SELECT) {
						resolveNames(expr, ast, node.select().operand(), derivedLimit);
					}
					return;
				}
				if (names.contains(name)) {
					Integer slot = slots.get(name);
					if (slot != null && slot >= derivedLimit) {
						error(position(expr, ast, node.id()), "`" + name
								+ "` is derived later in the pack; a value may only use the ones defined before it");
					}
					return;
				}
				if (node.getKind() == CelExpr.ExprKind.Kind.SELECT && declaredPrefix(name)) {
					resolveNames(expr, ast, node.select().operand(), derivedLimit);
					return;
				}
				if (facts.objectNames().contains(name)) {
					error(position(expr, ast, node.id()),
							"`" + name + "` is a group of facts; name one of them, such as `"
									+ facts.facts()
										.stream()
										.map(Fact::path)
										.filter(p -> p.startsWith(name + "."))
										.findFirst()
										.orElse(name)
									+ "`");
					return;
				}
				error(position(expr, ast, rootOf(node).id()),
						"unknown fact `" + name + "`" + Suggestions.didYouMean(name, names));
				return;
			}
			case CALL:
				node.call().target().ifPresent(target -> resolveNames(expr, ast, target, derivedLimit));
				for (CelExpr arg : node.call().args()) {
					resolveNames(expr, ast, arg, derivedLimit);
				}
				return;
			case LIST:
				for (CelExpr element : node.list().elements()) {
					resolveNames(expr, ast, element, derivedLimit);
				}
				return;
			default:
				return;
		}
	}

	/**
	 * The identifier a chain of selections starts from, where a name is best pointed at.
	 */
	private static CelExpr rootOf(CelExpr node) {
		CelExpr root = node;
		while (root.getKind() == CelExpr.ExprKind.Kind.SELECT) {
			root = root.select().operand();
		}
		return root;
	}

	private boolean declaredPrefix(String name) {
		for (int dot = name.lastIndexOf('.'); dot > 0; dot = name.lastIndexOf('.', dot - 1)) {
			if (names.contains(name.substring(0, dot))) {
				return true;
			}
		}
		return false;
	}

	private static String qualifiedName(CelExpr node) {
		if (node.getKind() == CelExpr.ExprKind.Kind.IDENT) {
			return node.ident().name();
		}
		if (node.getKind() == CelExpr.ExprKind.Kind.SELECT && !node.select().testOnly()) {
			String operand = qualifiedName(node.select().operand());
			return operand == null ? null : operand + "." + node.select().field();
		}
		return null;
	}

	/**
	 * Checks string literals compared with an enum fact or a derived value against its
	 * values.
	 */
	private void checkLiterals(Expr expr, CelAbstractSyntaxTree ast, CelExpr node) {
		if (node.getKind() == CelExpr.ExprKind.Kind.CALL) {
			String function = node.call().function();
			List<CelExpr> args = node.call().args();
			if ((function.equals("_==_") || function.equals("_!=_")) && args.size() == 2) {
				checkLiteral(expr, ast, args.get(0), args.get(1));
				checkLiteral(expr, ast, args.get(1), args.get(0));
			}
			else if (function.equals("@in") && args.size() == 2) {
				if (args.get(1).getKind() == CelExpr.ExprKind.Kind.LIST) {
					for (CelExpr element : args.get(1).list().elements()) {
						checkLiteral(expr, ast, args.get(0), element);
					}
				}
				else {
					checkLiteral(expr, ast, args.get(1), args.get(0));
				}
			}
			node.call().target().ifPresent(target -> checkLiterals(expr, ast, target));
			for (CelExpr arg : args) {
				checkLiterals(expr, ast, arg);
			}
		}
		else if (node.getKind() == CelExpr.ExprKind.Kind.LIST) {
			for (CelExpr element : node.list().elements()) {
				checkLiterals(expr, ast, element);
			}
		}
	}

	private void checkLiteral(Expr expr, CelAbstractSyntaxTree ast, CelExpr reference, CelExpr literal) {
		if (literal.getKind() != CelExpr.ExprKind.Kind.CONSTANT
				|| literal.constant().getKind() != dev.cel.common.ast.CelConstant.Kind.STRING_VALUE) {
			return;
		}
		String name = ast.getReference(reference.id()).map(CelReference::name).filter(n -> !n.isEmpty()).orElse(null);
		Set<String> domain = name == null ? null : domains.get(name);
		String value = literal.constant().stringValue();
		if (domain != null && !domain.contains(value)) {
			error(position(expr, ast, literal.id()), "`" + value + "` is not a value of `" + name + "`"
					+ Suggestions.didYouMean(value, domain) + " (expected one of " + String.join(", ", domain) + ")");
		}
	}

	private Pos position(Expr expr, CelAbstractSyntaxTree ast, long exprId) {
		Integer offset = ast.getSource().getPositionsMap().get(exprId);
		if (offset == null) {
			return expr.node().contentPos();
		}
		return ast.getSource()
			.getOffsetLocation(offset)
			.map(location -> position(expr, location))
			.orElse(expr.node().contentPos());
	}

	/**
	 * Maps a position inside an expression (line 1-based, column 0-based) to the pack
	 * file.
	 */
	private static Pos position(Expr expr, CelSourceLocation location) {
		Pos start = expr.node().contentPos();
		if (location.getLine() <= 1) {
			return start.plusColumns(Math.max(0, location.getColumn()));
		}
		int column = expr.node().block() ? start.column() : 1;
		return new Pos(start.line() + location.getLine() - 1, column + location.getColumn());
	}

	private static CelType celType(FactType type) {
		switch (type) {
			case BOOLEAN:
				return SimpleType.BOOL;
			case NUMBER:
				return SimpleType.DOUBLE;
			case ENUM_LIST:
				return ListType.create(SimpleType.STRING);
			default:
				return SimpleType.STRING;
		}
	}

	private static CelType celType(ValueType type) {
		switch (type) {
			case BOOL:
				return SimpleType.BOOL;
			case DOUBLE:
				return SimpleType.DOUBLE;
			case STRING_LIST:
				return ListType.create(SimpleType.STRING);
			default:
				return SimpleType.STRING;
		}
	}

	private void error(Pos pos, String message) {
		issues.add(SourceIssue.error(file, pos, message, source.line(pos.line())));
	}

}
