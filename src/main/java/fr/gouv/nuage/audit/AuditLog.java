package fr.gouv.nuage.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import fr.gouv.nuage.doctrine.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the audit log within the caller's transaction, when there is one: an action
 * and its entry commit or roll back together. Appends are serialised on the log's head
 * row.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.REQUIRED)
	public AuditEntry append(String actor, String action, String subject, String before, String after) {
		Head head = jdbc.sql("select seq, hash from audit_head where id = 1 for update")
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.single();
		AuditEntry previous = head.seq() == 0 ? null
				: new AuditEntry(head.seq(), null, null, null, null, null, null, null, head.hash());
		AuditEntry entry = AuditChain.next(previous, clock.instant(), actor, action, subject, before, after);
		jdbc.sql(
				"""
						insert into audit_entry (seq, at, actor, action, subject, before_state, after_state, previous_hash, hash)
						values (:seq, :at, :actor, :action, :subject, :before, :after, :previous, :hash)""")
			.param("seq", entry.seq())
			.param("at", Timestamp.from(entry.at()))
			.param("actor", actor)
			.param("action", action)
			.param("subject", subject)
			.param("before", before)
			.param("after", after)
			.param("previous", entry.previousHash())
			.param("hash", entry.hash())
			.update();
		jdbc.sql("update audit_head set seq = :seq, hash = :hash where id = 1")
			.param("seq", entry.seq())
			.param("hash", entry.hash())
			.update();
		return entry;
	}

	@Transactional(readOnly = true)
	public List<AuditEntry> entries() {
		return jdbc.sql(AuditStore.ENTRIES).query((rs, n) -> AuditStore.entry(rs)).list();
	}

	@Transactional(readOnly = true)
	public AuditChain.Verification verify() {
		Head head = jdbc.sql(AuditStore.HEAD)
			.query((rs, n) -> new Head(rs.getLong("seq"), rs.getString("hash")))
			.single();
		return AuditChain.verify(entries(), head.seq(), head.hash());
	}

	/** A state for an entry's before or after: a flat JSON object of the pairs given. */
	public static String state(String... pairs) {
		StringBuilder out = new StringBuilder();
		JsonWriter json = new JsonWriter(out, false).beginObject();
		for (int i = 0; i < pairs.length; i += 2) {
			json.name(pairs[i]).value(pairs[i + 1]);
		}
		json.endObject();
		return out.toString();
	}

	private record Head(long seq, String hash) {
	}

}
