package fr.gouv.nuage.doctrine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import fr.gouv.nuage.doctrine.Eval.And;
import fr.gouv.nuage.doctrine.Eval.Arithmetic;
import fr.gouv.nuage.doctrine.Eval.ArithmeticOp;
import fr.gouv.nuage.doctrine.Eval.Compare;
import fr.gouv.nuage.doctrine.Eval.Comparison;
import fr.gouv.nuage.doctrine.Eval.Conditional;
import fr.gouv.nuage.doctrine.Eval.Const;
import fr.gouv.nuage.doctrine.Eval.DerivedRef;
import fr.gouv.nuage.doctrine.Eval.EqualsConst;
import fr.gouv.nuage.doctrine.Eval.FactRef;
import fr.gouv.nuage.doctrine.Eval.In;
import fr.gouv.nuage.doctrine.Eval.InConstants;
import fr.gouv.nuage.doctrine.Eval.ListOf;
import fr.gouv.nuage.doctrine.Eval.Node;
import fr.gouv.nuage.doctrine.Eval.Not;
import fr.gouv.nuage.doctrine.Eval.Or;
import fr.gouv.nuage.doctrine.Eval.Size;

/**
 * Plan phase: turns a type-checked CEL expression into a tree of {@link Node}s that read
 * facts by index and derived values by slot, so that evaluating a condition costs a few
 * virtual calls and no map look-up. It also records which facts an expression reads,
 * directly or through derived values, for the decision's "facts used".
 */
final class Planner {

	/**
	 * An expression the planner does not support; reported as a pack issue at
	 * {@code exprId}.
	 */
	static final class Unsupported extends Exception {

		final long exprId;

		Unsupported(long exprId, String message) {
			super(message, null, false, false);
			this.exprId = exprId;
		}

	}

	private final FactModel facts;

	private final Map<String, Integer> derivedSlots;

	private final long[] derivedReads;

	Planner(FactModel facts, Map<String, Integer> derivedSlots, long[] derivedReads) {
		this.facts = facts;
		this.derivedSlots = derivedSlots;
		this.derivedReads = derivedReads;
	}

	/** A planned expression and the facts it reads. */
	record Planned(Node node, long reads) {
	}

	Planned plan(CelAbstractSyntaxTree ast) throws Unsupported {
		long[] reads = new long[1];
		Node node = plan(ast, ast.getExpr(), reads);
		return new Planned(node, reads[0]);
	}

	private Node plan(CelAbstractSyntaxTree ast, CelExpr expr, long[] reads) throws Unsupported {
		switch (expr.getKind()) {
			case CONSTANT:
				return new Const(constant(expr.id(), expr.constant()));
			case IDENT:
				return reference(expr.id(), name(ast, expr), reads);
			case SELECT: {
				CelReference reference = ast.getReference(expr.id()).orElse(null);
				if (reference != null && !reference.name().isEmpty()) {
					return reference(expr.id(), reference.name(), reads);
				}
				throw new Unsupported(expr.id(), "field selection is not supported here");
			}
			case LIST: {
				List<CelExpr> elements = expr.list().elements();
				Node[] nodes = new Node[elements.size()];
				boolean constant = true;
				for (int i = 0; i < nodes.length; i++) {
					nodes[i] = plan(ast, elements.get(i), reads);
					constant &= nodes[i] instanceof Const;
				}
				if (constant) {
					List<Object> values = new ArrayList<>();
					for (Node node : nodes) {
						values.add(((Const) node).value);
					}
					return new Const(List.copyOf(values));
				}
				return new ListOf(nodes);
			}
			case CALL:
				return call(ast, expr, reads);
			case COMPREHENSION:
				throw new Unsupported(expr.id(), "macros such as `all` or `exists` are not supported in a pack");
			default:
				throw new Unsupported(expr.id(), "this kind of expression is not supported in a pack");
		}
	}

