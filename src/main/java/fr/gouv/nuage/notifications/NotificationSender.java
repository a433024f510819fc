package fr.gouv.nuage.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: the messages of a transaction right after it commits, on a thread of
 * its own so that the change does not wait for the mail server, and every
 * {@code retry-delay} the ones still unsent, until their attempts run out. Each message
 * is sent in its own transaction, its row locked: two instances never send it twice, and
 * one passes over a message the other is sending rather than wait for it. A mail server
 * that stops answering holds a message, its lock and this sender only so long: each step
 * of the SMTP conversation is given up after {@code nuage.notifications.mail-timeout},
 * the message counted as failed and left for a later round. Without a mail server (no
 * {@code spring.mail.host}) it sends nothing and the messages stay recorded.
 */
@Component
class NotificationSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

	/** How many messages one round sends at most; the next round takes the rest. */
	private static final int ROUND = 200;

	private static final int ERROR_MAX = 1000;

	private final NotificationRepository repository;

	private final NotificationSettings settings;

	private final JavaMailSender mail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "nuage-notifications");
		thread.setDaemon(true);
		return thread;
	});

	NotificationSender(NotificationRepository repository, NotificationSettings settings,
			ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactionManager, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.mail = mail.getIfAvailable();
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		if (this.mail == null) {
			log.info("mail is off: no `spring.mail.host`, notifications are recorded and not sent");
		}
		else if (this.mail instanceof JavaMailSenderImpl sender) {
			sender.setJavaMailProperties(timeouts(sender.getJavaMailProperties(), settings.mailTimeout()));
		}
		else {
			log.warn("nuage.notifications.mail-timeout not applied: the mail sender is a {}, not Spring's "
					+ "JavaMailSenderImpl; give it its own timeouts", this.mail.getClass().getName());
		}
	}

	/**
	 * The mail properties, with the timeout on connecting, reading and writing for SMTP
	 * and SMTPS where {@code spring.mail.properties} sets none: Jakarta Mail waits
	 * forever otherwise.
	 */
	static Properties timeouts(Properties properties, Duration timeout) {
		Properties with = new Properties();
		with.putAll(properties);
		String millis = Long.toString(timeout.toMillis());
		for (String protocol : List.of("smtp", "smtps")) {
			for (String name : List.of("connectiontimeout", "timeout", "writetimeout")) {
				with.putIfAbsent("mail." + protocol + "." + name, millis);
			}
		}
		return with;
	}

	/**
	 * The messages of a transaction that committed (or of none), sent without holding up
	 * its caller.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(NotificationsRecorded recorded) {
		if (mail != null) {
			afterCommit.execute(() -> send(recorded.notifications()));
		}
	}

	/**
	 * The messages still unsent with attempts left: the mail server was down, or the
	 * instance stopped.
	 */
	@Scheduled(initialDelayString = "${nuage.notifications.retry-delay:PT1M}",
			fixedDelayString = "${nuage.notifications.retry-delay:PT1M}")
	void retry() {
		if (mail == null) {
			return;
		}
		try {
			List<UUID> due = transactions.execute(status -> repository.due(settings.maxAttempts(), ROUND));
			send(due == null ? List.of() : due);
		}
		catch (RuntimeException e) {
			log.warn("notifications not sent this round: {}", e.getMessage());
		}
	}

	/**
	 * One in-JVM sender at a time; the row locks keep other instances off the same
	 * message.
	 */
	private synchronized void send(List<UUID> notifications) {
		for (UUID id : notifications) {
			try {
				transactions.executeWithoutResult(status -> sendOne(id));
			}
			catch (RuntimeException e) {
				log.warn("notification {} not sent: {}", id, e.getMessage());
			}
		}
	}

	private void sendOne(UUID id) {
		repository.lockDue(id, settings.maxAttempts()).ifPresent(notification -> {
			try {
				mail.send(message -> prepare(message, notification));
				repository.sent(id, clock.instant());
			}
			catch (RuntimeException e) {
				String error = error(e);
				repository.failed(id, error);
				if (notification.attempts() + 1 >= settings.maxAttempts()) {
					log.warn("notification {} given up after {} attempts: {}", id, settings.maxAttempts(), error);
				}
				else {
					log.info("notification {} not sent, tried again later: {}", id, error);
				}
			}
		});
	}

	private void prepare(MimeMessage message, Notification notification) throws jakarta.mail.MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
		helper.setFrom(settings.from());
		helper.setTo(notification.recipient());
		helper.setSubject(notification.subject());
		helper.setText(notification.body(), false);
		message.setHeader("X-Nuage-Event", notification.event());
		message.setHeader("X-Nuage-Subject", notification.subjectRef());
	}

	/**
	 * What went wrong, for people: the first line of each message down the causes,
	 * without type names.
	 */
	private static String error(RuntimeException e) {
		Throwable failure = e;
		if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
			failure = send.getFailedMessages().values().iterator().next();
		}
		List<String> parts = new ArrayList<>();
		for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
			String line = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("").strip();
			if (!line.isEmpty() && parts.stream().noneMatch(part -> part.contains(line))) {
				parts.add(line);
			}
		}
		String message = parts.isEmpty() ? "the mail server refused the message" : String.join(": ", parts);
		return message.length() > ERROR_MAX ? message.substring(0, ERROR_MAX - 1) + "…" : message;
	}

	@Override
	public void destroy() {
		afterCommit.shutdown();
	}

}
