package fr.gouv.nuage.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of the audit log. Each entry's hash covers its own fields and the
 * previous entry's hash, so that editing an entry breaks its hash, and deleting or
 * inserting one breaks the sequence or the link to its neighbour. Plain Java: no Spring,
 * no database.
 */
public final class AuditChain {

	/** The previous hash of the first entry. */
	public static final String GENESIS = "0".repeat(64);

	/**
	 * The outcome of checking a log: intact, or the first entry where it breaks and why.
	 */
	public record Verification(boolean intact, long entries, long brokenAt, String reason) {

		static Verification intact(long entries) {
			return new Verification(true, entries, 0, null);
		}

		static Verification broken(long entries, long seq, String reason) {
			return new Verification(false, entries, seq, reason);
		}
	}

	private AuditChain() {
	}

	/** The entry that follows {@code previous} ({@code null} for the first one). */
	public static AuditEntry next(AuditEntry previous, Instant at, String actor, String action, String subject,
			String before, String after) {
		long seq = previous == null ? 1 : previous.seq() + 1;
		String previousHash = previous == null ? GENESIS : previous.hash();
		// Databases keep microseconds: the time hashed is the time stored.
		Instant stored = at.truncatedTo(ChronoUnit.MICROS);
		return new AuditEntry(seq, stored, actor, action, subject, before, after, previousHash,
				hash(seq, stored, actor, action, subject, before, after, previousHash));
	}

	public static String hash(long seq, Instant at, String actor, String action, String subject, String before,
			String after, String previousHash) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String field : new String[] { Long.toString(seq), at.toString(), actor, action, subject, before, after,
					previousHash }) {
				// Length-prefixed, so that no two different entries hash the same text.
				byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
				sha.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.UTF_8));
				sha.update(bytes);
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Checks a log read in sequence order against the head its last append recorded,
	 * which shows entries deleted from the end.
	 */
	public static Verification verify(Iterable<AuditEntry> entries, long headSeq, String headHash) {
		Verification chain = verify(entries);
		if (!chain.intact()) {
			return chain;
		}
		AuditEntry last = null;
		for (AuditEntry entry : entries) {
			last = entry;
		}
		long lastSeq = last == null ? 0 : last.seq();
		String lastHash = last == null ? GENESIS : last.hash();
		if (lastSeq != headSeq || !lastHash.equals(headHash)) {
			return Verification.broken(chain.entries(), lastSeq + 1,
					lastSeq < headSeq
							? "entries " + (lastSeq + 1) + " to " + headSeq
									+ " missing: deleted from the end of the log"
							: "the log's head does not match its last entry " + lastSeq);
		}
		return chain;
	}

	/** Checks a log read in sequence order. */
	public static Verification verify(Iterable<AuditEntry> entries) {
		AuditEntry previous = null;
		long count = 0;
		for (AuditEntry entry : entries) {
			count++;
			long expected = previous == null ? 1 : previous.seq() + 1;
			if (entry.seq() != expected) {
				return Verification.broken(count, entry.seq(),
						entry.seq() > expected
								? "entry " + expected + (entry.seq() - expected > 1 ? " to " + (entry.seq() - 1) : "")
										+ " missing: deleted from the log"
								: "entry " + entry.seq() + " out of sequence after entry " + (expected - 1));
			}
			String previousHash = previous == null ? GENESIS : previous.hash();
			if (!entry.previousHash().equals(previousHash)) {
				return Verification.broken(count, entry.seq(), "entry " + entry.seq() + " does not follow entry "
						+ (expected - 1) + ": the chain was rewritten");
			}
			String hash = hash(entry.seq(), entry.at(), entry.actor(), entry.action(), entry.subject(), entry.before(),
					entry.after(), entry.previousHash());
			if (!hash.equals(entry.hash())) {
				return Verification.broken(count, entry.seq(),
						"entry " + entry.seq() + " was edited: its hash does not match");
			}
			previous = entry;
		}
		return Verification.intact(count);
	}

}
