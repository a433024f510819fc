package fr.gouv.nuage.projects;

import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.http.Schemas;
import fr.gouv.nuage.projects.ProjectDecision;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the projects bodies, for {@code /v3/api-docs}: each record names what a handler reads or
 * writes, field for field; the enumerations are the domain's.
 */
final class ProjectSchemas {

	private ProjectSchemas() {
	}

	@Schema(name = "ProjectRename", additionalProperties = FALSE, description = "The project's new name, and nothing else.")
	record ProjectRename(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 300) String name) {
	}

	@Schema(name = "PackRef")
	record PackRef(String id, String version, String digest) {
	}

	@Schema(name = "ProjectDecision", description = "A decision of the project's history, without its body, which has "
			+ "its own address (/api/v1/projects/{id}/decisions/{seq}).")
	record ProjectDecisionView(int seq, Instant at, String actor, ProjectDecision.Reason reason, String offerId,
			Verdict verdict, @Schema(description = "The control procedure the decision sets.") String control,
			PackRef pack) {
	}

	@Schema(name = "Entity")
	record Entity(String name, @Schema(description = "The assessment's `entity.kind`.") String kind) {
	}

	@Schema(name = "Project")
	record ProjectView(UUID id, String name, @Schema(description = "The id of the organisation it belongs to.")
	String organisation, Entity entity, String ministry, boolean archived, Instant registeredAt, int version,
			@Schema(description = "The latest decision; absent before the first.") ProjectDecisionView latest,
			List<ProjectDecisionView> history) {
	}

	@Schema(name = "ProjectSummary")
	record ProjectSummary(UUID id, String name, String organisation, String entity, String ministry, boolean archived,
			Instant registeredAt, int version, Verdict verdict, String control, Instant decidedAt,
			@Schema(description = "The pack's id and version.", example = "6404-SG 1.0.0") String pack) {
	}

	@Schema(name = "ProjectPage")
	record ProjectPage(int page, int size, long total, List<ProjectSummary> projects) {
	}
}
