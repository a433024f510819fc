package fr.gouv.nuage.http;

import java.util.List;
import java.util.Locale;

/**
 * A refusal of the domain: the request is refused for a reason written for the person who
 * made it, in their language ({@link Said}), and nothing was changed. It is the only
 * exception whose text reaches a client; any other answers a 500 that says nothing of it
 * ({@link Internal}). Its message is the English text, for the server's log.
 */
public abstract class Refusal extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** How a refusal answers over HTTP. */
	public enum Kind {

		/** A field the domain refuses: 400. */
		INVALID,
		/** Outside the caller's perimeter, or not theirs to take: 403. */
		FORBIDDEN,
		/** Something named that does not exist: 404. */
		NOT_FOUND,
		/** A step the workflow's state does not allow: 409. */
		CONFLICT,
		/** Above a limit: 413. */
		TOO_LARGE

	}

	/** One field refused and why. */
	public record Field(String name, Said said) {
	}

	private final Kind kind;

	private final String field;

	private final transient Said said;

	private final transient List<Field> fields;

	/**
	 * @param field the field refused, or {@code null} when the refusal is about no field
	 */
	protected Refusal(Kind kind, String field, Said said) {
		super(field == null ? said.in(Locale.ENGLISH) : field + ": " + said.in(Locale.ENGLISH));
		this.kind = kind;
		this.field = field;
		this.said = said;
		this.fields = field == null ? List.of() : List.of(new Field(field, said));
	}

	/** Several fields refused at once (400), the first one first. */
	protected Refusal(List<Field> fields) {
		super(fields.stream()
			.map(f -> f.name() + ": " + f.said().in(Locale.ENGLISH))
			.reduce((a, b) -> a + "; " + b)
			.orElseThrow());
		this.kind = Kind.INVALID;
		this.field = fields.get(0).name();
		this.said = fields.get(0).said();
		this.fields = List.copyOf(fields);
	}

	/** Every field refused, none when the refusal is about no field. */
	public List<Field> fields() {
		return fields;
	}

	public Kind kind() {
		return kind;
	}

	/** The field refused, or {@code null}. */
	public String field() {
		return field;
	}

	public Said said() {
		return said;
	}

	/** The reason, without the field, in {@code language}. */
	public String text(Locale language) {
		return said.in(language);
	}

}
