package fr.gouv.nuage.projects;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.doctrine.Verdict;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects and their decision histories; a decision row is never updated. */
@Repository
class ProjectRepository {

	private final JdbcClient jdbc;

	ProjectRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(Project project) {
		if (project.version() == 0) {
			jdbc.sql(
					"""
							insert into project (id, name, organisation_id, entity_name, entity_kind, ministry, archived, registered_at,
							    version)
							values (:id, :name, :organisation, :entity, :kind, :ministry, :archived, :at, 1)""")
				.param("id", project.id())
				.param("name", project.name())
				.param("organisation", project.organisation())
				.param("entity", project.entityName())
				.param("kind", project.entityKind())
				.param("ministry", project.ministry())
				.param("archived", project.archived())
				.param("at", Timestamp.from(project.registeredAt()))
				.update();
		}
		else if (jdbc.sql("""
				update project set name = :name, archived = :archived, version = version + 1
				where id = :id and version = :version""")
			.param("name", project.name())
			.param("archived", project.archived())
			.param("id", project.id())
			.param("version", project.version())
			.update() != 1) {
			throw new OptimisticLockingFailureException("the project " + project.id() + " was changed by someone else");
		}
		int stored = jdbc.sql("select count(*) from project_decision where project_id = :id")
			.param("id", project.id())
			.query(Integer.class)
			.single();
		for (ProjectDecision d : project.decisions()) {
			if (d.seq() > stored) {
				jdbc.sql(
						"""
								insert into project_decision (project_id, seq, at, actor, reason, offer_id, assessment, pack_id,
								    pack_version, pack_digest, verdict, control, decision)
								values (:id, :seq, :at, :actor, :reason, :offer, :assessment, :pack, :version, :digest, :verdict, :control,
								    :decision)""")
					.param("id", project.id())
					.param("seq", d.seq())
					.param("at", Timestamp.from(d.at()))
					.param("actor", d.actor())
					.param("reason", d.reason().name())
					.param("offer", d.offerId())
					.param("assessment", d.assessment())
					.param("pack", d.packId())
					.param("version", d.packVersion())
					.param("digest", d.packDigest())
					.param("verdict", d.verdict().name())
					.param("control", d.control())
					.param("decision", d.decision())
					.update();
			}
		}
		if (project.decisions().size() > stored) {
			// Decided again: what kept it from being decided is settled.
			jdbc.sql("delete from project_issue where project_id = :id").param("id", project.id()).update();
		}
		project.saved();
	}

	/**
	 * Records what kept the project from being decided again, outside its version: no one
	 * changed it. A second one of the same kind keeps the first's date and says why anew.
	 */
	void raise(UUID project, ProjectIssue issue) {
		int updated = jdbc.sql("update project_issue set message = :message where project_id = :id and kind = :kind")
			.param("message", issue.message())
			.param("id", project)
			.param("kind", issue.kind().name())
			.update();
		if (updated == 0) {
			jdbc.sql(
					"insert into project_issue (project_id, kind, message, since) values (:id, :kind, :message, :since)")
				.param("id", project)
				.param("kind", issue.kind().name())
				.param("message", issue.message())
				.param("since", Timestamp.from(issue.since()))
				.update();
		}
	}

	Optional<Project> find(UUID id) {
		return jdbc.sql("select * from project where id = :id").param("id", id).query(this::project).optional();
	}

	/**
	 * The project's organisation, read without its decisions; empty when there is no such
	 * project.
	 */
	Optional<Projects.Owner> organisation(UUID id) {
		return jdbc.sql("select id, organisation_id from project where id = :id")
			.param("id", id)
			.query((rs, n) -> new Projects.Owner(rs.getObject("id", UUID.class), rs.getString("organisation_id")))
			.optional();
	}

	boolean exists(UUID id) {
		return jdbc.sql("select count(*) from project where id = :id").param("id", id).query(Long.class).single() > 0;
	}

