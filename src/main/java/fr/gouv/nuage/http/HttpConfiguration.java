package fr.gouv.nuage.http;

import jakarta.validation.Validator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies of Nuage's records are read strictly ({@link StrictBodies}), ahead of
 * Jackson's own converter.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration implements WebMvcConfigurer {

	private final JsonMapper json;

	private final Validator validator;

	HttpConfiguration(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.addCustomConverter(new StrictBodies(json, validator));
	}

}
