package fr.gouv.nuage.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Text a person wrote and others will read — a name, a reason, a free text — as it may be
 * stored: well-formed Unicode (no lone surrogate, which breaks the JSON readers of every
 * list holding it), no control character (NUL, escape sequences…) and no bidirectional
 * control (U+202A–U+202E, U+2066–U+2069, which make {@code exe.pdf} read as
 * {@code fdp.exe}), as document names already are; line breaks and tabs only where the
 * text may have several lines ({@code line = false}). A {@code null} is the field's own
 * constraint's to refuse. The message says what and where by code point and position,
 * never by quoting the text, so that no user text reaches the message interpolation.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

	/** One line: a name, an identifier; no line break nor tab. */
	boolean line() default false;

	String message() default "write plain text";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a text as {@link PlainText} says. */
	final class Check implements ConstraintValidator<PlainText, String> {

		private boolean line;

		@Override
		public void initialize(PlainText annotation) {
			line = annotation.line();
		}

		@Override
		public boolean isValid(String text, ConstraintValidatorContext context) {
			String problem = text == null ? null : problem(text, line);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

		/**
		 * What is wrong with {@code text} for a field of one line ({@code line}) or of
		 * several, or {@code null} when nothing is; for the callers that check text
		 * outside a request body.
		 */
		public static String problem(String text, boolean line) {
			int position = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				position++;
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				if (Character.isSurrogate(c)) {
					return "the text is not well-formed Unicode: a lone surrogate " + code(c) + " at character "
							+ position;
				}
				boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
				if (lineBreak && line) {
					return "write it on one line: a " + (c == '\t' ? "tab" : "line break") + " at character "
							+ position;
				}
				if (!lineBreak && Character.isISOControl(c)) {
					return "the text contains a control character " + code(c) + " at character " + position;
				}
				if (bidiControl(c)) {
					return "the text contains a bidirectional control " + code(c) + " at character " + position
							+ ": it changes how what follows reads";
				}
			}
			return null;
		}

		/**
		 * A bidirectional control (U+202A–U+202E, U+2066–U+2069), which changes how what
		 * follows reads.
		 */
		public static boolean bidiControl(int c) {
			return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
		}

		private static String code(char c) {
			return String.format("U+%04X", (int) c);
		}

	}

}
