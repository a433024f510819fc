package fr.gouv.nuage.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Person;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of e-mail notifications: messages are recorded in the caller's transaction,
 * so that a change rolled back tells no one, and sent once it commits (see
 * {@link NotificationSender}).
 */
@Service
@Transactional
@EnableConfigurationProperties(NotificationSettings.class)
public class Notifications {

	private final NotificationRepository repository;

	private final Directory directory;

	private final NotificationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final NotificationTexts texts = NotificationTexts.load();

	Notifications(NotificationRepository repository, Directory directory, NotificationSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.directory = directory;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/** The notifications written to someone, newest first, sent or not. */
	@Transactional(readOnly = true)
	public List<Notification> sentTo(String email) {
		return email == null ? List.of() : repository.to(Person.normalise(email));
	}

	/**
	 * Writes a message of a kind to each recipient (once each, greeted by name), about
	 * {@code subjectRef}; nothing when there is no one to write to.
	 */
	void record(String event, String kind, String subjectRef, Collection<String> recipients,
			Map<String, String> values) {
		Set<String> once = new LinkedHashSet<>(recipients);
		Map<String, String> names = once.isEmpty() ? Map.of() : directory.names(once);
		List<UUID> recorded = new ArrayList<>();
		for (String recipient : once) {
			NotificationTexts.Letter letter = texts.letter(kind, names.get(recipient), values);
			Notification notification = new Notification(UUID.randomUUID(), recipient, letter.subject(), letter.body(),
					event, subjectRef, clock.instant(), null, 0, null);
			repository.insert(notification);
			recorded.add(notification.id());
		}
		if (!recorded.isEmpty()) {
			events.publishEvent(new NotificationsRecorded(List.copyOf(recorded)));
		}
	}

	/** A label or a sentence of the texts. */
	String text(String key) {
		return texts.text(key);
	}

	/**
	 * The portal's page of a project ({@code project}) or of a declaration
	 * ({@code declaration}).
	 */
	String link(String page, UUID id) {
		return link(page, id.toString());
	}

	/** The portal's page of a thing known by a readable id ({@code offer}). */
	String link(String page, String id) {
		return texts.fill("link." + page, Map.of("base", settings.baseUrl(), "id", id));
	}

}
