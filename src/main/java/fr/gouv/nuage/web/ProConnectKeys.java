package fr.gouv.nuage.web;

import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * The provider's signing keys, one set a registration, shared by the decoders of its ID
 * tokens and of its signed userinfo: fetched at the first sign-in and kept (Nimbus'
 * cache, five minutes), fetched again at once when a JWT names a key the set does not
 * hold (the provider rotated its keys). Spring Security's own factory, which the sign-in
 * takes this one in place of, builds a decoder, and fetches the keys, at every sign-in.
 * The ID token is checked as that factory checks it: RS256, {@link OidcIdTokenValidator},
 * its claim types.
 */
@Component
class ProConnectKeys implements JwtDecoderFactory<ClientRegistration> {

	private record Decoders(JwtDecoder idTokens, JwtDecoder userInfo) {
	}

	private final Map<String, Decoders> registrations = new ConcurrentHashMap<>();

	/** The decoder of the registration's ID tokens. */
	@Override
	public JwtDecoder createDecoder(ClientRegistration registration) {
		return decoders(registration).idTokens();
	}

	/**
	 * The decoder of the registration's signed userinfo: its signature and its times; the
	 * caller checks its issuer and audience.
	 */
	JwtDecoder userInfo(ClientRegistration registration) {
		return decoders(registration).userInfo();
	}

	private Decoders decoders(ClientRegistration registration) {
		String jwkSetUri = registration.getProviderDetails().getJwkSetUri();
		if (jwkSetUri == null || jwkSetUri.isBlank()) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("missing_signature_verifier", "the provider of `" + registration.getRegistrationId()
							+ "` has no `jwk-set-uri`: its signatures cannot be checked", null));
		}
		return registrations.computeIfAbsent(registration.getRegistrationId(), id -> {
			JWKSource<SecurityContext> keys = keys(jwkSetUri);
			NimbusJwtDecoder idTokens = NimbusJwtDecoder.withJwkSource(keys)
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
			idTokens.setJwtValidator(JwtValidators.createDefaultWithValidators(new OidcIdTokenValidator(registration)));
			idTokens.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
			NimbusJwtDecoder userInfo = NimbusJwtDecoder.withJwkSource(keys)
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
			return new Decoders(idTokens, userInfo);
		});
	}

	/**
	 * The keys at the URI, cached; not rate-limited, as Spring Security's are not: only
	 * the provider's own answers name a key, never a caller.
	 */
	private static JWKSource<SecurityContext> keys(String jwkSetUri) {
		try {
			return JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL()).rateLimited(false).build();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error("missing_signature_verifier",
							"the provider's `jwk-set-uri` `" + jwkSetUri + "` is not a URL: " + ex.getMessage(), null),
					ex);
		}
	}

}
