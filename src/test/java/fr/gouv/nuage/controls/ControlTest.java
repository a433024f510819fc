package fr.gouv.nuage.controls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import fr.gouv.nuage.controls.Control.Outcome;
import fr.gouv.nuage.controls.Control.Procedure;
import fr.gouv.nuage.controls.Control.Role;
import org.junit.jupiter.api.Test;

/**
 * Every allowed transition of a control, for each procedure, and every other (action, role) in every
 * state refused without changing anything.
 */
class ControlTest {

	private static final Instant REFERRAL = Instant.parse("2026-03-10T09:00:00Z");

	private static final UUID PROJECT = UUID.randomUUID();

	/** The actions, each taken by a role, named for the table of allowed transitions. */
	private record Action(String name, Role role, Consumer<Control> apply) {
	}

	private static List<Action> actions() {
		List<Action> actions = new java.util.ArrayList<>();
		for (Role role : Role.values()) {
			actions.add(new Action("attachStudy", role, c -> c.attachStudy("study.pdf", "x", role, REFERRAL)));
			actions.add(new Action("refer", role, c -> c.refer("file.pdf", "x", role, REFERRAL)));
			actions.add(new Action("requestInformation", role, c -> c.requestInformation("budget?", "x", role, REFERRAL)));
			actions.add(new Action("decide", role, c -> c.decide(Outcome.FAVOURABLE, null, "x", role, REFERRAL)));
		}
		return actions;
	}

	/** The table of DECISION-SEMANTICS §4 and doctrine.md §4.1: what each state allows, by whom. */
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
		Control control = Control.open(PROJECT, procedure.name(), "x", REFERRAL);
		switch (status) {
			case STUDY_ATTACHED -> control.attachStudy("study.pdf", "x", Role.PROJECT_AUTHORITY, REFERRAL);
			case REFERRED -> control.refer("file.pdf", "x", Role.PROJECT_AUTHORITY, REFERRAL);
			case INFORMATION_REQUESTED -> {
				control.refer("file.pdf", "x", Role.PROJECT_AUTHORITY, REFERRAL);
				control.requestInformation("budget?", "x", Role.DINUM, REFERRAL);
			}
			case DECIDED -> {
				if (procedure == Procedure.MINISTRY) {
					control.attachStudy("study.pdf", "x", Role.PROJECT_AUTHORITY, REFERRAL);
					control.decide(Outcome.FAVOURABLE, null, "x", Role.MINISTRY_CONTROLLER, REFERRAL);
				}
				else if (procedure == Procedure.DINUM_OPINION) {
					control.refer("file.pdf", "x", Role.PROJECT_AUTHORITY, REFERRAL);
					control.decide(Outcome.FAVOURABLE, null, "x", Role.DINUM, REFERRAL);
				}
				else {
					control.decide(Outcome.FAVOURABLE, null, "x", Role.PROJECT_AUTHORITY, REFERRAL);
				}
			}
			case DEEMED_FAVOURABLE -> {
				control.refer("file.pdf", "x", Role.PROJECT_AUTHORITY, REFERRAL);
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

	@Test
	void eachStateAllowsExactlyItsTransitionsAndARefusalChangesNothing() {
		int allowedSeen = 0;
		for (Procedure procedure : Procedure.values()) {
			for (ControlStatus status : reachable(procedure)) {
				for (Action action : actions()) {
					Control control = in(procedure, status);
					int steps = control.steps().size();
					boolean allowed = allowed(procedure, status).contains(action.name() + "/" + action.role());
					String what = procedure + " " + status + " " + action.name() + " by " + action.role();
					if (allowed) {
						action.apply().accept(control);
						assertThat(control.steps()).as(what).hasSize(steps + 1);
						allowedSeen++;
					}
					else {
						assertThatThrownBy(() -> action.apply().accept(control)).as(what).isInstanceOf(Control.Refused.class);
						assertThat(control.status()).as(what).isEqualTo(status);
						assertThat(control.steps()).as(what).hasSize(steps);
					}
				}
			}
		}
		assertThat(allowedSeen).isEqualTo(8);
	}

	@Test
	void theMinistryDecidesOnTheStudyAndDinumIsInformed() {
		Control control = in(Procedure.MINISTRY, ControlStatus.STUDY_ATTACHED);
		assertThat(control.dinumInformed()).isFalse();
		assertThatThrownBy(() -> control.decide(Outcome.UNFAVOURABLE, " ", "Claude", Role.MINISTRY_CONTROLLER, REFERRAL))
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
