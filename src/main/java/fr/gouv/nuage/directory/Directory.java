package fr.gouv.nuage.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of organisations and people. A person signing in with ProConnect is found
 * by e-mail; a newcomer whose SIRET names a known organisation becomes its agent (or, for
 * a provider, its provider); other roles are granted by DINUM. Every change is audited.
 */
@Service
@Transactional
@EnableConfigurationProperties(DirectorySettings.class)
public class Directory {

	/**
	 * A change refused: the message names the field and what was wrong; nothing was
	 * changed.
	 */
	public static final class Refused extends Refusal {

		private static final long serialVersionUID = 1L;

		Refused(String field, Said said) {
			super(Kind.INVALID, field, said);
		}

	}

	/** Someone or something the directory does not hold: nothing was changed. */
	public static final class Unknown extends Refusal {

		private static final long serialVersionUID = 1L;

		Unknown(Said said) {
			super(Kind.NOT_FOUND, null, said);
		}

	}

	/** A text of the directory's bundle ({@code directory/refusals}). */
	static Said said(String key, Object... values) {
		return Said.of("directory/refusals", key, values);
	}

	/**
	 * A grant asked for: the person after it, and whether it changed anything
	 * ({@code false}: the role was held).
	 */
	public record Granted(Person person, boolean changed) {
	}

	/** The organisation DINUM's administrators are granted their role on. */
	public static final String DINUM = "dinum";

	/**
	 * The Prime Minister's services, the only organisation the Prime Minister's office is
	 * granted its role on.
	 */
	public static final String PRIME_MINISTER_SERVICES = "services-premier-ministre";

	/** The grantor of the roles a SIRET gives at sign-in. */
	static final String PROCONNECT = "proconnect";

	// What an organisation's fields must be, shared with the API's body
	// (DirectorySchemas.NewOrganisation),
	// so that the request and the directory refuse the same values with the same words.
	static final String ID_FORMAT = Organisation.ID_FORMAT;

	static final String ID_RULE = Organisation.ID_RULE;

	static final int NAME_MAX = 300;

	static final String NAME_RULE = "an organisation has a name of 1 to " + NAME_MAX + " characters";

	static final String KIND_RULE = "say the kind: MINISTRY, DIRECTORATE, STATE_OPERATOR, LOCAL_AUTHORITY or PROVIDER";

	static final String SIRET_FORMAT = "^[0-9]{14}$";

	private static final Pattern ID = Pattern.compile(ID_FORMAT);

	private static final Pattern SIRET = Pattern.compile(SIRET_FORMAT);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final DirectoryRepository repository;

	private final DirectorySettings settings;

	private final AuditLog audit;

	private final Clock clock;

