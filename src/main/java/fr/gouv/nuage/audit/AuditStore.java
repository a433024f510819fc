package fr.gouv.nuage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit log with plain JDBC: the application and {@code nuage audit verify}
 * share it.
 */
public final class AuditStore {

	static final String ENTRIES = "select seq, at, actor, action, subject, before_state, after_state, previous_hash, hash "
			+ "from audit_entry order by seq";

	static final String HEAD = "select seq, hash from audit_head where id = 1";

	private AuditStore() {
	}

	/**
	 * Reads the whole log and checks it, including against the head the last append left.
	 */
	public static AuditChain.Verification verify(Connection connection) throws SQLException {
		List<AuditEntry> entries = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(ENTRIES);
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				entries.add(entry(rs));
			}
		}
		long headSeq = 0;
		String headHash = AuditChain.GENESIS;
		try (PreparedStatement statement = connection.prepareStatement(HEAD); ResultSet rs = statement.executeQuery()) {
			if (rs.next()) {
				headSeq = rs.getLong("seq");
				headHash = rs.getString("hash");
			}
		}
		return AuditChain.verify(entries, headSeq, headHash);
	}

	static AuditEntry entry(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("subject"), rs.getString("before_state"),
				rs.getString("after_state"), rs.getString("previous_hash"), rs.getString("hash"));
	}

}
