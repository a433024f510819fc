package fr.gouv.nuage.api;

import java.util.UUID;

import fr.gouv.nuage.projects.DocumentPurpose;
import fr.gouv.nuage.projects.Documents;
import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.directory.Perimeter;

/**
 * What the endpoints under a project check before anything else: that the project exists, that the
 * caller sees it or is one of its agents, that a document named is one the project stored.
 */
final class ProjectChecks {

	private ProjectChecks() {
	}

	static Project find(Projects projects, UUID id) {
		return projects.find(id).orElseThrow(() -> new ApiErrors.Missing("no project " + id));
	}

	/** The project, if the caller sees it. */
	static Project visible(Projects projects, Perimeter caller, UUID id) {
		Project project = find(projects, id);
		if (!caller.sees(project.organisation())) {
			throw new ApiErrors.OutOfPerimeter("the project " + id + " is outside your perimeter");
		}
		return project;
	}

	/** Refuses a caller who is not an agent of the project's organisation. */
	static void agent(Perimeter caller, String organisation) {
		agent(caller, organisation, "act for this project");
	}

	/** Refuses a caller who is not an agent of the project's organisation; {@code action} says what they would do. */
	static void agent(Perimeter caller, String organisation, String action) {
		if (!caller.edits(organisation)) {
			throw new ApiErrors.OutOfPerimeter("only the agents of `" + organisation + "` " + action);
		}
	}

	/** Records an error of {@code field} unless the document is one of the project's, stored for that purpose. */
	static void stored(Documents documents, Body in, String field, UUID document, UUID project, DocumentPurpose purpose) {
		if (!documents.belongsTo(document, project)) {
			in.error(field, "`" + document + "` is not a document of this project: store it first with POST /api/v1/projects/"
					+ project + "/documents");
		}
		else if (documents.find(document).orElseThrow().purpose() != purpose) {
			in.error(field, "`" + document + "` was not stored as a " + purpose + ": store it with `purpose` " + purpose);
		}
	}
}
