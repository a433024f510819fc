package fr.gouv.nuage.projects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.OfferQualificationChanged;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry of projects: each assessment is stored with its decision and the pack's
 * digest, and a project hosted on an offer whose qualification changes, or decided under
 * another pack, is decided again ({@link ProjectRedecisions}, one project at a time). Who
 * may act is decided here, from the caller's perimeter: an agent of the project's
 * organisation changes it, whoever sees it reads it. Every change is in the audit log, in
 * the same transaction.
 */
@Service
@Transactional
public class Projects {

	/**
	 * The outcome of an assessment: the project and its new decision, or why the input
	 * was refused.
	 */
	public sealed interface Outcome permits Decided, Invalid {

	}

	public record Decided(Project project, ProjectDecision decision) implements Outcome {
	}

	public record Invalid(List<InputError> errors) implements Outcome {
	}

	/**
	 * An agent of several organisations registered a project without saying for which;
	 * nothing was stored.
	 */
	public static final class OrganisationToName extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final List<String> organisations;

		OrganisationToName(List<String> organisations) {
			super(said("organisation-to-name", String.join(", ", organisations)).in(java.util.Locale.ENGLISH));
			this.organisations = List.copyOf(organisations);
		}

		/** The organisations the caller is an agent of, sorted. */
		public List<String> organisations() {
			return organisations;
		}

	}

	/**
	 * A step on an archived project: it is kept, but takes no new control, derogation,
	 * plan or document (409); nothing was changed.
	 */
	public static final class Archived extends Refusal {

		private static final long serialVersionUID = 1L;

		Archived(Said said) {
			super(Kind.CONFLICT, null, said);
		}

	}

	/** A field of a project the domain refuses (400); nothing was changed. */
	public static final class InvalidField extends Refusal {

		private static final long serialVersionUID = 1L;

		InvalidField(String field, Said said) {
			super(Kind.INVALID, field, said);
		}

	}

	/** A text of the projects' bundle ({@code projects/refusals}). */
	public static Said said(String key, Object... values) {
		return Said.of("projects/refusals", key, values);
	}

	private final ProjectRepository projects;

	private final CatalogueSource catalogues;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Directory directory;

	private final RulePacks packs = RulePacks.shipped();

	Projects(ProjectRepository projects, CatalogueSource catalogues, AuditLog audit, ApplicationEventPublisher events,
			Clock clock, Directory directory) {
		this.directory = directory;
		this.projects = projects;
		this.catalogues = catalogues;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers a project from its first assessment, which must name the project and its
	 * entity (`project.name`, `entity.name`, `entity.kind`).
	 */
	Outcome register(String actor, String assessmentJson) {
		return register(actor, null, assessmentJson);
	}

	/**
	 * Registers, for the caller, a project of an organisation they are an agent of: the
	 * one named, or their only one.
	 * @throws NotAllowed when the caller is no agent, or not one of {@code organisation}
	 * @throws OrganisationToName when they are an agent of several and named none
	 */
	public Outcome register(Perimeter caller, String organisation, String assessmentJson) {
		if (caller.editable().isEmpty()) {
			throw new NotAllowed(said("register.agents-only"));
		}
		if (organisation != null && !caller.edits(organisation)) {
			throw new NotAllowed(said("register.not-agent", organisation));
		}
		if (organisation == null && caller.editable().size() != 1) {
			throw new OrganisationToName(caller.editable().stream().sorted().toList());
		}
		String owner = organisation != null ? organisation : caller.editable().iterator().next();
		return register(caller.person().email(), owner, assessmentJson);
	}

	/**
	 * Registers a project of an organisation of the directory from its first assessment,
	 * which must name the project and its entity ({@code project.name},
	 * {@code entity.name}, {@code entity.kind}). Who registers it is not checked: for the
	 * application itself and its fixtures.
	 */
	public Outcome register(String actor, String organisation, String assessmentJson) {
		Read read = read(assessmentJson);
		if (read.errors() != null) {
			return new Invalid(read.errors());
		}
		Assessment assessment = read.assessment();
		List<InputError> missing = new java.util.ArrayList<>();
		for (String path : List.of("project.name", "entity.name", "entity.kind")) {
			if (assessment.get(path) == null) {
				missing.add(new InputError("assessment", 0, 0, path,
						"a project is registered with its name and its entity's name and kind"));
			}
		}
		missing.addAll(entityOf(organisation, assessment));
		if (!missing.isEmpty()) {
			return new Invalid(List.copyOf(missing));
		}
		Project project = Project.register((String) assessment.get("project.name"), organisation,
				(String) assessment.get("entity.name"), (String) assessment.get("entity.kind"),
				(String) assessment.get("entity.ministry"), clock.instant());
		audit.append(actor, "PROJECT_REGISTERED", "project:" + project.id(), null,
				AuditLog.state("name", project.name(), "organisation", organisation, "entity", project.entityName()));
		return decide(project, actor, ProjectDecision.Reason.ASSESSED, read);
	}

	/**
	 * Assesses a project again, for an agent of its organisation, if it is still at the
	 * version the caller read.
	 */
	public Outcome assess(Perimeter caller, UUID id, String assessmentJson, Integer readVersion) {
		editable(caller, id, "change");
		return assess(id, caller.person().email(), assessmentJson, readVersion);
	}

	/** Assesses a registered project again. */
	public Outcome assess(UUID id, String actor, String assessmentJson) {
		return assess(id, actor, assessmentJson, null);
	}

	/**
	 * Assesses a registered project again, if it is still at the version the caller read.
	 */
	public Outcome assess(UUID id, String actor, String assessmentJson, Integer readVersion) {
		Project project = get(id, readVersion);
		Read read = read(assessmentJson);
		if (read.errors() != null) {
			return new Invalid(read.errors());
		}
		List<InputError> entity = entityOf(project.organisation(), read.assessment());
		if (!entity.isEmpty()) {
			return new Invalid(entity);
		}
		return decide(project, actor, ProjectDecision.Reason.ASSESSED, read);
	}

	/**
	 * Archives a project, for an agent of its organisation, if it is still at the version
	 * the caller read.
	 */
	public Project archive(Perimeter caller, UUID id, Integer readVersion) {
		editable(caller, id, "change");
		return archive(id, caller.person().email(), readVersion);
	}

	public void archive(UUID id, String actor) {
		archive(id, actor, null);
	}

	/** Archives a project, if it is still at the version the caller read. */
	public Project archive(UUID id, String actor, Integer readVersion) {
		Project project = get(id, readVersion);
		project.archive();
		projects.save(project);
		audit.append(actor, "PROJECT_ARCHIVED", "project:" + id, AuditLog.state("archived", "false"),
				AuditLog.state("archived", "true"));
		return project;
	}

	/**
	 * Renames a project, for an agent of its organisation, if it is still at the version
	 * the caller read.
	 */
	public Project rename(Perimeter caller, UUID id, String name, Integer readVersion) {
		editable(caller, id, "change");
		return rename(id, name, caller.person().email(), readVersion);
	}

	/** Renames a project, if it is still at the version the caller read. */
	public Project rename(UUID id, String name, String actor, Integer readVersion) {
		checkName(name);
		Project project = get(id, readVersion);
		String before = project.name();
		project.rename(name);
		projects.save(project);
		audit.append(actor, "PROJECT_RENAMED", "project:" + id, AuditLog.state("name", before),
				AuditLog.state("name", project.name()));
		return project;
	}

	/**
	 * A page of the projects a perimeter sees, by name, with how many there are in all.
	 */
	@Transactional(readOnly = true)
	public Page<ProjectSummary> page(Perimeter perimeter, boolean archived, int page, int size) {
		java.util.Set<String> organisations = perimeter.dinum() ? null : perimeter.visible();
		if (organisations != null && organisations.isEmpty()) {
			return Page.empty();
		}
		return new Page<>(projects.page(organisations, archived, page, size), projects.count(organisations, archived));
	}

	@Transactional(readOnly = true)
	public Optional<Project> find(UUID id) {
		return projects.find(id);
	}

	/**
	 * The project, with its decisions, if the caller sees it.
	 * @throws NoSuchProject when there is none
	 * @throws NotAllowed when it is outside the caller's perimeter
	 */
	@Transactional(readOnly = true)
	public Project visible(Perimeter caller, UUID id) {
		Project project = projects.find(id).orElseThrow(() -> new NoSuchProject(id));
		checkSees(caller, project.organisation(), id);
		return project;
	}

	/**
	 * The project's owner, read without its decisions, if the caller sees the project.
	 */
	@Transactional(readOnly = true)
	public Owner seen(Perimeter caller, UUID id) {
		Owner owner = owner(id);
		checkSees(caller, owner.organisation(), id);
		return owner;
	}

	/**
	 * The project's owner, if the caller sees the project and is an agent of its
	 * organisation; {@code action} says what they would do, for the refusal.
	 */
	@Transactional(readOnly = true)
	public Owner editable(Perimeter caller, UUID id, String action) {
		Owner owner = seen(caller, id);
		checkAgent(caller, owner.organisation(), action);
		return owner;
	}

	/**
	 * The project's owner, read without its decisions. @throws NoSuchProject when there
	 * is none
	 */
	@Transactional(readOnly = true)
	public Owner owner(UUID id) {
		return projects.organisation(id).orElseThrow(() -> new NoSuchProject(id));
	}

	/**
	 * Refuses a caller who is not an agent of the organisation; {@code action} says what
	 * they would do: {@code change}, {@code reversibility-plan} or {@code documents} (the
	 * texts {@code only-agents.*} of {@code projects/refusals}).
	 */
	public static void checkAgent(Perimeter caller, String organisation, String action) {
		if (!caller.edits(organisation)) {
			throw new NotAllowed(said("only-agents." + action, organisation));
		}
	}

	private static void checkSees(Perimeter caller, String organisation, UUID id) {
		if (!caller.sees(organisation)) {
			throw new NotAllowed(said("outside", id));
		}
	}

	/**
	 * A project and the organisation it belongs to, {@code null} for one registered
	 * outside the directory.
	 */
	public record Owner(UUID project, String organisation) {
	}

	/**
	 * Refuses a step on an archived project; {@code what} says what it no longer takes:
	 * {@code control}, {@code derogation}, {@code reversibility-plan} or {@code document}
	 * (the texts {@code archived.*} of {@code projects/refusals}).
	 * @throws NoSuchProject when there is no such project
	 * @throws Archived when it is archived
	 */
	@Transactional(readOnly = true)
	public void checkNotArchived(UUID id, String what) {
		Project project = projects.find(id).orElseThrow(() -> new NoSuchProject(id));
		if (project.archived()) {
			throw new Archived(said("archived." + what, project.name()));
		}
	}

	/** True when there is such a project, archived or not. */
	@Transactional(readOnly = true)
	public boolean exists(UUID id) {
		return projects.exists(id);
	}

	/**
	 * The project's organisation, read without its decisions; empty when there is no such
	 * project.
	 */
	@Transactional(readOnly = true)
	public Optional<Owner> organisation(UUID id) {
		return projects.organisation(id);
	}

	/**
	 * Refuses a project's name that is blank or longer than 300 characters; the message
	 * names the field.
	 */
	public static void checkName(String name) {
		if (name == null || name.isBlank() || name.strip().length() > 300) {
			throw new InvalidField("name", said("name"));
		}
	}

	/**
	 * Decides again, as of the change's date, a project hosted on an offer whose
	 * qualification changed, in the caller's transaction; true when it was. Nothing when
	 * it was archived or moved to another offer meanwhile, nor when the change was
	 * delivered again after it was decided (its latest decision is already this one); an
	 * issue when its assessment no longer reads.
	 */
	boolean redecide(UUID id, OfferQualificationChanged change) {
		Project project = get(id);
		ProjectDecision latest = project.latest().orElse(null);
		if (project.archived() || latest == null || !change.offerId().equals(latest.offerId())) {
			return false;
		}
		Read read = read(latest.assessment(), change.date(), true);
		if (read.errors() != null) {
			unreadable(project, read, change.date());
			return false;
		}
		Decision decision = read.pack().evaluate(read.resolved());
		String body = DecisionJson.write(decision, Lang.FR, DecisionJson.Form.FULL, false);
		if (latest.reason() == ProjectDecision.Reason.OFFER_QUALIFICATION_CHANGED
				&& latest.packDigest().equals(decision.doctrine().digest()) && latest.decision().equals(body)) {
			return false;
		}
		Decided decided = decide(project, "catalogue", ProjectDecision.Reason.OFFER_QUALIFICATION_CHANGED, read,
				decision, body);
		events.publishEvent(
				new ProjectReevaluated(project.id(), change.offerId(), latest.verdict(), decided.decision().verdict()));
		return true;
	}

	/**
	 * Decides again, under the current pack and as of today, a project decided under
	 * another, in the caller's transaction; true when it was. Nothing when it is archived
	 * or was decided under the current pack meanwhile; an issue when its assessment no
	 * longer reads.
	 */
	boolean redecideUnderTheCurrentDoctrine(UUID id) {
		Project project = get(id);
		ProjectDecision latest = project.latest().orElse(null);
		if (project.archived() || latest == null || latest.packDigest().equals(currentDigest())) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		Read read = read(latest.assessment(), today, true);
		if (read.errors() != null) {
			unreadable(project, read, today);
			return false;
		}
		Decided decided = decide(project, "doctrine", ProjectDecision.Reason.DOCTRINE_CHANGED, read);
		events
			.publishEvent(new ProjectDecidedUnderNewDoctrine(project.id(), latest.packId() + " " + latest.packVersion(),
					decided.decision().packId() + " " + decided.decision().packVersion(), latest.verdict(),
					decided.decision().verdict()));
		return true;
	}

	/** The digest of the pack projects are decided under. */
	String currentDigest() {
		return packs.latest().info().digest();
	}

	/** The pack projects are decided under, as its id and version. */
	String currentPack() {
		return packs.latest().info().id() + " " + packs.latest().info().version();
	}

	/**
	 * Every attempt to decide the project again failed: said with the project, until it
	 * is decided again.
	 */
	void failed(UUID id, String message) {
		projects.raise(id, new ProjectIssue(ProjectIssue.Kind.REDECISION_FAILED, message, clock.instant()));
	}

	/**
	 * The project is decided again on its latest assessment, as of today, for
	 * {@code reason} (a derogation ended); nothing when it is archived, an issue when its
	 * assessment no longer reads.
	 */
	public void redecide(UUID id, String actor, ProjectDecision.Reason reason) {
		Project project = get(id);
		if (project.archived()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		Read read = read(project.latest().orElseThrow().assessment(), today, true);
		if (read.errors() == null) {
			decide(project, actor, reason, read);
		}
		else {
			unreadable(project, read, today);
		}
	}

	/**
	 * The assessment no longer reads under the pack or the catalogue in force: the
	 * project says so.
	 */
	private void unreadable(Project project, Read read, LocalDate date) {
		String errors = read.errors()
			.stream()
			.map(e -> (e.path() == null || e.path().isEmpty() ? "" : "`" + e.path() + "`: ") + e.message())
			.collect(java.util.stream.Collectors.joining("; "))
			.replaceAll("\\s+", " ");
		projects.raise(project.id(), new ProjectIssue(
				ProjectIssue.Kind.ASSESSMENT_UNREADABLE, "the latest assessment no longer reads under `" + currentPack()
						+ "` and the catalogue of " + date + ": " + errors + "; assess the project again",
				clock.instant()));
	}

	private Decided decide(Project project, String actor, ProjectDecision.Reason reason, Read read) {
		Decision decision = read.pack().evaluate(read.resolved());
		return decide(project, actor, reason, read, decision,
				DecisionJson.write(decision, Lang.FR, DecisionJson.Form.FULL, false));
	}

	private Decided decide(Project project, String actor, ProjectDecision.Reason reason, Read read, Decision decision,
			String body) {
		ProjectDecision entry = project.decided(clock.instant(), actor, reason,
				(String) read.assessment().get("hosting.offerId"), read.assessment().toJson(), decision.doctrine().id(),
				decision.doctrine().version(), decision.doctrine().digest(), decision.verdict(), decision.control(),
				body);
		projects.save(project);
		audit.append(actor, "PROJECT_DECIDED", "project:" + project.id(), null,
				AuditLog.state("reason", reason.name(), "verdict", entry.verdict().name(), "pack",
						entry.packId() + " " + entry.packVersion(), "digest", entry.packDigest()));
		return new Decided(project, entry);
	}

	/**
	 * An assessment read and resolved against the catalogue in force on a date, or the
	 * errors.
	 */
	private record Read(Assessment assessment, Assessment resolved, RulePack pack, List<InputError> errors) {
	}

	private Read read(String json) {
		return read(json, LocalDate.now(clock), false);
	}

	private Read read(String json, LocalDate date, boolean refreshOffer) {
		RulePack pack = packs.latest();
		ReadResult result = new AssessmentReader(pack.facts()).read("assessment", json);
		if (result instanceof ReadResult.Invalid invalid) {
			return new Read(null, null, pack, invalid.errors());
		}
		Assessment assessment = ((ReadResult.Ok) result).assessment();
		if (refreshOffer) {
			assessment = Catalogue.withoutSuppliedFacts(assessment);
		}
		if (assessment.get("hosting.offerId") == null) {
			return new Read(assessment, assessment, pack, null);
		}
		Catalogue.Resolution resolution = catalogues.current().resolve(assessment, date);
		if (resolution instanceof Catalogue.Unresolved unresolved) {
			return new Read(null, null, pack, unresolved.errors());
		}
		return new Read(assessment, ((Catalogue.Resolved) resolution).assessment(), pack, null);
	}

	/**
	 * The assessment's entity must be of the kind of the organisation the project belongs
	 * to, so that a local authority's project is decided as one (advice only) and a
	 * ministry's as the State's.
	 */
	private List<InputError> entityOf(String organisation, Assessment assessment) {
		Object kind = assessment.get("entity.kind");
		if (organisation == null || kind == null) {
			return List.of();
		}
		return directory.organisation(organisation)
			.filter(o -> !o.kind().entityKinds().contains(kind.toString()))
			.map(o -> List.of(new InputError("assessment", 0, 0, "entity.kind",
					"the project belongs to `" + o.id() + "`, a " + o.kind().name() + ": its entity is "
							+ String.join(" or ", o.kind().entityKinds()))))
			.orElse(List.of());
	}

	private Project get(UUID id) {
		return get(id, null);
	}

	private Project get(UUID id, Integer readVersion) {
		Project project = projects.find(id).orElseThrow(() -> new IllegalArgumentException("no project " + id));
		ReadVersions.check("project", project.version(), readVersion);
		return project;
	}

}
