package fr.gouv.nuage.controls;

import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;

/**
 * The bodies the controls' handlers read and write, field for field, for
 * {@code /v3/api-docs} too; the enumerations are the domain's. A body is refused before
 * its handler runs, with every field its annotations refuse named in one answer
 * ({@code http.StrictBodies}).
 */
final class ControlSchemas {

	private ControlSchemas() {
	}

	@Schema(name = "ControlStudy", additionalProperties = FALSE)
	record ControlStudy(@Schema(requiredMode = REQUIRED,
			description = "A document of the control's project, stored with the purpose COMPARATIVE_STUDY.") @NotNull(
					message = "missing: this request takes `document`") UUID document) {
	}

	@Schema(name = "ControlReferral", additionalProperties = FALSE)
	record ControlReferral(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
			description = "The file referred to DINUM, or what completes it.") @NotNull(
					message = "missing: this request takes `file`") @Text @PlainText String file) {
	}

	@Schema(name = "InformationRequest", additionalProperties = FALSE)
	record InformationRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
			description = "What DINUM asks for; DINUM's month is suspended until the project refers the file again.") @NotNull(
					message = "missing: this request takes `request`") @Text @PlainText String request) {
	}

	@Schema(name = "ControlDecision", additionalProperties = FALSE)
	@Reasoned
	record ControlDecision(
			@Schema(requiredMode = REQUIRED) @NotNull(
					message = "missing: this request takes `outcome` and `reasons`") Control.Outcome outcome,
			@Schema(minLength = 1, maxLength = Body.MAX_TEXT,
					description = "Why; required unless `outcome` is FAVOURABLE.") @Text @PlainText String reasons) {
	}

	/**
	 * Free text: some, and at most {@link #max()} characters; whether it may be absent is
	 * the field's own constraint. Its own validator rather than {@code @NotBlank} and
	 * {@code @Size}, so that an empty text is refused once, with what to do, and so that
	 * the API description keeps the lengths its {@code @Schema} states (springdoc writes
	 * a {@code @Size}'s minimum, 0, over them).
	 */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = SomeText.class)
	@interface Text {

		int max() default Body.MAX_TEXT;

		String message() default "write some text";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	static final class SomeText implements ConstraintValidator<Text, String> {

		private int max;

		@Override
		public void initialize(Text text) {
			max = text.max();
		}

		@Override
		public boolean isValid(String text, ConstraintValidatorContext context) {
			if (text == null) {
				return true;
			}
			if (text.isBlank()) {
				return false;
			}
			if (text.length() > max) {
				context.disableDefaultConstraintViolation();
				// Built from numbers only: no user text reaches the message
				// interpolation.
				context
					.buildConstraintViolationWithTemplate(
							"the text is " + text.length() + " characters long, above the limit of " + max)
					.addConstraintViolation();
				return false;
			}
			return true;
		}

	}

	/**
	 * A decision other than favourable says why: refused on {@code reasons}, with the
	 * body's other refusals.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = ReasonedDecision.class)
	@interface Reasoned {

		String message() default "a decision other than favourable says why";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	static final class ReasonedDecision implements ConstraintValidator<Reasoned, ControlDecision> {

		@Override
		public boolean isValid(ControlDecision decision, ConstraintValidatorContext context) {
			// Blank reasons are refused by their own pattern; only absent ones are said
			// here, once.
			if (decision.outcome() == null || decision.outcome() == Control.Outcome.FAVOURABLE
					|| decision.reasons() != null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
				.addPropertyNode("reasons")
				.addConstraintViolation();
			return false;
		}

	}

	@Schema(name = "ControlStep")
	record ControlStep(Instant at, String actor, Control.Role role, ControlStatus status, String detail) {

		static ControlStep of(Control.Step step) {
			return new ControlStep(step.at(), step.actor(), step.role(), step.status(), step.detail());
		}
	}

	@Schema(name = "Control")
	record ControlView(UUID id, UUID project, Control.Procedure procedure, ControlStatus status,
			@Schema(description = "Null until decided.") Control.Outcome outcome,
			// Text as the control keeps it: through the API always a document's id.
			@Schema(format = "uuid") String studyDocument, LocalDate referredOn,
			@Schema(description = "When DINUM's silence is deemed favourable.") LocalDate due, List<ControlStep> steps,
			int version) {

		/**
		 * The control as the API shows it; every field is written, {@code null} included.
		 */
		static ControlView of(Control control) {
			return new ControlView(control.id(), control.project(), control.procedure(), control.status(),
					control.outcome(), control.studyDocument(), control.referredOn(), control.due(),
					control.steps().stream().map(ControlStep::of).toList(), control.version());
		}
	}

}
