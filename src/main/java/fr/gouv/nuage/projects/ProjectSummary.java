package fr.gouv.nuage.projects;

import java.time.Instant;
import java.util.UUID;

import fr.gouv.nuage.doctrine.Verdict;

/**
 * A project as a list shows it: its latest decision's verdict, control procedure and
 * pack.
 */
public record ProjectSummary(UUID id, String name, String organisation, String entityName, String ministry,
		boolean archived, Instant registeredAt, int version, Verdict verdict, String control, Instant decidedAt,
		String packId, String packVersion) {
}
