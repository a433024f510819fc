package fr.gouv.nuage.derogations;

import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the derogations' endpoints: what a handler reads, checked as it is read
 * (every bad field named in one answer, before anything is looked up; whether the proof
 * is a document of the project, the handler checks), and what it answers, field for
 * field; {@code /v3/api-docs} is written from them and the enumerations are the domain's.
 */
final class DerogationSchemas {

	private DerogationSchemas() {
	}

	private static final String RULE = "^R[0-9]{1,2}$";

	/**
	 * Texts are read stripped, so that one of blanks is refused as empty, by
	 * {@code @Size}, with one message.
	 */
	private static final String TEXT = "write some text, of at most " + Body.MAX_TEXT + " characters";

	private static final String REASON = "say why, in " + Body.MAX_TEXT + " characters at most";

	@Schema(name = "DerogationRequest", additionalProperties = FALSE)
	@ProvesR9
	record DerogationRequest(@Schema(requiredMode = REQUIRED, pattern = RULE, example = "R9",
			description = "The rule of the doctrine the project derogates from.") @NotNull(
					message = "missing: the rule derogated from, such as `R9`") @Pattern(regexp = RULE,
							message = "`${validatedValue}` is not a rule of the doctrine: cite it as `R9`") String rule,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT) @NotNull(message = TEXT) @Size(
					min = 1, max = Body.MAX_TEXT, message = TEXT) @PlainText String justification,
			@Schema(description = "A document of the project stored with the purpose PROOF_OF_GUARANTEES; "
					+ "required for a derogation from R9.") UUID proofOfGuarantees) {

		DerogationRequest {
			justification = justification == null ? null : justification.strip();
		}
	}

	/**
	 * A derogation from R9 names its proof of SecNumCloud-level guarantees; the error is
	 * the field's.
	 */
	@Target(TYPE)
	@Retention(RUNTIME)
	@Constraint(validatedBy = ProvesR9.Check.class)
	@interface ProvesR9 {

		String message() default "a derogation from R9 proves SecNumCloud-level guarantees: name the document that does";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		final class Check implements ConstraintValidator<ProvesR9, DerogationRequest> {

			@Override
			public boolean isValid(DerogationRequest request, ConstraintValidatorContext context) {
				if (!"R9".equals(request.rule()) || request.proofOfGuarantees() != null) {
					return true;
				}
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("proofOfGuarantees")
					.addConstraintViolation();
				return false;
			}

		}

	}

	@Schema(name = "DerogationRefusal", additionalProperties = FALSE)
	record DerogationRefusal(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT) @NotNull(
			message = REASON) @Size(min = 1, max = Body.MAX_TEXT, message = REASON) @PlainText String reason) {

		DerogationRefusal {
			reason = reason == null ? null : reason.strip();
		}
	}

	@Schema(name = "AcceptableOffer", additionalProperties = FALSE)
	record AcceptableOffer(@Schema(requiredMode = REQUIRED,
			description = "Since when an acceptable offer exists; the derogation ends 12 months later at the latest.") @NotNull(
					message = "missing: since when an acceptable offer exists, written YYYY-MM-DD") LocalDate since) {
	}

	@Schema(name = "DerogationStep")
	record DerogationStep(Instant at, String actor, Derogation.Role role, DerogationStatus status, String detail) {

		static DerogationStep of(Derogation.Step step) {
			return new DerogationStep(step.at(), step.actor(), step.role(), step.status(), step.detail());
		}
	}

	@Schema(name = "Derogation")
	record DerogationView(UUID id, UUID project, String rule,
			@Schema(description = "The digest of the decision the derogation was asked on.") String decision,
			String justification,
			@Schema(format = "uuid",
					description = "The document proving the guarantees, if any.") String proofOfGuarantees,
			DerogationStatus status, LocalDate expiresOn, List<DerogationStep> steps, int version) {

		static DerogationView of(Derogation d) {
			return new DerogationView(d.id(), d.project(), d.rule(), d.decisionDigest(), d.justification(),
					d.proofOfGuarantees(), d.status(), d.expiresOn(),
					d.steps().stream().map(DerogationStep::of).toList(), d.version());
		}
	}

	@Schema(name = "DerogationSummary")
	record DerogationSummary(UUID id, UUID project, String rule, DerogationStatus status, Instant requestedAt,
			LocalDate expiresOn, int version) {

		static DerogationSummary of(Derogation d) {
			return new DerogationSummary(d.id(), d.project(), d.rule(), d.status(),
					d.steps().isEmpty() ? null : d.steps().get(0).at(), d.expiresOn(), d.version());
		}
	}

	@Schema(name = "DerogationPage")
	record DerogationPage(int page, int size, long total, List<DerogationSummary> derogations) {
	}

}
