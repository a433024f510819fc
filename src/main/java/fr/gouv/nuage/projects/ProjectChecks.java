package fr.gouv.nuage.projects;

import java.util.UUID;

import fr.gouv.nuage.directory.Perimeter;

/**
 * What the endpoints under a project check before anything else: that the project exists
 * (else {@link NoSuchProject}, 404), that the caller sees it or is one of its agents
 * (else {@link fr.gouv.nuage.directory.NotAllowed}, 403). The rules are
 * {@link Projects}'; this is the shorthand other workflows' controllers call.
 */
public final class ProjectChecks {

	private ProjectChecks() {
	}

	/**
	 * The project's organisation, read without its decisions; {@code null} for a project
	 * outside the directory.
	 */
	public static String organisation(Projects projects, UUID id) {
		return projects.owner(id).organisation();
	}

	/** The project's organisation, if the caller sees the project. */
	public static String seen(Projects projects, Perimeter caller, UUID id) {
		return projects.seen(caller, id).organisation();
	}

	/** The project, with its decisions, if the caller sees it. */
	public static Project visible(Projects projects, Perimeter caller, UUID id) {
		return projects.visible(caller, id);
	}

	/** Refuses a caller who is not an agent of the project's organisation. */
	public static void agent(Perimeter caller, String organisation) {
		agent(caller, organisation, "act for this project");
	}

	/**
	 * Refuses a caller who is not an agent of the project's organisation; {@code action}
	 * says what they would do.
	 */
	public static void agent(Perimeter caller, String organisation, String action) {
		Projects.checkAgent(caller, organisation, action);
	}

}
