package fr.gouv.nuage.audit;

import java.time.Instant;

/**
 * One entry of the audit log: who did what to which subject, when, the state before and
 * after (JSON, or null), and its place in the hash chain.
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subject, String before, String after,
		String previousHash, String hash) {
}
