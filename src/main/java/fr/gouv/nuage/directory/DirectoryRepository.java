package fr.gouv.nuage.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations, people and their roles, in three tables. */
@Repository
class DirectoryRepository {

	/** An organisation as stored: its ministry is found by walking up the tree. */
	record Row(String id, String name, OrganisationKind kind, String parent, String siret) {
	}

	private final JdbcClient jdbc;

	DirectoryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Row> organisations() {
		return jdbc.sql("select * from organisation order by id").query(DirectoryRepository::row).list();
	}

	Optional<Row> organisation(String id) {
		return jdbc.sql("select * from organisation where id = :id")
			.param("id", id)
			.query(DirectoryRepository::row)
			.optional();
	}

	void insert(Row organisation, Instant at) {
		jdbc.sql("""
				insert into organisation (id, name, kind, parent_id, siret, created_at)
				values (:id, :name, :kind, :parent, :siret, :at)""")
			.param("id", organisation.id())
			.param("name", organisation.name())
			.param("kind", organisation.kind().name())
			.param("parent", organisation.parent())
			.param("siret", organisation.siret())
			.param("at", Timestamp.from(at))
			.update();
	}

	Optional<Row> organisationBySiret(String siret) {
		return jdbc.sql("select * from organisation where siret = :siret")
			.param("siret", siret)
			.query(DirectoryRepository::row)
			.optional();
	}

	Optional<Person> person(String email) {
		return jdbc.sql("select * from person where email = :email")
			.param("email", email)
			.query((rs, n) -> new Person(rs.getString("email"), rs.getString("given_name"), rs.getString("usual_name"),
					rs.getString("organisation_id"), grants(rs.getString("email"))))
			.optional();
	}

	List<Person> people() {
		Map<String, List<Grant>> grants = new HashMap<>();
		jdbc.sql("select * from person_role order by email, role, organisation_id").query(rs -> {
			grants.computeIfAbsent(rs.getString("email"), e -> new ArrayList<>()).add(grant(rs));
		});
		return jdbc.sql("select * from person order by email")
			.query((rs, n) -> new Person(rs.getString("email"), rs.getString("given_name"), rs.getString("usual_name"),
					rs.getString("organisation_id"), grants.getOrDefault(rs.getString("email"), List.of())))
			.list();
	}

	/** The full names of the people among {@code emails} who gave one, by e-mail. */
	Map<String, String> names(Collection<String> emails) {
		if (emails.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new HashMap<>();
		jdbc.sql("select email, given_name, usual_name from person where email in (:emails)")
			.param("emails", emails)
			.query(rs -> {
				String name = Person.fullName(rs.getString("given_name"), rs.getString("usual_name"));
				if (name != null) {
					names.put(rs.getString("email"), name);
				}
			});
		return names;
	}

	/** The people holding a role on one of the organisations. */
	List<String> holders(Role role, Collection<String> organisations) {
		if (organisations.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(
				"select distinct email from person_role where role = :role and organisation_id in (:orgs) order by email")
			.param("role", role.name())
			.param("orgs", organisations)
			.query(String.class)
			.list();
	}

	/** The people holding a role, whatever the organisation. */
	List<String> holders(Role role) {
		return jdbc.sql("select distinct email from person_role where role = :role order by email")
			.param("role", role.name())
			.query(String.class)
			.list();
	}

	void insert(Identity identity, String organisation, Instant at) {
		jdbc.sql("""
				insert into person (email, given_name, usual_name, organisation_id, last_sign_in, created_at)
				values (:email, :given, :usual, :org, :at, :at)""")
			.param("email", identity.email())
			.param("given", identity.givenName())
			.param("usual", identity.usualName())
			.param("org", organisation)
			.param("at", Timestamp.from(at))
			.update();
	}

	void signedIn(Identity identity, String organisation, Instant at) {
		jdbc.sql("""
				update person set given_name = coalesce(:given, given_name), usual_name = coalesce(:usual, usual_name),
				    organisation_id = :org, last_sign_in = :at
				where email = :email""")
			.param("email", identity.email())
			.param("given", identity.givenName())
			.param("usual", identity.usualName())
			.param("org", organisation)
			.param("at", Timestamp.from(at))
			.update();
	}

	void grant(String email, Grant grant, Instant at) {
		jdbc.sql("""
				insert into person_role (email, role, organisation_id, granted_at, granted_by)
				values (:email, :role, :org, :at, :by)""")
			.param("email", email)
			.param("role", grant.role().name())
			.param("org", grant.organisation())
			.param("at", Timestamp.from(at))
			.param("by", grant.grantedBy())
			.update();
	}

	int revoke(String email, Role role, String organisation) {
		return jdbc.sql("delete from person_role where email = :email and role = :role and organisation_id = :org")
			.param("email", email)
			.param("role", role.name())
			.param("org", organisation)
			.update();
	}

	private List<Grant> grants(String email) {
		return jdbc.sql("select * from person_role where email = :email order by role, organisation_id")
			.param("email", email)
			.query((rs, n) -> grant(rs))
			.list();
	}

	private static Grant grant(ResultSet rs) throws SQLException {
		return new Grant(Role.valueOf(rs.getString("role")), rs.getString("organisation_id"),
				rs.getString("granted_by"));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getString("id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
				rs.getString("parent_id"), rs.getString("siret"));
	}

}
