package fr.gouv.nuage.projects.directory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.gouv.nuage.projects.audit.AuditLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory of organisations and people. A person signing in with ProConnect is found by e-mail;
 * a newcomer whose SIRET names a known organisation becomes its agent (or, for a provider, its
 * provider); other roles are granted by DINUM. Every change is audited.
 */
@Service
@Transactional
@EnableConfigurationProperties(DirectorySettings.class)
public class Directory {

	/** A change refused: the message names the field and what was wrong; nothing was changed. */
	public static final class Refused extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String field;

		Refused(String field, String message) {
			super(field + ": " + message);
			this.field = field;
		}

		public String field() {
			return field;
		}
	}

	/** The organisation DINUM's administrators are granted their role on. */
	public static final String DINUM = "dinum";

	/** The grantor of the roles a SIRET gives at sign-in. */
	static final String PROCONNECT = "proconnect";

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,59}");

	private static final Pattern SIRET = Pattern.compile("[0-9]{14}");

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
	 * Records a sign-in: the person is created or updated from the claims, their organisation
	 * follows their SIRET, and the roles the SIRET gave on another organisation are revoked.
	 */
	public Person signIn(Identity claims) {
		String email = email(claims.email());
		Identity identity = new Identity(email, claims.givenName(), claims.usualName(), claims.siret(), claims.uid(),
				claims.idpId());
		Optional<DirectoryRepository.Row> organisation = claims.siret() == null ? Optional.empty()
				: repository.organisationBySiret(claims.siret().strip());
		String organisationId = organisation.map(DirectoryRepository.Row::id).orElse(null);
		Optional<Person> known = repository.person(email);
		if (known.isEmpty()) {
			repository.insert(identity, organisationId, clock.instant());
			audit.append(email, "PERSON_REGISTERED", "person:" + email, null,
					AuditLog.state("organisation", organisationId, "siret", claims.siret(), "idp", claims.idpId()));
		}
		else {
			// A SIRET claim says where the person works now, even one the directory does not know: what
			// another SIRET gave is revoked. Without the claim, nothing is inferred.
			boolean siretClaimed = claims.siret() != null && !claims.siret().isBlank();
			repository.signedIn(identity, siretClaimed ? organisationId : known.get().organisation(), clock.instant());
			for (Grant grant : known.get().grants()) {
				if (siretClaimed && PROCONNECT.equals(grant.grantedBy()) && !grant.organisation().equals(organisationId)) {
					revoke(email, grant.role(), grant.organisation(), PROCONNECT);
				}
			}
		}
		Person person = repository.person(email).orElseThrow();
		if (organisation.isPresent()) {
			Role role = organisation.get().kind() == OrganisationKind.PROVIDER ? Role.PROVIDER : Role.AGENT;
			if (!holds(person, role, organisationId)) {
				grant(email, new Grant(role, organisationId, PROCONNECT));
			}
		}
		if (settings.administrators().contains(email) && !holds(person, Role.DINUM, DINUM)) {
			ensureDinum();
			grant(email, new Grant(Role.DINUM, DINUM, "nuage.directory.administrators"));
		}
		return repository.person(email).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Person> person(String email) {
		return email == null ? Optional.empty() : repository.person(email.strip().toLowerCase(Locale.ROOT));
	}

	@Transactional(readOnly = true)
	public List<Person> people() {
		return repository.people();
	}

	@Transactional(readOnly = true)
	public List<Organisation> organisations() {
		return resolve(repository.organisations());
	}

	@Transactional(readOnly = true)
	public Optional<Organisation> organisation(String id) {
		return organisations().stream().filter(o -> o.id().equals(id)).findFirst();
	}

	/** Adds an organisation; refused, changing nothing, when a field is wrong. */
	public Organisation add(String actor, String id, String name, OrganisationKind kind, String parent, String siret) {
		Map<String, DirectoryRepository.Row> rows = byId(repository.organisations());
		if (id == null || !ID.matcher(id).matches()) {
			throw new Refused("id", "`" + id + "` is not an identifier: 2 to 60 lowercase letters, digits or hyphens");
		}
		if (rows.containsKey(id)) {
			throw new Refused("id", "the organisation `" + id + "` already exists");
		}
		if (name == null || name.isBlank() || name.length() > 300) {
			throw new Refused("name", "an organisation has a name of 1 to 300 characters");
		}
		if (kind == null) {
			throw new Refused("kind", "say the kind: MINISTRY, DIRECTORATE, STATE_OPERATOR, LOCAL_AUTHORITY or PROVIDER");
		}
		if (parent == null && !kind.parents().isEmpty()) {
			throw new Refused("parent", "a " + kind.name() + " sits under a ministry or a directorate: name it");
		}
		if (parent != null) {
			DirectoryRepository.Row above = rows.get(parent);
			if (above == null) {
				throw new Refused("parent", "no organisation `" + parent + "`");
			}
			if (!kind.parents().contains(above.kind())) {
				throw new Refused("parent", "a " + kind.name() + " cannot sit under the " + above.kind().name() + " `" + parent + "`");
			}
		}
		if (siret != null && !SIRET.matcher(siret).matches()) {
			throw new Refused("siret", "`" + siret + "` is not a SIRET: 14 digits");
		}
		if (siret != null && repository.organisationBySiret(siret).isPresent()) {
			throw new Refused("siret", "the SIRET `" + siret + "` is already the organisation `"
					+ repository.organisationBySiret(siret).get().id() + "`'s");
		}
		repository.insert(new DirectoryRepository.Row(id, name.strip(), kind, parent, siret), clock.instant());
		audit.append(actor, "ORGANISATION_ADDED", "organisation:" + id, null,
				AuditLog.state("name", name.strip(), "kind", kind.name(), "parent", parent, "siret", siret));
		return organisation(id).orElseThrow();
	}

	/** Grants a role on an organisation; refused, changing nothing, when the person or the perimeter do not fit. */
	public Person grant(String actor, String email, Role role, String organisation) {
		String address = email(email);
		if (repository.person(address).isEmpty()) {
			throw new Refused("email", "no one with the e-mail `" + address + "` has signed in yet");
		}
		if (role == null) {
			throw new Refused("role", "say the role: AGENT, MINISTRY_CONTROLLER, DINUM, PRIME_MINISTER_OFFICE or PROVIDER");
		}
		DirectoryRepository.Row row = byId(repository.organisations()).get(organisation);
		if (row == null) {
			throw new Refused("organisation", "no organisation `" + organisation + "`");
		}
		if (!role.perimeterKinds().contains(row.kind())) {
			throw new Refused("organisation", "the role " + role.name() + " is not granted on a " + row.kind().name());
		}
		if (holds(repository.person(address).get(), role, organisation)) {
			throw new Refused("role", "`" + address + "` is already " + role.name() + " on `" + organisation + "`");
		}
		grant(address, new Grant(role, organisation, actor));
		return repository.person(address).orElseThrow();
	}

	public Person revoke(String actor, String email, Role role, String organisation) {
		String address = email(email);
		if (!revoke(address, role, organisation, actor)) {
			throw new Refused("role", "`" + address + "` is not " + role + " on `" + organisation + "`");
		}
		return repository.person(address).orElseThrow();
	}

	/** What a person reaches. */
	@Transactional(readOnly = true)
	public Perimeter perimeter(Person person) {
		List<Organisation> organisations = organisations();
		Set<String> editable = new HashSet<>();
		Set<String> controlled = new HashSet<>();
		Set<String> providers = new HashSet<>();
		for (Grant grant : person.grants()) {
			switch (grant.role()) {
				case AGENT -> editable.add(grant.organisation());
				case MINISTRY_CONTROLLER -> organisations.stream()
					.filter(o -> grant.organisation().equals(o.ministry()))
					.forEach(o -> controlled.add(o.id()));
				case PROVIDER -> organisations.stream()
					.filter(o -> o.id().equals(grant.organisation()))
					.forEach(o -> providers.add(o.name()));
				case DINUM, PRIME_MINISTER_OFFICE -> {
				}
			}
		}
		return new Perimeter(person, editable, controlled, providers);
	}

	/** The e-mails of the people holding a role on an organisation or, for a controller, on its ministry. */
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

	/** The e-mails of everyone holding a role, whatever the organisation (DINUM, the Prime Minister's office). */
	@Transactional(readOnly = true)
	public List<String> holders(Role role) {
		return repository.holders(role, repository.organisations().stream().map(DirectoryRepository.Row::id).toList());
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
		Map<String, DirectoryRepository.Row> rows = byId(repository.organisations());
		if (!rows.containsKey("services-premier-ministre")) {
			repository.insert(new DirectoryRepository.Row("services-premier-ministre", "Services du Premier ministre",
					OrganisationKind.MINISTRY, null, null), clock.instant());
		}
		if (!rows.containsKey(DINUM)) {
			repository.insert(new DirectoryRepository.Row(DINUM, "Direction interministérielle du numérique (DINUM)",
					OrganisationKind.DIRECTORATE, "services-premier-ministre", null), clock.instant());
			audit.append("nuage.directory.administrators", "ORGANISATION_ADDED", "organisation:" + DINUM, null,
					AuditLog.state("kind", OrganisationKind.DIRECTORATE.name(), "parent", "services-premier-ministre"));
		}
	}

	private static boolean holds(Person person, Role role, String organisation) {
		return person.grants().stream().anyMatch(g -> g.role() == role && g.organisation().equals(organisation));
	}

	private static String email(String email) {
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!EMAIL.matcher(address).matches() || address.length() > 320) {
			throw new Refused("email", "`" + email + "` is not an e-mail address");
		}
		return address;
	}

	private static Map<String, DirectoryRepository.Row> byId(List<DirectoryRepository.Row> rows) {
		Map<String, DirectoryRepository.Row> map = new HashMap<>();
		rows.forEach(r -> map.put(r.id(), r));
		return map;
	}

	/** Each organisation with the ministry at the top of its tree. */
	private static List<Organisation> resolve(List<DirectoryRepository.Row> rows) {
		Map<String, DirectoryRepository.Row> map = byId(rows);
		List<Organisation> out = new ArrayList<>(rows.size());
		for (DirectoryRepository.Row row : rows) {
			DirectoryRepository.Row top = row;
			int depth = 0;
			while (top.parent() != null && map.containsKey(top.parent()) && depth++ < 64) {
				top = map.get(top.parent());
			}
			String ministry = top.kind() == OrganisationKind.MINISTRY ? top.id() : null;
			out.add(new Organisation(row.id(), row.name(), row.kind(), row.parent(), row.siret(), ministry));
		}
		return out;
	}
}
