package fr.gouv.nuage.doctrine;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * The evaluation phase: planned conditions are trees of nodes evaluated in three-valued
 * (Kleene) logic. A value is a {@link Boolean}, {@link Double}, {@link String},
 * {@code List}, an {@link Unknown} naming the absent facts it depends on, or an
 * {@link Failure} (an error in a condition, which makes a rule undetermined, never
 * silently satisfied).
 */
final class Eval {

	private Eval() {
	}

	/**
	 * A value that depends on absent facts; {@code missing} is a bit set of fact indexes.
	 */
	static final class Unknown implements Serializable {

		private static final long serialVersionUID = 1L;

		final long missing;

		Unknown(long missing) {
			this.missing = missing;
		}

		static Unknown merge(Object a, Object b) {
			long missing = (a instanceof Unknown ua ? ua.missing : 0L) | (b instanceof Unknown ub ? ub.missing : 0L);
			return new Unknown(missing);
		}

	}

	/** An error met while evaluating (for instance a division by zero). */
	static final class Failure implements Serializable {

		private static final long serialVersionUID = 1L;

		final String message;

		Failure(String message) {
			this.message = message;
		}

	}

	/**
	 * The facts of one assessment (defaults applied) and the derived values computed so
	 * far.
	 */
	static final class Frame {

		final Object[] facts;

		final Object[] derived;

		Frame(Object[] facts, int derivedCount) {
			this.facts = facts;
			this.derived = new Object[derivedCount];
		}

	}

	abstract static class Node implements Serializable {

		private static final long serialVersionUID = 1L;

		abstract Object eval(Frame frame);

	}

	/**
	 * Evaluation compares booleans by identity ({@code value == Boolean.TRUE}); a value
	 * read back from a stored plan is made canonical again.
	 */
	static Object canonical(Object value) {
		return value instanceof Boolean b ? Boolean.valueOf(b) : value;
	}

	static boolean isUndetermined(Object value) {
		return value instanceof Unknown || value instanceof Failure;
	}

	static long missingOf(Object value) {
		return value instanceof Unknown unknown ? unknown.missing : 0L;
	}

	/** The first failure among two values, else the union of their unknowns. */
	static Object undetermined(Object a, Object b) {
		if (a instanceof Failure) {
			return a;
		}
		if (b instanceof Failure) {
			return b;
		}
		if (a instanceof Unknown && !(b instanceof Unknown)) {
			return a;
		}
		if (b instanceof Unknown && !(a instanceof Unknown)) {
			return b;
		}
		return Unknown.merge(a, b);
	}

	static final class Const extends Node {

		final Object value;

		Const(Object value) {
			this.value = canonical(value);
		}

		private Object readResolve() {
			return new Const(value);
		}

		@Override
		Object eval(Frame frame) {
			return value;
		}

	}

	static final class FactRef extends Node {

		final int index;

		final Unknown absent;

		FactRef(int index) {
			this.index = index;
			this.absent = new Unknown(1L << index);
		}

		@Override
		Object eval(Frame frame) {
			Object value = frame.facts[index];
			return value == null ? absent : value;
		}

	}

	static final class DerivedRef extends Node {

		final int slot;

		DerivedRef(int slot) {
			this.slot = slot;
		}

		@Override
		Object eval(Frame frame) {
			return frame.derived[slot];
		}

	}

	static final class And extends Node {

		final Node left;

		final Node right;

		And(Node left, Node right) {
			this.left = left;
			this.right = right;
		}

		@Override
		Object eval(Frame frame) {
			Object a = left.eval(frame);
			if (a == Boolean.FALSE) {
				return a;
			}
			Object b = right.eval(frame);
			if (b == Boolean.FALSE) {
				return b;
			}
			if (a == Boolean.TRUE) {
				return b;
			}
			return b == Boolean.TRUE ? a : undetermined(a, b);
		}

	}

	static final class Or extends Node {

		final Node left;

		final Node right;

		Or(Node left, Node right) {
			this.left = left;
			this.right = right;
		}

		@Override
		Object eval(Frame frame) {
			Object a = left.eval(frame);
			if (a == Boolean.TRUE) {
				return a;
			}
			Object b = right.eval(frame);
			if (b == Boolean.TRUE) {
				return b;
			}
			if (a == Boolean.FALSE) {
				return b;
			}
			return b == Boolean.FALSE ? a : undetermined(a, b);
		}

	}

	static final class Not extends Node {

		final Node operand;

		Not(Node operand) {
			this.operand = operand;
		}

		@Override
		Object eval(Frame frame) {
			Object a = operand.eval(frame);
			if (a == Boolean.TRUE) {
				return Boolean.FALSE;
			}
			return a == Boolean.FALSE ? Boolean.TRUE : a;
		}

	}

	static final class Conditional extends Node {

		final Node condition;

		final Node then;

		final Node otherwise;

		Conditional(Node condition, Node then, Node otherwise) {
			this.condition = condition;
			this.then = then;
			this.otherwise = otherwise;
		}

		@Override
		Object eval(Frame frame) {
			Object c = condition.eval(frame);
			if (c == Boolean.TRUE) {
				return then.eval(frame);
			}
			if (c == Boolean.FALSE) {
				return otherwise.eval(frame);
			}
			// Both branches agreeing settles the value whatever the condition.
			Object a = then.eval(frame);
			Object b = otherwise.eval(frame);
			if (!isUndetermined(a) && !isUndetermined(b) && equal(a, b)) {
				return a;
			}
			if (c instanceof Failure) {
				return c;
			}
			return new Unknown(missingOf(c) | missingOf(a) | missingOf(b));
		}

	}

