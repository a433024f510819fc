package fr.gouv.nuage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import fr.gouv.nuage.NuageApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The session cookie is sent over HTTPS only, but in the demo profile, which speaks plain
 * HTTP. Each server starts on the packaged configuration alone ({@code classpath:/}, not
 * the tests' {@code config/}, which turns it off too).
 */
class SessionCookieTest {

	private static ConfigurableApplicationContext start(String database, String... profiles) {
		SpringApplication nuage = new SpringApplication(NuageApplication.class);
		nuage.setAdditionalProfiles(profiles);
		return nuage.run("--spring.config.location=classpath:/", "--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:" + database
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"--spring.flyway.schemas=public");
	}

	/** The session cookie the server sets on its first answer to {@code path}. */
	private static String sessionCookie(ConfigurableApplicationContext nuage, String path) throws Exception {
		String port = nuage.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		return answer.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("JSESSIONID="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie on " + path + ": " + answer.headers().map()));
	}

	@Test
	void outsideTheDemoTheSessionCookieGoesOverHttpsOnly() throws Exception {
		try (ConfigurableApplicationContext nuage = start("cookie-production")) {
			assertThat(sessionCookie(nuage, "/api/v1/me")).contains("; Secure")
				.contains("; HttpOnly")
				.contains("; SameSite=Lax");
		}
	}

	@Test
	void theDemoProfileSpeaksPlainHttp() throws Exception {
		try (ConfigurableApplicationContext nuage = start("cookie-demo", "demo")) {
			assertThat(sessionCookie(nuage, "/demo")).doesNotContain("Secure")
				.contains("; HttpOnly")
				.contains("; SameSite=Lax");
		}
	}

}
