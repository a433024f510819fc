package fr.gouv.nuage.projects;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.http.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The bodies the projects' endpoints read and write, field for field, as
 * {@code /v3/api-docs} describes them; the enumerations are the domain's. An assessment
 * is not among them: the engine reads it itself, as the contract {@code assessment-v1}.
 */
final class ProjectSchemas {

	private ProjectSchemas() {
	}

	@Schema(name = "ProjectRename", additionalProperties = FALSE,
			description = "The project's new name, and nothing else.")
	record ProjectRename(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 300) @NotNull(
			message = "a project has a name of 1 to 300 characters") @Size(min = 1, max = 300,
					message = "a project has a name of 1 to 300 characters") @PlainText(line = true) String name) {

		ProjectRename {
			name = name == null ? null : name.strip();
		}
	}

	@Schema(name = "PackRef")
	record PackRef(String id, String version, String digest) {
	}

	@Schema(name = "ProjectDecision", description = "A decision of the project's history, without its body, which has "
			+ "its own address (/api/v1/projects/{id}/decisions/{seq}).")
	record ProjectDecisionView(int seq, Instant at, String actor, ProjectDecision.Reason reason, String offerId,
			Verdict verdict, @Schema(description = "The control procedure the decision sets.") String control,
			PackRef pack) {

		static ProjectDecisionView of(ProjectDecision d) {
			return new ProjectDecisionView(d.seq(), d.at(), d.actor(), d.reason(), d.offerId(), d.verdict(),
					d.control(), new PackRef(d.packId(), d.packVersion(), d.packDigest()));
		}
	}

	@Schema(name = "Entity")
	record Entity(String name, @Schema(description = "The assessment's `entity.kind`.") String kind) {
	}

	@Schema(name = "ProjectIssue", description = "What kept the project from being decided again when its offer or the "
			+ "doctrine changed; gone once it is decided again.")
	record IssueView(ProjectIssue.Kind kind, String message,
			@Schema(description = "When it was first seen.") Instant since) {

		static IssueView of(ProjectIssue issue) {
			return new IssueView(issue.kind(), issue.message(), issue.since());
		}
	}

	@Schema(name = "Project")
	record ProjectView(UUID id, String name,
			@Schema(description = "The id of the organisation it belongs to.") String organisation, Entity entity,
			String ministry, boolean archived, Instant registeredAt, int version,
			@Schema(description = "The latest decision; absent before the first.") @JsonInclude(JsonInclude.Include.NON_NULL) ProjectDecisionView latest,
			List<ProjectDecisionView> history,
			@Schema(description = "What kept the project from being decided again since its latest decision; "
					+ "empty when nothing did.") List<IssueView> issues) {

		static ProjectView of(Project project) {
			return new ProjectView(project.id(), project.name(), project.organisation(),
					new Entity(project.entityName(), project.entityKind()), project.ministry(), project.archived(),
					project.registeredAt(), project.version(),
					project.latest().map(ProjectDecisionView::of).orElse(null),
					project.decisions().stream().map(ProjectDecisionView::of).toList(),
					project.issues().stream().map(IssueView::of).toList());
		}
	}

	@Schema(name = "ProjectSummary")
	record ProjectSummary(UUID id, String name, String organisation, String entity, String ministry, boolean archived,
			Instant registeredAt, int version, Verdict verdict, String control, Instant decidedAt,
			@Schema(description = "The pack's id and version.", example = "6404-SG 1.0.0") String pack) {

		static ProjectSummary of(fr.gouv.nuage.projects.ProjectSummary p) {
			return new ProjectSummary(p.id(), p.name(), p.organisation(), p.entityName(), p.ministry(), p.archived(),
					p.registeredAt(), p.version(), p.verdict(), p.control(), p.decidedAt(),
					p.packId() == null ? null : p.packId() + " " + p.packVersion());
		}
	}

	@Schema(name = "ProjectPage")
	record ProjectPage(int page, int size, long total, List<ProjectSummary> projects) {
	}

}
