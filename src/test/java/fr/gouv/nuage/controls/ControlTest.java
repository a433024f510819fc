package fr.gouv.nuage.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import fr.gouv.nuage.controls.Control.Action;
import fr.gouv.nuage.controls.Control.Outcome;
import fr.gouv.nuage.controls.Control.Procedure;
import fr.gouv.nuage.controls.Control.Role;
import fr.gouv.nuage.directory.Grant;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.Person;
import org.junit.jupiter.api.Test;

/**
 * Every allowed transition of a control, for each procedure, and every other (action,
 * role) in every state refused without changing anything: a role the step is not given is
 * not allowed, a step the procedure or the status does not allow is refused. And who gets
 * which role from their perimeter on the project's organisation, for each step: a caller
 * without it is not allowed, whatever the state.
 */
class ControlTest {

	private static final Instant REFERRAL = Instant.parse("2026-03-10T09:00:00Z");

	private static final UUID PROJECT = UUID.randomUUID();

	/** An action taken in a role, named for the table of allowed transitions. */
	private record Attempt(String name, Action action, Role role, Consumer<Control> apply) {
	}

	private static List<Attempt> attempts() {
		List<Attempt> attempts = new java.util.ArrayList<>();
		for (Role role : Role.values()) {
			attempts.add(new Attempt("attachStudy", Action.ATTACH_STUDY, role,
					c -> c.attachStudy("study.pdf", "x", role, REFERRAL)));
			attempts.add(new Attempt("refer", Action.REFER, role, c -> c.refer("file.pdf", "x", role, REFERRAL)));
			attempts.add(new Attempt("requestInformation", Action.REQUEST_INFORMATION, role,
					c -> c.requestInformation("budget?", "x", role, REFERRAL)));
			attempts.add(new Attempt("decide", Action.DECIDE, role,
					c -> c.decide(Outcome.FAVOURABLE, null, "x", role, REFERRAL)));
		}
		return attempts;
	}

	/**
	 * The table of DECISION-SEMANTICS §4 and doctrine.md §4.1: what each state allows, by
	 * whom.
	 */
	private static Set<String> allowed(Procedure procedure, ControlStatus status) {
		switch (procedure) {
			case PROJECT_AUTHORITY:
				return status == ControlStatus.OPEN ? Set.of("decide/PROJECT_AUTHORITY") : Set.of();
			case MINISTRY:
				return switch (status) {
					case OPEN -> Set.of("attachStudy/PROJECT_AUTHORITY");
					case STUDY_ATTACHED -> Set.of("attachStudy/PROJECT_AUTHORITY", "decide/MINISTRY_CONTROLLER");
					default -> Set.of();
				};
			default:
				return switch (status) {
					case OPEN, INFORMATION_REQUESTED -> Set.of("refer/PROJECT_AUTHORITY");
					case REFERRED -> Set.of("requestInformation/DINUM", "decide/DINUM");
					default -> Set.of();
				};
		}
	}

	/** A control of the procedure brought to the status by allowed transitions. */
	private static Control in(Procedure procedure, ControlStatus status) {
		Control control = Control.open(PROJECT, procedure.name(), "project", REFERRAL);
		switch (status) {
			case STUDY_ATTACHED -> control.attachStudy("study.pdf", "project", Role.PROJECT_AUTHORITY, REFERRAL);
			case REFERRED -> control.refer("file.pdf", "project", Role.PROJECT_AUTHORITY, REFERRAL);
			case INFORMATION_REQUESTED -> {
				control.refer("file.pdf", "project", Role.PROJECT_AUTHORITY, REFERRAL);
				control.requestInformation("budget?", "x", Role.DINUM, REFERRAL);
			}
			case DECIDED -> {
				if (procedure == Procedure.MINISTRY) {
					control.attachStudy("study.pdf", "project", Role.PROJECT_AUTHORITY, REFERRAL);
					control.decide(Outcome.FAVOURABLE, null, "x", Role.MINISTRY_CONTROLLER, REFERRAL);
				}
				else if (procedure == Procedure.DINUM_OPINION) {
					control.refer("file.pdf", "project", Role.PROJECT_AUTHORITY, REFERRAL);
					control.decide(Outcome.FAVOURABLE, null, "x", Role.DINUM, REFERRAL);
				}
				else {
					control.decide(Outcome.FAVOURABLE, null, "x", Role.PROJECT_AUTHORITY, REFERRAL);
				}
			}
			case DEEMED_FAVOURABLE -> {
				control.refer("file.pdf", "project", Role.PROJECT_AUTHORITY, REFERRAL);
				control.deemFavourable(REFERRAL.plusSeconds(40L * 24 * 3600));
			}
			default -> {
			}
		}
		assertThat(control.status()).isEqualTo(status);
		return control;
	}

