package fr.gouv.nuage.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs an agent in from ProConnect: the ID token proves who it is, and the claims of the
 * requested scopes (given_name, usual_name, email, uid, siret, idp_id) come from the
 * userinfo endpoint, which ProConnect answers as a JWT signed with its keys (JSON is read
 * too). A signed userinfo is taken only from the provider's issuer and for this client
 * ({@code iss} and {@code aud}, as OpenID Connect Core 5.3.2 requires): another client's
 * or another issuer's, replayed, is refused. Its keys are the ID token's, kept
 * ({@link ProConnectKeys}). The professional e-mail, not {@code sub} (specific to each
 * service and identity provider), identifies the person.
 */
@Component
class ProConnectUserService extends OidcUserService {

	private static final Logger log = LoggerFactory.getLogger(ProConnectUserService.class);

	private final RestClient http = RestClient.create();

	private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
	};

	private final Directory directory;

	private final JsonMapper json;

	private final ProConnectKeys keys;

	ProConnectUserService(Directory directory, JsonMapper json, ProConnectKeys keys) {
		this.directory = directory;
		this.json = json;
		this.keys = keys;
	}

	/**
	 * The person signing in, or a refusal, logged: the browser is only told that the
	 * sign-in failed.
	 */
	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		try {
			return signIn(request);
		}
		catch (OAuth2AuthenticationException ex) {
			log.warn("sign-in with {} refused: {}: {}", request.getClientRegistration().getRegistrationId(),
					ex.getError().getErrorCode(), ex.getError().getDescription());
			throw ex;
		}
	}

	private OidcUser signIn(OidcUserRequest request) {
		ClientRegistration.ProviderDetails provider = request.getClientRegistration().getProviderDetails();
		Map<String, Object> claims = new LinkedHashMap<>(request.getIdToken().getClaims());
		String uri = provider.getUserInfoEndpoint().getUri();
		if (uri != null && !uri.isBlank()) {
			claims.putAll(userInfo(request, uri));
		}
		if (!request.getIdToken().getSubject().equals(claims.get("sub"))) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("invalid_user_info", "the userinfo subject differs from the ID token's", null));
		}
		// The session goes by the ID token's claims, which win in the OidcUser: they must
		// name the person, and the identity provider, that the directory checks.
		for (String name : List.of("email", "idp_id")) {
			Object asserted = request.getIdToken().getClaims().get(name);
			if (asserted != null && !asserted.equals(claims.get(name))) {
				throw invalid("the userinfo's `" + name + "` differs from the ID token's", null);
			}
		}
		Person person;
		try {
			person = directory.signIn(new Identity(text(claims, "email"), text(claims, "given_name"),
					text(claims, "usual_name"), text(claims, "siret"), text(claims, "uid"), text(claims, "idp_id")));
		}
		catch (Directory.Refused ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info", ex.getMessage(), null));
		}
		return new DefaultOidcUser(SignedIn.authorities(person), request.getIdToken(), new OidcUserInfo(claims), "sub");
	}

	private static String text(Map<String, Object> claims, String name) {
		Object value = claims.get(name);
		return value == null ? null : value.toString();
	}

	private Map<String, Object> userInfo(OidcUserRequest request, String uri) {
		ResponseEntity<String> response = http.get()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + request.getAccessToken().getTokenValue())
			.accept(MediaType.parseMediaType("application/jwt"), MediaType.APPLICATION_JSON)
			.retrieve()
			.toEntity(String.class);
		MediaType type = response.getHeaders().getContentType();
		String body = response.getBody() == null ? "" : response.getBody();
		if (type != null && type.isCompatibleWith(MediaType.parseMediaType("application/jwt"))) {
			return signed(request, body.strip());
		}
		try {
			Map<String, Object> claims = json.readValue(body, CLAIMS);
			if (claims == null) {
				throw new OAuth2AuthenticationException(
						new OAuth2Error("invalid_user_info", "the userinfo is `null`, not an object of claims", null));
			}
			return claims;
		}
		catch (JacksonException ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_user_info",
					"the userinfo is not an object of claims: " + ex.getOriginalMessage(), null), ex);
		}
	}

	/**
	 * The claims of a signed userinfo, once its signature, its times, its issuer and its
	 * audience are checked. The issuer is the provider's ({@code issuer-uri}), or without
	 * one the ID token's, itself checked with the same keys.
	 */
	private Map<String, Object> signed(OidcUserRequest request, String token) {
		ClientRegistration registration = request.getClientRegistration();
		Jwt jwt;
		try {
			jwt = keys.userInfo(registration).decode(token);
		}
		catch (JwtValidationException ex) {
			throw invalid("the userinfo JWT is refused: " + ex.getErrors()
				.stream()
				.map(error -> error.getDescription() == null ? error.getErrorCode() : error.getDescription())
				.distinct()
				.collect(Collectors.joining("; ")), ex);
		}
		catch (JwtException ex) {
			throw invalid("the userinfo JWT is refused: " + ex.getMessage(), ex);
		}
		String issuer = registration.getProviderDetails().getIssuerUri();
		if (issuer == null || issuer.isBlank()) {
			issuer = request.getIdToken().getClaimAsString("iss");
		}
		String claimed = jwt.getClaimAsString("iss");
		if (claimed == null) {
			throw invalid("the userinfo JWT has no `iss`: it must be the provider's issuer `" + issuer + "`", null);
		}
		if (!claimed.equals(issuer)) {
			throw invalid("the userinfo JWT's `iss` is `" + claimed + "`, not the provider's issuer `" + issuer + "`",
					null);
		}
		List<String> audience = jwt.getAudience();
		if (audience == null || !audience.contains(registration.getClientId())) {
			throw invalid("the userinfo JWT's `aud` is " + (audience == null ? "missing" : "`" + audience + "`")
					+ ": it must name this client `" + registration.getClientId() + "`", null);
		}
		return jwt.getClaims();
	}

	private static OAuth2AuthenticationException invalid(String description, Throwable cause) {
		OAuth2Error error = new OAuth2Error("invalid_user_info", description, null);
		return cause == null ? new OAuth2AuthenticationException(error)
				: new OAuth2AuthenticationException(error, cause);
	}

}