	Directory(DirectoryRepository repository, DirectorySettings settings, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Records a sign-in: the person is created or updated from the claims, their
	 * organisation follows their SIRET, and the roles the SIRET gave on another
	 * organisation are revoked. The e-mail of a first administrator is taken only from
	 * the identity provider named for them: from another, which could assert any e-mail,
	 * the sign-in is refused, lest it reach the DINUM role (ADR 9).
	 */
	public Person signIn(Identity claims) {
		String email = email(claims.email());
		if (settings.namesAdministrator(email) && !settings.administrator(email, claims.idpId())) {
			throw new Refused("idp_id", claims.idpId() == null ? said("administrator.no-idp")
					: said("administrator.other-idp", claims.idpId()));
		}
		Identity identity = new Identity(email, claims.givenName(), claims.usualName(), claims.siret(), claims.uid(),
				claims.idpId());
		String siret = claims.siret() == null || claims.siret().isBlank() ? null : claims.siret().strip();
		boolean siretClaimed = siret != null;
		Optional<DirectoryRepository.Row> organisation = siretClaimed ? repository.organisationBySiret(siret)
				: Optional.empty();
		String organisationId = organisation.map(DirectoryRepository.Row::id).orElse(null);
		Optional<Person> known = repository.person(email);
		List<Grant> held = new ArrayList<>();
		if (known.isEmpty()) {
			repository.insert(identity, organisationId, clock.instant());
			audit.append(email, "PERSON_REGISTERED", "person:" + email, null,
					AuditLog.state("organisation", organisationId, "siret", claims.siret(), "idp", claims.idpId()));
		}
		else {
			// A SIRET claim says where the person works now, even one the directory does
			// not know: what
			// another SIRET gave is revoked. Without the claim, nothing is inferred.
			repository.signedIn(identity, siretClaimed ? organisationId : known.get().organisation(), clock.instant());
			for (Grant grant : known.get().grants()) {
				if (siretClaimed && PROCONNECT.equals(grant.grantedBy())
						&& !grant.organisation().equals(organisationId)) {
					revoke(email, grant.role(), grant.organisation(), PROCONNECT);
				}
				else {
					held.add(grant);
				}
			}
		}
		if (organisation.isPresent()) {
			Role role = organisation.get().kind() == OrganisationKind.PROVIDER ? Role.PROVIDER : Role.AGENT;
			if (!holds(held, role, organisationId)) {
				grant(email, new Grant(role, organisationId, PROCONNECT));
			}
		}
		if (settings.administrator(email, claims.idpId()) && !holds(held, Role.DINUM, DINUM)) {
			ensureDinum();
			grant(email, new Grant(Role.DINUM, DINUM, "nuage.directory.administrators"));
		}
		return repository.person(email).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Person> person(String email) {
		return email == null ? Optional.empty() : repository.person(Person.normalise(email));
	}

	/**
	 * The full names of the people among {@code emails} who gave one, keyed by the
	 * e-mails as given.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> names(Collection<String> emails) {
		Map<String, String> normalised = new HashMap<>();
		emails.stream().filter(Objects::nonNull).forEach(e -> normalised.put(e, Person.normalise(e)));
		Map<String, String> found = repository.names(Set.copyOf(normalised.values()));
		Map<String, String> names = new HashMap<>();
		normalised.forEach((email, key) -> {
			if (found.containsKey(key)) {
				names.put(email, found.get(key));
			}
		});
		return names;
	}

	/**
	 * The people a caller sees: DINUM everyone, with all their roles; a ministry
	 * controller those who hold a role within their ministry's tree, with those roles
	 * only; no one else sees the people.
	 */
	@Transactional(readOnly = true)
	public List<Person> people(Perimeter caller) {
		if (caller.dinum()) {
			return repository.people();
		}
		if (!caller.person().has(Role.MINISTRY_CONTROLLER)) {
			throw new NotAllowed(said("people.who"));
		}
		List<Person> seen = new ArrayList<>();
		for (Person person : repository.people()) {
			List<Grant> within = person.grants()
				.stream()
				.filter(g -> caller.controlled().contains(g.organisation()))
				.toList();
			if (!within.isEmpty()) {
				seen.add(new Person(person.email(), person.givenName(), person.usualName(), person.organisation(),
						within));
			}
		}
		return seen;
	}

	@Transactional(readOnly = true)
	public List<Organisation> organisations() {
		return resolve(repository.organisations());
	}

	/**
	 * The organisations in tree order: each ministry (or standalone organisation), then
	 * what sits under it.
	 */
	@Transactional(readOnly = true)
	public List<Organisation> tree() {
		List<Organisation> all = organisations();
		Set<String> ids = new HashSet<>();
		all.forEach(o -> ids.add(o.id()));
		List<Organisation> tree = new ArrayList<>(all.size());
		all.stream()
			.filter(o -> o.parent() == null || !ids.contains(o.parent()))
			.sorted(Comparator.comparing(Organisation::id))
			.forEach(root -> walk(root, all, tree, 0));
		return tree;
	}

	private static void walk(Organisation organisation, List<Organisation> all, List<Organisation> out, int depth) {
		out.add(organisation);
		if (depth > 64) {
			return;
		}
		all.stream()
			.filter(o -> organisation.id().equals(o.parent()))
			.sorted(Comparator.comparing(Organisation::id))
			.forEach(child -> walk(child, all, out, depth + 1));
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> organisation(String id) {
		return repository.organisation(id)
			.map(row -> organisation(row, parent -> repository.organisation(parent).orElse(null)));
	}

	/** Adds an organisation for a caller: only DINUM manages the directory. */
	public Organisation add(Perimeter caller, String id, String name, OrganisationKind kind, String parent,
			String siret) {
		administrator(caller, "add-organisations");
		return add(caller.person().email(), id, name, kind, parent, siret);
	}

	/**
	 * Adds an organisation on behalf of {@code actor}, whose perimeter is not checked:
	 * for what seeds the directory (the demo profile, tests). Refused, changing nothing,
	 * when a field is wrong.
	 */
	public Organisation add(String actor, String id, String name, OrganisationKind kind, String parent, String siret) {
		if (id == null || !ID.matcher(id).matches()) {
			throw new Refused("id", said("id.format", id));
		}
		if (repository.organisation(id).isPresent()) {
			throw new Refused("id", said("id.taken", id));
		}
		if (name == null || name.isBlank() || name.length() > NAME_MAX) {
			throw new Refused("name", said("name", NAME_MAX));
		}
		if (kind == null) {
			throw new Refused("kind", said("kind"));
		}
		if (parent == null && !kind.parents().isEmpty()) {
			throw new Refused("parent", said("parent.missing", kind.name()));
		}
		if (parent != null) {
			DirectoryRepository.Row above = repository.organisation(parent).orElse(null);
			if (above == null) {
				throw new Refused("parent", said("organisation.unknown", parent));
			}
			if (!kind.parents().contains(above.kind())) {
				throw new Refused("parent", said("parent.kind", kind.name(), above.kind().name(), parent));
			}
		}
		if (siret != null && !SIRET.matcher(siret).matches()) {
			throw new Refused("siret", said("siret.format", siret));
		}
		Optional<DirectoryRepository.Row> sameSiret = siret == null ? Optional.empty()
				: repository.organisationBySiret(siret);
		if (sameSiret.isPresent()) {
			throw new Refused("siret", said("siret.taken", siret, sameSiret.get().id()));
		}
		repository.insert(new DirectoryRepository.Row(id, name.strip(), kind, parent, siret), clock.instant());
		audit.append(actor, "ORGANISATION_ADDED", "organisation:" + id, null,
				AuditLog.state("name", name.strip(), "kind", kind.name(), "parent", parent, "siret", siret));
		return organisation(id).orElseThrow();
	}

	/**
	 * Grants a role for a caller: only DINUM does. Granting a role already held changes
	 * nothing; someone who never signed in is {@link Unknown}.
	 */
	public Granted grant(Perimeter caller, String email, Role role, String organisation) {
		administrator(caller, "grant");
		Person person = known(email);
		if (holds(person.grants(), role, organisation)) {
			return new Granted(person, false);
		}
		return new Granted(grant(caller.person().email(), person.email(), role, organisation), true);
	}

	/**
	 * Revokes a role for a caller: only DINUM does; a role the person does not hold is
	 * {@link Unknown}.
	 */
	public Person revoke(Perimeter caller, String email, Role role, String organisation) {
		administrator(caller, "revoke");
		if (role == null) {
			throw new Refused("role", said("role"));
		}
		Person person = known(email);
		if (!holds(person.grants(), role, organisation)) {
			throw new Unknown(said("role.not-held", person.email(), role.name(), organisation));
		}
		return revoke(caller.person().email(), person.email(), role, organisation);
	}

	/**
	 * Grants a role on behalf of {@code actor}, whose perimeter is not checked: for what
	 * seeds the directory (the demo profile, tests). Refused, changing nothing, when the
	 * person or the perimeter do not fit.
	 */
	public Person grant(String actor, String email, Role role, String organisation) {
		String address = email(email);
		Optional<Person> person = repository.person(address);
		if (person.isEmpty()) {
			throw new Refused("email", said("email.unknown", address));
		}
		if (role == null) {
			throw new Refused("role", said("role"));
		}
		DirectoryRepository.Row row = repository.organisation(organisation).orElse(null);
		if (row == null) {
			throw new Refused("organisation", said("organisation.unknown", organisation));
		}
		if (!role.perimeterKinds().contains(row.kind())) {
			throw new Refused("organisation", said("role.kind", role.name(), row.kind().name()));
		}
		if (role.onlyOn() != null && !role.onlyOn().equals(organisation)) {
			throw new Refused("organisation", said("role.only-on", role.name(), role.onlyOn(), organisation));
		}
		if (holds(person.get().grants(), role, organisation)) {
			throw new Refused("role", said("role.held", address, role.name(), organisation));
		}
		grant(address, new Grant(role, organisation, actor));
		return repository.person(address).orElseThrow();
	}

	/** Revokes a role on behalf of {@code actor}, whose perimeter is not checked. */
	public Person revoke(String actor, String email, Role role, String organisation) {
		String address = email(email);
		if (!revoke(address, role, organisation, actor)) {
			throw new Refused("role", said("role.not-held", address, role, organisation));
		}
		return repository.person(address).orElseThrow();
	}

	/** What a person reaches. */
	@Transactional(readOnly = true)
	public Perimeter perimeter(Person person) {
		// Only a controller's ministry tree needs the organisations.
		List<Organisation> organisations = person.has(Role.MINISTRY_CONTROLLER) ? organisations() : List.of();
		Set<String> editable = new HashSet<>();
		Set<String> controlled = new HashSet<>();
		Set<String> providers = new HashSet<>();
		for (Grant grant : person.grants()) {
			switch (grant.role()) {
				case AGENT -> editable.add(grant.organisation());
				case MINISTRY_CONTROLLER -> organisations.stream()
					.filter(o -> grant.organisation().equals(o.ministry()))
					.forEach(o -> controlled.add(o.id()));
				case PROVIDER -> providers.add(grant.organisation());
				case DINUM, PRIME_MINISTER_OFFICE -> {
				}
			}
		}
		return new Perimeter(person, editable, controlled, providers);
	}

	/**
	 * The e-mails of the people holding a role on an organisation or, for a controller,
	 * on its ministry.
	 */
	@Transactional(readOnly = true)
	public List<String> holders(Role role, String organisation) {
		if (organisation == null) {
			return List.of();
		}
		if (role == Role.MINISTRY_CONTROLLER) {
			return organisation(organisation).map(Organisation::ministry)
				.map(ministry -> repository.holders(role, List.of(ministry)))
				.orElse(List.of());
		}
		return repository.holders(role, List.of(organisation));
	}

	/**
	 * The e-mails of everyone holding a role, whatever the organisation (DINUM, the Prime
	 * Minister's office).
	 */
	@Transactional(readOnly = true)
	public List<String> holders(Role role) {
		return repository.holders(role);
	}

	private void grant(String email, Grant grant) {
		repository.grant(email, grant, clock.instant());
		audit.append(grant.grantedBy(), "ROLE_GRANTED", "person:" + email, null,
				AuditLog.state("role", grant.role().name(), "organisation", grant.organisation()));
	}

	private boolean revoke(String email, Role role, String organisation, String actor) {
		if (role == null || repository.revoke(email, role, organisation) == 0) {
			return false;
		}
		audit.append(actor, "ROLE_REVOKED", "person:" + email,
				AuditLog.state("role", role.name(), "organisation", organisation), null);
		return true;
	}

	private void ensureDinum() {
		if (repository.organisation(PRIME_MINISTER_SERVICES).isEmpty()) {
			repository.insert(new DirectoryRepository.Row(PRIME_MINISTER_SERVICES, "Services du Premier ministre",
					OrganisationKind.MINISTRY, null, null), clock.instant());
		}
		if (repository.organisation(DINUM).isEmpty()) {
			repository.insert(new DirectoryRepository.Row(DINUM, "Direction interministérielle du numérique (DINUM)",
					OrganisationKind.DIRECTORATE, PRIME_MINISTER_SERVICES, null), clock.instant());
			audit.append("nuage.directory.administrators", "ORGANISATION_ADDED", "organisation:" + DINUM, null,
					AuditLog.state("kind", OrganisationKind.DIRECTORATE.name(), "parent", PRIME_MINISTER_SERVICES));
		}
	}

	/** The directory is DINUM's to manage; the refusal names the step. */
	private static void administrator(Perimeter caller, String what) {
		if (!caller.dinum()) {
			throw new NotAllowed(said("dinum-only." + what));
		}
	}

	private Person known(String email) {
		return person(email).orElseThrow(() -> new Unknown(said("email.unknown", email)));
	}

	private static boolean holds(List<Grant> grants, Role role, String organisation) {
		return grants.stream().anyMatch(g -> g.role() == role && g.organisation().equals(organisation));
	}

	private static String email(String email) {
		String address = email == null ? "" : Person.normalise(email);
		if (!EMAIL.matcher(address).matches() || address.length() > 320) {
			throw new Refused("email", said("email.format", email));
		}
		return address;
	}

	/** Each organisation with the ministry at the top of its tree. */
	private static List<Organisation> resolve(List<DirectoryRepository.Row> rows) {
		Map<String, DirectoryRepository.Row> byId = new HashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		List<Organisation> out = new ArrayList<>(rows.size());
		rows.forEach(row -> out.add(organisation(row, byId::get)));
		return out;
	}

	/**
	 * An organisation with the ministry at the top of its tree, walking up through
	 * {@code parents} ({@code null} for an unknown id); no ministry when the top is not
	 * one.
	 */
	private static Organisation organisation(DirectoryRepository.Row row,
			Function<String, DirectoryRepository.Row> parents) {
		DirectoryRepository.Row top = row;
		int depth = 0;
		while (top.parent() != null && depth++ < 64) {
			DirectoryRepository.Row above = parents.apply(top.parent());
			if (above == null) {
				break;
			}
			top = above;
		}
		String ministry = top.kind() == OrganisationKind.MINISTRY ? top.id() : null;
		return new Organisation(row.id(), row.name(), row.kind(), row.parent(), row.siret(), ministry);
	}

}
