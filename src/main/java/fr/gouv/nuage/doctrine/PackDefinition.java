package fr.gouv.nuage.doctrine;

import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.YamlTree.YScalar;

/**
 * A rule pack as its author wrote it, before it is checked and planned; every part keeps
 * its position.
 */
record PackDefinition(String id, String version, String status, Text title, String circularNumber, String circularDate,
		String circularUrl, String source, Map<String, Object> defaults, Map<String, List<String>> absentWhen,
		Map<String, Text> questions, Map<String, Text> labels, List<Derived> derived, List<Rule> rules) {

	/** A CEL expression and the scalar it was written in. */
	record Expr(String source, YScalar node) {
	}

	record Note(String id, String confidence, Text text, Pos pos) {
	}

	record Case(Expr when, Object value, Expr valueExpr, Text because, Note note, Pos pos) {
	}

	record Derived(String name, ValueType type, Expr expr, List<Case> cases, Object unknownValue, Note note, Pos pos) {
	}

	record Check(String id, Expr when, Expr violated, Expr toConfirm, Text explain, Pos pos) {
	}

	record Rule(String id, String block, boolean administration, Text title, Text text, Text obligation, String source,
			String confidence, Text uncertainty, Expr applies, Text notApplicable, List<Check> checks, Text satisfied,
			Pos pos) {
	}

	/** The types a derived value may have, as written in a pack. */
	enum ValueType {

		BOOL("bool"), STRING("string"), DOUBLE("double"), STRING_LIST("list(string)");

		final String spelling;

		ValueType(String spelling) {
			this.spelling = spelling;
		}

		static ValueType parse(String text) {
			for (ValueType type : values()) {
				if (type.spelling.equals(text)) {
					return type;
				}
			}
			return null;
		}

	}
}
