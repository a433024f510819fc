package fr.gouv.nuage.reversibility;

import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.PlainText;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the reversibility plan's endpoint: what the handler reads, checked as it
 * is read (every bad field named in one answer, the plan's own rules included), and what
 * it answers, field for field; {@code /v3/api-docs} is written from them.
 */
final class ReversibilitySchemas {

	private ReversibilitySchemas() {
	}

	/** The stored export formats are joined with this, so a format cannot hold it. */
	static final String SEPARATOR = ";";

	/** What the database keeps of the formats once joined. */
	static final int MAX_FORMATS_LENGTH = 300;

	private static final String EXIT_TERMS = "the exit terms must be written, in at most " + Body.MAX_TEXT
			+ " characters";

	private static final String BUDGET = "an amount of euros with at most 2 decimals, below 1,000,000,000,000";

	@Schema(name = "ReversibilityPlanRecord", additionalProperties = FALSE,
			description = "The whole plan; R4 asks for resources provisioned from launch, so the budget and the staff "
					+ "are not both 0.")
	@ProvisionedFromLaunch
	record ReversibilityPlanRecord(
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
					description = "The end-of-contract and exit terms.") @NotNull(message = EXIT_TERMS) @Size(min = 1,
							max = Body.MAX_TEXT, message = EXIT_TERMS) @PlainText String exitTerms,
			@ArraySchema(schema = @Schema(minLength = 1, pattern = "^[^;]+$"), minItems = 1,
					arraySchema = @Schema(requiredMode = REQUIRED, example = "[\"CSV\", \"JSON\"]",
							description = "The formats the data leave in, 300 characters at most together.")) @NotEmpty(
									message = "name at least one format the data leave in") @Formats List<@PlainText(
											line = true) String> exportFormats,
			@Schema(requiredMode = REQUIRED, minimum = "0", exclusiveMaximum = true, maximum = "1000000000000",
					multipleOf = 0.01, description = "Euros provisioned, at most 2 decimals.") @NotNull(
							message = "missing: the budget provisioned, in euros") @DecimalMin(value = "0",
									message = "the provisioned budget is an amount of euros, 0 or more") @Digits(
											integer = 12, fraction = 2, message = BUDGET) BigDecimal budgetEur,
			// A number read whole, so that 2.5 days are refused rather than rounded.
			@Schema(requiredMode = REQUIRED, implementation = Integer.class, minimum = "0",
					description = "Days of staff provisioned.") @NotNull(
							message = "missing: the staff provisioned, in days") @PositiveOrZero(
									message = "the provisioned staff is a number of days, 0 or more") @Digits(
											integer = 9, fraction = 0,
											message = "the provisioned staff is a whole number of days") BigDecimal staffDays) {

		ReversibilityPlanRecord {
			exitTerms = exitTerms == null ? null : exitTerms.strip();
			exportFormats = exportFormats == null ? null
					: exportFormats.stream().map(f -> f == null ? null : f.strip()).toList();
		}
	}

	/**
	 * Each format named, none holding the separator, all of them together within what is
	 * stored.
	 */
	@Target({ FIELD, PARAMETER })
	@Retention(RUNTIME)
	@Constraint(validatedBy = Formats.Check.class)
	@interface Formats {

		String message() default "name at least one format the data leave in";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		final class Check implements ConstraintValidator<Formats, List<String>> {

			@Override
			public boolean isValid(List<String> formats, ConstraintValidatorContext context) {
				if (formats == null || formats.isEmpty()) {
					return true;
				}
				String problem = null;
				if (formats.stream().anyMatch(f -> f == null || f.isBlank())) {
					problem = "name at least one format the data leave in";
				}
				else if (formats.stream().anyMatch(f -> f.contains(SEPARATOR))) {
					problem = "a format's name cannot hold `" + SEPARATOR + "`: give each format on its own";
				}
				else if (String.join(SEPARATOR, formats).length() > MAX_FORMATS_LENGTH) {
					problem = "the formats take " + String.join(SEPARATOR, formats).length()
							+ " characters together, above the limit of " + MAX_FORMATS_LENGTH;
				}
				if (problem == null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(escaped(problem)).addConstraintViolation();
				return false;
			}

		}

	}

	/**
	 * R4 asks for resources provisioned from launch: a budget or staff; the error is the
	 * budget's.
	 */
	@Target(TYPE)
	@Retention(RUNTIME)
	@Constraint(validatedBy = ProvisionedFromLaunch.Check.class)
	@interface ProvisionedFromLaunch {

		String message() default "R4 asks for resources provisioned from launch: budget or staff";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		final class Check implements ConstraintValidator<ProvisionedFromLaunch, ReversibilityPlanRecord> {

			@Override
			public boolean isValid(ReversibilityPlanRecord plan, ConstraintValidatorContext context) {
				if (plan.budgetEur() == null || plan.staffDays() == null || plan.budgetEur().signum() != 0
						|| plan.staffDays().signum() != 0) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("budgetEur")
					.addConstraintViolation();
				return false;
			}

		}

	}

	/**
	 * A message taken as it is, not as a template: a `{` or `$` of the user's is not
	 * interpolated.
	 */
	private static String escaped(String message) {
		return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}

	@Schema(name = "ReversibilityPlan")
	record ReversibilityPlanView(UUID project, String exitTerms, List<String> exportFormats, BigDecimal budgetEur,
			int staffDays, Instant updatedAt, String updatedBy, int version) {

		static ReversibilityPlanView of(ReversibilityPlan plan) {
			BigDecimal budget = plan.budgetEur().stripTrailingZeros();
			return new ReversibilityPlanView(plan.project(), plan.exitTerms(), plan.exportFormats(),
					budget.scale() < 0 ? budget.setScale(0) : budget, plan.staffDays(), plan.updatedAt(),
					plan.updatedBy(), plan.version());
		}
	}

}