	/**
	 * The projects not archived whose latest decision was made on the offer
	 * {@code offerId}.
	 */
	List<UUID> hostedOn(String offerId) {
		return jdbc.sql("""
				select p.id from project p
				join project_decision d on d.project_id = p.id
				where p.archived = false and d.offer_id = :offer
				  and d.seq = (select max(seq) from project_decision where project_id = p.id)
				order by p.id""").param("offer", offerId).query(UUID.class).list();
	}

	/**
	 * The projects not archived whose latest decision came from another pack than
	 * {@code digest}.
	 */
	List<UUID> decidedUnderAnotherPack(String digest) {
		return jdbc.sql("""
				select p.id from project p
				join project_decision d on d.project_id = p.id
				where p.archived = false and d.pack_digest <> :digest
				  and d.seq = (select max(seq) from project_decision where project_id = p.id)
				order by p.id""").param("digest", digest).query(UUID.class).list();
	}

	/**
	 * A page of the projects owned by the organisations given, or of all projects when
	 * {@code organisations} is {@code null}, by name; archived ones only when asked.
	 * There is at least one organisation.
	 */
	List<ProjectSummary> page(java.util.Collection<String> organisations, boolean archived, int page, int size) {
		return jdbc.sql("""
				select p.*, d.verdict, d.control, d.at, d.pack_id, d.pack_version from project p
				left join project_decision d on d.project_id = p.id
				  and d.seq = (select max(seq) from project_decision where project_id = p.id)
				where (:all = true or p.organisation_id in (:orgs)) and (:archived = true or p.archived = false)
				order by p.name, p.id
				limit :size offset :offset""")
			.param("all", organisations == null)
			.param("orgs", organisations == null ? List.of("") : organisations)
			.param("archived", archived)
			.param("size", size)
			.param("offset", (long) page * size)
			.query((rs, n) -> new ProjectSummary(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("organisation_id"), rs.getString("entity_name"), rs.getString("ministry"),
					rs.getBoolean("archived"), rs.getTimestamp("registered_at").toInstant(), rs.getInt("version"),
					rs.getString("verdict") == null ? null : Verdict.valueOf(rs.getString("verdict")),
					rs.getString("control"), rs.getTimestamp("at") == null ? null : rs.getTimestamp("at").toInstant(),
					rs.getString("pack_id"), rs.getString("pack_version")))
			.list();
	}

	long count(java.util.Collection<String> organisations, boolean archived) {
		return jdbc.sql("""
				select count(*) from project p
				where (:all = true or p.organisation_id in (:orgs)) and (:archived = true or p.archived = false)""")
			.param("all", organisations == null)
			.param("orgs", organisations == null ? List.of("") : organisations)
			.param("archived", archived)
			.query(Long.class)
			.single();
	}

	private Project project(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<ProjectDecision> decisions = jdbc.sql("select * from project_decision where project_id = :id order by seq")
			.param("id", id)
			.query((d, n) -> new ProjectDecision(d.getInt("seq"), d.getTimestamp("at").toInstant(),
					d.getString("actor"), ProjectDecision.Reason.valueOf(d.getString("reason")),
					d.getString("offer_id"), d.getString("assessment"), d.getString("pack_id"),
					d.getString("pack_version"), d.getString("pack_digest"), Verdict.valueOf(d.getString("verdict")),
					d.getString("control"), d.getString("decision")))
			.list();
		List<ProjectIssue> issues = jdbc.sql("select * from project_issue where project_id = :id order by since, kind")
			.param("id", id)
			.query((i, n) -> new ProjectIssue(ProjectIssue.Kind.valueOf(i.getString("kind")), i.getString("message"),
					i.getTimestamp("since").toInstant()))
			.list();
		return new Project(id, rs.getString("name"), rs.getString("organisation_id"), rs.getString("entity_name"),
				rs.getString("entity_kind"), rs.getString("ministry"), rs.getBoolean("archived"),
				rs.getTimestamp("registered_at").toInstant(), decisions, issues, rs.getInt("version"));
	}

}
