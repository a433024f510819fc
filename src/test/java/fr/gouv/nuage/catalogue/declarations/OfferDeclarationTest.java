package fr.gouv.nuage.catalogue.declarations;

import fr.gouv.nuage.catalogue.Catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import fr.gouv.nuage.directory.NotAllowed;

import org.junit.jupiter.api.Test;

/**
 * Every allowed transition of a declaration, and every forbidden one, which changes
 * nothing.
 */
class OfferDeclarationTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private final Actor provider = Actor.provider("Alice", "trusted");

	private final Actor dinum = Actor.dinum("Bruno");

	private OfferDeclaration submitted() {
		return OfferDeclaration.submit("trusted-iaas", "Trusted", "trusted", OfferDeclaration.Kind.UPDATE,
				"id: trusted-iaas", provider, NOW);
	}

	@Test
	void aProviderSubmitsForItsOwnOrganisationOnly() {
		OfferDeclaration declaration = submitted();
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.SUBMITTED);
		assertThat(declaration.history()).extracting(DeclarationEvent::action, DeclarationEvent::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("SUBMITTED", "Alice"));
		assertThatThrownBy(() -> OfferDeclaration.submit("x", "Other", "other", OfferDeclaration.Kind.NEW_OFFER, "",
				provider, NOW))
			.isInstanceOf(NotAllowed.class)
			.hasMessageContaining("may only declare its own offers");
		// The name the offer writes says nothing of who declares it: only the id does.
		assertThatThrownBy(() -> OfferDeclaration.submit("x", "Trusted", " Trusted ", OfferDeclaration.Kind.NEW_OFFER,
				"", provider, NOW))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> OfferDeclaration.submit("x", "Trusted", "TRUSTED", OfferDeclaration.Kind.NEW_OFFER, "",
				provider, NOW))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(
				() -> OfferDeclaration.submit("x", "DINUM", "dinum", OfferDeclaration.Kind.NEW_OFFER, "", dinum, NOW))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("only a provider declares offers");
	}

	@Test
	void dinumAcceptsASubmittedDeclaration() {
		OfferDeclaration declaration = submitted();
		declaration.accept(dinum, "checked against ANSSI's list", NOW.plusSeconds(60));
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.ACCEPTED);
		assertThat(declaration.history()).extracting(DeclarationEvent::action).containsExactly("SUBMITTED", "ACCEPTED");
		assertThat(declaration.history().get(1).role()).isEqualTo(Actor.Role.DINUM);
	}

	@Test
	void dinumRejectsSayingWhy() {
		OfferDeclaration declaration = submitted();
		assertThatThrownBy(() -> declaration.reject(dinum, " ", NOW)).isInstanceOf(Catalogue.ReviewRefused.class)
			.hasMessage("reason: a rejection must say why");
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.SUBMITTED);
		declaration.reject(dinum, "not on ANSSI's list", NOW);
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.REJECTED);
	}

	@Test
	void theProviderWithdrawsBeforeReview() {
		OfferDeclaration declaration = submitted();
		assertThatThrownBy(() -> declaration.withdraw(Actor.provider("Eve", "other"), NOW))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("only the organisation `trusted` may withdraw this declaration");
		assertThatThrownBy(() -> declaration.withdraw(Actor.provider("Eve", " trusted "), NOW))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> declaration.withdraw(Actor.provider("Eve", "Trusted"), NOW))
			.isInstanceOf(NotAllowed.class);
		assertThatThrownBy(() -> declaration.withdraw(dinum, NOW)).isInstanceOf(NotAllowed.class);
		assertThat(declaration.history()).hasSize(1);
		declaration.withdraw(provider, NOW);
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.WITHDRAWN);
	}

	@Test
	void onlyDinumReviews() {
		OfferDeclaration declaration = submitted();
		assertThatThrownBy(() -> declaration.accept(provider, null, NOW)).isInstanceOf(NotAllowed.class)
			.hasMessage("only DINUM may accept a declaration");
		assertThatThrownBy(() -> declaration.reject(provider, "no", NOW)).isInstanceOf(NotAllowed.class)
			.hasMessage("only DINUM may reject a declaration");
		assertThat(declaration.status()).isEqualTo(DeclarationStatus.SUBMITTED);
		assertThat(declaration.history()).hasSize(1);
	}

	@Test
	void aFinalStateHasNoWayOut() {
		for (DeclarationStatus end : new DeclarationStatus[] { DeclarationStatus.ACCEPTED, DeclarationStatus.REJECTED,
				DeclarationStatus.WITHDRAWN }) {
			OfferDeclaration declaration = submitted();
			switch (end) {
				case ACCEPTED -> declaration.accept(dinum, null, NOW);
				case REJECTED -> declaration.reject(dinum, "no", NOW);
				default -> declaration.withdraw(provider, NOW);
			}
			assertThatThrownBy(() -> declaration.accept(dinum, null, NOW)).isInstanceOf(DeclarationRefused.class)
				.hasMessageContaining("cannot be accepted");
			assertThatThrownBy(() -> declaration.reject(dinum, "no", NOW)).isInstanceOf(DeclarationRefused.class)
				.hasMessageContaining("cannot be rejected");
			assertThatThrownBy(() -> declaration.withdraw(provider, NOW)).isInstanceOf(DeclarationRefused.class)
				.hasMessageContaining("cannot be withdrawn");
			assertThat(declaration.status()).isEqualTo(end);
			assertThat(declaration.history()).hasSize(2);
		}
	}

}
