package fr.gouv.nuage.controls;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Controls and their steps; a stale copy is never saved over a newer one. */
@Repository
class ControlRepository {

	private final JdbcClient jdbc;

	ControlRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(Control control) {
		if (control.version() == 0) {
			try {
				jdbc.sql(
						"""
								insert into project_control (id, project_id, procedure, status, outcome, study_document, referred_on, due,
								    days_left, in_progress_for, version)
								values (:id, :project, :procedure, :status, :outcome, :study, :referred, :due, :days, :open, 1)""")
					.param("id", control.id())
					.param("project", control.project())
					.param("procedure", control.procedure().name())
					.param("status", control.status().name())
					.param("outcome", name(control.outcome()))
					.param("study", control.studyDocument())
					.param("referred", date(control.referredOn()))
					.param("due", date(control.due()))
					.param("days", control.daysLeftWhenSuspended())
					.param("open", control.inProgress() ? control.project() : null)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// One control in progress per project (V17): another opened meanwhile.
				throw new Control.Refused(Control.said("open.meanwhile"));
			}
		}
		else if (jdbc
			.sql("""
					update project_control set status = :status, outcome = :outcome, study_document = :study,
					    referred_on = :referred, due = :due, days_left = :days, in_progress_for = :open, version = version + 1
					where id = :id and version = :version""")
			.param("status", control.status().name())
			.param("outcome", name(control.outcome()))
			.param("study", control.studyDocument())
			.param("referred", date(control.referredOn()))
			.param("due", date(control.due()))
			.param("days", control.daysLeftWhenSuspended())
			.param("open", control.inProgress() ? control.project() : null)
			.param("id", control.id())
			.param("version", control.version())
			.update() != 1) {
			throw new OptimisticLockingFailureException("the control " + control.id() + " was changed by someone else");
		}
		int stored = jdbc.sql("select count(*) from project_control_step where control_id = :id")
			.param("id", control.id())
			.query(Integer.class)
			.single();
		List<Control.Step> steps = control.steps();
		for (int i = stored; i < steps.size(); i++) {
			Control.Step step = steps.get(i);
			jdbc.sql("""
					insert into project_control_step (control_id, seq, at, actor, role, status, detail)
					values (:id, :seq, :at, :actor, :role, :status, :detail)""")
				.param("id", control.id())
				.param("seq", i + 1)
				.param("at", Timestamp.from(step.at()))
				.param("actor", step.actor())
				.param("role", name(step.role()))
				.param("status", step.status().name())
				.param("detail", step.detail())
				.update();
		}
		control.saved();
	}

	Optional<Control> find(UUID id) {
		return jdbc.sql("select * from project_control where id = :id").param("id", id).query(this::control).optional();
	}

	/** The controls waiting for DINUM whose month has run out on {@code day}. */
	List<Control> silentSince(java.time.LocalDate day) {
		return jdbc.sql("select * from project_control where status = 'REFERRED' and due <= :day order by id")
			.param("day", Date.valueOf(day))
			.query(this::control)
			.list();
	}

	private Control control(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Control.Step> steps = jdbc.sql("select * from project_control_step where control_id = :id order by seq")
			.param("id", id)
			.query((s, n) -> new Control.Step(s.getTimestamp("at").toInstant(), s.getString("actor"),
					s.getString("role") == null ? null : Control.Role.valueOf(s.getString("role")),
					ControlStatus.valueOf(s.getString("status")), s.getString("detail")))
			.list();
		return new Control(id, rs.getObject("project_id", UUID.class),
				Control.Procedure.valueOf(rs.getString("procedure")), ControlStatus.valueOf(rs.getString("status")),
				rs.getString("outcome") == null ? null : Control.Outcome.valueOf(rs.getString("outcome")),
				rs.getString("study_document"), localDate(rs.getDate("referred_on")), localDate(rs.getDate("due")),
				rs.getLong("days_left"), steps, rs.getInt("version"));
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static Date date(java.time.LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

	/** The project's controls, the first opened first. */
	List<Control> of(UUID project) {
		return jdbc.sql("""
				select c.* from project_control c
				join project_control_step s on s.control_id = c.id and s.seq = 1
				where c.project_id = :project order by s.at, c.id""")
			.param("project", project)
			.query(this::control)
			.list();
	}

	private static java.time.LocalDate localDate(Date date) {
		return date == null ? null : date.toLocalDate();
	}

}
