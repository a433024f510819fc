package fr.gouv.nuage.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.context.annotation.Configuration;

/** What {@code /v3/api-docs} says of the API as a whole. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Nuage", version = "v1",
		description = "The State's \"Cloud au centre\" doctrine as working software: decisions on assessments "
				+ "(decision-v1), the catalogue of cloud offers as of any date, the offers eligible for a project. "
				+ "Errors are problem+json and name each bad field."))
class ApiDescription {
}
