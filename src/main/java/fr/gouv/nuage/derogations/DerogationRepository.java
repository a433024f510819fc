package fr.gouv.nuage.derogations;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Derogations, their steps and the reminders sent before their end; a stale copy is never
 * saved over a newer one, and a reminder is remembered once.
 */
@Repository
class DerogationRepository {

	private final JdbcClient jdbc;

	DerogationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rule while the derogation is pending or in force, the key of V17's one
	 * derogation per rule; {@code null} once it is not.
	 */
	private static String pending(Derogation derogation) {
		return derogation.pendingOrInForce() ? derogation.rule() : null;
	}

	void save(Derogation derogation) {
		Date expires = derogation.expiresOn() == null ? null : Date.valueOf(derogation.expiresOn());
		if (derogation.version() == 0) {
			try {
				jdbc.sql(
						"""
								insert into project_derogation (id, project_id, rule, decision_digest, justification, proof, status,
								    expires_on, pending_rule, version)
								values (:id, :project, :rule, :digest, :justification, :proof, :status, :expires, :pending, 1)""")
					.param("id", derogation.id())
					.param("project", derogation.project())
					.param("rule", derogation.rule())
					.param("digest", derogation.decisionDigest())
					.param("justification", derogation.justification())
					.param("proof", derogation.proofOfGuarantees())
					.param("status", derogation.status().name())
					.param("expires", expires)
					.param("pending", pending(derogation))
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				// One derogation per rule pending or in force (V17): another was asked
				// meanwhile.
				throw new Derogation.Refused(Derogation.said("request.meanwhile", derogation.rule()));
			}
		}
		else if (jdbc.sql("""
				update project_derogation set status = :status, expires_on = :expires, pending_rule = :pending,
				    version = version + 1
				where id = :id and version = :version""")
			.param("status", derogation.status().name())
			.param("expires", expires)
			.param("pending", pending(derogation))
			.param("id", derogation.id())
			.param("version", derogation.version())
			.update() != 1) {
			throw new OptimisticLockingFailureException(
					"the derogation " + derogation.id() + " was changed by someone else");
		}
		int stored = jdbc.sql("select count(*) from project_derogation_step where derogation_id = :id")
			.param("id", derogation.id())
			.query(Integer.class)
			.single();
		List<Derogation.Step> steps = derogation.steps();
		for (int i = stored; i < steps.size(); i++) {
			Derogation.Step step = steps.get(i);
			jdbc.sql("""
					insert into project_derogation_step (derogation_id, seq, at, actor, role, status, detail)
					values (:id, :seq, :at, :actor, :role, :status, :detail)""")
				.param("id", derogation.id())
				.param("seq", i + 1)
				.param("at", Timestamp.from(step.at()))
				.param("actor", step.actor())
				.param("role", step.role() == null ? null : step.role().name())
				.param("status", step.status().name())
				.param("detail", step.detail())
				.update();
		}
		derogation.saved();
	}

	Optional<Derogation> find(UUID id) {
		return jdbc.sql("select * from project_derogation where id = :id")
			.param("id", id)
			.query(this::derogation)
			.optional();
	}

	/**
	 * A page of the derogations of the projects owned by the organisations given, or of
	 * all projects when {@code organisations} is {@code null}, the latest requested
	 * first; of one status only when {@code status} is given. There is at least one
	 * organisation.
	 */
	List<Derogation> page(Collection<String> organisations, DerogationStatus status, int page, int size) {
		return jdbc.sql("""
				select d.* from project_derogation d
				join project p on p.id = d.project_id
				join project_derogation_step s on s.derogation_id = d.id and s.seq = 1
				where (:all = true or p.organisation_id in (:orgs)) and (:any = true or d.status = :status)
				order by s.at desc, d.id
				limit :size offset :offset""")
			.param("all", organisations == null)
			.param("orgs", organisations == null ? List.of("") : organisations)
			.param("any", status == null)
			.param("status", status == null ? "" : status.name())
			.param("size", size)
			.param("offset", (long) page * size)
			.query(this::derogation)
			.list();
	}

	long count(Collection<String> organisations, DerogationStatus status) {
		return jdbc.sql("""
				select count(*) from project_derogation d
				join project p on p.id = d.project_id
				where (:all = true or p.organisation_id in (:orgs)) and (:any = true or d.status = :status)""")
			.param("all", organisations == null)
			.param("orgs", organisations == null ? List.of("") : organisations)
			.param("any", status == null)
			.param("status", status == null ? "" : status.name())
			.query(Long.class)
			.single();
	}

	/** The derogations of a project, the first requested first. */
	List<Derogation> of(UUID project) {
		return jdbc.sql("""
				select d.* from project_derogation d
				join project_derogation_step s on s.derogation_id = d.id and s.seq = 1
				where d.project_id = :project order by s.at, d.id""")
			.param("project", project)
			.query(this::derogation)
			.list();
	}

	/** Granted derogations whose end has come on {@code day}. */
	List<Derogation> endingBy(LocalDate day) {
		return jdbc.sql("select * from project_derogation where status = 'GRANTED' and expires_on <= :day order by id")
			.param("day", Date.valueOf(day))
			.query(this::derogation)
			.list();
	}

	/** Granted derogations with an end: the ones that may need a reminder. */
	List<Derogation> grantedWithAnEnd() {
		return jdbc
			.sql("select * from project_derogation where status = 'GRANTED' and expires_on is not null order by id")
			.query(this::derogation)
			.list();
	}

	/** The thresholds (days before) already reminded for a derogation's end. */
	Set<Integer> reminded(UUID derogation, LocalDate end) {
		return Set.copyOf(jdbc.sql("""
				select days_before from project_derogation_reminder where derogation_id = :id and expires_on = :end""")
			.param("id", derogation)
			.param("end", Date.valueOf(end))
			.query(Integer.class)
			.list());
	}

	/**
	 * Remembers that a threshold was reminded for an end; false when it already was, by
	 * an earlier run or by one at the same time (the primary key makes it wait), so that
	 * only one run sends it.
	 */
	boolean remember(UUID derogation, LocalDate end, int daysBefore, Instant at) {
		return jdbc.sql("""
				insert into project_derogation_reminder (derogation_id, expires_on, days_before, sent_at)
				values (:id, :end, :days, :at) on conflict do nothing""")
			.param("id", derogation)
			.param("end", Date.valueOf(end))
			.param("days", daysBefore)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	private Derogation derogation(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<Derogation.Step> steps = jdbc
			.sql("select * from project_derogation_step where derogation_id = :id order by seq")
			.param("id", id)
			.query((s, n) -> new Derogation.Step(s.getTimestamp("at").toInstant(), s.getString("actor"),
					s.getString("role") == null ? null : Derogation.Role.valueOf(s.getString("role")),
					DerogationStatus.valueOf(s.getString("status")), s.getString("detail")))
			.list();
		Date expires = rs.getDate("expires_on");
		return new Derogation(id, rs.getObject("project_id", UUID.class), rs.getString("rule"),
				rs.getString("decision_digest"), rs.getString("justification"), rs.getString("proof"),
				DerogationStatus.valueOf(rs.getString("status")), expires == null ? null : expires.toLocalDate(), steps,
				rs.getInt("version"));
	}

}
