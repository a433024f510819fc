package fr.gouv.nuage.derogations;

import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.derogations.DerogationStatus;
import fr.gouv.nuage.directory.Role;
import fr.gouv.nuage.http.Schemas;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the derogations bodies, for {@code /v3/api-docs}: each record names what a handler reads or
 * writes, field for field; the enumerations are the domain's.
 */
final class DerogationSchemas {

	private DerogationSchemas() {
	}

	@Schema(name = "DerogationRequest", additionalProperties = FALSE)
	record DerogationRequest(
			@Schema(requiredMode = REQUIRED, pattern = "^R[0-9]{1,2}$", example = "R9",
					description = "The rule of the doctrine the project derogates from.") String rule,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT) String justification,
			@Schema(description = "A document of the project stored with the purpose PROOF_OF_GUARANTEES; "
					+ "required for a derogation from R9.") UUID proofOfGuarantees) {
	}

	@Schema(name = "DerogationRefusal", additionalProperties = FALSE)
	record DerogationRefusal(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT) String reason) {
	}

	@Schema(name = "AcceptableOffer", additionalProperties = FALSE)
	record AcceptableOffer(@Schema(requiredMode = REQUIRED,
			description = "Since when an acceptable offer exists; the derogation ends 12 months later at the latest.")
	LocalDate since) {
	}

	@Schema(name = "DerogationStep")
	record DerogationStep(Instant at, String actor, fr.gouv.nuage.derogations.Derogation.Role role, DerogationStatus status,
			String detail) {
	}

	@Schema(name = "Derogation")
	record DerogationView(UUID id, UUID project, String rule,
			@Schema(description = "The digest of the decision the derogation was asked on.") String decision,
			String justification, UUID proofOfGuarantees, DerogationStatus status, LocalDate expiresOn,
			List<DerogationStep> steps, int version) {
	}

	@Schema(name = "DerogationSummary")
	record DerogationSummary(UUID id, UUID project, String rule, DerogationStatus status, Instant requestedAt,
			LocalDate expiresOn, int version) {
	}

	@Schema(name = "DerogationPage")
	record DerogationPage(int page, int size, long total, List<DerogationSummary> derogations) {
	}
}
