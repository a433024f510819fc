package fr.gouv.nuage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.OrganisationKind;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with ProConnect end to end, against a real OpenID Connect provider on loopback
 * (mock-oauth2-server): authorization code flow with the ProConnect scopes, then the
 * agent's claims; ProConnect's signed userinfo, checked for its issuer and audience, with
 * keys fetched once; and what visitors may reach without signing in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SignInTest {

	private static final MockOAuth2Server PROCONNECT = new MockOAuth2Server();

	static {
		PROCONNECT.start();
	}

	private static final UserInfoServer USERINFO = new UserInfoServer(PROCONNECT, "proconnect");

	@DynamicPropertySource
	static void proconnect(DynamicPropertyRegistry properties) {
		String registration = "spring.security.oauth2.client.registration.proconnect.";
		properties.add(registration + "client-id", () -> "nuage");
		properties.add(registration + "client-secret", () -> "secret");
		properties.add(registration + "scope", () -> "openid,given_name,usual_name,email,uid,siret,idp_id");
		properties.add(registration + "authorization-grant-type", () -> "authorization_code");
		properties.add(registration + "redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
		String provider = "spring.security.oauth2.client.provider.proconnect.";
		properties.add(provider + "issuer-uri", SignInTest::issuer);
		properties.add(provider + "user-info-uri", () -> USERINFO.url("/userinfo"));
		properties.add(provider + "jwk-set-uri", () -> USERINFO.url("/jwks"));
		properties.add("nuage.directory.administrators", () -> ADMINISTRATOR);
		properties.add("nuage.directory.administrators-idp", () -> DINUM_IDP);
		// The administrator's sign-in commits the DINUM organisation, which other tests
		// add themselves: a database of its own.
		properties.add("spring.datasource.url", () -> "jdbc:h2:mem:nuage-sign-in;MODE=PostgreSQL;"
				+ "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}

	/** The first administrator, and the identity provider that asserts them. */
	private static final String ADMINISTRATOR = "premiere.admin@numerique.gouv.fr";

	private static final String DINUM_IDP = "dinum-idp";

	@AfterAll
	static void stop() {
		USERINFO.close();
		PROCONNECT.shutdown();
	}

	private static String issuer() {
		return PROCONNECT.issuerUrl("proconnect").toString();
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

	private static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The claims of ProConnect's userinfo for an agent of no known organisation, as it
	 * signs them.
	 */
	private static Map<String, Object> userInfo(String subject, String issuer, String audience) {
		return Map.of("sub", subject, "iss", issuer, "aud", audience, "given_name", "Claire", "usual_name", "Petit",
				"email", "claire.petit@interieur.gouv.fr", "uid", "7", "idp_id", "fia1");
	}

	/**
	 * A sign-in through ProConnect whose userinfo answers {@code userInfo} signed: the
	 * answer to the callback.
	 */
	private HttpResponse<String> signIn(HttpClient browser, String subject, Map<String, Object> userInfo)
			throws Exception {
		return signIn(browser, subject, Map.of("email", userInfo.get("email"), "idp_id", userInfo.get("idp_id")),
				userInfo);
	}

	/** A sign-in whose ID token carries {@code idToken} besides its own claims. */
	private HttpResponse<String> signIn(HttpClient browser, String subject, Map<String, Object> idToken,
			Map<String, Object> userInfo) throws Exception {
		PROCONNECT.enqueueCallback(
				new DefaultOAuth2TokenCallback("proconnect", subject, "JWT", List.of("nuage"), idToken, 3600));
		USERINFO.answer(userInfo);
		String authorize = get(browser, local("/oauth2/authorization/proconnect")).headers()
			.firstValue("Location")
			.orElseThrow();
		String callback = get(browser, authorize).headers().firstValue("Location").orElseThrow();
		return get(browser, callback);
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
	void aSignedUserInfoFromTheIssuerForThisClientSignsInAndTheKeysAreFetchedOnce() throws Exception {
		int before = USERINFO.keyFetches();
		HttpClient first = browser();
		assertThat(signIn(first, "sub-fia1-7", userInfo("sub-fia1-7", issuer(), "nuage")).statusCode()).isEqualTo(302);
		assertThat(get(first, local("/api/v1/me")).body()).contains("\"email\":\"claire.petit@interieur.gouv.fr\"")
			.contains("\"usual_name\":\"Petit\"");
		int afterFirst = USERINFO.keyFetches();

		HttpClient second = browser();
		assertThat(signIn(second, "sub-fia1-7", userInfo("sub-fia1-7", issuer(), "nuage")).statusCode()).isEqualTo(302);
		assertThat(get(second, local("/api/v1/me")).statusCode()).isEqualTo(200);

		// The ID token's and the userinfo's keys, fetched at most once, never again.
		assertThat(afterFirst - before).isLessThanOrEqualTo(1);
		assertThat(USERINFO.keyFetches()).isEqualTo(afterFirst);
	}

	@Test
	void aKeyTheProviderRotatedInIsFetchedWhenAUserInfoNamesIt() throws Exception {
		HttpClient first = browser();
		signIn(first, "sub-fia1-7", userInfo("sub-fia1-7", issuer(), "nuage"));
		assertThat(get(first, local("/api/v1/me")).statusCode()).isEqualTo(200);
		int before = USERINFO.keyFetches();

		USERINFO.rotate();
		HttpClient second = browser();
		signIn(second, "sub-fia1-7", userInfo("sub-fia1-7", issuer(), "nuage"));

		assertThat(get(second, local("/api/v1/me")).statusCode()).isEqualTo(200);
		assertThat(USERINFO.keyFetches()).isEqualTo(before + 1);
	}

	@Test
	void aSignedUserInfoFromAnotherIssuerIsRefused(CapturedOutput output) throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> refused = signIn(browser, "sub-fia1-7",
				userInfo("sub-fia1-7", "https://other-provider.example/api/v2", "nuage"));

		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(get(browser, local("/api/v1/me")).statusCode()).isEqualTo(401);
		assertThat(output).contains("sign-in with proconnect refused: invalid_user_info: the userinfo JWT's `iss` is "
				+ "`https://other-provider.example/api/v2`, not the provider's issuer `" + issuer() + "`");
	}

	@Test
	void aSignedUserInfoForAnotherClientIsRefused(CapturedOutput output) throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> refused = signIn(browser, "sub-fia1-7",
				userInfo("sub-fia1-7", issuer(), "another-service"));

		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(get(browser, local("/api/v1/me")).statusCode()).isEqualTo(401);
		assertThat(output).contains("sign-in with proconnect refused: invalid_user_info: the userinfo JWT's `aud` is "
				+ "`[another-service]`: it must name this client `nuage`");
	}

	@Test
	void aUserInfoThatNamesAnotherPersonThanTheIdTokenIsRefused(CapturedOutput output) throws Exception {
		HttpClient browser = browser();
		HttpResponse<String> refused = signIn(browser, "sub-fia1-7",
				Map.of("email", "quelquun@interieur.gouv.fr", "idp_id", "fia1"),
				userInfo("sub-fia1-7", issuer(), "nuage"));

		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(get(browser, local("/api/v1/me")).statusCode()).isEqualTo(401);
		assertThat(output)
			.contains("sign-in with proconnect refused: invalid_user_info: the userinfo's `email` differs from the "
					+ "ID token's");
	}

	@Test
	void theFirstAdministratorSignsInOnlyThroughTheIdentityProviderNamedForThem(CapturedOutput output)
			throws Exception {
		Map<String, Object> fromAnother = new HashMap<>(userInfo("sub-admin", issuer(), "nuage"));
		fromAnother.putAll(Map.of("email", ADMINISTRATOR, "idp_id", "fia1"));
		HttpClient another = browser();
		HttpResponse<String> refused = signIn(another, "sub-admin", fromAnother);

		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(get(another, local("/api/v1/me")).statusCode()).isEqualTo(401);
		assertThat(output).contains("sign-in with proconnect refused: invalid_user_info: idp_id: the identity "
				+ "provider `fia1` asserted the e-mail of an administrator");
		assertThat(directory.person(ADMINISTRATOR)).isEmpty();

		Map<String, Object> fromDinum = new HashMap<>(fromAnother);
		fromDinum.put("idp_id", DINUM_IDP);
		HttpClient dinum = browser();
		signIn(dinum, "sub-admin", fromDinum);

		assertThat(get(dinum, local("/api/v1/me")).body()).contains("\"email\":\"" + ADMINISTRATOR + "\"")
			.contains("{\"role\":\"DINUM\",\"organisation\":\"dinum\"");
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
