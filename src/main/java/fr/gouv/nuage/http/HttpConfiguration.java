package fr.gouv.nuage.http;

import java.util.List;

import jakarta.validation.Validator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies are bounded before they are read ({@link BodyLimit}), text is decoded
 * strictly ({@link StrictText}), Nuage's records are read strictly
 * ({@link StrictBodies}), ahead of Spring's own converters; a step that takes no body
 * refuses one ({@link NoBody}); and what no advice answers on the API is problem+json
 * ({@link ApiFallback}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpSettings.class)
class HttpConfiguration implements WebMvcConfigurer {

	private final JsonMapper json;

	private final Validator validator;

	private final ProblemWriter problems;

	HttpConfiguration(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
		this.problems = new ProblemWriter(json);
	}

	@Bean
	FilterRegistrationBean<BodyLimit> bodyLimit(HttpSettings settings) {
		FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(
				new BodyLimit(settings, problems));
		// Right after the character encoding filter, before security or anything reads.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.addCustomConverter(new StrictText());
		builder.addCustomConverter(new StrictBodies(json, validator));
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new NoBody());
	}

	@Override
	public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
		int advices = 0;
		while (advices < resolvers.size() && !(resolvers.get(advices) instanceof ExceptionHandlerExceptionResolver)) {
			advices++;
		}
		resolvers.add(Math.min(advices + 1, resolvers.size()), new ApiFallback(problems));
		resolvers.add(0, new TooManyParts(problems));
	}

}
