package fr.gouv.nuage.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.controls.Control;
import org.junit.jupiter.api.Test;

/**
 * Every message the listeners write has its texts, and each of its placeholders a value.
 */
class NotificationTextsTest {

	private static final List<String> KINDS = List.of("project-reevaluated", "project-decided-under-new-doctrine",
			"control-decided", "derogation-granted", "derogation-refused", "derogation-end-approaching",
			"derogation-expired", "offer-declaration-accepted", "offer-declaration-rejected");

	private final NotificationTexts texts = NotificationTexts.load();

	/** Every value any listener gives. */
	private static Map<String, String> values() {
		Map<String, String> values = new HashMap<>();
		for (String name : List.of("project", "link", "offer", "before", "after", "fromPack", "toPack", "procedure",
				"outcome", "silence", "dinum", "rule", "reason", "end", "days", "provider")) {
			values.put(name, "<" + name + ">");
		}
		return values;
	}

	@Test
	void everyKindHasASubjectAndABodyInFrenchBetweenAGreetingAndASignature() {
		for (String kind : KINDS) {
			NotificationTexts.Letter letter = texts.letter(kind, "Agnès Martin", values());
			assertThat(letter.subject()).as(kind).startsWith("[Nuage] ").doesNotContain("{", "\n");
			assertThat(letter.body()).as(kind)
				.startsWith("Bonjour Agnès Martin,\n\n")
				.doesNotContain("{")
				.contains("\n-- \nNuage, la doctrine « Cloud au centre » de l'État\n");
		}
		assertThat(texts.letter("derogation-granted", null, values()).body()).startsWith("Bonjour,\n\n");
	}

	@Test
	void everyVerdictProcedureAndOutcomeHasALabel() {
		for (Verdict verdict : Verdict.values()) {
			assertThat(texts.text("verdict." + verdict.name())).isNotBlank();
		}
		for (Control.Procedure procedure : Control.Procedure.values()) {
			assertThat(texts.text("procedure." + procedure.name())).isNotBlank();
		}
		for (Control.Outcome outcome : Control.Outcome.values()) {
			assertThat(texts.text("outcome." + outcome.name())).isNotBlank();
		}
		assertThat(texts.text("verdict.NON_COMPLIANT")).isEqualTo("non conforme");
	}

	@Test
	void aPlaceholderWithoutAValueIsAMistakeInTheTexts() {
		assertThatThrownBy(() -> texts.letter("derogation-refused", null, Map.of("project", "Portail", "rule", "R9")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("`derogation-refused.body` names `{reason}`");
	}

	@Test
	void aLongSubjectIsCutToItsColumn() {
		Map<String, String> values = values();
		values.put("project", "P".repeat(400));
		assertThat(texts.letter("derogation-granted", null, values).subject()).hasSize(NotificationTexts.SUBJECT_MAX)
			.endsWith("…");
	}

	@Test
	void settingsHaveDefaults() {
		NotificationSettings settings = new NotificationSettings(null, "https://nuage.numerique.gouv.fr/", null, null,
				null);
		assertThat(settings.from()).isEqualTo("nuage@numerique.gouv.fr");
		assertThat(settings.baseUrl()).isEqualTo("https://nuage.numerique.gouv.fr");
		assertThat(settings.maxAttempts()).isEqualTo(5);
		assertThat(settings.retryDelay()).isEqualTo(Duration.ofMinutes(1));
		assertThat(new NotificationSettings(null, null, null, null, null).baseUrl()).isEqualTo("http://localhost:8080");
		assertThat(settings.mailTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThatThrownBy(() -> new NotificationSettings(null, null, 0, null, null))
			.hasMessageContaining("nuage.notifications.max-attempts");
		assertThatThrownBy(() -> new NotificationSettings(null, null, null, null, Duration.ZERO))
			.hasMessageStartingWith("nuage.notifications.mail-timeout: `PT0S` must be more than 0");
	}

	@Test
	void theMailTimeoutBoundsEveryStepOfSmtpAndSmtpsUnlessTheMailPropertiesSetOne() {
		Properties given = new Properties();
		given.setProperty("mail.smtp.timeout", "5000");
		given.setProperty("mail.smtp.auth", "true");
		Properties with = NotificationSender.timeouts(given, Duration.ofSeconds(10));
		assertThat(with).containsEntry("mail.smtp.timeout", "5000")
			.containsEntry("mail.smtp.auth", "true")
			.containsEntry("mail.smtp.connectiontimeout", "10000")
			.containsEntry("mail.smtp.writetimeout", "10000")
			.containsEntry("mail.smtps.connectiontimeout", "10000")
			.containsEntry("mail.smtps.timeout", "10000")
			.containsEntry("mail.smtps.writetimeout", "10000");
		assertThat(given).doesNotContainKey("mail.smtp.connectiontimeout");
	}

}
