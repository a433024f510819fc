package fr.gouv.nuage.notifications;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notifications are sent: from {@code nuage.notifications.from}, with links to the
 * portal at {@code base-url}, tried at most {@code max-attempts} times,
 * {@code retry-delay} apart, each step of the SMTP conversation (connecting, reading an
 * answer, writing) given up after {@code mail-timeout}. The mail server itself is
 * Spring's {@code spring.mail.*}: without {@code spring.mail.host} nothing is sent; a
 * timeout set there ({@code spring.mail.properties.mail.smtp.timeout}…) wins over
 * {@code mail-timeout}.
 */
@ConfigurationProperties("nuage.notifications")
record NotificationSettings(String from, String baseUrl, Integer maxAttempts, Duration retryDelay,
		Duration mailTimeout) {

	NotificationSettings {
		from = from == null || from.isBlank() ? "nuage@numerique.gouv.fr" : from.strip();
		baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8080" : baseUrl.strip();
		while (baseUrl.endsWith("/")) {
			baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
		}
		maxAttempts = maxAttempts == null ? 5 : maxAttempts;
		if (maxAttempts < 1) {
			throw new IllegalArgumentException(
					"nuage.notifications.max-attempts: `" + maxAttempts + "` must be 1 or more");
		}
		retryDelay = retryDelay == null ? Duration.ofMinutes(1) : retryDelay;
		mailTimeout = mailTimeout == null ? Duration.ofSeconds(10) : mailTimeout;
		if (mailTimeout.isNegative() || mailTimeout.isZero() || mailTimeout.toMillis() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("nuage.notifications.mail-timeout: `" + mailTimeout
					+ "` must be more than 0 and at most " + Integer.MAX_VALUE + " ms");
		}
	}
}
