package fr.gouv.nuage.notifications;

import static fr.gouv.nuage.notifications.Mailboxes.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.OfferQualificationChanged.OfferQualificationWithdrawn;
import fr.gouv.nuage.catalogue.declarations.Actor;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.controls.Control;
import fr.gouv.nuage.controls.Controls;
import fr.gouv.nuage.derogations.Derogation;
import fr.gouv.nuage.derogations.Derogations;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.TestCalendar;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Role;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications end to end, against a real SMTP server on loopback (GreenMail): recorded
 * with the change in its transaction, delivered after the commit to the people the change
 * concerns and to no one else, nothing for a change rolled back, and retried while the
 * mail server is down.
 *
 * <p>
 * These tests commit, as a real change does: each builds its own organisations and
 * people, and archives its projects at the end. On the default in-memory H2 they use a
 * database of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "nuage.notifications.base-url=https://nuage.numerique.gouv.fr/",
				"nuage.notifications.from=nuage-test@numerique.gouv.fr", "nuage.notifications.max-attempts=3",
				// no scheduled round during a test: the tests call it
				"nuage.notifications.retry-delay=PT1H", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
				"spring.mail.properties.mail.smtp.timeout=5000" })
@Import(TestCalendar.class)
@Tag("database")
class NotificationsTest {

