package fr.gouv.nuage.notifications;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;

/** What a test's mail server received. */
final class Mailboxes {

	private Mailboxes() {
	}

	/** The messages {@code server} received for any of the addresses. */
	static List<MimeMessage> received(GreenMailOperations server, Collection<String> addresses) {
		return Arrays.stream(server.getReceivedMessages()).filter(mail -> {
			try {
				return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> addresses.contains(to.toString()));
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/** The one item of a list, which must hold exactly one. */
	static <T> T only(List<T> items) {
		assertThat(items).hasSize(1);
		return items.get(0);
	}

}
