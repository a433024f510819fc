package fr.gouv.nuage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.OrganisationKind;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with ProConnect end to end, against a real OpenID Connect provider on loopback
 * (mock-oauth2-server): authorization code flow with the ProConnect scopes, then the
 * agent's claims; and what visitors may reach without signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInTest {

	private static final MockOAuth2Server PROCONNECT = new MockOAuth2Server();

	static {
		PROCONNECT.start();
	}

	@DynamicPropertySource
	static void proconnect(DynamicPropertyRegistry properties) {
		String registration = "spring.security.oauth2.client.registration.proconnect.";
		properties.add(registration + "client-id", () -> "nuage");
		properties.add(registration + "client-secret", () -> "secret");
		properties.add(registration + "scope", () -> "openid,given_name,usual_name,email,uid,siret,idp_id");
		properties.add(registration + "authorization-grant-type", () -> "authorization_code");
		properties.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		properties.add("spring.security.oauth2.client.provider.proconnect.issuer-uri",
				() -> PROCONNECT.issuerUrl("proconnect").toString());
	}

	@AfterAll
	static void stop() {
		PROCONNECT.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	Directory directory;

	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private HttpResponse<String> get(String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private String local(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void anAgentSignsInWithProConnectAndIsKnownByItsClaims() throws Exception {
		assertThat(get(local("/api/v1/me")).statusCode()).isEqualTo(401);
		// The SIRET of the claims names this organisation: the newcomer becomes its
		// agent.
		if (directory.organisation("signin-interieur").isEmpty()) {
			directory.add("test", "signin-interieur", "Ministère de l'Intérieur (sign-in test)",
					OrganisationKind.MINISTRY, null, "11000201100044");
		}
		PROCONNECT.enqueueCallback(new DefaultOAuth2TokenCallback("proconnect", "sub-fia1-42", "JWT", List.of("nuage"),
				Map.of("given_name", "Camille", "usual_name", "Martin", "email", "camille.martin@interieur.gouv.fr",
						"uid", "42", "siret", "11000201100044", "idp_id", "fia1"),
				3600));

		HttpResponse<String> start = get(local("/oauth2/authorization/proconnect"));
		assertThat(start.statusCode()).isEqualTo(302);
		String authorize = start.headers().firstValue("Location").orElseThrow();
		assertThat(authorize).startsWith(PROCONNECT.issuerUrl("proconnect").toString())
			.contains("response_type=code")
			.contains("scope=openid%20given_name%20usual_name%20email%20uid%20siret%20idp_id")
			.contains("state=")
			.contains("nonce=");

		HttpResponse<String> code = get(authorize);
		assertThat(code.statusCode()).isEqualTo(302);
		String callback = code.headers().firstValue("Location").orElseThrow();
		assertThat(callback).startsWith(local("/login/oauth2/code/proconnect?code="));

		HttpResponse<String> signedIn = get(callback);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		// The API takes no CSRF token: the session's cookie stays off other sites'
		// requests.
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("HttpOnly")
				.contains("SameSite=Lax")
				// The tests' servers speak plain HTTP: their configuration turns secure
				// off.
				.doesNotContain("Secure"));

		HttpResponse<String> me = get(local("/api/v1/me"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"email\":\"camille.martin@interieur.gouv.fr\"")
			.contains("\"given_name\":\"Camille\"")
			.contains("\"usual_name\":\"Martin\"")
			.contains("\"siret\":\"11000201100044\"")
			.contains("\"idp_id\":\"fia1\"")
			.contains("\"roles\":[{\"role\":\"AGENT\",\"organisation\":\"signin-interieur\"")
			.contains("\"organisation\":{\"id\":\"signin-interieur\"");
	}

	@Test
	void visitorsReachTheDoctrineAndThePublicCatalogueWithoutSigningIn() throws Exception {
		assertThat(get(local("/api/v1/packs")).statusCode()).isEqualTo(200);
		assertThat(get(local("/api/v1/offers?class=INTERNAL_PI")).statusCode()).isEqualTo(200);
		assertThat(get(local("/v3/api-docs")).statusCode()).isEqualTo(200);
		assertThat(get(local("/actuator/health")).statusCode()).isEqualTo(200);
		HttpResponse<String> decision = browser.send(HttpRequest.newBuilder(URI.create(local("/api/v1/decisions")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"}}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(decision.statusCode()).isEqualTo(200);
		assertThat(decision.body()).contains("\"verdict\":\"NOT_SUBJECT\"");
		assertThat(get(local("/actuator/env")).statusCode()).isEqualTo(401);
	}

}
