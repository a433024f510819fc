package fr.gouv.nuage.api;

import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.projects.DocumentPurpose;
import fr.gouv.nuage.projects.Documents;
import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.StoredDocument;
import fr.gouv.nuage.projects.directory.Perimeter;

/**
 * What the endpoints under a project check before anything else: that the project exists, that the
 * caller sees it or is one of its agents, that a document named is one the project stored.
 */
final class ProjectChecks {

	private ProjectChecks() {
	}

	/** The project's organisation, read without its decisions; {@code null} for a project outside the directory. */
	static String organisation(Projects projects, UUID id) {
		return projects.organisation(id).orElseThrow(() -> missing(id)).organisation();
	}

	/** The project's organisation, if the caller sees the project. */
	static String seen(Projects projects, Perimeter caller, UUID id) {
		String organisation = organisation(projects, id);
		checkSees(caller, organisation, id);
		return organisation;
	}

	/** The project, with its decisions, if the caller sees it. */
	static Project visible(Projects projects, Perimeter caller, UUID id) {
		Project project = projects.find(id).orElseThrow(() -> missing(id));
		checkSees(caller, project.organisation(), id);
		return project;
	}

	private static ApiErrors.Missing missing(UUID id) {
		return new ApiErrors.Missing("no project " + id);
	}

	private static void checkSees(Perimeter caller, String organisation, UUID id) {
		if (!caller.sees(organisation)) {
			throw new ApiErrors.OutOfPerimeter("the project " + id + " is outside your perimeter");
		}
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
		Optional<StoredDocument> stored = documents.find(document).filter(d -> d.project().equals(project));
		if (stored.isEmpty()) {
			in.error(field, "`" + document + "` is not a document of this project: store it first with POST /api/v1/projects/"
					+ project + "/documents");
		}
		else if (stored.get().purpose() != purpose) {
			in.error(field, "`" + document + "` was not stored as a " + purpose + ": store it with `purpose` " + purpose);
		}
	}
}
