package fr.gouv.nuage.doctrine;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The known facts about one project: an immutable set of values validated against a
 * {@link FactModel}, indexed like {@link FactModel#facts()}. A value is a
 * {@link Boolean}, a {@link Double}, a {@link String} (for an enum, the very instance of
 * {@link Fact#values()}) or an unmodifiable {@code List<String>} of such instances; an
 * unknown fact has no value.
 */
public final class Assessment {

	private final FactModel model;

	private final Object[] values;

	/** Takes ownership of {@code values}, which must already be valid. */
	Assessment(FactModel model, Object[] values) {
		this.model = model;
		this.values = values;
	}

	public static Builder builder(FactModel model) {
		return new Builder(model, new Object[model.size()]);
	}

	public Builder toBuilder() {
		return new Builder(model, values.clone());
	}

	public FactModel model() {
		return model;
	}

	/** The value of the fact at {@code index}, or {@code null} when it is unknown. */
	public Object get(int index) {
		return values[index];
	}

	public boolean has(int index) {
		return values[index] != null;
	}

	/**
	 * The value of the fact at {@code path}, or {@code null}; throws on a path the model
	 * does not know.
	 */
	public Object get(String path) {
		return values[Builder.fact(model, path).index()];
	}

	/**
	 * The internal array, shared so that the evaluator reads facts without a copy: never
	 * write to it.
	 */
	Object[] values() {
		return values;
	}

	/** Compact JSON that {@link AssessmentReader} reads back to an equal assessment. */
	public String toJson() {
		StringBuilder out = new StringBuilder(64 + values.length * 24);
		JsonWriter w = new JsonWriter(out, false);
		w.beginObject();
		FactModel.Node root = model.root();
		// The version marker first, so that a reader can dispatch on it before the rest.
		for (int i = 0; i < root.members.length; i++) {
			if (root.members[i] instanceof FactModel.Const) {
				w.name(root.names.get(i)).value(((FactModel.Const) root.members[i]).value);
			}
		}
		writeMembers(w, root);
		w.endObject();
		return out.toString();
	}

	private void writeMembers(JsonWriter w, FactModel.Node node) {
		Object[] members = node.members;
		for (int i = 0; i < members.length; i++) {
			Object member = members[i];
			if (member instanceof Fact) {
				Fact fact = (Fact) member;
				Object value = values[fact.index()];
				if (value != null) {
					w.rawName(node.quotedNames[i]);
					writeValue(w, fact, value);
				}
			}
			else if (member instanceof FactModel.Node) {
				FactModel.Node child = (FactModel.Node) member;
				if (anyKnown(child)) {
					w.rawName(node.quotedNames[i]).beginObject();
					writeMembers(w, child);
					w.endObject();
				}
			}
		}
	}

	private boolean anyKnown(FactModel.Node node) {
		for (int i = node.firstFact; i < node.endFact; i++) {
			if (values[i] != null) {
				return true;
			}
		}
		return false;
	}

	private void writeValue(JsonWriter w, Fact fact, Object value) {
		switch (fact.type()) {
			case BOOLEAN:
				w.value(((Boolean) value).booleanValue());
				break;
			case NUMBER:
				w.value(((Double) value).doubleValue());
				break;
			case STRING:
				w.value((String) value);
				break;
			case ENUM: {
				FactModel.Names names = model.enumNames(fact.index());
				w.rawValue(names.quoted[names.indexOf((String) value)]);
				break;
			}
			default: {
				FactModel.Names names = model.enumNames(fact.index());
				w.beginArray();
				for (Object item : (List<?>) value) {
					w.rawValue(names.quoted[names.indexOf((String) item)]);
				}
				w.endArray();
			}
		}
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Assessment && ((Assessment) o).model == model
				&& Arrays.equals(((Assessment) o).values, values);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return toJson();
	}

	/**
	 * Collects values with the same checks as {@link AssessmentReader}; reusable after
	 * {@link #build()}.
	 */
	public static final class Builder {

		private final FactModel model;

		private final Object[] values;

		private Builder(FactModel model, Object[] values) {
			this.model = Objects.requireNonNull(model, "model");
			this.values = values;
		}

		/**
		 * Sets a fact: a {@link Boolean}, a {@link Number}, a {@link String} or a
		 * {@link Collection} of strings, according to its type; {@code null} makes the
		 * fact unknown again.
		 * @throws IllegalArgumentException on an unknown path or a value the schema does
		 * not allow
		 */
		public Builder set(String path, Object value) {
			Fact fact = fact(model, path);
			values[fact.index()] = value == null ? null : check(fact, value);
			return this;
		}

		public Builder unset(String path) {
			values[fact(model, path).index()] = null;
			return this;
		}

		public Assessment build() {
			return new Assessment(model, values.clone());
		}

		static Fact fact(FactModel model, String path) {
			Fact fact = path == null ? null : model.factOrNull(path);
			if (fact == null) {
				String suggestion = path == null ? null : Suggestions.closest(path, model.paths());
				throw new IllegalArgumentException("unknown fact `" + path + "`"
						+ (suggestion == null ? "" : "; did you mean `" + suggestion + "`?"));
			}
			return fact;
		}

		private Object check(Fact fact, Object value) {
			String problem;
			switch (fact.type()) {
				case BOOLEAN:
					if (value instanceof Boolean) {
						return value;
					}
					problem = "expected a boolean, found " + AssessmentReader.describe(value);
					break;
				case NUMBER:
					if (value instanceof Number) {
						// Adding zero turns -0.0 into 0.0, which JSON cannot tell apart.
						double d = ((Number) value).doubleValue() + 0.0;
						if (AssessmentReader.inRange(fact, d)) {
							return d;
						}
						problem = "expected " + AssessmentReader.expectedNumber(fact, d) + ", found `"
								+ AssessmentReader.show(d) + "`";
					}
					else {
						problem = "expected " + AssessmentReader.expectedNumber(fact, 0) + ", found "
								+ AssessmentReader.describe(value);
					}
					break;
				case STRING:
					if (value instanceof String) {
						String s = (String) value;
						problem = AssessmentReader.checkLength(fact, s);
						if (problem == null) {
							return s;
						}
					}
					else {
						problem = "expected a string, found " + AssessmentReader.describe(value);
					}
					break;
				case ENUM:
					if (value instanceof String) {
						int k = model.enumNames(fact.index()).find((String) value);
						if (k >= 0) {
							return fact.values().get(k);
						}
						problem = AssessmentReader.notAllowed(fact, (String) value);
					}
					else {
						problem = AssessmentReader.expected(fact) + ", found " + AssessmentReader.describe(value);
					}
					break;
				default:
					if (value instanceof Collection) {
						return checkList(fact, (Collection<?>) value);
					}
					problem = AssessmentReader.expected(fact) + ", found " + AssessmentReader.describe(value);
			}
			throw new IllegalArgumentException("at `" + fact.path() + "`: " + problem);
		}

		private List<String> checkList(Fact fact, Collection<?> items) {
			FactModel.Names names = model.enumNames(fact.index());
			String[] out = new String[items.size()];
			int count = 0;
			int index = 0;
			for (Object item : items) {
				String where = fact.path() + "[" + index + "]";
				int k = item instanceof String ? names.find((String) item) : -1;
				if (k < 0) {
					throw new IllegalArgumentException("at `" + where + "`: "
							+ (item instanceof String ? AssessmentReader.notAllowed(fact, (String) item)
									: "expected one of " + AssessmentReader.list(fact.values()) + ", found "
											+ AssessmentReader.describe(item)));
				}
				String value = fact.values().get(k);
				for (int j = 0; j < count; j++) {
					if (out[j] == value) {
						throw new IllegalArgumentException(
								"at `" + where + "`: " + AssessmentReader.duplicateItem(fact, value, j));
					}
				}
				out[count++] = value;
				index++;
			}
			return List.of(Arrays.copyOf(out, count));
		}

	}

}
