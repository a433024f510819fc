package fr.gouv.nuage.controls;

import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.controls.ControlStatus;
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
 * The shapes of the controls bodies, for {@code /v3/api-docs}: each record names what a handler reads or
 * writes, field for field; the enumerations are the domain's.
 */
final class ControlSchemas {

	private ControlSchemas() {
	}

	@Schema(name = "ControlStudy", additionalProperties = FALSE)
	record ControlStudy(@Schema(requiredMode = REQUIRED,
			description = "A document of the control's project, stored with the purpose COMPARATIVE_STUDY.") UUID document) {
	}

	@Schema(name = "ControlReferral", additionalProperties = FALSE)
	record ControlReferral(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
			description = "The file referred to DINUM, or what completes it.") String file) {
	}

	@Schema(name = "InformationRequest", additionalProperties = FALSE)
	record InformationRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
			description = "What DINUM asks for; DINUM's month is suspended until the project refers the file again.")
	String request) {
	}

	@Schema(name = "ControlDecision", additionalProperties = FALSE)
	record ControlDecision(@Schema(requiredMode = REQUIRED) fr.gouv.nuage.controls.Control.Outcome outcome,
			@Schema(minLength = 1, maxLength = Body.MAX_TEXT,
					description = "Why; required unless `outcome` is FAVOURABLE.") String reasons) {
	}

	@Schema(name = "ControlStep")
	record ControlStep(Instant at, String actor, fr.gouv.nuage.controls.Control.Role role, ControlStatus status,
			String detail) {
	}

	@Schema(name = "Control")
	record ControlView(UUID id, UUID project, fr.gouv.nuage.controls.Control.Procedure procedure, ControlStatus status,
			@Schema(description = "Null until decided.") fr.gouv.nuage.controls.Control.Outcome outcome,
			UUID studyDocument, LocalDate referredOn, @Schema(description = "When DINUM's silence is deemed favourable.")
			LocalDate due, List<ControlStep> steps, int version) {
	}
}
