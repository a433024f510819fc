package fr.gouv.nuage.web;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.Person;
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
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs an agent in from ProConnect: the ID token proves who it is, and the claims of the
 * requested scopes (given_name, usual_name, email, uid, siret, idp_id) come from the
 * userinfo endpoint, which ProConnect answers as a JWT signed with its keys (JSON is read
 * too). The professional e-mail, not {@code sub} (specific to each service and identity
 * provider), identifies the person.
 */
@Component
class ProConnectUserService extends OidcUserService {

	private final RestClient http = RestClient.create();

	private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() {
	};

	private final Directory directory;

	private final JsonMapper json;

	ProConnectUserService(Directory directory, JsonMapper json) {
		this.directory = directory;
		this.json = json;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		ClientRegistration.ProviderDetails provider = request.getClientRegistration().getProviderDetails();
		Map<String, Object> claims = new LinkedHashMap<>(request.getIdToken().getClaims());
		String uri = provider.getUserInfoEndpoint().getUri();
		if (uri != null && !uri.isBlank()) {
			claims.putAll(userInfo(uri, provider.getJwkSetUri(), request.getAccessToken().getTokenValue()));
		}
		if (!request.getIdToken().getSubject().equals(claims.get("sub"))) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("invalid_user_info", "the userinfo subject differs from the ID token's", null));
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

	private Map<String, Object> userInfo(String uri, String jwkSetUri, String accessToken) {
		ResponseEntity<String> response = http.get()
			.uri(uri)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken)
			.accept(MediaType.parseMediaType("application/jwt"), MediaType.APPLICATION_JSON)
			.retrieve()
			.toEntity(String.class);
		MediaType type = response.getHeaders().getContentType();
		String body = response.getBody() == null ? "" : response.getBody();
		if (type != null && type.isCompatibleWith(MediaType.parseMediaType("application/jwt"))) {
			return NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build().decode(body.strip()).getClaims();
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

}
