package fr.gouv.nuage.notifications;

import java.time.Instant;
import java.util.UUID;

/**
 * A message written to one person about one change: {@code event} names the change and
 * {@code subjectRef} what it is about ({@code project:<id>}, {@code declaration:<id>});
 * unsent while {@code sentAt} is {@code null}, with the attempts made and the last error
 * met.
 */
public record Notification(UUID id, String recipient, String subject, String body, String event, String subjectRef,
		Instant createdAt, Instant sentAt, int attempts, String lastError) {

	public boolean sent() {
		return sentAt != null;
	}
}
