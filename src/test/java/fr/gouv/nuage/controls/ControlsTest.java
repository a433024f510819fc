package fr.gouv.nuage.controls;

import fr.gouv.nuage.projects.Projects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

import fr.gouv.nuage.audit.AuditEntry;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Grant;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.Person;
import fr.gouv.nuage.projects.TestCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/**
 * Controls opened from a stored decision, moved through their procedure, stored and
 * audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(TestCalendar.class)
@RecordApplicationEvents
@Transactional
@Tag("database")
class ControlsTest {

	private static String project(long cost) {
		return """
				{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_ADMINISTRATION"},
				 "project":{"name":"Portail","stage":"NEW","fullCostEur":%d,"solution":"SAAS"},"hosting":{"class":"INTERNAL_NUBO"}}
				"""
			.formatted(cost);
	}

	@Autowired
	Projects projects;

	@Autowired
	Controls controls;

	@Autowired
	AuditLog audit;

	@Autowired
	TestCalendar.MovableClock clock;

	@Autowired
	ApplicationEvents events;

	/**
	 * The clock is shared by the tests of one application context: each test starts on
	 * the same day.
	 */
	@BeforeEach
	void startOnTheSameDay() {
		clock.set(java.time.Instant.parse("2026-03-10T09:00:00Z"));
	}

	private UUID registered(long cost) {
		return ((Projects.Decided) projects.register("alice", null, project(cost))).project().id();
	}

	@Test
	void theMinistryDecidesOnTheComparativeStudyAndDinumIsInformed() {
		UUID id = controls.open(registered(2_500_000), "alice").id();
		assertThat(controls.find(id).orElseThrow().procedure()).isEqualTo(Control.Procedure.MINISTRY);
		assertThatThrownBy(
				() -> controls.decide(id, Control.Outcome.FAVOURABLE, null, "claude", Control.Role.MINISTRY_CONTROLLER))
			.isInstanceOf(Control.Refused.class);
		assertThat(controls.find(id).orElseThrow().status()).isEqualTo(ControlStatus.OPEN);
		controls.attachStudy(id, "etude-comparative.pdf", "alice", Control.Role.PROJECT_AUTHORITY);
		controls.decide(id, Control.Outcome.UNFAVOURABLE, "no reversibility budget", "claude",
				Control.Role.MINISTRY_CONTROLLER);
		Control stored = controls.find(id).orElseThrow();
		assertThat(stored.status()).isEqualTo(ControlStatus.DECIDED);
		assertThat(stored.outcome()).isEqualTo(Control.Outcome.UNFAVOURABLE);
		assertThat(stored.steps()).extracting(Control.Step::status)
			.containsExactly(ControlStatus.OPEN, ControlStatus.STUDY_ATTACHED, ControlStatus.DECIDED);
		assertThat(events.stream(ControlDecided.class)).singleElement()
			.satisfies(decided -> assertThat(decided.informDinum()).isTrue());
		assertThat(audit.entries()).extracting(AuditEntry::action)
			.contains("CONTROL_OPENED", "CONTROL_STUDY_ATTACHED", "CONTROL_DECIDED");
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void aProjectHasOneControlInProgressAndAnArchivedOneOpensNone() {
		UUID project = registered(2_500_000);
		UUID first = controls.open(project, "alice").id();
		int entries = audit.entries().size();
		assertThatThrownBy(() -> controls.open(project, "alice")).isInstanceOf(Control.Refused.class)
			.hasMessage("the control " + first + " of this project is OPEN: a new one opens once it is decided");
		controls.attachStudy(first, "etude-comparative.pdf", "alice", Control.Role.PROJECT_AUTHORITY);
		assertThatThrownBy(() -> controls.open(project, "alice")).isInstanceOf(Control.Refused.class)
			.hasMessageContaining("is STUDY_ATTACHED");
		assertThat(controls.of(project)).hasSize(1);
		controls.decide(first, Control.Outcome.FAVOURABLE, null, "claude", Control.Role.MINISTRY_CONTROLLER);
		assertThat(controls.open(project, "alice").status()).as("once decided, a new one opens")
			.isEqualTo(ControlStatus.OPEN);

		UUID archived = registered(500_000);
		projects.archive(archived, "alice");
		entries = audit.entries().size();
		assertThatThrownBy(() -> controls.open(archived, "alice")).isInstanceOf(Projects.Archived.class)
			.hasMessage("the project `Portail` is archived: it takes no new control");
		assertThat(controls.of(archived)).isEmpty();
		assertThat(audit.entries()).hasSize(entries);
	}

	@Test
	void whoeverTookAStepForTheProjectDoesNotDecideItsControl() {
		UUID id = controls.open(registered(2_500_000), "alice").id();
		controls.attachStudy(id, "etude-comparative.pdf", "alice", Control.Role.PROJECT_AUTHORITY);
		int entries = audit.entries().size();
		assertThatThrownBy(
				() -> controls.decide(id, Control.Outcome.FAVOURABLE, null, "Alice", Control.Role.MINISTRY_CONTROLLER))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("you took the step OPEN of this control for the project: another person decides it as "
					+ "MINISTRY_CONTROLLER");
		assertThat(controls.find(id).orElseThrow().status()).isEqualTo(ControlStatus.STUDY_ATTACHED);
		assertThat(audit.entries()).hasSize(entries);
		controls.decide(id, Control.Outcome.FAVOURABLE, null, "claude", Control.Role.MINISTRY_CONTROLLER);
		assertThat(controls.find(id).orElseThrow().status()).isEqualTo(ControlStatus.DECIDED);
	}

	@Test
	void dinumsSilenceForAMonthIsAFavourableOpinion() {
		UUID id = controls.open(registered(12_000_000), "alice").id();
		controls.refer(id, "dossier-grand-projet.pdf", "alice", Control.Role.PROJECT_AUTHORITY);
		clock.advance(Duration.ofDays(30));
		controls.deemSilentOpinions();
		assertThat(controls.find(id).orElseThrow().status()).isEqualTo(ControlStatus.REFERRED);
		clock.advance(Duration.ofDays(1));
		controls.deemSilentOpinions();
		Control stored = controls.find(id).orElseThrow();
		assertThat(stored.status()).isEqualTo(ControlStatus.DEEMED_FAVOURABLE);
		assertThat(events.stream(ControlDecided.class)).singleElement()
			.satisfies(decided -> assertThat(decided.deemedBySilence()).isTrue());
	}

	@Test
	void whoActsIsSettledBeforeTheStudyAndTheVersionAreLookedAt() {
		UUID id = controls.open(registered(2_500_000), "alice").id();
		int entries = audit.entries().size();
		Perimeter dinum = new Perimeter(
				new Person("dinum@numerique.gouv.fr", null, null, null,
						List.of(new Grant(fr.gouv.nuage.directory.Role.DINUM, "dinum", "test"))),
				Set.of(), Set.of(), Set.of());
		IntSupplier unasked = () -> {
			throw new AssertionError("the version is asked of a caller who may not take the step");
		};
		assertThatThrownBy(() -> controls.decide(id, Control.Outcome.FAVOURABLE, null, dinum, unasked))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("the ministry's controller decides a control of a project from 1 to 9 M€");
		// No such document either: the caller is told first that the study is not theirs
		// to attach.
		assertThatThrownBy(() -> controls.attachStudy(id, UUID.randomUUID(), dinum, unasked))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("only the agents of the project's organisation attach the project's comparative study");
		assertThat(controls.find(id, dinum).status()).isEqualTo(ControlStatus.OPEN);
		assertThat(audit.entries()).hasSize(entries);
	}

	@Test
	void noControlOpensWhileTheCostIsUnknown() {
		UUID project = ((Projects.Decided) projects.register("alice", null,
				project(1).replace("\"fullCostEur\":1,", "")))
			.project()
			.id();
		assertThatThrownBy(() -> controls.open(project, "alice")).isInstanceOf(Control.Refused.class)
			.hasMessageContaining("full cost is needed");
	}

}