	private static Set<ControlStatus> reachable(Procedure procedure) {
		return switch (procedure) {
			case PROJECT_AUTHORITY -> Set.of(ControlStatus.OPEN, ControlStatus.DECIDED);
			case MINISTRY -> Set.of(ControlStatus.OPEN, ControlStatus.STUDY_ATTACHED, ControlStatus.DECIDED);
			default -> Set.of(ControlStatus.OPEN, ControlStatus.REFERRED, ControlStatus.INFORMATION_REQUESTED,
					ControlStatus.DECIDED, ControlStatus.DEEMED_FAVOURABLE);
		};
	}

	/**
	 * The role each action is given, in any state: the project opens, attaches its study
	 * and refers its file, DINUM asks for information, and the decision is whom the
	 * procedure names.
	 */
	private static Role given(Procedure procedure, Action action) {
		return switch (action) {
			case OPEN, ATTACH_STUDY, REFER -> Role.PROJECT_AUTHORITY;
			case REQUEST_INFORMATION -> Role.DINUM;
			case DECIDE -> switch (procedure) {
				case PROJECT_AUTHORITY -> Role.PROJECT_AUTHORITY;
				case MINISTRY -> Role.MINISTRY_CONTROLLER;
				case DINUM_OPINION -> Role.DINUM;
			};
		};
	}

	@Test
	void eachStateAllowsExactlyItsTransitionsAndARefusalChangesNothing() {
		int allowedSeen = 0;
		for (Procedure procedure : Procedure.values()) {
			for (ControlStatus status : reachable(procedure)) {
				for (Attempt attempt : attempts()) {
					Control control = in(procedure, status);
					int steps = control.steps().size();
					boolean allowed = allowed(procedure, status).contains(attempt.name() + "/" + attempt.role());
					String what = procedure + " " + status + " " + attempt.name() + " by " + attempt.role();
					if (allowed) {
						attempt.apply().accept(control);
						assertThat(control.steps()).as(what).hasSize(steps + 1);
						allowedSeen++;
					}
					else {
						// Who acts is settled first: a role the action is not given is
						// not allowed in any state.
						assertThatThrownBy(() -> attempt.apply().accept(control)).as(what)
							.isInstanceOf(given(procedure, attempt.action()) == attempt.role() ? Control.Refused.class
									: NotAllowed.class);
						assertThat(control.status()).as(what).isEqualTo(status);
						assertThat(control.steps()).as(what).hasSize(steps);
					}
				}
			}
		}
		assertThat(allowedSeen).isEqualTo(8);
	}

	/**
	 * The people of the perimeters the roles are taken from; the project belongs to
	 * `dir-a`, under `min-a`.
	 */
	private static final Map<String, Perimeter> CALLERS = Map.of("agent of dir-a",
			perimeter("agent@a.fr", Set.of("dir-a"), Set.of()), "agent of dir-b",
			perimeter("agent@b.fr", Set.of("dir-b"), Set.of()), "controller of min-a",
			perimeter("controller@a.fr", Set.of(), Set.of("min-a", "dir-a")), "controller of min-b",
			perimeter("controller@b.fr", Set.of(), Set.of("min-b", "dir-b")), "DINUM",
			perimeter("dinum@numerique.gouv.fr", Set.of(), Set.of(), fr.gouv.nuage.directory.Role.DINUM),
			"Prime Minister's office",
			perimeter("cabinet@pm.gouv.fr", Set.of(), Set.of(), fr.gouv.nuage.directory.Role.PRIME_MINISTER_OFFICE));

	private static final String ORGANISATION = "dir-a";

	private static Perimeter perimeter(String email, Set<String> editable, Set<String> controlled,
			fr.gouv.nuage.directory.Role... roles) {
		List<Grant> grants = java.util.Arrays.stream(roles).map(role -> new Grant(role, "dinum", "test")).toList();
		return new Perimeter(new Person(email, null, null, null, grants), editable, controlled, Set.of());
	}

	/**
	 * Who holds each role on the projects of `dir-a`: one caller each, the others'
	 * perimeters give none.
	 */
	private static Set<String> holders(Role role) {
		return switch (role) {
			case PROJECT_AUTHORITY -> Set.of("agent of dir-a");
			case MINISTRY_CONTROLLER -> Set.of("controller of min-a");
			case DINUM -> Set.of("DINUM");
		};
	}

	/** The step a caller asks, taken in the role their perimeter gives them. */
	private static Consumer<Control> asked(Action action, Perimeter caller) {
		return switch (action) {
			case ATTACH_STUDY -> c -> c.attachStudy("study.pdf", caller, ORGANISATION, REFERRAL);
			case REFER -> c -> c.refer("file.pdf", caller, ORGANISATION, REFERRAL);
			case REQUEST_INFORMATION -> c -> c.requestInformation("budget?", caller, ORGANISATION, REFERRAL);
			case DECIDE -> c -> c.decide(Outcome.FAVOURABLE, null, caller, ORGANISATION, REFERRAL);
			case OPEN -> throw new IllegalArgumentException("a control opens once");
		};
	}

