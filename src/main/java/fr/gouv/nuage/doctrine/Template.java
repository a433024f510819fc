package fr.gouv.nuage.doctrine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.Eval.Frame;

/**
 * An explanation text with {@code {name}} placeholders (a fact path or a derived name),
 * resolved to fact indexes and derived slots when the pack is planned, rendered with the
 * pack's labels.
 */
final class Template implements Serializable {

	private static final long serialVersionUID = 1L;

	/**
	 * Resolves a placeholder name to a reader of the frame; {@code null} when the name is
	 * unknown.
	 */
	interface Resolver {

		Reader resolve(String name);

	}

	interface Reader extends Serializable {

		Object read(Frame frame);

	}

	/** Reads a fact of the assessment. */
	record FactReader(int index) implements Reader {

		@Override
		public Object read(Frame frame) {
			return frame.facts[index];
		}
	}

	/** Reads a derived value. */
	record DerivedReader(int slot) implements Reader {

		@Override
		public Object read(Frame frame) {
			return frame.derived[slot];
		}
	}

	private final String[] literals;

	private final Reader[] readers;

	/**
	 * The JSON string of a template without placeholders, escaped once when the pack is
	 * planned.
	 */
	private final String quoted;

	private Template(String[] literals, Reader[] readers) {
		this.literals = literals;
		this.readers = readers;
		this.quoted = readers.length == 0 ? JsonWriter.quote(literals[0]) : null;
	}

	/** Writes the rendered text as a JSON string. */
	void write(JsonWriter json, Frame frame, Map<String, Text> labels, Lang lang) {
		if (quoted != null) {
			json.rawValue(quoted);
		}
		else {
			json.value(render(frame, labels, lang));
		}
	}

	boolean isConstant() {
		return readers.length == 0;
	}

	/** Compiles a text; unknown placeholder names are added to {@code unknown}. */
	static Template compile(String text, Resolver resolver, List<String> unknown) {
		List<String> literals = new ArrayList<>();
		List<Reader> readers = new ArrayList<>();
		StringBuilder literal = new StringBuilder();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			int close = c == '{' ? text.indexOf('}', i) : -1;
			if (close > i + 1) {
				String name = text.substring(i + 1, close).trim();
				Reader reader = resolver.resolve(name);
				if (reader == null) {
					unknown.add(name);
				}
				else {
					literals.add(literal.toString());
					literal.setLength(0);
					readers.add(reader);
				}
				i = close + 1;
			}
			else {
				literal.append(c);
				i++;
			}
		}
		literals.add(literal.toString());
		return new Template(literals.toArray(String[]::new), readers.toArray(Reader[]::new));
	}

	String render(Frame frame, Map<String, Text> labels, Lang lang) {
		if (readers.length == 0) {
			return literals[0];
		}
		StringBuilder out = new StringBuilder(literals[0]);
		for (int i = 0; i < readers.length; i++) {
			out.append(format(readers[i].read(frame), labels, lang)).append(literals[i + 1]);
		}
		return out.toString();
	}

	/**
	 * {@code 1 000 000} in French (narrow no-break spaces), {@code 1,000,000} in English.
	 */
	private static String grouped(long value, String separator) {
		String digits = Long.toString(Math.abs(value));
		StringBuilder out = new StringBuilder(digits.length() + 8);
		if (value < 0) {
			out.append('-');
		}
		int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
		out.append(digits, 0, lead);
		for (int i = lead; i < digits.length(); i += 3) {
			out.append(separator).append(digits, i, i + 3);
		}
		return out.toString();
	}

	static String format(Object value, Map<String, Text> labels, Lang lang) {
		EngineTexts texts = EngineTexts.get();
		if (value == null || Eval.isUndetermined(value)) {
			return texts.unknownValue.in(lang);
		}
		if (value instanceof Boolean b) {
			return (b ? texts.yes : texts.no).in(lang);
		}
		if (value instanceof Double d) {
			if (d == Math.rint(d) && Math.abs(d) < 1e15) {
				return grouped((long) (double) d, texts.digitGroupSeparator.in(lang));
			}
			return d.toString();
		}
		if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				return texts.none.in(lang);
			}
			StringBuilder out = new StringBuilder();
			for (Object item : list) {
				if (out.length() > 0) {
					out.append(", ");
				}
				out.append(format(item, labels, lang));
			}
			return out.toString();
		}
		Text label = labels.get(value.toString());
		return label == null ? value.toString() : label.in(lang);
	}

}
