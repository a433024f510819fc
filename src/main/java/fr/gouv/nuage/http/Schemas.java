package fr.gouv.nuage.http;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the http bodies, for {@code /v3/api-docs}: each record names what a
 * handler reads or writes, field for field; the enumerations are the domain's.
 */
public final class Schemas {

	private Schemas() {
	}

	@Schema(name = "Problem", description = "A refusal, as RFC 9457 problem details (application/problem+json).")
	public record Problem(
			@Schema(format = "uri-reference", example = "/problems/invalid-input",
					description = "The kind of problem; `about:blank` when it is only its status.") String type,
			@Schema(example = "Invalid input") String title, @Schema(example = "400") int status,
			@Schema(description = "What happened, for people.") String detail,
			@Schema(format = "uri-reference", description = "The request's path.") String instance,
			@Schema(description = "On 400 and 413: each thing refused, named.") List<InputError> errors) {
	}

	@Schema(name = "InputError", requiredProperties = "message", description = "One thing refused: a `field` of a "
			+ "body or form, a `path` in an assessment, or a query `parameter`; `line` and `column` where the body "
			+ "stops being JSON or YAML.")
	public record InputError(@Schema(example = "outcome") String field, @Schema(example = "data.marking") String path,
			@Schema(example = "size") String parameter, Integer line, Integer column,
			@Schema(example = "`MAYBE` is not one of `FAVOURABLE`, `FAVOURABLE_WITH_RESERVATIONS` and `UNFAVOURABLE`") String message) {
	}

	@Schema(name = "EmptyBody", additionalProperties = FALSE, maxProperties = 0,
			description = "No field: send no body, or `{}`.")
	public record EmptyBody() {
	}

	@Schema(name = "Text", description = "A text in French and in English.")
	public record Text(String fr, String en) {
	}

}