	private Node call(CelAbstractSyntaxTree ast, CelExpr expr, long[] reads) throws Unsupported {
		String function = expr.call().function();
		List<CelExpr> args = new ArrayList<>();
		expr.call().target().ifPresent(args::add);
		args.addAll(expr.call().args());
		List<Node> nodes = new ArrayList<>();
		for (CelExpr arg : args) {
			nodes.add(plan(ast, arg, reads));
		}
		switch (function) {
			case "_&&_":
				return new And(nodes.get(0), nodes.get(1));
			case "_||_":
				return new Or(nodes.get(0), nodes.get(1));
			case "!_":
				return new Not(nodes.get(0));
			case "_?_:_":
				return new Conditional(nodes.get(0), nodes.get(1), nodes.get(2));
			case "_==_":
			case "_!=_": {
				boolean negated = function.equals("_!=_");
				if (nodes.get(1) instanceof Const constant) {
					return new EqualsConst(nodes.get(0), constant.value, negated);
				}
				if (nodes.get(0) instanceof Const constant) {
					return new EqualsConst(nodes.get(1), constant.value, negated);
				}
				return new Compare(negated ? Comparison.NE : Comparison.EQ, nodes.get(0), nodes.get(1));
			}
			case "_<_":
				return new Compare(Comparison.LT, nodes.get(0), nodes.get(1));
			case "_<=_":
				return new Compare(Comparison.LE, nodes.get(0), nodes.get(1));
			case "_>_":
				return new Compare(Comparison.GT, nodes.get(0), nodes.get(1));
			case "_>=_":
				return new Compare(Comparison.GE, nodes.get(0), nodes.get(1));
			case "@in":
				if (nodes.get(1) instanceof Const constant) {
					Set<Object> values = new HashSet<>();
					for (Object value : (List<?>) constant.value) {
						values.add(value instanceof Number n ? (Object) n.doubleValue() : value);
					}
					return new InConstants(nodes.get(0), Set.copyOf(values));
				}
				return new In(nodes.get(0), nodes.get(1));
			case "size":
				return new Size(nodes.get(0));
			case "_+_":
				return new Arithmetic(ArithmeticOp.ADD, nodes.get(0), nodes.get(1));
			case "_-_":
				return new Arithmetic(ArithmeticOp.SUBTRACT, nodes.get(0), nodes.get(1));
			case "_*_":
				return new Arithmetic(ArithmeticOp.MULTIPLY, nodes.get(0), nodes.get(1));
			case "_/_":
				return new Arithmetic(ArithmeticOp.DIVIDE, nodes.get(0), nodes.get(1));
			case "-_":
				return new Arithmetic(ArithmeticOp.NEGATE, nodes.get(0), null);
			default:
				throw new Unsupported(expr.id(), "the function `" + displayName(function)
						+ "` is not supported in a pack (supported: && || ! ?: == != < <= > >= in size + - * /)");
		}
	}

	private static String displayName(String function) {
		return function.replace("_", "").replace("@", "");
	}

	private Node reference(long id, String name, long[] reads) throws Unsupported {
		Fact fact = facts.fact(name).orElse(null);
		if (fact != null) {
			reads[0] |= 1L << fact.index();
			return new FactRef(fact.index());
		}
		Integer slot = derivedSlots.get(name);
		if (slot != null) {
			reads[0] |= derivedReads[slot];
			return new DerivedRef(slot);
		}
		throw new Unsupported(id, "unknown name `" + name + "`");
	}

	private static String name(CelAbstractSyntaxTree ast, CelExpr expr) {
		return ast.getReference(expr.id())
			.map(CelReference::name)
			.filter(n -> !n.isEmpty())
			.orElse(expr.ident().name());
	}

	private static Object constant(long id, CelConstant constant) throws Unsupported {
		switch (constant.getKind()) {
			case BOOLEAN_VALUE:
				return constant.booleanValue();
			case INT64_VALUE:
				return (double) constant.int64Value();
			case UINT64_VALUE:
				return constant.uint64Value().doubleValue();
			case DOUBLE_VALUE:
				return constant.doubleValue();
			case STRING_VALUE:
				return constant.stringValue();
			default:
				throw new Unsupported(id, "this kind of constant is not supported in a pack");
		}
	}

}
