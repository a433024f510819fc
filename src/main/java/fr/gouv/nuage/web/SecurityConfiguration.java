package fr.gouv.nuage.web;

import fr.gouv.nuage.directory.Directory;
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
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what: the doctrine's decisions, the public catalogue and the API
 * description are open to visitors; everything else needs a sign-in with ProConnect
 * (OpenID Connect), configured by the
 * {@code spring.security.oauth2.client.registration.proconnect.*} properties. Without
 * them no one can sign in, and what needs a sign-in answers 401. The {@code demo} profile
 * adds its sign-in page and HTTP Basic for its fictitious accounts only. What a signed-in
 * person reaches within the API is their perimeter, checked by each endpoint.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain security(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			ProConnectUserService users, Environment environment, Directory directory) throws Exception {
		boolean demo = environment.matchesProfiles("demo");
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers(HttpMethod.POST, "/api/v1/decisions", "/api/v1/offers/eligible")
				.permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/packs", "/api/v1/offers", "/api/v1/offers/**", "/v3/api-docs",
						"/v3/api-docs/**", "/actuator/health", "/actuator/health/**", "/error")
				.permitAll();
			if (demo) {
				requests.requestMatchers(HttpMethod.GET, "/demo")
					.permitAll()
					.requestMatchers(HttpMethod.POST, "/demo/sign-in")
					.permitAll();
			}
			requests.anyRequest().authenticated();
		});
		// The JSON API is called without a browser session's CSRF token; it changes
		// nothing without a sign-in.
		http.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		http.exceptionHandling(
				errors -> errors.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		if (registrations.getIfAvailable() != null) {
			http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)));
		}
		if (demo) {
			DaoAuthenticationProvider basic = new DaoAuthenticationProvider(demoAccounts(directory));
			http.httpBasic(
					httpBasic -> httpBasic.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
			http.authenticationManager(new ProviderManager(basic));
			http.exceptionHandling(
					errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/demo")));
		}
		else if (registrations.getIfAvailable() == null) {
			http.exceptionHandling(
					errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
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
