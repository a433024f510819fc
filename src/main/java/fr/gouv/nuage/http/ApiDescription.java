package fr.gouv.nuage.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * What {@code /v3/api-docs} says of the API: the description, the tags and the security
 * schemes; the problem+json refusals, the version headers and the contracts of the
 * assessment and the decision as shared components; and, for every handler of this
 * package, what its signature implies — a sign-in when it takes the caller's
 * {@link Caller}, {@code If-Match} with 412 and 428 when it reads the header, 404 when
 * its path names something, 409 for a signed-in change, 413 for an upload — so that a
 * handler's own annotations say only who may call it and what it does.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Nuage", version = "v1", description = """
		The State's "Cloud au centre" doctrine as working software: decisions on assessments \
		(decision-v1), the catalogue of cloud offers as of any date, the offers eligible for a project; \
		and, for people signed in, the projects, controls, derogations, reversibility plans, documents, \
		providers' declarations and directory of their perimeter.

		**Sign-in.** The decisions, the rule packs and the catalogue are open to visitors. Everything \
		else needs a sign-in with ProConnect (OpenID Connect; the browser's session cookie then \
		authenticates the calls), or, in the `demo` profile only, HTTP Basic with a demonstration \
		account. What a signed-in person reaches is their perimeter: the roles they hold on \
		organisations (agent, ministry controller, DINUM, Prime Minister's office, provider); outside \
		it the API answers 403, without a sign-in 401.

		**Versions.** A resource that changes carries its version as a strong `ETag`; a change names \
		the version it was made on in `If-Match` (428 without it, 412 when someone changed it meanwhile).

		**Errors** are `application/problem+json`; `errors` names each bad field, path or parameter \
		with what was expected. Nothing is changed by a refused request."""), tags = {
		@Tag(name = ApiDocs.DECISIONS,
				description = "The doctrine's decision on an assessment and the rule packs it uses; open to visitors."),
		@Tag(name = ApiDocs.OFFERS,
				description = "The public catalogue of cloud offers as of any date; the offers eligible for an assessment."),
		@Tag(name = ApiDocs.PROJECTS,
				description = "Projects registered from their assessment and their decisions, in the caller's perimeter."),
		@Tag(name = ApiDocs.CONTROLS,
				description = "The control of a project, moved through the procedure its cost sets (project, ministry, DINUM)."),
		@Tag(name = ApiDocs.DEROGATIONS,
				description = "Derogations: requested by the project, approved by the minister, for R9 by the Prime Minister."),
		@Tag(name = ApiDocs.REVERSIBILITY,
				description = "A project's reversibility plan (R4): exit terms, export formats, budget and staff."),
		@Tag(name = ApiDocs.DOCUMENTS,
				description = "The documents of projects: comparative studies, proofs of guarantees, reversibility plans."),
		@Tag(name = ApiDocs.DECLARATIONS,
				description = "Offers declared by providers and reviewed by DINUM before they enter the catalogue."),
		@Tag(name = ApiDocs.DIRECTORY,
				description = "Who the caller is, the organisations, the people and the roles that make perimeters.") })
public class ApiDescription {

	static {
		// The caller's perimeter comes from the sign-in, never from the request.
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	/**
	 * The ProConnect client's registration and its issuer, whose discovery document is
	 * described.
	 */
	private static final String CLIENT = "spring.security.oauth2.client.registration.proconnect.client-id";

	private static final String ISSUER = "spring.security.oauth2.client.provider.proconnect.issuer-uri";

	private static final String DISCOVERY = "/.well-known/openid-configuration";

	/** Where the discovery document would be, on a server without a ProConnect client. */
	public static final String DISCOVERY_PLACEHOLDER = "https://proconnect.invalid/api/v2" + DISCOVERY;

	/** A refusal as a shared response: its component's name and what it means. */
	private record Refusal(String name, String meaning) {
	}

	/** The refusals, by status. */
	private static final Map<String, Refusal> REFUSALS = Map.of("400",
			new Refusal("BadRequest", "The request is refused: `errors` names each bad field of a body, path "
					+ "of an assessment (with its line and column) or parameter (also a path or query value not of its "
					+ "type, such as an identifier that is not a UUID), with what was expected. Nothing was changed."),
			"401",
			new Refusal("Unauthorized",
					"Not signed in: sign in with ProConnect (or, in the demo profile, HTTP "
							+ "Basic). This answer has no body."),
			"403",
			new Refusal("Forbidden",
					"Outside the caller's perimeter, or a step their role does not take; `detail` says who may. "
							+ "Also a change signed in by the session cookie that another site sent "
							+ "(`Sec-Fetch-Site: cross-site` or `same-site`, an `Origin` not Nuage's own): "
							+ "nothing was changed."),
			"404", new Refusal("NotFound", "Nothing of that name or identifier."), "409",
			new Refusal("Conflict", "The resource's state does not allow it (an archived project, a workflow "
					+ "at another step, a declaration already reviewed); `detail` says why. Nothing was changed."),
			"412",
			new Refusal("PreconditionFailed",
					"`If-Match` names a version that is no longer the resource's: "
							+ "someone changed it meanwhile. Read it again, then decide. Nothing was changed."),
			"413",
			new Refusal("ContentTooLarge", "The upload is above the size limit; the error names the part `file`."),
			"428", new Refusal("PreconditionRequired", "No `If-Match`: name the version (the `ETag` read) the change "
					+ "was made on. Nothing was changed."));

	@Bean
	OpenApiCustomizer apiComponents(Environment environment) {
		return openApi -> {
			Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
			openApi.setComponents(components);
			ModelConverters.getInstance(true)
				.readAll(new AnnotatedType(Schemas.Problem.class))
				.forEach(components::addSchemas);
			components.addSchemas("Assessment", contract("/doctrine/schema/assessment-v1.schema.json"));
			components.addSchemas("Decision", contract("/doctrine/schema/decision-v1.schema.json"));
			new TreeMap<>(REFUSALS).forEach((status, refusal) -> {
				ApiResponse response = new ApiResponse().description(refusal.meaning());
				if (!status.equals("401")) {
					response.content(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
				}
				components.addResponses(refusal.name(), response);
			});
			components.addHeaders("ETag",
					new Header()
						.description(
								"The resource's version, to name in `If-Match` when " + "changing it, such as `\"3\"`.")
						.schema(typed("string")));
			components.addHeaders("Location", new Header().description("The address of what was created.")
				.schema(typed("string").format("uri-reference")));
			components.addSecuritySchemes(ApiDocs.PROCONNECT, new SecurityScheme()
				.type(SecurityScheme.Type.OPENIDCONNECT)
				.openIdConnectUrl(discovery(environment))
				.description(
						"ProConnect, the State's sign-in for agents (OpenID Connect, authorization code flow, scopes "
								+ "`openid given_name usual_name email uid siret idp_id`). A browser signs in at "
								+ "`/oauth2/authorization/proconnect`; the session cookie it gets authenticates the calls. The "
								+ "URL is the discovery document of the issuer this server's ProConnect client is configured with (`"
								+ ISSUER + "`), or `" + DISCOVERY_PLACEHOLDER + "`, a placeholder, when it has none."));
			components.addSecuritySchemes(ApiDocs.DEMO, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("basic")
				.description("Demonstration only: in the `demo` profile, the fictitious accounts it seeds sign in with "
						+ "HTTP Basic and the password `demo`. Never on in production."));
		};
	}

	@Bean
	OperationCustomizer apiOperations() {
		return (operation,
				handler) -> handler.getBeanType()
					.isAnnotationPresent(org.springframework.web.bind.annotation.RestController.class)
						&& handler.getBeanType().getPackageName().startsWith("fr.gouv.nuage.")
								? complete(operation, handler) : operation;
	}

	/** Adds to an operation what its handler's signature implies. */
	static Operation complete(Operation operation, HandlerMethod handler) {
		Method method = handler.getMethod();
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
		boolean change = Arrays.stream(mapping.method()).anyMatch(m -> m != RequestMethod.GET);
		boolean signedIn = Arrays.stream(method.getParameterTypes()).anyMatch(Caller.class::isAssignableFrom);
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		ApiResponses responses = operation.getResponses();
		responses.forEach((status, response) -> {
			if (status.startsWith("2") && handler.hasMethodAnnotation(ApiDocs.Versioned.class)) {
				response.addHeaderObject("ETag", new Header().$ref("#/components/headers/ETag"));
			}
			if (status.equals("201")) {
				response.addHeaderObject("Location", new Header().$ref("#/components/headers/Location"));
			}
		});
		if (!parameters.isEmpty() || operation.getRequestBody() != null) {
			refusal(responses, "400");
		}
		if (signedIn) {
			operation.addSecurityItem(new SecurityRequirement().addList(ApiDocs.PROCONNECT))
				.addSecurityItem(new SecurityRequirement().addList(ApiDocs.DEMO));
			refusal(responses, "401");
			refusal(responses, "403");
		}
		if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
			refusal(responses, "404");
		}
		if (signedIn && change) {
			refusal(responses, "409");
		}
		if (Arrays.asList(mapping.consumes()).contains(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)) {
			refusal(responses, "413");
		}
		boolean first = parameters.stream().anyMatch(p -> p.getName().equals("If-None-Match")) && change;
		parameters.forEach(parameter -> describe(parameter, first));
		if (parameters.stream().anyMatch(p -> p.getName().equals("If-Match"))) {
			refusal(responses, "412");
			refusal(responses, "428");
		}
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses).forEach(sorted::addApiResponse);
		return operation.responses(sorted);
	}

	private static void refusal(ApiResponses responses, String status) {
		responses.addApiResponse(status,
				new ApiResponse().$ref("#/components/responses/" + REFUSALS.get(status).name()));
	}

	/**
	 * The parameters every endpoint names alike. {@code first}: a change that may create
	 * the resource without a version, with {@code If-None-Match: *}.
	 */
	private static void describe(Parameter parameter, boolean first) {
		// Schemas are replaced, never changed: springdoc may share one between parameters
		// of the same type.
		switch (parameter.getName()) {
			case "page" -> parameter.description("The page, counted from 0.")
				.schema(typed("integer").format("int32")
					._default(parameter.getSchema().getDefault())
					.minimum(BigDecimal.ZERO));
			case "size" -> parameter.description("How many items a page holds, 1 to 200.")
				.schema(typed("integer").format("int32")
					._default(parameter.getSchema().getDefault())
					.minimum(BigDecimal.ONE)
					.maximum(BigDecimal.valueOf(200)));
			case "asOf" -> parameter.description("The date the catalogue is read as of, YYYY-MM-DD; today when absent.")
				.schema(typed("string").format("date"));
			case "lang" -> parameter.description("The language of the texts: `fr` or `en`.");
			case "doctrine" -> parameter.description(
					"The rule pack that decides, by its id (`GET /api/v1/packs`); " + "the default pack when absent.");
			case "trace" -> parameter.description("Adds every condition evaluated and its result.");
			case "If-Match" -> parameter.required(!first)
				.example("\"1\"")
				.description(first
						? "The version (the `ETag` read) the change is made on; required once the resource exists. "
								+ "Without it, the first one is recorded."
						: "The version (the `ETag` read) the change is made on.");
			case "If-None-Match" ->
				parameter.description(first ? "`*`: record only if there is none yet (412 otherwise)."
						: "The `ETag` held: 304 Not Modified when it is still the document's.");
			default -> {
			}
		}
	}

	/** A JSON schema of the contracts shipped with the doctrine, as a component. */
	private static Schema<?> contract(String resource) {
		try (InputStream in = ApiDescription.class.getResourceAsStream(resource)) {
			Schema<?> schema = Json31.mapper().readValue(in, Schema.class);
			schema.set$schema(null);
			schema.set$id(null);
			return schema;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * ProConnect's discovery document, from the client's configuration when the server
	 * has one.
	 */
	public static String discovery(Environment environment) {
		String issuer = environment.getProperty(ISSUER);
		if (!environment.containsProperty(CLIENT) || issuer == null || issuer.isBlank()) {
			return DISCOVERY_PLACEHOLDER;
		}
		return issuer.strip().replaceAll("/+$", "") + DISCOVERY;
	}

	/** A schema of a JSON type, written as OpenAPI 3.1 writes types. */
	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.addType(type);
		return schema;
	}

}
