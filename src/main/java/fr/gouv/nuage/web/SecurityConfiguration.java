package fr.gouv.nuage.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may reach what: the doctrine's decisions, the public catalogue and the API description are
 * open to visitors; everything else needs a sign-in with ProConnect (OpenID Connect), configured by
 * the {@code spring.security.oauth2.client.registration.proconnect.*} properties. Without them no
 * one can sign in, and what needs a sign-in answers 401.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain security(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
			ProConnectUserService users) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(HttpMethod.POST, "/api/v1/decisions", "/api/v1/offers/eligible").permitAll()
			.requestMatchers(HttpMethod.GET, "/api/v1/packs", "/api/v1/offers", "/api/v1/offers/**", "/v3/api-docs",
					"/v3/api-docs/**", "/actuator/health", "/actuator/health/**", "/error")
			.permitAll()
			.anyRequest().authenticated());
		// The JSON API is called without a browser session's CSRF token; it changes nothing without a sign-in.
		http.csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
				new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
				PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
		if (registrations.getIfAvailable() != null) {
			http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)));
		}
		else {
			http.exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
		}
		return http.build();
	}
}
