package fr.gouv.nuage.web;

import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.http.ProblemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what: the doctrine's decisions, the public catalogue and the API
 * description are open to visitors; everything else needs a sign-in with ProConnect
 * (OpenID Connect), configured by the
 * {@code spring.security.oauth2.client.registration.proconnect.*} properties. Without
 * them no one can sign in, and what needs a sign-in answers 401. The {@code demo} profile
 * adds its sign-in page and HTTP Basic for its fictitious accounts only; on the API, a
 * visitor is told 401 there too, as the API's description says. What a signed-in person
 * reaches within the API is their perimeter, checked by each endpoint.
 * <p>
 * A change signed in by the session cookie must come from Nuage's own pages
 * ({@link CrossSiteRequests}); the pages' forms carry Spring Security's CSRF token. Every
 * answer says what a browser may do with it: a strict Content-Security-Policy (no inline
 * script or style, images from Nuage or inline in its stylesheet, no framing, forms
 * posted to Nuage only), no referrer outside Nuage, and no powerful feature (camera,
 * microphone, geolocation...).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** What every answer's content may load, run and be framed by. */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The browser's powerful features, none of which Nuage uses. */
	private static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
			+ "encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
			+ "midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
			+ "serial=(), usb=(), xr-spatial-tracking=()";

	@Bean
	SecurityFilterChain security(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			ProConnectUserService users, Environment environment, Directory directory, JsonMapper json)
			throws Exception {
		boolean demo = environment.matchesProfiles("demo");
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers(HttpMethod.POST, "/api/v1/decisions", "/api/v1/offers/eligible")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/packs", "/api/v1/offers", "/api/v1/offers/**", "/v3/api-docs",
						"/v3/api-docs/**", "/actuator/health", "/actuator/health/**", "/error")
				.permitAll()
				// The State design system's files, served to every visitor
				// (scripts/dsfr-refresh.sh).
				.requestMatchers(HttpMethod.GET, "/dsfr/**", "/css/**")
				.permitAll()
				// The public portal: its home, its mandatory pages, the doctrine, the
				// self-assessment and its certificate, the catalogue.
				.requestMatchers(HttpMethod.GET, "/", "/accessibilite", "/mentions-legales", "/donnees-personnelles",
						"/plan-du-site", "/doctrine", "/doctrine/**", "/auto-evaluation", "/auto-evaluation/**",
						"/certificats/**", "/catalogue", "/catalogue/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/certificats/verification")
				.permitAll();
			if (demo) {
				requests.requestMatchers(HttpMethod.GET, "/demo")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/demo/sign-in")
					.permitAll();
			}
			requests.anyRequest().authenticated();
		});
		// The JSON API is called without a browser session's CSRF token: what the session
		// cookie signs in changes nothing when another site sent it (CrossSiteRequests).
		http.csrf(csrf -> csrf.ignoringRequestMatchers(api));
		http.addFilterAfter(new CrossSiteRequests(new ProblemWriter(json)), HeaderWriterFilter.class);
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
		AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
		http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(unauthorized, api));
		if (registrations.getIfAvailable() != null) {
			http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)));
		}
		if (demo) {
			DaoAuthenticationProvider basic = new DaoAuthenticationProvider(demoAccounts(directory));
			http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(unauthorized));
			http.authenticationManager(new ProviderManager(basic));
			http.exceptionHandling(
					errors -> errors.authenticationEntryPoint(DelegatingAuthenticationEntryPoint.builder()
						.addEntryPointFor(unauthorized, api)
						.defaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/demo"))
						.build()));
		}
		else if (registrations.getIfAvailable() == null) {
			http.exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized));
		}
		return http.build();
	}

	/**
	 * The demo accounts, all with the password {@code demo}; no one else signs in this
	 * way.
	 */
	private static UserDetailsService demoAccounts(Directory directory) {
		return email -> DemoAccounts.person(directory, email)
			.map(person -> User.withUsername(person.email())
				.password("{noop}" + DemoAccounts.PASSWORD)
				.authorities(SignedIn.authorities(person))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException(
					DemoAccounts.isAccount(email) ? "not seeded" : "not a demo account"));
	}

}
