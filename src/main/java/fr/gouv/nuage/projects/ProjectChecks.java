package fr.gouv.nuage.projects;

import fr.gouv.nuage.http.ApiErrors;
import java.util.UUID;

import fr.gouv.nuage.directory.Perimeter;

/**
 * What the endpoints under a project check before anything else: that the project exists, that the
 * caller sees it or is one of its agents, that a document named is one the project stored.
 */
public final class ProjectChecks {

	private ProjectChecks() {
	}

	/** The project's organisation, read without its decisions; {@code null} for a project outside the directory. */
	public static String organisation(Projects projects, UUID id) {
		return projects.organisation(id).orElseThrow(() -> missing(id)).organisation();
	}

	/** The project's organisation, if the caller sees the project. */
	public static String seen(Projects projects, Perimeter caller, UUID id) {
		String organisation = organisation(projects, id);
		checkSees(caller, organisation, id);
		return organisation;
	}

	/** The project, with its decisions, if the caller sees it. */
	public static Project visible(Projects projects, Perimeter caller, UUID id) {
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
	public static void agent(Perimeter caller, String organisation) {
		agent(caller, organisation, "act for this project");
	}

	/** Refuses a caller who is not an agent of the project's organisation; {@code action} says what they would do. */
	public static void agent(Perimeter caller, String organisation, String action) {
		if (!caller.edits(organisation)) {
			throw new ApiErrors.OutOfPerimeter("only the agents of `" + organisation + "` " + action);
		}
	}
}
