package fr.gouv.nuage.projects;

import java.time.Instant;

/**
 * Why a project could not be decided again when its offer or the doctrine changed: shown
 * with the project, so that nothing is skipped silently, until the project is decided
 * again.
 *
 * @param since when it was first seen; a later occurrence of the same kind keeps it and
 * says why anew
 */
public record ProjectIssue(Kind kind, String message, Instant since) {

	public enum Kind {

		/**
		 * The latest assessment no longer reads under the pack or the catalogue in force:
		 * assess it again.
		 */
		ASSESSMENT_UNREADABLE,
		/**
		 * Deciding it again failed, every attempt: the decision in force is the previous
		 * one.
		 */
		REDECISION_FAILED

	}
}
