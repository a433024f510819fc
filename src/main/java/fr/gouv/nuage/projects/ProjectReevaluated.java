package fr.gouv.nuage.projects;

import java.util.UUID;

import fr.gouv.nuage.doctrine.Verdict;

/**
 * A project was decided again because the offer it is hosted on changed; its owners are
 * told.
 */
public record ProjectReevaluated(UUID project, String offerId, Verdict before, Verdict after) {
}
