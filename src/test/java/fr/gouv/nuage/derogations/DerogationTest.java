package fr.gouv.nuage.derogations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import fr.gouv.nuage.derogations.Derogation.Role;
import fr.gouv.nuage.directory.Grant;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.Person;
import org.junit.jupiter.api.Test;

/**
 * Every allowed transition of a derogation, and every other one refused without changing
 * anything.
 */
class DerogationTest {

	private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	/** The organisation of the derogation's project, a directorate of `min-a`. */
	private static final String ORGANISATION = "dir-a";

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
			case APPROVED_BY_MINISTER ->
				Set.of("validate/PRIME_MINISTER_OFFICE", "refuse/PRIME_MINISTER_OFFICE", "withdraw/PROJECT_AUTHORITY");
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
				d.acceptableOfferAvailable(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-01"));
				d.expireIfDue(LocalDate.parse("2026-11-22"), NOW);
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

	// Who acts, from the caller's perimeter: each step, in each status, by each kind of
	// caller.

	/** The callers, in the order of the columns of {@link #BY_PERIMETER}. */
	private static final Map<String, Perimeter> CALLERS = new LinkedHashMap<>();

	static {
		CALLERS.put("agent", perimeter("agent@a.fr", Set.of(ORGANISATION), Set.of()));
		CALLERS.put("other-agent", perimeter("agent@b.fr", Set.of("dir-b"), Set.of()));
		CALLERS.put("controller", perimeter("controller@a.fr", Set.of(), Set.of("min-a", ORGANISATION)));
		CALLERS.put("other-controller", perimeter("controller@b.fr", Set.of(), Set.of("min-b", "dir-b")));
		CALLERS.put("dinum", perimeter("dinum@numerique.gouv.fr", Set.of(), Set.of(),
				new Grant(fr.gouv.nuage.directory.Role.DINUM, "dinum", "test")));
		CALLERS.put("pm",
				perimeter("cabinet@pm.gouv.fr", Set.of(), Set.of(),
						new Grant(fr.gouv.nuage.directory.Role.PRIME_MINISTER_OFFICE,
								fr.gouv.nuage.directory.Directory.PRIME_MINISTER_SERVICES, "test")));
		CALLERS.put("pm-and-controller",
				perimeter("both@pm.gouv.fr", Set.of(), Set.of("min-a", ORGANISATION),
						new Grant(fr.gouv.nuage.directory.Role.PRIME_MINISTER_OFFICE,
								fr.gouv.nuage.directory.Directory.PRIME_MINISTER_SERVICES, "test")));
		CALLERS.put("provider",
				new Perimeter(
						new Person("julie@ovhcloud.test", null, null, "ovhcloud",
								List.of(new Grant(fr.gouv.nuage.directory.Role.PROVIDER, "ovhcloud", "test"))),
						Set.of(), Set.of(), Set.of("ovhcloud")));
	}

	/**
	 * What each caller does, as the service has it: the derogation names the role, then
	 * the step is taken in it.
	 */
	private static final Map<String, BiConsumer<Derogation, Perimeter>> STEPS = Map.of("approve",
			(d, p) -> d.approveByMinister(p.person().email(), d.asApprover(p, ORGANISATION), NOW), "validate",
			(d, p) -> d.validateByPrimeMinister(p.person().email(), d.asValidator(p), NOW), "refuse",
			(d, p) -> d.refuse("non", p.person().email(), d.asRefuser(p, ORGANISATION), NOW), "withdraw",
			(d, p) -> d.withdraw(p.person().email(), d.asWithdrawer(p, ORGANISATION), NOW), "end", (d, p) -> {
				d.checkMaySetTheEnd(p, ORGANISATION);
				d.acceptableOfferAvailable(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01"));
			});

	/**
	 * Each step of an R9 derogation in each status, by each caller: {@code ok} it is
	 * taken, {@code 403} the caller holds no role for it ({@link NotAllowed}),
	 * {@code 409} they hold it but the status does not allow the step
	 * ({@link Derogation.Refused}). The role decides before the status does.
	 */
	private static final String BY_PERIMETER = """
			                                agent other-agent controller other-controller dinum pm  pm-and-controller provider
			REQUESTED            approve    403   403         ok         403              403   403 ok                403
			REQUESTED            validate   403   403         403        403              403   409 409               403
			REQUESTED            refuse     403   403         ok         403              403   409 ok                403
			REQUESTED            withdraw   ok    403         403        403              403   403 403               403
			REQUESTED            end        403   403         409        403              409   403 409               403
			APPROVED_BY_MINISTER approve    403   403         409        403              403   403 409               403
			APPROVED_BY_MINISTER validate   403   403         403        403              403   ok  ok                403
			APPROVED_BY_MINISTER refuse     403   403         409        403              403   ok  ok                403
			APPROVED_BY_MINISTER withdraw   ok    403         403        403              403   403 403               403
			APPROVED_BY_MINISTER end        403   403         409        403              409   403 409               403
			GRANTED              approve    403   403         409        403              403   403 409               403
			GRANTED              validate   403   403         403        403              403   409 409               403
			GRANTED              refuse     403   403         409        403              403   409 409               403
			GRANTED              withdraw   409   403         403        403              403   403 403               403
			GRANTED              end        403   403         ok         403              ok    403 ok                403
			REFUSED              approve    403   403         409        403              403   403 409               403
			REFUSED              refuse     403   403         409        403              403   409 409               403
			REFUSED              withdraw   409   403         403        403              403   403 403               403
			REFUSED              end        403   403         409        403              409   403 409               403
			WITHDRAWN            approve    403   403         409        403              403   403 409               403
			WITHDRAWN            withdraw   409   403         403        403              403   403 403               403
			EXPIRED              validate   403   403         403        403              403   409 409               403
			EXPIRED              refuse     403   403         409        403              403   409 409               403
			EXPIRED              end        403   403         409        403              409   403 409               403
			""";

	@Test
	void theCallersPerimeterDecidesWhoActsAndTheStatusWhen() {
		List<String> lines = BY_PERIMETER.strip().lines().toList();
		List<String> columns = Arrays.asList(lines.get(0).strip().split("\\s+"));
		assertThat(columns).containsExactlyElementsOf(CALLERS.keySet());
		List<String> wrong = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.strip().split("\\s+");
			DerogationStatus status = DerogationStatus.valueOf(cells[0]);
			String step = cells[0] + " " + cells[1];
			for (int i = 0; i < columns.size(); i++) {
				Derogation d = in("R9", status);
				List<Derogation.Step> before = d.steps();
				LocalDate end = d.expiresOn();
				String got;
				try {
					STEPS.get(cells[1]).accept(d, CALLERS.get(columns.get(i)));
					got = "ok";
				}
				catch (NotAllowed ex) {
					got = "403";
				}
				catch (Derogation.Refused ex) {
					got = "409";
				}
				if (!got.equals(cells[i + 2])) {
					wrong.add(step + " by " + columns.get(i) + ": " + got + ", not " + cells[i + 2]);
				}
				if (!got.equals("ok") && (d.status() != status || !d.steps().equals(before)
						|| !java.util.Objects.equals(d.expiresOn(), end))) {
					wrong.add(step + " by " + columns.get(i) + ": refused, yet changed");
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void whoeverTookAStepDoesNotTakeTheNextDecidingOne() {
		Perimeter agentAndController = perimeter("both@a.fr", Set.of(ORGANISATION), Set.of("min-a", ORGANISATION));
		Derogation d = Derogation.request(UUID.randomUUID(), "R6", "sha256:abc", "migration engaged before 2023", null,
				"both@a.fr", Derogation.asRequester(agentAndController, ORGANISATION), NOW);
		assertThatThrownBy(() -> STEPS.get("approve").accept(d, agentAndController)).isInstanceOf(NotAllowed.class)
			.hasMessage("you took the step REQUESTED of this derogation as PROJECT_AUTHORITY: another person decides "
					+ "the next one");
		assertThatThrownBy(() -> STEPS.get("refuse").accept(d, agentAndController)).isInstanceOf(NotAllowed.class);
		assertThat(d.status()).isEqualTo(DerogationStatus.REQUESTED);
		assertThat(d.steps()).hasSize(1);

		// R9: the minister who approved does not validate, nor refuse, for the Prime
		// Minister.
		Derogation r9 = in("R9", DerogationStatus.REQUESTED);
		STEPS.get("approve").accept(r9, CALLERS.get("pm-and-controller"));
		for (String step : List.of("validate", "refuse")) {
			assertThatThrownBy(() -> STEPS.get(step).accept(r9, CALLERS.get("pm-and-controller"))).as(step)
				.isInstanceOf(NotAllowed.class)
				.hasMessage("you took the step APPROVED_BY_MINISTER of this derogation as MINISTER: another person "
						+ "decides the next one");
		}
		assertThat(r9.status()).isEqualTo(DerogationStatus.APPROVED_BY_MINISTER);
		STEPS.get("validate").accept(r9, CALLERS.get("pm"));
		assertThat(r9.status()).isEqualTo(DerogationStatus.GRANTED);
	}

	@Test
	void anAcceptableOfferIsSaidToExistFromADayThatHasCome() {
		Derogation d = in("R6", DerogationStatus.GRANTED);
		LocalDate today = LocalDate.parse("2026-11-22");
		assertThatThrownBy(() -> d.acceptableOfferAvailable(LocalDate.parse("9999-12-31"), today))
			.isInstanceOf(Derogation.InvalidField.class)
			.hasMessage("since: `9999-12-31` is after today (2026-11-22): say since when an acceptable offer exists");
		assertThatThrownBy(() -> d.acceptableOfferAvailable(today.plusDays(1), today))
			.isInstanceOf(Derogation.InvalidField.class);
		assertThat(d.expiresOn()).isNull();
		d.acceptableOfferAvailable(today, today);
		assertThat(d.expiresOn()).isEqualTo(LocalDate.parse("2027-11-22"));
	}

	@Test
	void aStepIsRecordedWithTheRoleThePerimeterGave() {
		Derogation d = in("R9", DerogationStatus.REQUESTED);
		STEPS.get("approve").accept(d, CALLERS.get("controller"));
		STEPS.get("refuse").accept(d, CALLERS.get("pm-and-controller"));
		assertThat(d.steps()).extracting(Derogation.Step::role)
			.containsExactly(Role.PROJECT_AUTHORITY, Role.MINISTER, Role.PRIME_MINISTER_OFFICE);
		assertThat(d.steps().get(2).actor()).isEqualTo("both@pm.gouv.fr");
		assertThat(Derogation.asRequester(CALLERS.get("agent"), ORGANISATION)).isEqualTo(Role.PROJECT_AUTHORITY);
		for (String caller : List.of("other-agent", "controller", "dinum", "pm", "provider")) {
			assertThatThrownBy(() -> Derogation.asRequester(CALLERS.get(caller), ORGANISATION)).as(caller)
				.isInstanceOf(NotAllowed.class)
				.hasMessage("only the agents of `dir-a` request a derogation for its project");
		}
	}

	private static Perimeter perimeter(String email, Set<String> editable, Set<String> controlled, Grant... grants) {
		return new Perimeter(new Person(email, null, null, null, List.of(grants)), editable, controlled, Set.of());
	}

	@Test
	void anR9DerogationNeedsTheMinisterThenThePrimeMinister() {
		Derogation d = requested("R9");
		d.approveByMinister("Ministre", Role.MINISTER, NOW);
		assertThat(d.status()).isEqualTo(DerogationStatus.APPROVED_BY_MINISTER);
		d.validateByPrimeMinister("Matignon", Role.PRIME_MINISTER_OFFICE, NOW);
		assertThat(d.status()).isEqualTo(DerogationStatus.GRANTED);
		assertThat(d.steps()).extracting(Derogation.Step::status)
			.containsExactly(DerogationStatus.REQUESTED, DerogationStatus.APPROVED_BY_MINISTER,
					DerogationStatus.GRANTED);
	}

	@Test
	void thePrimeMinistersOfficeHasOnlyTheR9DerogationsItValidatesOrValidated() {
		Map<DerogationStatus, Boolean> r9 = new LinkedHashMap<>();
		r9.put(DerogationStatus.REQUESTED, false);
		r9.put(DerogationStatus.APPROVED_BY_MINISTER, true);
		r9.put(DerogationStatus.GRANTED, true);
		r9.put(DerogationStatus.EXPIRED, true);
		r9.put(DerogationStatus.REFUSED, false);
		r9.put(DerogationStatus.WITHDRAWN, false);
		assertThat(r9.keySet()).containsExactlyInAnyOrder(DerogationStatus.values());
		r9.forEach((status, before) -> assertThat(in("R9", status).beforeThePrimeMinistersOffice()).as("R9 %s", status)
			.isEqualTo(before));

		Derogation refusedByTheOffice = in("R9", DerogationStatus.APPROVED_BY_MINISTER);
		refusedByTheOffice.refuse("garanties insuffisantes", "pm", Role.PRIME_MINISTER_OFFICE, NOW);
		assertThat(refusedByTheOffice.beforeThePrimeMinistersOffice()).isFalse();
		Derogation withdrawnBeforeTheOffice = in("R9", DerogationStatus.APPROVED_BY_MINISTER);
		withdrawnBeforeTheOffice.withdraw("a", Role.PROJECT_AUTHORITY, NOW);
		assertThat(withdrawnBeforeTheOffice.beforeThePrimeMinistersOffice()).isFalse();

		for (DerogationStatus status : List.of(DerogationStatus.REQUESTED, DerogationStatus.GRANTED,
				DerogationStatus.REFUSED, DerogationStatus.WITHDRAWN)) {
			assertThat(in("R6", status).beforeThePrimeMinistersOffice()).as("R6 %s", status).isFalse();
		}
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
				Role.PROJECT_AUTHORITY, NOW))
			.hasMessage("a derogation from R9 must prove SecNumCloud-level guarantees");
		assertThatThrownBy(() -> Derogation.request(UUID.randomUUID(), "nine", "sha256:abc", "engaged", "p", "Alice",
				Role.PROJECT_AUTHORITY, NOW))
			.hasMessageContaining("cites the rule");
		assertThatThrownBy(() -> Derogation.request(UUID.randomUUID(), "R6", "sha256:abc", " ", null, "Alice",
				Role.PROJECT_AUTHORITY, NOW))
			.hasMessage("a derogation must be justified");
		assertThatThrownBy(
				() -> Derogation.request(UUID.randomUUID(), "R6", "sha256:abc", "x", null, "Bob", Role.MINISTER, NOW))
			.hasMessage("the project asks for its derogation");
	}

	@Test
	void itEndsTwelveMonthsAfterAnAcceptableOfferAndExpiresOnItsEnd() {
		Derogation d = in("R9", DerogationStatus.GRANTED);
		assertThat(d.expireIfDue(LocalDate.parse("2040-01-01"), NOW)).isFalse();
		d.acceptableOfferAvailable(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-01"));
		assertThat(d.expiresOn()).isEqualTo(LocalDate.parse("2028-03-01"));
		d.acceptableOfferAvailable(LocalDate.parse("2027-06-01"), LocalDate.parse("2027-06-01"));
		assertThat(d.expiresOn()).as("a later offer does not push the end back")
			.isEqualTo(LocalDate.parse("2028-03-01"));
		assertThat(d.expireIfDue(LocalDate.parse("2028-02-29"), NOW)).isFalse();
		assertThat(d.expireIfDue(LocalDate.parse("2028-03-01"), NOW)).isTrue();
		assertThat(d.status()).isEqualTo(DerogationStatus.EXPIRED);
		assertThat(d.steps().get(d.steps().size() - 1).detail()).isEqualTo("ended on 2028-03-01");
	}

	@Test
	void eachReminderIsOwedFromItsDayUntilItIsSent() {
		Derogation d = in("R9", DerogationStatus.GRANTED);
		d.acceptableOfferAvailable(LocalDate.parse("2027-03-01"), LocalDate.parse("2027-03-01"));
		assertThat(d.reminderDue(LocalDate.parse("2027-12-01"), Set.of())).as("91 days before").isEmpty();
		assertThat(d.reminderDue(LocalDate.parse("2027-12-02"), Set.of()))
			.contains(new Derogation.Reminder(90, 90, List.of(90)));
		assertThat(d.reminderDue(LocalDate.parse("2027-12-03"), Set.of())).as("the day after, if missed")
			.contains(new Derogation.Reminder(90, 89, List.of(90)));
		assertThat(d.reminderDue(LocalDate.parse("2027-12-03"), Set.of(90))).as("sent").isEmpty();
		assertThat(d.reminderDue(LocalDate.parse("2028-01-31"), Set.of(90)))
			.contains(new Derogation.Reminder(30, 30, List.of(30)));
		assertThat(d.reminderDue(LocalDate.parse("2028-02-25"), Set.of()))
			.as("missed all along: only the nearest is sent, standing for the others")
			.contains(new Derogation.Reminder(7, 5, List.of(90, 30, 7)));
		assertThat(d.reminderDue(LocalDate.parse("2028-03-01"), Set.of())).as("on the end it expires instead")
			.isEmpty();
	}

	@Test
	void onlyAGrantedDerogationWithAnEndIsReminded() {
		assertThat(in("R9", DerogationStatus.GRANTED).reminderDue(LocalDate.parse("2026-11-22"), Set.of())).isEmpty();
		Derogation expired = in("R9", DerogationStatus.EXPIRED);
		assertThat(expired.reminderDue(expired.expiresOn().minusDays(7), Set.of())).isEmpty();
	}

}
