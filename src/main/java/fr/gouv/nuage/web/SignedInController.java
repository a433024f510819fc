package fr.gouv.nuage.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, as ProConnect described them. */
@RestController
class SignedInController {

	private static final List<String> CLAIMS = List.of("sub", "given_name", "usual_name", "email", "uid", "siret", "idp_id");

	@GetMapping("/api/v1/me")
	Map<String, Object> me(@AuthenticationPrincipal OidcUser user) {
		Map<String, Object> me = new LinkedHashMap<>();
		for (String claim : CLAIMS) {
			Object value = user.getClaims().get(claim);
			if (value != null) {
				me.put(claim, value);
			}
		}
		return me;
	}
}
