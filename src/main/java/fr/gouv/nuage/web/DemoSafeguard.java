package fr.gouv.nuage.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile signs anyone in as its fictitious accounts, with a password
 * everyone knows: it refuses to start beside a real ProConnect client, or on a database
 * other than the embedded H2 (a production PostgreSQL, an H2 server). It checks before
 * any bean is made, so that nothing connects to that database, migrates it or seeds it.
 */
@Component
@Profile("demo")
class DemoSafeguard implements BeanFactoryPostProcessor, EnvironmentAware {

	private static final String CLIENT = "spring.security.oauth2.client.registration.proconnect.";

	private static final List<String> CREDENTIALS = List.of(CLIENT + "client-id", CLIENT + "client-secret");

	private static final List<String> DATABASES = List.of("spring.datasource.url", "spring.flyway.url");

	/** The embedded H2's URLs: in memory or in a file, never a server's. */
	private static final List<String> EMBEDDED = List.of("jdbc:h2:mem:", "jdbc:h2:file:");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beans) {
		List<String> refusals = refusals(environment);
		if (!refusals.isEmpty()) {
			throw new IllegalStateException("the demo profile refuses to start: " + String.join("; ", refusals)
					+ ". It signs in fictitious accounts with a public password: never turn it on beside a real "
					+ "ProConnect client or a real database.");
		}
	}

	private static List<String> refusals(Environment environment) {
		List<String> refusals = new ArrayList<>();
		for (String property : CREDENTIALS) {
			String value = environment.getProperty(property);
			if (value != null && !value.isBlank()) {
				refusals.add(property + " is set: a ProConnect client is configured");
			}
		}
		for (String property : DATABASES) {
			String url = environment.getProperty(property);
			if (url != null && !url.isBlank()
					&& EMBEDDED.stream().noneMatch(url.strip().toLowerCase(Locale.ROOT)::startsWith)) {
				refusals.add(property + " is `" + shown(url.strip())
						+ "`, not an embedded H2 (jdbc:h2:mem: or jdbc:h2:file:)");
			}
		}
		return refusals;
	}

	/** A database's URL without its parameters, which may hold a password. */
	private static String shown(String url) {
		int parameters = url.length();
		for (char c : new char[] { '?', ';', '&' }) {
			int at = url.indexOf(c);
			if (at >= 0) {
				parameters = Math.min(parameters, at);
			}
		}
		return url.substring(0, parameters);
	}

}
