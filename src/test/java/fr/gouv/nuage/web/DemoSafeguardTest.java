package fr.gouv.nuage.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.gouv.nuage.NuageApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/**
 * The demo profile refuses to start beside a real ProConnect client or on a database that
 * is not the embedded H2, saying which setting it refuses, before anything connects: a
 * database that answers nowhere fails the start with that refusal, not with a connection
 * error.
 */
class DemoSafeguardTest {

	private static final String H2 = "jdbc:h2:mem:safeguard;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";

	private static void startDemo(String... args) {
		SpringApplication demo = new SpringApplication(NuageApplication.class);
		demo.setAdditionalProfiles("demo");
		String[] all = new String[args.length + 2];
		all[0] = "--server.port=0";
		all[1] = "--spring.flyway.schemas=public";
		System.arraycopy(args, 0, all, 2, args.length);
		demo.run(all).close();
	}

	@Test
	void aProductionDatabaseIsRefused() {
		assertThatThrownBy(() -> startDemo(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nuage?user=nuage&password=secret"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("the demo profile refuses to start: spring.datasource.url is "
					+ "`jdbc:postgresql://127.0.0.1:1/nuage`, not an embedded H2 (jdbc:h2:mem: or jdbc:h2:file:)")
			.hasMessageNotContaining("secret");
		assertThatThrownBy(() -> startDemo("--spring.datasource.url=" + H2,
				"--spring.flyway.url=jdbc:h2:tcp://db.example:9092/nuage"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.flyway.url is `jdbc:h2:tcp://db.example:9092/nuage`, not an embedded H2");
	}

	@Test
	void aProConnectClientIsRefused() {
		assertThatThrownBy(() -> startDemo("--spring.datasource.url=" + H2,
				"--spring.security.oauth2.client.registration.proconnect.client-id=nuage",
				"--spring.security.oauth2.client.registration.proconnect.client-secret=secret",
				"--spring.security.oauth2.client.provider.proconnect.issuer-uri=https://proconnect.invalid"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("spring.security.oauth2.client.registration.proconnect.client-id is set: a "
					+ "ProConnect client is configured")
			.hasMessageContaining("spring.security.oauth2.client.registration.proconnect.client-secret is set")
			.hasMessageContaining("never turn it on beside a real ProConnect client or a real database");
	}

}
