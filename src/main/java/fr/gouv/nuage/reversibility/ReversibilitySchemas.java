package fr.gouv.nuage.reversibility;

import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.Schemas;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the reversibility bodies, for {@code /v3/api-docs}: each record names what a handler reads or
 * writes, field for field; the enumerations are the domain's.
 */
final class ReversibilitySchemas {

	private ReversibilitySchemas() {
	}

	@Schema(name = "ReversibilityPlanRecord", additionalProperties = FALSE,
			description = "The whole plan; R4 asks for resources provisioned from launch, so the budget and the staff "
					+ "are not both 0.")
	record ReversibilityPlanRecord(
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
					description = "The end-of-contract and exit terms.") String exitTerms,
			@ArraySchema(schema = @Schema(minLength = 1, pattern = "^[^;]+$"), minItems = 1,
					arraySchema = @Schema(requiredMode = REQUIRED, example = "[\"CSV\", \"JSON\"]",
							description = "The formats the data leave in, 300 characters at most together.")) List<String> exportFormats,
			@Schema(requiredMode = REQUIRED, minimum = "0", exclusiveMaximum = true, maximum = "1000000000000",
					multipleOf = 0.01, description = "Euros provisioned, at most 2 decimals.") BigDecimal budgetEur,
			@Schema(requiredMode = REQUIRED, minimum = "0", description = "Days of staff provisioned.") Integer staffDays) {
	}

	@Schema(name = "ReversibilityPlan")
	record ReversibilityPlan(UUID project, String exitTerms, List<String> exportFormats, BigDecimal budgetEur,
			int staffDays, Instant updatedAt, String updatedBy, int version) {
	}
}