	@Test
	void eachStepIsTakenOnlyByWhoseRoleItIsAndTheRoleIsTheirPerimeters() {
		Map<Action, String> names = Map.of(Action.ATTACH_STUDY, "attachStudy", Action.REFER, "refer",
				Action.REQUEST_INFORMATION, "requestInformation", Action.DECIDE, "decide");
		int moved = 0;
		for (Procedure procedure : Procedure.values()) {
			for (ControlStatus status : reachable(procedure)) {
				for (Action action : List.of(Action.ATTACH_STUDY, Action.REFER, Action.REQUEST_INFORMATION,
						Action.DECIDE)) {
					Role role = given(procedure, action);
					assertThat(in(procedure, status).roleFor(action)).isEqualTo(role);
					for (Map.Entry<String, Perimeter> caller : CALLERS.entrySet()) {
						Control control = in(procedure, status);
						int steps = control.steps().size();
						String what = procedure + " " + status + " " + action + " by the " + caller.getKey();
						if (!holders(role).contains(caller.getKey())) {
							assertThatThrownBy(() -> control.actingAs(action, caller.getValue(), ORGANISATION)).as(what)
								.isInstanceOf(NotAllowed.class);
							assertThatThrownBy(() -> asked(action, caller.getValue()).accept(control)).as(what)
								.isInstanceOf(NotAllowed.class);
							assertThat(control.status()).as(what).isEqualTo(status);
							assertThat(control.steps()).as(what).hasSize(steps);
						}
						else if (allowed(procedure, status).contains(names.get(action) + "/" + role)) {
							assertThat(control.actingAs(action, caller.getValue(), ORGANISATION)).as(what)
								.isEqualTo(role);
							asked(action, caller.getValue()).accept(control);
							assertThat(control.steps().get(steps)).as(what)
								.satisfies(
										step -> assertThat(step.actor()).isEqualTo(caller.getValue().person().email()))
								.satisfies(step -> assertThat(step.role()).isEqualTo(role));
							moved++;
						}
						else {
							assertThatThrownBy(() -> asked(action, caller.getValue()).accept(control)).as(what)
								.isInstanceOf(Control.Refused.class);
							assertThat(control.steps()).as(what).hasSize(steps);
						}
					}
				}
			}
		}
		// The eight transitions of the table, each by the one caller who holds its role.
		assertThat(moved).isEqualTo(8);
	}

	@Test
	void aCallerWithoutTheRoleIsToldWhoDecides() {
		Map<Procedure, String> refusals = Map.of(Procedure.PROJECT_AUTHORITY,
				"the authority in charge of the project decides its control: the agents of `dir-a`", Procedure.MINISTRY,
				"the ministry's controller decides a control of a project from 1 to 9 M€", Procedure.DINUM_OPINION,
				"DINUM gives its opinion on a project from 9 M€");
		refusals.forEach((procedure,
				refusal) -> assertThatThrownBy(() -> Control.open(PROJECT, procedure.name(), "x", REFERRAL)
					.decide(Outcome.FAVOURABLE, null, CALLERS.get("agent of dir-b"), ORGANISATION, REFERRAL))
					.as(procedure.name())
					.isInstanceOf(NotAllowed.class)
					.hasMessage(refusal));
	}

	@Test
	void onlyTheProjectsAgentsOpenItsControl() {
		for (Map.Entry<String, Perimeter> caller : CALLERS.entrySet()) {
			if (caller.getKey().equals("agent of dir-a")) {
				assertThat(Control.open(PROJECT, "MINISTRY", caller.getValue(), ORGANISATION, REFERRAL).steps())
					.singleElement()
					.satisfies(step -> assertThat(step.actor()).isEqualTo("agent@a.fr"));
			}
			else {
				assertThatThrownBy(() -> Control.open(PROJECT, "MINISTRY", caller.getValue(), ORGANISATION, REFERRAL))
					.as(caller.getKey())
					.isInstanceOf(NotAllowed.class)
					.hasMessage("only the agents of `dir-a` open the control of this project");
			}
		}
		// A project outside the directory has no agents: nobody opens its control from a
		// perimeter.
		assertThatThrownBy(() -> Control.open(PROJECT, "MINISTRY", CALLERS.get("agent of dir-a"), null, REFERRAL))
			.isInstanceOf(NotAllowed.class);
	}

