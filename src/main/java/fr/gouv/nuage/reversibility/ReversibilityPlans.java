package fr.gouv.nuage.reversibility;

import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;
import fr.gouv.nuage.projects.NoSuchProject;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.ReadVersions;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.audit.AuditLog;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records each project's reversibility plan: for an agent of the project's organisation,
 * read by whoever sees the project; none for an archived project (409); checked before it
 * is stored, never saved over a newer one (the caller names the version it read), and
 * audited with the plan before and after.
 */
@Service
@Transactional
public class ReversibilityPlans {

	/**
	 * A plan that cannot be recorded: each problem names its field. Nothing was stored.
	 */
	public static final class Invalid extends Refusal {

		private static final long serialVersionUID = 1L;

		Invalid(List<Field> problems) {
			super(problems);
		}

	}

	/** A request header the plans do not understand (400). */
	static final class Header extends Refusal {

		private static final long serialVersionUID = 1L;

		Header(Said said) {
			super(Kind.INVALID, "If-None-Match", said);
		}

	}

	/** A text of the reversibility plans' bundle ({@code reversibility/refusals}). */
	static Said said(String key, Object... values) {
		return Said.of("reversibility/refusals", key, values);
	}

	/** What an archived project no longer takes. */
	private static final String ARCHIVED = "reversibility-plan";

	private final JdbcClient jdbc;

	private final Projects projects;

	private final AuditLog audit;

	private final Clock clock;

	ReversibilityPlans(JdbcClient jdbc, Projects projects, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.audit = audit;
		this.clock = clock;
	}

	/** A plan recorded, and whether it was the project's first. */
	public record Recorded(ReversibilityPlan plan, boolean first) {
	}

	/**
	 * Records the plan for the caller, an agent of the project's organisation.
	 * {@code ifMatch} is the version the caller read, {@code null} when they named none:
	 * then the plan must be the project's first, and with {@code firstOnly}
	 * ({@code If-None-Match: *}) it must still be when it is stored.
	 * @throws NoSuchProject when there is no such project
	 * @throws NotAllowed when the caller is not an agent of its organisation
	 */
	public Recorded record(Perimeter caller, UUID project, String exitTerms, List<String> exportFormats,
			java.math.BigDecimal budgetEur, int staffDays, Integer ifMatch, boolean firstOnly) {
		Projects.checkAgent(caller, projects.owner(project).organisation(), "reversibility-plan");
		projects.checkNotArchived(project, ARCHIVED);
		Optional<ReversibilityPlan> current = find(project);
		int readVersion;
		if (ifMatch != null) {
			readVersion = ifMatch;
		}
		else if (current.isEmpty()) {
			readVersion = 0;
		}
		else if (firstOnly) {
			throw new OptimisticLockingFailureException("the project has a reversibility plan already, at version "
					+ current.get().version() + ": read it, then name its ETag in If-Match");
		}
		else {
			throw new ApiErrors.VersionRequired(
					"say which version you changed with the header If-Match, the ETag you read");
		}
		return new Recorded(
				record(project, exitTerms, exportFormats, budgetEur, staffDays, caller.person().email(), readVersion),
				current.isEmpty());
	}

	/**
	 * The project's plan, if the caller sees the project; empty until one is recorded.
	 * @throws NoSuchProject when there is no such project
	 * @throws NotAllowed when it is outside the caller's perimeter
	 */
	@Transactional(readOnly = true)
	public Optional<ReversibilityPlan> find(Perimeter caller, UUID project) {
		projects.seen(caller, project);
		return find(project);
	}

	/**
	 * Records the plan over the version the caller read ({@code 0} for a first plan);
	 * another version means someone recorded it meanwhile. Who records it is not checked:
	 * for the application itself and its fixtures.
	 */
	public ReversibilityPlan record(UUID project, String exitTerms, List<String> exportFormats,
			java.math.BigDecimal budgetEur, int staffDays, String actor, int readVersion) {
		if (!projects.exists(project)) {
			throw new NoSuchProject(project);
		}
		projects.checkNotArchived(project, ARCHIVED);
		ReversibilityPlan plan = new ReversibilityPlan(project, exitTerms, exportFormats, budgetEur, staffDays,
				clock.instant(), actor, readVersion + 1);
		List<Refusal.Field> problems = plan.problems();
		if (!problems.isEmpty()) {
			throw new Invalid(problems);
		}
		Optional<ReversibilityPlan> before = find(project);
		int current = before.map(ReversibilityPlan::version).orElse(0);
		ReadVersions.check("reversibility plan", current, readVersion);
		if (before.isEmpty()) {
			try {
				jdbc.sql(
						"""
								insert into project_reversibility (project_id, exit_terms, export_formats, budget_eur, staff_days,
								    updated_at, updated_by, version)
								values (:project, :terms, :formats, :budget, :staff, :at, :by, 1)""")
					.param("project", project)
					.param("terms", exitTerms)
					.param("formats", String.join(";", exportFormats))
					.param("budget", budgetEur)
					.param("staff", staffDays)
					.param("at", Timestamp.from(plan.updatedAt()))
					.param("by", actor)
					.update();
			}
			catch (org.springframework.dao.DuplicateKeyException ex) {
				throw new OptimisticLockingFailureException(
						"a reversibility plan was recorded by someone else meanwhile: read it");
			}
		}
		else {
			int updated = jdbc
				.sql("""
						update project_reversibility set exit_terms = :terms, export_formats = :formats, budget_eur = :budget,
						    staff_days = :staff, updated_at = :at, updated_by = :by, version = version + 1
						where project_id = :project and version = :version""")
				.param("terms", exitTerms)
				.param("formats", String.join(";", exportFormats))
				.param("budget", budgetEur)
				.param("staff", staffDays)
				.param("at", Timestamp.from(plan.updatedAt()))
				.param("by", actor)
				.param("project", project)
				.param("version", readVersion)
				.update();
			if (updated != 1) {
				throw new OptimisticLockingFailureException(
						"the reversibility plan was recorded by someone else meanwhile: read it again");
			}
		}
		audit.append(actor, "REVERSIBILITY_PLAN_RECORDED", "project:" + project,
				before.map(ReversibilityPlans::state).orElse(null), state(plan));
		return plan;
	}

	@Transactional(readOnly = true)
	public Optional<ReversibilityPlan> find(UUID project) {
		return jdbc.sql("select * from project_reversibility where project_id = :project")
			.param("project", project)
			.query((rs, n) -> new ReversibilityPlan(project, rs.getString("exit_terms"),
					Arrays.asList(rs.getString("export_formats").split(";")), rs.getBigDecimal("budget_eur"),
					rs.getInt("staff_days"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
					rs.getInt("version")))
			.optional();
	}

	private static String state(ReversibilityPlan plan) {
		return AuditLog.state("exitTerms", plan.exitTerms(), "exportFormats", String.join(";", plan.exportFormats()),
				"budgetEur", plan.budgetEur().stripTrailingZeros().toPlainString(), "staffDays",
				Integer.toString(plan.staffDays()), "version", Integer.toString(plan.version()));
	}

}