	private static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry properties) {
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> SMTP_PORT);
		if (System.getenv("NUAGE_TEST_DB_URL") == null) {
			// A row lock is waited for as long as on PostgreSQL, where nothing bounds it.
			properties.add("spring.datasource.url", () -> "jdbc:h2:mem:nuage-notifications;MODE=PostgreSQL;"
					+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=60000");
		}
	}

	/** An offer no other test hosts a project on. */
	private static final String OFFER = "scaleway";

	private static final String ON_THE_OFFER = """
			{"schema":"nuage.assessment/v1","entity":{"name":"Direction des systèmes d'information","kind":"STATE_ADMINISTRATION"},
			 "project":{"name":"%s","stage":"NEW","fullCostEur":300000,"solution":"CLOUD"},
			 "hosting":{"offerId":"%s"},
			 "data":{"personal":true,"legalSecrets":[],"essentialStateMission":false,"breachImpacts":[]}}
			""";

	/** Data of particular sensitivity on a plain commercial cloud: R9 is violated. */
	private static final String SENSITIVE_ON_COMMERCIAL = """
			{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_ADMINISTRATION"},
			 "project":{"name":"%s","stage":"NEW","fullCostEur":500000,"solution":"SAAS"},
			 "hosting":{"class":"COMMERCIAL"},
			 "data":{"personal":true,"legalSecrets":["PRIVACY"],"essentialStateMission":true,"breachImpacts":["PUBLIC_ORDER"]}}
			""";

	/**
	 * A project that the ministry controls (between 1 and 9 M€), DINUM informed of its
	 * outcome.
	 */
	private static final String MINISTRY_CONTROLLED = """
			{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_ADMINISTRATION"},
			 "project":{"name":"%s","stage":"NEW","fullCostEur":2500000,"solution":"SAAS"},"hosting":{"class":"INTERNAL_NUBO"}}
			""";

	@Autowired
	Projects projects;

	@Autowired
	Derogations derogations;

	@Autowired
	Controls controls;

	@Autowired
	Declarations declarations;

	@Autowired
	Directory directory;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationSender sender;

	@Autowired
	NotificationRepository repository;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TestCalendar.MovableClock clock;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	private final List<UUID> registered = new ArrayList<>();

	private TransactionTemplate transaction;

	@BeforeEach
	void startOnTheSameDay() {
		clock.set(Instant.parse("2026-03-10T09:00:00Z"));
		transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * A project left hosted on the offer would be decided again by other tests'
	 * qualification changes.
	 */
	@AfterEach
	void archiveTheProjects() {
		registered.forEach(id -> {
			if (!projects.find(id).orElseThrow().archived()) {
				projects.archive(id, "test");
			}
		});
	}

	@Test
	void aProjectDecidedAgainIsToldToEachAgentOfItsOrganisationAndToNoOneElse() throws Exception {
		Ministry ministry = ministry();
		UUID project = register(ministry.directorate(), ON_THE_OFFER, "Registre des aides " + ministry.suffix());

		qualificationWithdrawn();

		await().atMost(Duration.ofSeconds(10)).until(() -> received(ministry.agents()).size() == 2);
		for (String agent : ministry.agents()) {
			MimeMessage mail = only(received(List.of(agent)));
			assertThat(mail.getSubject())
				.startsWith("[Nuage] Le projet « Registre des aides " + ministry.suffix() + " » a été réévalué");
			assertThat(mail.getFrom()[0].toString()).isEqualTo("nuage-test@numerique.gouv.fr");
			assertThat(body(mail)).contains("La qualification de l'offre « scaleway »")
				.contains("Nouveau verdict : ")
				.contains("https://nuage.numerique.gouv.fr/projets/" + project);
		}
		assertThat(body(only(received(List.of(ministry.agents().get(0)))))).startsWith("Bonjour Agnès Martin,");
		assertThat(body(only(received(List.of(ministry.agents().get(1)))))).startsWith("Bonjour,");
		assertThat(received(List.of(ministry.otherAgent(), ministry.controller()))).isEmpty();
		assertThat(notifications.sentTo(ministry.otherAgent())).isEmpty();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> notifications.sentTo(ministry.agents().get(0)).stream().anyMatch(Notification::sent));
		Notification recorded = only(notifications.sentTo(ministry.agents().get(0).toUpperCase()));
		assertThat(recorded.event()).isEqualTo("PROJECT_REEVALUATED");
		assertThat(recorded.subjectRef()).isEqualTo("project:" + project);
		assertThat(recorded.attempts()).isEqualTo(1);
		assertThat(recorded.lastError()).isNull();
	}

	@Test
	void aDerogationsGrantReminderAndEndReachTheAgentsAndTheMinistrysControllers() throws Exception {
		Ministry ministry = ministry();
		UUID project = register(ministry.directorate(), SENSITIVE_ON_COMMERCIAL, "Messagerie " + ministry.suffix());
		UUID id = derogations
			.request(project, "R9", "migration engagée en 2022", "audit-snc.pdf", ministry.agents().get(0))
			.id();
		derogations.approveByMinister(id, ministry.controller(), Derogation.Role.MINISTER);
		derogations.validateByPrimeMinister(id, "Matignon", Derogation.Role.PRIME_MINISTER_OFFICE);
		// An acceptable offer is said to exist from a day that has come.
		clock.set(Instant.parse("2026-04-01T09:00:00Z"));
		derogations.acceptableOfferAvailable(id, LocalDate.parse("2026-04-01"), "dinum");
		List<String> told = new ArrayList<>(ministry.agents());
		told.add(ministry.controller());
		await().atMost(Duration.ofSeconds(10)).until(() -> received(told).size() == 3);
		assertThat(received(told)).extracting(MimeMessage::getSubject)
			.allMatch(subject -> subject.equals(
					"[Nuage] Dérogation à la règle R9 accordée au projet « Messagerie " + ministry.suffix() + " »"));

		clock.set(Instant.parse("2027-03-02T01:00:00Z"));
		derogations.daily();

		await().atMost(Duration.ofSeconds(10)).until(() -> received(told).size() == 6);
		for (String person : told) {
			MimeMessage reminder = only(received(List.of(person)).stream()
				.filter(mail -> subject(mail).contains("prend fin dans 30 jours"))
				.toList());
			assertThat(body(reminder)).contains("prend fin le 1 avril 2027, dans 30 jours")
				.contains("https://nuage.numerique.gouv.fr/projets/" + project);
		}

		clock.set(Instant.parse("2027-04-01T01:00:00Z"));
		derogations.daily();

		await().atMost(Duration.ofSeconds(10)).until(() -> received(told).size() == 9);
		assertThat(received(List.of(ministry.controller()))).extracting(NotificationsTest::subject)
			.contains("[Nuage] La dérogation du projet « Messagerie " + ministry.suffix()
					+ " » à la règle R9 a pris fin");
		assertThat(received(List.of(ministry.otherAgent()))).isEmpty();
		assertThat(notifications.sentTo(ministry.controller())).extracting(Notification::event)
			.containsExactly("DEROGATION_EXPIRED", "DEROGATION_END_APPROACHING", "DEROGATION_GRANTED");
	}

	@Test
	void aControlsOutcomeReachesTheAgentsAndDinumWhenItIsToBeInformed() throws Exception {
		Ministry ministry = ministry();
		String dinum = "dinum-" + ministry.suffix() + "@numerique.gouv.fr";
		directory.signIn(new Identity(dinum, "Denise", "Inum", null, null, null));
		if (directory.organisation(Directory.DINUM).isEmpty()) {
			if (directory.organisation(Directory.PRIME_MINISTER_SERVICES).isEmpty()) {
				directory.add("test", Directory.PRIME_MINISTER_SERVICES, "Services du Premier ministre",
						OrganisationKind.MINISTRY, null, null);
			}
			directory.add("test", Directory.DINUM, "DINUM", OrganisationKind.DIRECTORATE,
					Directory.PRIME_MINISTER_SERVICES, null);
		}
		directory.grant("test", dinum, Role.DINUM, Directory.DINUM);
		UUID project = register(ministry.directorate(), MINISTRY_CONTROLLED, "Portail " + ministry.suffix());
		UUID control = controls.open(project, ministry.agents().get(0)).id();
		controls.attachStudy(control, "etude-comparative.pdf", ministry.agents().get(0),
				Control.Role.PROJECT_AUTHORITY);
		controls.decide(control, Control.Outcome.UNFAVOURABLE, "pas de budget de réversibilité", ministry.controller(),
				Control.Role.MINISTRY_CONTROLLER);

		List<String> told = new ArrayList<>(ministry.agents());
		told.add(dinum);
		await().atMost(Duration.ofSeconds(10)).until(() -> received(told).size() == 3);
		MimeMessage toDinum = only(received(List.of(dinum)));
		assertThat(subject(toDinum))
			.isEqualTo("[Nuage] Contrôle du projet « Portail " + ministry.suffix() + " » : avis défavorable");
		assertThat(body(toDinum)).contains("le contrôle ministériel a abouti à un avis défavorable")
			.contains("La DINUM est informée de cet avis.");
		assertThat(received(List.of(ministry.controller(), ministry.otherAgent()))).isEmpty();
	}

	@Test
	void aRejectedDeclarationIsToldToTheProvidersPeople() throws Exception {
		String suffix = suffix();
		String provider = "Fournisseur " + suffix;
		String siret = siret();
		String organisation = "fournisseur-" + suffix;
		directory.add("test", organisation, provider, OrganisationKind.PROVIDER, null, siret);
		String claire = "claire-" + suffix + "@fournisseur.fr";
		directory.signIn(new Identity(claire, "Claire", "Dupont", siret, null, null));
		// Another organisation whose name reads alike, with a provider of its own: not
		// the
		// declarer, never told.
		String lookalikeSiret = siret();
		directory.add("test", organisation + "-bis", " " + provider.toUpperCase(java.util.Locale.ROOT) + " ",
				OrganisationKind.PROVIDER, null, lookalikeSiret);
		String oscar = "oscar-" + suffix + "@fournisseur.fr";
		directory.signIn(new Identity(oscar, "Oscar", "Martin", lookalikeSiret, null, null));
		Offer model = Catalogue.reference().offer(OFFER).orElseThrow();
		Offer declared = model.withIdentity("offre-" + suffix, provider, organisation);
		UUID declaration = ((Declarations.Submitted) declarations.submit(Actor.provider("Claire", organisation),
				CatalogueJson.declaration(declared)))
			.declaration()
			.id();

		declarations.reject(declaration, Actor.dinum("Bruno"), "la qualification n'est pas prouvée");

		await().atMost(Duration.ofSeconds(10)).until(() -> received(List.of(claire)).size() == 1);
		MimeMessage mail = only(received(List.of(claire)));
		assertThat(subject(mail)).isEqualTo("[Nuage] Déclaration de l'offre « offre-" + suffix + " » refusée");
		assertThat(body(mail)).contains("Motif : la qualification n'est pas prouvée")
			.contains("https://nuage.numerique.gouv.fr/declarations/" + declaration);
		assertThat(received(List.of(oscar))).isEmpty();
		assertThat(smtp.getReceivedMessages()).hasSize(1);
	}

	@Test
	void aChangeRolledBackRecordsAndSendsNothing() throws Exception {
		Ministry ministry = ministry();
		UUID project = register(ministry.directorate(), ON_THE_OFFER, "Portail des aides " + ministry.suffix());

		transaction.executeWithoutResult(status -> {
			// What the re-decision publishes, in its own transaction, when the offer
			// loses its qualification.
			events.publishEvent(new fr.gouv.nuage.projects.ProjectReevaluated(project, OFFER,
					fr.gouv.nuage.doctrine.Verdict.COMPLIANT, fr.gouv.nuage.doctrine.Verdict.NON_COMPLIANT));
			assertThat(notifications.sentTo(ministry.agents().get(0))).hasSize(1);
			status.setRollbackOnly();
		});

		assertThat(notifications.sentTo(ministry.agents().get(0))).isEmpty();
		assertThat(projects.find(project).orElseThrow().decisions()).hasSize(1);
		sender.retry();
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(2))
			.until(() -> smtp.getReceivedMessages().length == 0);
	}

	@Test
	void whileTheMailServerIsDownTheMessageStaysUnsentWithItsErrorAndIsSentOnALaterAttempt() throws Exception {
		Ministry ministry = ministry();
		register(ministry.directorate(), ON_THE_OFFER, "Téléservice " + ministry.suffix());
		String agent = ministry.agents().get(0);
		smtp.stop();

		qualificationWithdrawn();

		await().atMost(Duration.ofSeconds(10))
			.until(() -> notifications.sentTo(agent).stream().anyMatch(n -> n.attempts() == 1));
		Notification failed = only(notifications.sentTo(agent));
		assertThat(failed.sent()).isFalse();
		assertThat(failed.lastError()).containsIgnoringCase("connect").doesNotContain("Exception");

		smtp.start();
		sender.retry();

		Notification sent = only(notifications.sentTo(agent));
		assertThat(sent.sent()).isTrue();
		assertThat(sent.attempts()).isEqualTo(2);
		assertThat(sent.lastError()).isEqualTo(failed.lastError());
		assertThat(received(List.of(agent))).hasSize(1);
		sender.retry();
		assertThat(received(List.of(agent))).hasSize(1);
	}

	@Test
	void aMessageAnotherInstanceIsSendingIsPassedOverAndTheOthersAreSent() throws Exception {
		String busy = "occupee-" + suffix() + "@interieur.gouv.fr";
		String free = "libre-" + suffix() + "@interieur.gouv.fr";
		UUID held = unsent(busy, Instant.parse("2026-03-10T08:00:00Z"));
		unsent(free, Instant.parse("2026-03-10T08:00:01Z"));
		ExecutorService round = Executors.newSingleThreadExecutor();
		try {
			// Another instance's transaction, in the middle of sending the older one.
			transaction.executeWithoutResult(status -> {
				jdbc.sql("select id from notification where id = :id for update")
					.param("id", held)
					.query(UUID.class)
					.single();
				Future<?> retried = round.submit(sender::retry);
				await().atMost(Duration.ofSeconds(10)).until(retried::isDone);
				assertThat(received(List.of(free))).hasSize(1);
				assertThat(received(List.of(busy))).isEmpty();
			});
		}
		finally {
			round.shutdownNow();
		}
		assertThat(only(notifications.sentTo(busy)).attempts()).isZero();

		sender.retry();
		assertThat(received(List.of(busy))).hasSize(1);
	}

	@Test
	void aMessageIsGivenUpAfterTheLastAttempt() throws Exception {
		Ministry ministry = ministry();
		register(ministry.directorate(), ON_THE_OFFER, "Démarches " + ministry.suffix());
		String agent = ministry.agents().get(0);
		smtp.stop();
		qualificationWithdrawn();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notifications.sentTo(agent).stream().anyMatch(n -> n.attempts() == 1));

		sender.retry();
		sender.retry();
		smtp.start();
		sender.retry();

		Notification givenUp = only(notifications.sentTo(agent));
		assertThat(givenUp.attempts()).isEqualTo(3);
		assertThat(givenUp.sent()).isFalse();
		assertThat(received(List.of(agent))).isEmpty();
	}

	@Test
	void aProjectWithoutAnOrganisationOrWithoutAgentsTellsNoOne() {
		Ministry ministry = ministry();
		String empty = "vide-" + ministry.suffix();
		directory.add("test", empty, "Direction sans agent " + ministry.suffix(), OrganisationKind.DIRECTORATE,
				ministry.id(), null);
		UUID withoutAgents = register(empty, ON_THE_OFFER, "Sans agent " + ministry.suffix());
		UUID withoutOrganisation = register(null, ON_THE_OFFER, "Sans organisation " + ministry.suffix());

		qualificationWithdrawn();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(projects.find(withoutAgents).orElseThrow().decisions()).hasSize(2));
		assertThat(jdbc.sql("select count(*) from notification where subject_ref in (:refs)")
			.param("refs", List.of("project:" + withoutAgents, "project:" + withoutOrganisation))
			.query(Long.class)
			.single()).isZero();
		assertThat(smtp.getReceivedMessages()).isEmpty();
	}

	/** A message recorded and not yet sent, as the round after a crash finds it. */
	private UUID unsent(String recipient, Instant at) {
		UUID id = UUID.randomUUID();
		repository.insert(new Notification(id, recipient, "Sujet", "Corps", "PROJECT_REEVALUATED", "project:" + id, at,
				null, 0, null));
		return id;
	}

	/**
	 * A ministry with a directorate of two agents, another directorate of one, and a
	 * controller.
	 */
	private record Ministry(String suffix, String id, String directorate, List<String> agents, String otherAgent,
			String controller) {
	}

	private Ministry ministry() {
		String suffix = suffix();
		String ministry = "ministere-" + suffix;
		String directorate = "direction-" + suffix;
		String other = "autre-" + suffix;
		String ministrySiret = siret();
		String directorateSiret = siret();
		String otherSiret = siret();
		directory.add("test", ministry, "Ministère " + suffix, OrganisationKind.MINISTRY, null, ministrySiret);
		directory.add("test", directorate, "Direction " + suffix, OrganisationKind.DIRECTORATE, ministry,
				directorateSiret);
		directory.add("test", other, "Autre direction " + suffix, OrganisationKind.DIRECTORATE, ministry, otherSiret);
		List<String> agents = List.of("agnes-" + suffix + "@interieur.gouv.fr",
				"bruno-" + suffix + "@interieur.gouv.fr");
		directory.signIn(new Identity(agents.get(0), "Agnès", "Martin", directorateSiret, null, null));
		directory.signIn(new Identity(agents.get(1), null, null, directorateSiret, null, null));
		String otherAgent = "olga-" + suffix + "@interieur.gouv.fr";
		directory.signIn(new Identity(otherAgent, "Olga", "Petit", otherSiret, null, null));
		String controller = "claude-" + suffix + "@interieur.gouv.fr";
		directory.signIn(new Identity(controller, "Claude", "Bernard", ministrySiret, null, null));
		directory.grant("test", controller, Role.MINISTRY_CONTROLLER, ministry);
		return new Ministry(suffix, ministry, directorate, agents, otherAgent, controller);
	}

	private UUID register(String organisation, String assessment, String name) {
		UUID id = ((Projects.Decided) projects.register("test", organisation, assessment.formatted(name, OFFER)))
			.project()
			.id();
		registered.add(id);
		return id;
	}

	/**
	 * The catalogue says the offer lost its qualification, in a transaction that commits.
	 */
	private void qualificationWithdrawn() {
		transaction.executeWithoutResult(status -> events.publishEvent(withdrawn()));
	}

	private OfferQualificationWithdrawn withdrawn() {
		return new OfferQualificationWithdrawn(OFFER, "SECNUMCLOUD", LocalDate.now(clock), "COMMERCIAL_TRUSTED",
				"COMMERCIAL");
	}

	/** The messages GreenMail received for any of the addresses. */
	private static List<MimeMessage> received(List<String> addresses) {
		return Mailboxes.received(smtp, addresses);
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String body(MimeMessage mail) throws Exception {
		return ((String) mail.getContent()).replace("\r\n", "\n");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private static String siret() {
		return Long.toString(ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 100_000_000_000_000L));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