	@Test
	void anAgentWhoIsAlsoTheControllerDoesNotDecideTheControlTheyOpened() {
		Perimeter both = perimeter("both@a.fr", Set.of(ORGANISATION), Set.of("min-a", ORGANISATION));
		Control control = Control.open(PROJECT, "MINISTRY", both, ORGANISATION, REFERRAL);
		control.attachStudy("study.pdf", both, ORGANISATION, REFERRAL);
		int steps = control.steps().size();
		assertThatThrownBy(() -> control.decide(Outcome.FAVOURABLE, null, both, ORGANISATION, REFERRAL))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("you took the step OPEN of this control for the project: another person decides it as "
					+ "MINISTRY_CONTROLLER");
		assertThat(control.status()).isEqualTo(ControlStatus.STUDY_ATTACHED);
		assertThat(control.steps()).hasSize(steps);
		control.decide(Outcome.FAVOURABLE, null, perimeter("controller@a.fr", Set.of(), Set.of("min-a", ORGANISATION)),
				ORGANISATION, REFERRAL);
		assertThat(control.status()).isEqualTo(ControlStatus.DECIDED);

		// DINUM's opinion, by someone of DINUM who referred the file as an agent.
		Perimeter agentAndDinum = perimeter("ad@numerique.gouv.fr", Set.of(ORGANISATION), Set.of(),
				fr.gouv.nuage.directory.Role.DINUM);
		Control large = Control.open(PROJECT, "DINUM_OPINION", "someone@a.fr", REFERRAL);
		large.refer("file.pdf", agentAndDinum, ORGANISATION, REFERRAL);
		assertThatThrownBy(() -> large.decide(Outcome.FAVOURABLE, null, agentAndDinum, ORGANISATION, REFERRAL))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("you took the step REFERRED of this control for the project: another person decides it as "
					+ "DINUM");
		// The small projects' procedure is the project's own decision: its opener
		// decides.
		Control small = Control.open(PROJECT, "PROJECT_AUTHORITY", both, ORGANISATION, REFERRAL);
		small.decide(Outcome.FAVOURABLE, null, both, ORGANISATION, REFERRAL);
		assertThat(small.status()).isEqualTo(ControlStatus.DECIDED);
	}

	@Test
	void theMinistryDecidesOnTheStudyAndDinumIsInformed() {
		Control control = in(Procedure.MINISTRY, ControlStatus.STUDY_ATTACHED);
		assertThat(control.dinumInformed()).isFalse();
		assertThatThrownBy(
				() -> control.decide(Outcome.UNFAVOURABLE, " ", "Claude", Role.MINISTRY_CONTROLLER, REFERRAL))
			.hasMessage("a decision other than favourable says why");
		control.decide(Outcome.UNFAVOURABLE, "no reversibility budget", "Claude", Role.MINISTRY_CONTROLLER, REFERRAL);
		assertThat(control.outcome()).isEqualTo(Outcome.UNFAVOURABLE);
		assertThat(control.studyDocument()).isEqualTo("study.pdf");
		assertThat(control.dinumInformed()).isTrue();
	}

	@Test
	void dinumsSilenceIsAFavourableOpinionAfterOneMonth() {
		Control control = in(Procedure.DINUM_OPINION, ControlStatus.REFERRED);
		assertThat(control.due()).isEqualTo(java.time.LocalDate.parse("2026-04-10"));
		assertThatThrownBy(() -> control.deemFavourable(Instant.parse("2026-04-09T23:00:00Z")))
			.hasMessage("DINUM has until 2026-04-09 to answer");
		control.deemFavourable(Instant.parse("2026-04-10T00:00:00Z"));
		assertThat(control.status()).isEqualTo(ControlStatus.DEEMED_FAVOURABLE);
		assertThat(control.outcome()).isEqualTo(Outcome.FAVOURABLE);
	}

	@Test
	void aRequestForInformationSuspendsTheMonth() {
		Control control = in(Procedure.DINUM_OPINION, ControlStatus.REFERRED);
		control.requestInformation("the cost breakdown", "Dinum", Role.DINUM, Instant.parse("2026-03-20T09:00:00Z"));
		assertThatThrownBy(() -> control.deemFavourable(Instant.parse("2026-05-01T09:00:00Z")))
			.isInstanceOf(Control.Refused.class);
		control.refer("file-v2.pdf", "Alice", Role.PROJECT_AUTHORITY, Instant.parse("2026-04-01T09:00:00Z"));
		assertThat(control.due()).isEqualTo(java.time.LocalDate.parse("2026-04-22"));
		assertThat(control.referredOn()).isEqualTo(java.time.LocalDate.parse("2026-03-10"));
	}

	@Test
	void noControlOpensWithoutACost() {
		assertThatThrownBy(() -> Control.open(PROJECT, "UNKNOWN", "x", REFERRAL)).isInstanceOf(Control.Refused.class)
			.hasMessageContaining("full cost is needed");
	}

}
