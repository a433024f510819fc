package fr.gouv.nuage.projects;

import java.util.UUID;

import fr.gouv.nuage.doctrine.Verdict;

/**
 * A project was decided again because the doctrine's pack changed; its owners are told.
 */
public record ProjectDecidedUnderNewDoctrine(UUID project, String fromPack, String toPack, Verdict before,
		Verdict after) {
}
