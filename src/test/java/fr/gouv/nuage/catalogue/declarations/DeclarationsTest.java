package fr.gouv.nuage.catalogue.declarations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.TestOffers;
import fr.gouv.nuage.catalogue.OfferQualificationChanged.OfferQualificationGranted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationAccepted;
import fr.gouv.nuage.catalogue.declarations.OfferDeclarationEvents.OfferDeclarationSubmitted;
import fr.gouv.nuage.doctrine.SourceIssue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/** Declarations stored in the real database, reviewed, and amending the catalogue in force. */
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

	private final Actor bleu = Actor.provider("Claire", "Bleu (Orange et Capgemini)");

	private final Actor dinum = Actor.dinum("Bruno");

	/** Bleu declares its qualification: the claim counts only once DINUM accepts it. */
	private static String bleuQualified() {
		Offer bleu = Catalogue.reference().offer("bleu").orElseThrow();
		return CatalogueJson.declaration(TestOffers.qualifiedOn(bleu, LocalDate.parse("2026-06-01")));
	}


	@Test
	void aQualificationClaimStaysPendingUntilDinumAcceptsIt() {
		assertThat(Catalogue.reference().offer("bleu").orElseThrow().provider()).isEqualTo(bleu.organisation());
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
		assertThat(events.stream(OfferDeclarationAccepted.class)).hasSize(1);
		assertThat(declarations.find(id).orElseThrow().history()).extracting(DeclarationEvent::action, DeclarationEvent::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("SUBMITTED", "Claire"),
					org.assertj.core.groups.Tuple.tuple("ACCEPTED", "Bruno"));
	}

	@Test
	void anInvalidDeclarationIsRefusedWithItsPlaceAndNothingIsStored() {
		long before = jdbc.sql("select count(*) from offer_declaration").query(Long.class).single();
		Declarations.Submission submission = declarations.submit(bleu, "id: bleu\nmodel: IASS\n");
		assertThat(submission).isInstanceOf(Declarations.Invalid.class);
		assertThat(((Declarations.Invalid) submission).issues()).extracting(SourceIssue::headline)
			.anySatisfy(line -> assertThat(line).startsWith("declaration:2:8: error: `IASS` is not allowed for `model`"));
		assertThat(jdbc.sql("select count(*) from offer_declaration").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aProviderCannotDeclareAnotherProvidersOffer() {
		String content = bleuQualified();
		assertThatThrownBy(() -> declarations.submit(Actor.provider("Eve", "Scaleway"), content))
			.isInstanceOf(DeclarationRefused.class);
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