	enum Comparison {

		EQ, NE, LT, LE, GT, GE

	}

	static final class Compare extends Node {

		final Comparison op;

		final Node left;

		final Node right;

		Compare(Comparison op, Node left, Node right) {
			this.op = op;
			this.left = left;
			this.right = right;
		}

		@Override
		Object eval(Frame frame) {
			Object a = left.eval(frame);
			Object b = right.eval(frame);
			if (isUndetermined(a) || isUndetermined(b)) {
				return undetermined(a, b);
			}
			switch (op) {
				case EQ:
					return equal(a, b);
				case NE:
					return !equal(a, b);
				default:
					int order = order(a, b);
					switch (op) {
						case LT:
							return order < 0;
						case LE:
							return order <= 0;
						case GT:
							return order > 0;
						default:
							return order >= 0;
					}
			}
		}

	}

	/**
	 * {@code x == 'LITERAL'}: the common case, without boxing or dispatch on the literal.
	 */
	static final class EqualsConst extends Node {

		final Node operand;

		final Object constant;

		final boolean negated;

		EqualsConst(Node operand, Object constant, boolean negated) {
			this.operand = operand;
			this.constant = constant;
			this.negated = negated;
		}

		@Override
		Object eval(Frame frame) {
			Object a = operand.eval(frame);
			if (isUndetermined(a)) {
				return a;
			}
			return equal(a, constant) != negated;
		}

	}

	/** {@code x in [constants]}. */
	static final class InConstants extends Node {

		final Node operand;

		final Set<Object> constants;

		InConstants(Node operand, Set<Object> constants) {
			this.operand = operand;
			this.constants = constants;
		}

		@Override
		Object eval(Frame frame) {
			Object a = operand.eval(frame);
			if (isUndetermined(a)) {
				return a;
			}
			return constants.contains(a instanceof Number n ? (Object) n.doubleValue() : a);
		}

	}

	static final class In extends Node {

		final Node element;

		final Node list;

		In(Node element, Node list) {
			this.element = element;
			this.list = list;
		}

		@Override
		Object eval(Frame frame) {
			Object e = element.eval(frame);
			Object l = list.eval(frame);
			if (isUndetermined(l)) {
				return isUndetermined(e) ? undetermined(e, l) : l;
			}
			List<?> values = (List<?>) l;
			if (isUndetermined(e)) {
				return values.isEmpty() ? Boolean.FALSE : e;
			}
			for (Object value : values) {
				if (equal(e, value)) {
					return Boolean.TRUE;
				}
			}
			return Boolean.FALSE;
		}

	}

	static final class ListOf extends Node {

		final Node[] elements;

		ListOf(Node[] elements) {
			this.elements = elements;
		}

		@Override
		Object eval(Frame frame) {
			Object[] values = new Object[elements.length];
			Object undetermined = null;
			for (int i = 0; i < elements.length; i++) {
				values[i] = elements[i].eval(frame);
				if (isUndetermined(values[i])) {
					undetermined = undetermined == null ? values[i] : undetermined(undetermined, values[i]);
				}
			}
			return undetermined != null ? undetermined : List.of(values);
		}

	}

	static final class Size extends Node {

		final Node operand;

		Size(Node operand) {
			this.operand = operand;
		}

		@Override
		Object eval(Frame frame) {
			Object a = operand.eval(frame);
			if (isUndetermined(a)) {
				return a;
			}
			return (double) (a instanceof String s ? s.codePointCount(0, s.length()) : ((List<?>) a).size());
		}

	}

	enum ArithmeticOp {

		ADD, SUBTRACT, MULTIPLY, DIVIDE, NEGATE

	}

	static final class Arithmetic extends Node {

		final ArithmeticOp op;

		final Node left;

		final Node right;

		Arithmetic(ArithmeticOp op, Node left, Node right) {
			this.op = op;
			this.left = left;
			this.right = right;
		}

		@Override
		Object eval(Frame frame) {
			Object a = left.eval(frame);
			if (op == ArithmeticOp.NEGATE) {
				return isUndetermined(a) ? a : (Object) (-((Number) a).doubleValue());
			}
			Object b = right.eval(frame);
			if (isUndetermined(a) || isUndetermined(b)) {
				return undetermined(a, b);
			}
			if (op == ArithmeticOp.ADD && a instanceof String sa) {
				return sa + b;
			}
			double x = ((Number) a).doubleValue();
			double y = ((Number) b).doubleValue();
			switch (op) {
				case ADD:
					return x + y;
				case SUBTRACT:
					return x - y;
				case MULTIPLY:
					return x * y;
				default:
					return y == 0 ? new Failure("division by zero") : (Object) (x / y);
			}
		}

	}

	static boolean equal(Object a, Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			return x.doubleValue() == y.doubleValue();
		}
		return a.equals(b);
	}

	@SuppressWarnings("unchecked")
	static int order(Object a, Object b) {
		if (a instanceof Number x && b instanceof Number y) {
			return Double.compare(x.doubleValue(), y.doubleValue());
		}
		return ((Comparable<Object>) a).compareTo(b);
	}

}
