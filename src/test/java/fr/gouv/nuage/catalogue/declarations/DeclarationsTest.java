package fr.gouv.nuage.catalogue.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.TestOffers;
import fr.gouv.nuage.catalogue.OfferQualificationChanged.OfferQualificationGranted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationAccepted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationSubmitted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationWithdrawn;
import fr.gouv.nuage.audit.AuditEntry;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Grant;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.Person;
import fr.gouv.nuage.directory.Role;
import fr.gouv.nuage.doctrine.SourceIssue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/**
 * Declarations stored in the real database, reviewed, and amending the catalogue in
 * force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Tag("database")
@RecordApplicationEvents
@Transactional
class DeclarationsTest {

	@Autowired
	Declarations declarations;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog audit;

	@Autowired
	Directory directory;

	/** Someone of Bleu, whose organisation's id the catalogue names for its offer. */
	private final Actor bleu = Actor.provider("Claire", "bleu");

	private static final String BLEU = "Bleu (Orange et Capgemini)";

	private final Actor dinum = Actor.dinum("Bruno");

	/** Bleu declares its qualification: the claim counts only once DINUM accepts it. */
	private static String bleuQualified() {
		Offer bleu = Catalogue.reference().offer("bleu").orElseThrow();
		return CatalogueJson.declaration(TestOffers.qualifiedOn(bleu, LocalDate.parse("2026-06-01")));
	}

	@Test
	void aQualificationClaimStaysPendingUntilDinumAcceptsIt() {
		assertThat(Catalogue.reference().offer("bleu").orElseThrow().providerId()).isEqualTo(bleu.organisation());
		String content = bleuQualified();
		Declarations.Submission submission = declarations.submit(bleu, content);
		assertThat(submission).as(submission.toString()).isInstanceOf(Declarations.Submitted.class);
		UUID id = ((Declarations.Submitted) submission).declaration().id();
		assertThat(events.stream(OfferDeclarationSubmitted.class)).hasSize(1);
		assertThat(declarations.pending()).extracting(OfferDeclaration::id).contains(id);
		assertThat(declarations.current().offer("bleu").orElseThrow().hostingClass(LocalDate.now()))
			.isEqualTo(Offer.COMMERCIAL);

		declarations.accept(id, dinum, "on ANSSI's list");

		assertThat(declarations.current().offer("bleu").orElseThrow().hostingClass(LocalDate.now()))
			.isEqualTo(Offer.COMMERCIAL_TRUSTED);
		assertThat(events.stream(OfferQualificationGranted.class))
			.anySatisfy(granted -> assertThat(granted.offerId()).isEqualTo("bleu"));
		// Published inside the accepting transaction: the listeners that run after it
		// commits (the projects
		// deciding again) are recorded with it in the publication registry.
		assertThat(jdbc.sql("""
				select listener_id from event_publication
				where event_type like '%OfferQualificationGranted' and serialized_event like '%"bleu"%'
				and completion_date is null""").query(String.class).list())
			.anySatisfy(listener -> assertThat(listener).startsWith("fr.gouv.nuage.projects."));
		assertThat(events.stream(OfferDeclarationAccepted.class)).hasSize(1);
		assertThat(declarations.find(id).orElseThrow().history())
			.extracting(DeclarationEvent::action, DeclarationEvent::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("SUBMITTED", "Claire"),
					org.assertj.core.groups.Tuple.tuple("ACCEPTED", "Bruno"));
	}

	@Test
	void anInvalidDeclarationIsRefusedWithItsPlaceAndNothingIsStored() {
		long before = jdbc.sql("select count(*) from offer_declaration").query(Long.class).single();
		Declarations.Submission submission = declarations.submit(bleu, "id: bleu\nmodel: IASS\n");
		assertThat(submission).isInstanceOf(Declarations.Invalid.class);
		assertThat(((Declarations.Invalid) submission).issues()).extracting(SourceIssue::headline)
			.anySatisfy(
					line -> assertThat(line).startsWith("declaration:2:8: error: `IASS` is not allowed for `model`"));
		assertThat(jdbc.sql("select count(*) from offer_declaration").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aProviderCannotDeclareAnotherProvidersOffer() {
		String content = bleuQualified();
		assertThatThrownBy(() -> declarations.submit(Actor.provider("Eve", "scaleway"), content))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> declarations.submit(Actor.provider("Eve", BLEU), content))
			.as("a name is no organisation's id")
			.isInstanceOf(NotAllowed.class);
	}

	/**
	 * Who may take each step is the declarations' own decision, from the caller's
	 * perimeter.
	 */
	@Test
	void eachStepIsTakenOnlyByThoseItsPerimeterAllows() {
		Perimeter claire = perimeter("claire@bleu.test", null, Set.of(bleu.organisation()));
		Perimeter eve = perimeter("eve@scaleway.test", null, Set.of("scaleway"));
		Perimeter bruno = perimeter("bruno@numerique.gouv.fr", Role.DINUM, Set.of());
		Perimeter agent = perimeter("alice@interieur.gouv.fr", Role.AGENT, Set.of());
		String content = bleuQualified();
		for (Perimeter someone : List.of(eve, bruno, agent)) {
			assertThatThrownBy(() -> declarations.submit(someone, content)).isInstanceOf(NotAllowed.class);
		}
		OfferDeclaration submitted = ((Declarations.Submitted) declarations.submit(claire, content)).declaration();
		UUID id = submitted.id();
		assertThat(submitted.history().get(0).actor()).isEqualTo("claire@bleu.test");
		assertThat(submitted.providerId()).isEqualTo(bleu.organisation());
		assertThat(submitted.provider()).isEqualTo(BLEU);

		assertThat(declarations.find(claire, id).id()).isEqualTo(id);
		assertThat(declarations.find(bruno, id).id()).isEqualTo(id);
		assertThatThrownBy(() -> declarations.find(eve, id)).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> declarations.find(agent, id)).isInstanceOf(NotAllowed.class);
		assertThat(declarations.page(claire, null, 0, 50).items()).extracting(OfferDeclaration::id).containsExactly(id);
		assertThat(declarations.page(eve, null, 0, 50).items()).extracting(OfferDeclaration::id).doesNotContain(id);
		assertThatThrownBy(() -> declarations.page(agent, null, 0, 50)).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> declarations.find(bruno, UUID.randomUUID())).isInstanceOf(NotFound.class);

		for (Perimeter someone : List.of(claire, eve, agent)) {
			assertThatThrownBy(() -> declarations.accept(id, someone, null, 1)).isInstanceOf(NotAllowed.class);
			assertThatThrownBy(() -> declarations.reject(id, someone, "no", 1)).isInstanceOf(NotAllowed.class);
		}
		for (Perimeter someone : List.of(eve, bruno, agent)) {
			assertThatThrownBy(() -> declarations.withdraw(id, someone, 1)).isInstanceOf(NotAllowed.class);
		}
		assertThatThrownBy(() -> declarations.dueForConfirmation(claire, LocalDate.now()))
			.isInstanceOf(NotAllowed.class);
		assertThat(declarations.find(id).orElseThrow().version()).as("nothing changed").isEqualTo(1);

		OfferDeclaration accepted = declarations.accept(id, bruno, "on ANSSI's list", 1);
		assertThat(accepted.status()).isEqualTo(DeclarationStatus.ACCEPTED);
		assertThat(accepted.history().get(1).actor()).isEqualTo("bruno@numerique.gouv.fr");
	}

	/**
	 * A withdrawal is audited like every other step, and told to the modules that listen.
	 */
	@Test
	void aWithdrawalIsPublishedAndAudited() {
		long before = audit.entries().size();
		UUID id = ((Declarations.Submitted) declarations.submit(bleu, bleuQualified())).declaration().id();
		declarations.withdraw(id, bleu, 1);
		assertThat(events.stream(OfferDeclarationWithdrawn.class))
			.containsExactly(new OfferDeclarationWithdrawn(id, "bleu", BLEU, bleu.organisation(), "Claire"));
		List<AuditEntry> entries = audit.entries();
		assertThat(entries.subList((int) before, entries.size()))
			.extracting(AuditEntry::action, AuditEntry::subject, AuditEntry::actor)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("OFFER_DECLARATION_SUBMITTED", "declaration:" + id,
							bleu.organisation()),
					org.assertj.core.groups.Tuple.tuple("OFFER_DECLARATION_WITHDRAWN", "declaration:" + id, "Claire"));
		assertThat(entries.get(entries.size() - 1).after()).contains("WITHDRAWN");
		assertThat(audit.verify().intact()).isTrue();
	}

	/** A new offer of {@code provider}, in the catalogue's YAML format. */
	private static String newOffer(String id, String provider) {
		return """
				id: %s
				provider: "%s"
				service: "Object Storage"
				model: IAAS
				categories: [storage]
				dataLocation: FRANCE
				immuneToExtraEuAccess: false
				hdsCertified: false
				maxMarking: NONE
				qualifications: []
				sources: [ANSSI-LIST]
				confidence: sourced
				asOf: 2026-11-22
				""".formatted(id, provider);
	}

	@Autowired
	OfferDeclarations stored;

	@Test
	void aNewOffersIdIsDeclaredByOneProviderAtATimeAndCheckedAgainAtAcceptance() {
		Actor scaleway = Actor.provider("Eve", "scaleway");
		String scalewayName = "Scaleway (groupe Iliad)";
		Declarations.Submission first = declarations.submit(bleu, newOffer("shared-storage", BLEU));
		assertThat(first).as(first.toString()).isInstanceOf(Declarations.Submitted.class);
		assertThat(((Declarations.Submitted) first).declaration().providerId()).isEqualTo("bleu");
		long before = jdbc.sql("select count(*) from offer_declaration").query(Long.class).single();
		assertThatThrownBy(() -> declarations.submit(scaleway, newOffer("shared-storage", scalewayName)))
			.isInstanceOf(DeclarationRefused.class)
			.hasMessage("a declaration of the new offer `shared-storage` already awaits DINUM's review: "
					+ "choose another id, or withdraw that one first");
		assertThatThrownBy(() -> declarations.submit(bleu, newOffer("shared-storage", BLEU)))
			.isInstanceOf(DeclarationRefused.class);
		assertThat(jdbc.sql("select count(*) from offer_declaration").query(Long.class).single()).isEqualTo(before);

		// One declared before the check, pending while Bleu's is accepted: the id is
		// Bleu's.
		OfferDeclaration late = OfferDeclaration.submit("shared-storage", scalewayName, scaleway.organisation(),
				OfferDeclaration.Kind.NEW_OFFER, newOffer("shared-storage", scalewayName), scaleway,
				java.time.Instant.now());
		declarations.accept(((Declarations.Submitted) first).declaration().id(), dinum, null);
		stored.save(late);
		assertThatThrownBy(() -> declarations.accept(late.id(), dinum, null)).isInstanceOf(DeclarationRefused.class)
			.hasMessage("the offer `shared-storage` is the organisation `bleu`'s (Bleu (Orange et Capgemini)) since "
					+ "this declaration was submitted: it cannot be accepted for `scaleway`; reject it");
		assertThat(declarations.current().offer("shared-storage").orElseThrow().providerId())
			.isEqualTo(bleu.organisation());
		assertThat(declarations.find(late.id()).orElseThrow().status()).isEqualTo(DeclarationStatus.SUBMITTED);
	}

	@Test
	void whoeverDeclaredAnOfferDoesNotReviewIt() {
		Perimeter both = new Perimeter(
				new Person("claire@bleu.test", null, null, null, List.of(new Grant(Role.DINUM, "dinum", "test"))),
				Set.of(), Set.of(), Set.of(bleu.organisation()));
		UUID id = ((Declarations.Submitted) declarations.submit(both, bleuQualified())).declaration().id();
		assertThatThrownBy(() -> declarations.accept(id, both, null, 1)).isInstanceOf(NotAllowed.class)
			.hasMessage("you took the step SUBMITTED of this declaration for `Bleu (Orange et Capgemini)`: "
					+ "another person of DINUM accepts it");
		assertThatThrownBy(() -> declarations.reject(id, both, "no", 1)).isInstanceOf(NotAllowed.class)
			.hasMessageEndingWith("another person of DINUM rejects it");
		assertThat(declarations.find(id).orElseThrow().version()).isEqualTo(1);
		assertThat(declarations.accept(id, dinum, null, 1).status()).isEqualTo(DeclarationStatus.ACCEPTED);
	}

	private static Perimeter perimeter(String email, Role role, Set<String> providers) {
		List<Grant> grants = role == null ? List.of()
				: List.of(new Grant(role, role.onlyOn() == null ? "org" : role.onlyOn(), "test"));
		return new Perimeter(new Person(email, null, null, null, grants), Set.of(), Set.of(), providers);
	}

	/**
	 * Organisations are told apart by id: one whose name reads like OVHcloud's, once
	 * trimmed and whatever the case, is another organisation, which neither declares for
	 * OVHcloud nor acts on its declarations.
	 */
	@Test
	void onlyTheOrganisationWhoseIdTheOfferNamesActsForIt() {
		if (directory.organisation("ovhcloud").isEmpty()) {
			directory.add("test", "ovhcloud", "OVHcloud", OrganisationKind.PROVIDER, null, null);
		}
		directory.add("test", "ovhcloud-fr", " ovhcloud ", OrganisationKind.PROVIDER, null, null);
		directory.add("test", "ovhcloud-eu", "OVHCLOUD", OrganisationKind.PROVIDER, null, null);
		Perimeter julie = provider("julie@ovhcloud.test", "ovhcloud");
		List<Perimeter> impostors = List.of(provider("mallory@ovhcloud-fr.test", "ovhcloud-fr"),
				provider("oscar@ovhcloud-eu.test", "ovhcloud-eu"));
		Offer hpc = Catalogue.reference().offer("ovhcloud-hpc-snc").orElseThrow();
		String update = CatalogueJson.declaration(hpc);
		long before = jdbc.sql("select count(*) from offer_declaration").query(Long.class).single();
		for (Perimeter impostor : impostors) {
			assertThatThrownBy(() -> declarations.submit(impostor, update)).isInstanceOf(NotAllowed.class);
			assertThat(declarations.submit(impostor, newOffer(hpc.id(), " ovhcloud ")))
				.isInstanceOf(Declarations.Taken.class);
		}
		assertThat(jdbc.sql("select count(*) from offer_declaration").query(Long.class).single()).isEqualTo(before);

		OfferDeclaration declared = ((Declarations.Submitted) declarations.submit(julie, update)).declaration();
		assertThat(declared.kind()).isEqualTo(OfferDeclaration.Kind.UPDATE);
		for (Perimeter impostor : impostors) {
			assertThatThrownBy(() -> declarations.find(impostor, declared.id())).isInstanceOf(NotAllowed.class);
			assertThatThrownBy(() -> declarations.withdraw(declared.id(), impostor, 1)).isInstanceOf(NotAllowed.class);
			assertThat(declarations.page(impostor, null, 0, 50).items()).extracting(OfferDeclaration::id)
				.doesNotContain(declared.id());
		}
		assertThat(declarations.find(julie, declared.id()).id()).isEqualTo(declared.id());
		assertThat(declarations.withdraw(declared.id(), julie, 1).status()).isEqualTo(DeclarationStatus.WITHDRAWN);

		// An id is written as it is: one with spaces names no organisation.
		assertThat(declarations.submit(impostors.get(0),
				newOffer("ovhcloud-storage", "OVHcloud").replace("provider: \"OVHcloud\"\n",
						"provider: \"OVHcloud\"\nproviderId: \" ovhcloud \"\n")))
			.isInstanceOfSatisfying(Declarations.Invalid.class,
					invalid -> assertThat(invalid.issues()).extracting(SourceIssue::headline)
						.containsExactly("declaration:3:13: error: `providerId` of offer `ovhcloud-storage` is the id "
								+ "of the provider's organisation in the directory (2 to 60 lowercase letters, digits "
								+ "or hyphens), not ` ovhcloud `"));
		// Declared for the look-alike before the checks, the offer is OVHcloud's when
		// DINUM reviews it.
		OfferDeclaration late = OfferDeclaration.submit(hpc.id(), " ovhcloud ", "ovhcloud-fr",
				OfferDeclaration.Kind.UPDATE, newOffer(hpc.id(), " ovhcloud "),
				Actor.provider("mallory@ovhcloud-fr.test", "ovhcloud-fr"), java.time.Instant.now());
		stored.save(late);
		assertThatThrownBy(() -> declarations.accept(late.id(), dinum, null)).isInstanceOf(DeclarationRefused.class)
			.hasMessageContaining("is the organisation `ovhcloud`'s");
		assertThat(declarations.find(late.id()).orElseThrow().status()).isEqualTo(DeclarationStatus.SUBMITTED);
	}

	/**
	 * Someone signed in, provider of the organisation {@code organisation}, as the
	 * directory sees them.
	 */
	private Perimeter provider(String email, String organisation) {
		directory.signIn(new Identity(email, null, null, null, null, null));
		directory.grant("test", email, Role.PROVIDER, organisation);
		return directory.perimeter(directory.person(email).orElseThrow());
	}

	/**
	 * A declaration made before declarations named their organisation, whose organisation
	 * V20 could not tell: no provider acts on it, and DINUM can only reject it.
	 */
	@Test
	void aDeclarationWhoseOrganisationIsNotKnownIsOnlyRejected() {
		java.time.Instant at = java.time.Instant.now();
		OfferDeclaration legacy = new OfferDeclaration(UUID.randomUUID(), "legacy-storage", "OVHcloud", null,
				OfferDeclaration.Kind.NEW_OFFER, newOffer("legacy-storage", "OVHcloud"), DeclarationStatus.SUBMITTED,
				at, List.of(new DeclarationEvent(1, at, "someone", Actor.Role.PROVIDER, "SUBMITTED", "new offer")), 0);
		stored.save(legacy);
		Perimeter julie = perimeter("julie@ovhcloud.test", null, Set.of("ovhcloud"));
		assertThatThrownBy(() -> declarations.find(julie, legacy.id())).isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> declarations.withdraw(legacy.id(), julie, 1)).isInstanceOf(NotAllowed.class)
			.hasMessage("no provider withdraws this declaration: the organisation that made it is not known");
		assertThat(declarations.page(julie, null, 0, 50).items()).extracting(OfferDeclaration::id)
			.doesNotContain(legacy.id());
		assertThatThrownBy(() -> declarations.accept(legacy.id(), dinum, null)).isInstanceOf(DeclarationRefused.class)
			.hasMessageContaining("names no organisation of the directory");
		assertThat(declarations.current().offer("legacy-storage")).isEmpty();
		assertThat(declarations.reject(legacy.id(), dinum, "whose offer is it?").status())
			.isEqualTo(DeclarationStatus.REJECTED);
	}

	@Test
	void aStaleCopyIsNeverSavedOverANewerOne() {
		UUID id = ((Declarations.Submitted) declarations.submit(bleu, bleuQualified())).declaration().id();
		declarations.reject(id, dinum, "not yet on ANSSI's list");
		assertThatThrownBy(() -> declarations.accept(id, dinum, null)).isInstanceOf(DeclarationRefused.class)
			.hasMessageContaining("cannot be accepted");
		assertThat(declarations.find(id).orElseThrow().version()).isEqualTo(2);
	}

}
