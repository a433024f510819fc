package fr.gouv.nuage.derogations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import fr.gouv.nuage.derogations.Derogation.Role;
import org.junit.jupiter.api.Test;

/** Every allowed transition of a derogation, and every other one refused without changing anything. */
class DerogationTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	private static Derogation requested(String rule) {
		return Derogation.request(UUID.randomUUID(), rule, "sha256:abc", "migration engaged before 2023",
				"R9".equals(rule) ? "audit-secnumcloud.pdf" : null, "Alice", Role.PROJECT_AUTHORITY, NOW);
	}

	private record Action(String name, Role role, Consumer<Derogation> apply) {
	}

	private static List<Action> actions() {
		List<Action> actions = new ArrayList<>();
		for (Role role : Role.values()) {
			actions.add(new Action("approve", role, d -> d.approveByMinister("x", role, NOW)));
			actions.add(new Action("validate", role, d -> d.validateByPrimeMinister("x", role, NOW)));
			actions.add(new Action("refuse", role, d -> d.refuse("no", "x", role, NOW)));
			actions.add(new Action("withdraw", role, d -> d.withdraw("x", role, NOW)));
		}
		return actions;
	}

	private static Set<String> allowed(DerogationStatus status) {
		return switch (status) {
			case REQUESTED -> Set.of("approve/MINISTER", "refuse/MINISTER", "withdraw/PROJECT_AUTHORITY");
			case APPROVED_BY_MINISTER -> Set.of("validate/PRIME_MINISTER_OFFICE", "refuse/PRIME_MINISTER_OFFICE",
					"withdraw/PROJECT_AUTHORITY");
			default -> Set.of();
		};
	}

	private static Derogation in(String rule, DerogationStatus status) {
		Derogation d = requested(rule);
		switch (status) {
			case APPROVED_BY_MINISTER -> d.approveByMinister("m", Role.MINISTER, NOW);
			case GRANTED -> {
				d.approveByMinister("m", Role.MINISTER, NOW);
				if ("R9".equals(rule)) {
					d.validateByPrimeMinister("pm", Role.PRIME_MINISTER_OFFICE, NOW);
				}
			}
			case REFUSED -> d.refuse("no", "m", Role.MINISTER, NOW);
			case WITHDRAWN -> d.withdraw("a", Role.PROJECT_AUTHORITY, NOW);
			case EXPIRED -> {
				d.approveByMinister("m", Role.MINISTER, NOW);
				d.validateByPrimeMinister("pm", Role.PRIME_MINISTER_OFFICE, NOW);
				d.acceptableOfferAvailable(LocalDate.parse("2025-06-01"));
				d.expireIfDue(NOW);
			}
			default -> {
			}
		}
		assertThat(d.status()).isEqualTo(status);
		return d;
	}

	@Test
	void eachStateAllowsExactlyItsTransitionsAndARefusalChangesNothing() {
		int allowedSeen = 0;
		for (DerogationStatus status : DerogationStatus.values()) {
			for (Action action : actions()) {
				Derogation d = in("R9", status);
				int steps = d.steps().size();
				String what = status + " " + action.name() + " by " + action.role();
				if (allowed(status).contains(action.name() + "/" + action.role())) {
					action.apply().accept(d);
					assertThat(d.steps()).as(what).hasSize(steps + 1);
					allowedSeen++;
				}
				else {
					assertThatThrownBy(() -> action.apply().accept(d)).as(what).isInstanceOf(Derogation.Refused.class);
					assertThat(d.status()).as(what).isEqualTo(status);
					assertThat(d.steps()).as(what).hasSize(steps);
				}
			}
		}
		assertThat(allowedSeen).isEqualTo(6);
	}

	@Test
	void anR9DerogationNeedsTheMinisterThenThePrimeMinister() {
		Derogation d = requested("R9");
		d.approveByMinister("Ministre", Role.MINISTER, NOW);
		assertThat(d.status()).isEqualTo(DerogationStatus.APPROVED_BY_MINISTER);
		d.validateByPrimeMinister("Matignon", Role.PRIME_MINISTER_OFFICE, NOW);
		assertThat(d.status()).isEqualTo(DerogationStatus.GRANTED);
		assertThat(d.steps()).extracting(Derogation.Step::status).containsExactly(DerogationStatus.REQUESTED,
				DerogationStatus.APPROVED_BY_MINISTER, DerogationStatus.GRANTED);
	}

	@Test
	void anotherRuleIsGrantedByTheMinister() {
		Derogation d = requested("R6");
		d.approveByMinister("Ministre", Role.MINISTER, NOW);
		assertThat(d.status()).isEqualTo(DerogationStatus.GRANTED);
	}

	@Test
	void aRequestCitesItsRuleAndDecisionAndJustifiesItself() {
		assertThatThrownBy(() -> Derogation.request(UUID.randomUUID(), "R9", "sha256:abc", "engaged", null, "Alice",
				Role.PROJECT_AUTHORITY, NOW)).hasMessage("a derogation from R9 must prove SecNumCloud-level guarantees");
		assertThatThrownBy(() -> Derogation.request(UUID.randomUUID(), "nine", "sha256:abc", "engaged", "p", "Alice",
				Role.PROJECT_AUTHORITY, NOW)).hasMessageContaining("cites the rule");
		assertThatThrownBy(() -> Derogation.request(UUID.randomUUID(), "R6", "sha256:abc", " ", null, "Alice",
				Role.PROJECT_AUTHORITY, NOW)).hasMessage("a derogation must be justified");
		assertThatThrownBy(() -> Derogation.request(UUID.randomUUID(), "R6", "sha256:abc", "x", null, "Bob", Role.MINISTER, NOW))
			.hasMessage("the project asks for its derogation");
	}

	@Test
	void itEndsTwelveMonthsAfterAnAcceptableOfferWithRemindersBefore() {
		Derogation d = in("R9", DerogationStatus.GRANTED);
		assertThat(d.expireIfDue(Instant.parse("2040-01-01T00:00:00Z"))).isFalse();
		d.acceptableOfferAvailable(LocalDate.parse("2027-03-01"));
		assertThat(d.expiresOn()).isEqualTo(LocalDate.parse("2028-03-01"));
		d.acceptableOfferAvailable(LocalDate.parse("2027-06-01"));
		assertThat(d.expiresOn()).as("a later offer does not push the end back").isEqualTo(LocalDate.parse("2028-03-01"));
		assertThat(d.remindersDue(LocalDate.parse("2027-12-02"))).containsExactly(90);
		assertThat(d.remindersDue(LocalDate.parse("2028-01-31"))).containsExactly(30);
		assertThat(d.remindersDue(LocalDate.parse("2028-02-23"))).containsExactly(7);
		assertThat(d.remindersDue(LocalDate.parse("2028-02-24"))).isEmpty();
		assertThat(d.expireIfDue(Instant.parse("2028-02-29T23:59:00Z"))).isFalse();
		assertThat(d.expireIfDue(Instant.parse("2028-03-01T00:00:00Z"))).isTrue();
		assertThat(d.status()).isEqualTo(DerogationStatus.EXPIRED);
		assertThat(d.remindersDue(LocalDate.parse("2028-03-01"))).isEmpty();
	}
}
