package fr.gouv.nuage.notifications;

import static fr.gouv.nuage.notifications.Mailboxes.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail server that accepts the connection and never answers: the send is given up
 * within {@code nuage.notifications.mail-timeout}, the message counted as failed and its
 * row let go; once a working server (GreenMail) answers on the same port, the next
 * messages are sent at once and the failed one at the next round.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "nuage.notifications.mail-timeout=1s", "nuage.notifications.max-attempts=3",
				// no scheduled round during the test: it calls it
				"nuage.notifications.retry-delay=PT1H" })
@Tag("database")
class HangingMailServerTest {

	private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

	/** Accepts every connection, reads nothing and writes nothing. */
	private static final ServerSocket HANGING = hanging();

	private static GreenMail working;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", HANGING::getLocalPort);
		if (System.getenv("NUAGE_TEST_DB_URL") == null) {
			properties.add("spring.datasource.url", () -> "jdbc:h2:mem:nuage-hanging-mail;MODE=PostgreSQL;"
					+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
	}

	@AfterAll
	static void stop() throws IOException {
		letGo();
		if (working != null) {
			working.stop();
		}
	}

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationSender sender;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aServerThatNeverAnswersIsGivenUpWithinTheTimeoutAndTheMessagesAreSentOnceOneAnswers() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String first = "premiere-" + suffix + "@interieur.gouv.fr";
		String next = "suivante-" + suffix + "@interieur.gouv.fr";

		record(first);

		await().atMost(Duration.ofSeconds(5))
			.until(() -> notifications.sentTo(first).stream().anyMatch(n -> n.attempts() == 1));
		assertThat(HELD).isNotEmpty();
		Notification failed = only(notifications.sentTo(first));
		assertThat(failed.sent()).isFalse();
		assertThat(failed.lastError()).containsIgnoringCase("timed out");

		letGo();
		working = new GreenMail(new ServerSetup(HANGING.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		working.start();

		record(next);
		await().atMost(Duration.ofSeconds(10)).until(() -> received(next).size() == 1);
		assertThat(received(first)).isEmpty();

		sender.retry();
		Notification sent = only(notifications.sentTo(first));
		assertThat(sent.sent()).isTrue();
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(received(first)).hasSize(1);
	}

	/** A message to the recipient, recorded in a transaction that commits. */
	private void record(String recipient) {
		new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> notifications.record("OFFER_DECLARATION_REJECTED",
					"offer-declaration-rejected", "declaration:" + UUID.randomUUID(), List.of(recipient),
					Map.of("offer", "offre-test", "provider", "Fournisseur", "reason",
							"la qualification n'est pas prouvée", "link",
							"https://nuage.numerique.gouv.fr/declarations/1")));
	}

	private static List<MimeMessage> received(String address) {
		return Mailboxes.received(working, List.of(address));
	}

	private static ServerSocket hanging() {
		try {
			ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread accepting = new Thread(() -> {
				while (!server.isClosed()) {
					try {
						HELD.add(server.accept());
					}
					catch (IOException closed) {
						return;
					}
				}
			}, "hanging-mail-server");
			accepting.setDaemon(true);
			accepting.start();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Closes the hanging server and the connections it held, freeing its port. */
	private static void letGo() throws IOException {
		HANGING.close();
		for (Socket socket : HELD) {
			socket.close();
		}
	}

}
