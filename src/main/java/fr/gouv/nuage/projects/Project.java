package fr.gouv.nuage.projects;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A public digital project and the history of its decisions. Its compliance over time is
 * that history; an archived project is kept but no longer assessed.
 */
public final class Project {

	private final UUID id;

	private String name;

	private final String organisation;

	private final String entityName;

	private final String entityKind;

	private final String ministry;

	private final Instant registeredAt;

	private final List<ProjectDecision> decisions;

	private final List<ProjectIssue> issues;

	private boolean archived;

	private int version;

	Project(UUID id, String name, String organisation, String entityName, String entityKind, String ministry,
			boolean archived, Instant registeredAt, List<ProjectDecision> decisions, List<ProjectIssue> issues,
			int version) {
		this.id = id;
		this.name = name;
		this.organisation = organisation;
		this.entityName = entityName;
		this.entityKind = entityKind;
		this.ministry = ministry;
		this.archived = archived;
		this.registeredAt = registeredAt;
		this.decisions = new ArrayList<>(decisions);
		this.issues = new ArrayList<>(issues);
		this.version = version;
	}

	static Project register(String name, String organisation, String entityName, String entityKind, String ministry,
			Instant at) {
		return new Project(UUID.randomUUID(), name, organisation, entityName, entityKind, ministry, false, at,
				List.of(), List.of(), 0);
	}

	/**
	 * Adds a decision to the history, which settles what kept it from being decided; an
	 * archived project takes none.
	 */
	ProjectDecision decided(Instant at, String actor, ProjectDecision.Reason reason, String offerId, String assessment,
			String packId, String packVersion, String packDigest, fr.gouv.nuage.doctrine.Verdict verdict,
			String control, String decision) {
		if (archived) {
			throw new Projects.Archived(Projects.said("archived.assessed", name));
		}
		ProjectDecision entry = new ProjectDecision(decisions.size() + 1, at, actor, reason, offerId, assessment,
				packId, packVersion, packDigest, verdict, control, decision);
		decisions.add(entry);
		issues.clear();
		return entry;
	}

	void rename(String newName) {
		if (archived) {
			throw new Projects.Archived(Projects.said("archived.edited", name));
		}
		name = newName.strip();
	}

	void archive() {
		if (archived) {
			throw new Projects.Archived(Projects.said("archived.already", name));
		}
		archived = true;
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	/**
	 * The organisation of the directory that owns the project; {@code null} for one
	 * registered without.
	 */
	public String organisation() {
		return organisation;
	}

	public String entityName() {
		return entityName;
	}

	public String entityKind() {
		return entityKind;
	}

	public String ministry() {
		return ministry;
	}

	public boolean archived() {
		return archived;
	}

	public Instant registeredAt() {
		return registeredAt;
	}

	/** Every decision, oldest first: the project's compliance over time. */
	public List<ProjectDecision> decisions() {
		return List.copyOf(decisions);
	}

	/**
	 * What kept the project from being decided again since its latest decision; empty
	 * most of the time.
	 */
	public List<ProjectIssue> issues() {
		return List.copyOf(issues);
	}

	public Optional<ProjectDecision> latest() {
		return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
	}

	public int version() {
		return version;
	}

	void saved() {
		version++;
	}

}
