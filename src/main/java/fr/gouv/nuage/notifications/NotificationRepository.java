package fr.gouv.nuage.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox: one row a message, updated only to count an attempt. */
@Repository
class NotificationRepository {

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Notification n) {
		jdbc.sql("""
				insert into notification (id, recipient, subject, body, event, subject_ref, created_at, attempts)
				values (:id, :recipient, :subject, :body, :event, :ref, :at, 0)""")
			.param("id", n.id())
			.param("recipient", n.recipient())
			.param("subject", n.subject())
			.param("body", n.body())
			.param("event", n.event())
			.param("ref", n.subjectRef())
			.param("at", Timestamp.from(n.createdAt()))
			.update();
	}

	/** The unsent rows with attempts left, oldest first. */
	List<UUID> due(int maxAttempts, int limit) {
		return jdbc.sql("""
				select id from notification where sent_at is null and attempts < :max
				order by created_at, id
				limit :limit""")
			.param("max", maxAttempts)
			.param("limit", limit)
			.query((rs, n) -> rs.getObject("id", UUID.class))
			.list();
	}

	/**
	 * The row, still unsent with attempts left, locked until the end of the transaction;
	 * none when another instance holds it, sending it: that one records what became of
	 * it, and this one goes on with the next rather than wait on a mail server that may
	 * hang.
	 */
	Optional<Notification> lockDue(UUID id, int maxAttempts) {
		return jdbc.sql("""
				select * from notification where id = :id and sent_at is null and attempts < :max
				for update skip locked""")
			.param("id", id)
			.param("max", maxAttempts)
			.query(NotificationRepository::notification)
			.optional();
	}

	void sent(UUID id, Instant at) {
		jdbc.sql("update notification set sent_at = :at, attempts = attempts + 1 where id = :id")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
	}

	void failed(UUID id, String error) {
		jdbc.sql("update notification set attempts = attempts + 1, last_error = :error where id = :id")
			.param("error", error)
			.param("id", id)
			.update();
	}

	List<Notification> to(String recipient) {
		return jdbc.sql("select * from notification where recipient = :recipient order by created_at desc, id")
			.param("recipient", recipient)
			.query(NotificationRepository::notification)
			.list();
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		Timestamp sentAt = rs.getTimestamp("sent_at");
		return new Notification(rs.getObject("id", UUID.class), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("body"), rs.getString("event"), rs.getString("subject_ref"),
				rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant(),
				rs.getInt("attempts"), rs.getString("last_error"));
	}

}
