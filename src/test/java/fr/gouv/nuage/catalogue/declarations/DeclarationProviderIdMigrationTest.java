package fr.gouv.nuage.catalogue.declarations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * V20 gives the declarations made before it the organisation that can be told: the
 * submitter's, the one the reference catalogue names for the offer, or the only one of
 * that name; none when it cannot be told. Run on a database of its own: an in-memory H2,
 * or a schema of its own on the PostgreSQL that NUAGE_TEST_DB_URL names.
 */
@Tag("database")
class DeclarationProviderIdMigrationTest {

	private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void existingDeclarationsAreGivenTheOrganisationThatCanBeTold() throws SQLException {
		String postgres = System.getenv("NUAGE_TEST_DB_URL");
		String url = postgres != null ? postgres : "jdbc:h2:mem:v20-" + UUID.randomUUID()
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;" + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
		String user = postgres != null ? System.getenv().getOrDefault("NUAGE_TEST_DB_USER", "nuage") : "nuage";
		String password = postgres != null ? System.getenv().getOrDefault("NUAGE_TEST_DB_PASSWORD", "") : "";
		String schema = postgres != null ? "v20_" + UUID.randomUUID().toString().replace("-", "") : "public";
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			migrate(url, user, password, schema, before(url, user, password, schema));
			if (postgres != null) {
				execute(connection, "set search_path to " + schema);
			}
			organisation(connection, "ovhcloud", "OVHcloud");
			// What the directory stored for an organisation named " ovhcloud ".
			organisation(connection, "ovhcloud-fr", "ovhcloud");
			organisation(connection, "scaleway", "Scaleway (groupe Iliad)");
			provider(connection, "julie@ovhcloud.test", "ovhcloud");
			provider(connection, "mallory@ovhcloud-fr.test", "ovhcloud-fr");
			Map<String, UUID> declared = new LinkedHashMap<>();
			declared.put("julie's update",
					declaration(connection, "ovhcloud-hpc-snc", "OVHcloud", "UPDATE", "julie@ovhcloud.test"));
			declared.put("mallory's update",
					declaration(connection, "ovhcloud-hpc-snc", " ovhcloud ", "UPDATE", "mallory@ovhcloud-fr.test"));
			declared.put("an update of the catalogue",
					declaration(connection, "bleu", "Bleu (Orange et Capgemini)", "UPDATE", "Claire"));
			declared.put("a new offer of a name",
					declaration(connection, "scaleway-storage", "Scaleway (groupe Iliad)", "NEW_OFFER", "Eve"));
			declared.put("a name two organisations write alike",
					declaration(connection, "ovhcloud-storage", "OVHCLOUD", "NEW_OFFER", "Someone"));
			declared.put("a name nobody has", declaration(connection, "nobody-storage", "Nobody", "NEW_OFFER", "Nemo"));

			migrate(url, user, password, schema, "latest");

			Map<String, String> providers = new LinkedHashMap<>();
			for (Map.Entry<String, UUID> entry : declared.entrySet()) {
				try (PreparedStatement select = connection
					.prepareStatement("select provider_id from offer_declaration where id = ?")) {
					select.setObject(1, entry.getValue());
					try (ResultSet row = select.executeQuery()) {
						row.next();
						providers.put(entry.getKey(), row.getString(1));
					}
				}
			}
			Map<String, String> expected = new LinkedHashMap<>();
			expected.put("julie's update", "ovhcloud");
			expected.put("mallory's update", "ovhcloud-fr");
			expected.put("an update of the catalogue", "bleu");
			expected.put("a new offer of a name", "scaleway");
			expected.put("a name two organisations write alike", null);
			expected.put("a name nobody has", null);
			assertThat(providers).isEqualTo(expected);
			if (postgres != null) {
				execute(connection, "drop schema " + schema + " cascade");
			}
		}
	}

	/**
	 * The last migration before V20: the schema the existing declarations were stored in.
	 */
	private static String before(String url, String user, String password, String schema) {
		return java.util.Arrays
			.stream(Flyway.configure()
				.dataSource(url, user, password)
				.schemas(schema)
				.locations("classpath:db/migration")
				.load()
				.info()
				.all())
			.map(org.flywaydb.core.api.MigrationInfo::getVersion)
			.filter(version -> version.compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion("20")) < 0)
			.max(java.util.Comparator.naturalOrder())
			.orElseThrow()
			.getVersion();
	}

	private static void migrate(String url, String user, String password, String schema, String target) {
		Flyway.configure()
			.dataSource(url, user, password)
			.schemas(schema)
			.locations("classpath:db/migration")
			.target(target)
			.load()
			.migrate();
	}

	private static void organisation(Connection connection, String id, String name) throws SQLException {
		try (PreparedStatement insert = connection
			.prepareStatement("insert into organisation (id, name, kind, created_at) values (?, ?, 'PROVIDER', ?)")) {
			insert.setString(1, id);
			insert.setString(2, name);
			insert.setTimestamp(3, Timestamp.from(AT));
			insert.executeUpdate();
		}
	}

	private static void provider(Connection connection, String email, String organisation) throws SQLException {
		try (PreparedStatement person = connection
			.prepareStatement("insert into person (email, organisation_id, created_at) values (?, ?, ?)");
				PreparedStatement role = connection.prepareStatement("insert into person_role "
						+ "(email, role, organisation_id, granted_at, granted_by) values (?, 'PROVIDER', ?, ?, 'test')")) {
			person.setString(1, email);
			person.setString(2, organisation);
			person.setTimestamp(3, Timestamp.from(AT));
			person.executeUpdate();
			role.setString(1, email);
			role.setString(2, organisation);
			role.setTimestamp(3, Timestamp.from(AT));
			role.executeUpdate();
		}
	}

	/** A declaration as it was stored before V20, submitted by {@code actor}. */
	private static UUID declaration(Connection connection, String offer, String provider, String kind, String actor)
			throws SQLException {
		UUID id = UUID.randomUUID();
		try (PreparedStatement insert = connection.prepareStatement("insert into offer_declaration "
				+ "(id, offer_id, provider, kind, content, status, submitted_at, version) "
				+ "values (?, ?, ?, ?, ?, 'SUBMITTED', ?, 1)");
				PreparedStatement event = connection.prepareStatement("insert into offer_declaration_event "
						+ "(declaration_id, seq, at, actor, role, action) values (?, 1, ?, ?, 'PROVIDER', 'SUBMITTED')")) {
			insert.setObject(1, id);
			insert.setString(2, offer);
			insert.setString(3, provider);
			insert.setString(4, kind);
			insert.setString(5, "id: " + offer);
			insert.setTimestamp(6, Timestamp.from(AT));
			insert.executeUpdate();
			event.setObject(1, id);
			event.setTimestamp(2, Timestamp.from(AT));
			event.setString(3, actor);
			event.executeUpdate();
		}
		return id;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
