package fr.gouv.nuage.api;

import fr.gouv.nuage.http.ApiDescription;
import fr.gouv.nuage.http.ApiDocs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.gouv.nuage.controls.Control;
import fr.gouv.nuage.documents.DocumentPurpose;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Role;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application starts on its embedded database and describes its API as a client
 * can code against it: the description is valid OpenAPI 3, and agrees with the handlers
 * (who reads {@code If-Match}) and with what the server enforces (who must sign in).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("database")
class OpenApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Creations under a project: they make a resource of their own and change no version
	 * of the project.
	 */
	private static final Set<String> CREATIONS = Set.of("POST /api/v1/projects/{id}/controls",
			"POST /api/v1/projects/{id}/derogations", "POST /api/v1/projects/{id}/documents");

	private static final String PROBLEM = "#/components/schemas/Problem";

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	private String json;

	private Map<String, Object> doc;

	/**
	 * An operation of the description: its method in capitals, its path and what it says.
	 */
	record Op(String method, String path, Map<String, Object> body) {

		String key() {
			return method + " " + path;
		}

		boolean change() {
			return !method.equals("GET");
		}

		boolean signedIn() {
			return body.get("security") instanceof List<?> security && !security.isEmpty();
		}
	}

	@BeforeEach
	void describe() throws Exception {
		json = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		doc = map(JSON.readValue(json, Map.class));
	}

	@Test
	void describesTheApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/decisions'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/offers'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/offers/eligible'].post").exists())
			.andExpect(jsonPath("$.paths['/api/v1/offers/{id}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/packs'].get").exists())
			.andExpect(jsonPath("$.info.title").value("Nuage"));
	}

	/**
	 * OpenAPI 3.x: it reads as the model, every reference resolves, every path variable
	 * is declared.
	 */
	@Test
	void isAValidOpenApiDocument() {
		assertThat((String) doc.get("openapi")).matches("3\\.\\d+\\.\\d+");
		assertThat(map(doc.get("info"))).containsKeys("title", "version");
		assertThatCode(() -> {
			OpenAPI model = Json31.mapper().readValue(json, OpenAPI.class);
			assertThat(model.getPaths()).isNotEmpty();
		}).doesNotThrowAnyException();
		List<String> problems = new ArrayList<>();
		references(doc, problems);
		Set<String> operationIds = new LinkedHashSet<>();
		for (Op op : operations()) {
			Set<String> declared = parameters(op).stream().filter(p -> "path".equals(p.get("in"))).peek(p -> {
				if (!Boolean.TRUE.equals(p.get("required"))) {
					problems.add(op.key() + ": the path parameter " + p.get("name") + " is not required");
				}
			}).map(p -> (String) p.get("name")).collect(Collectors.toCollection(TreeSet::new));
			Set<String> template = Arrays.stream(op.path().split("/"))
				.filter(s -> s.startsWith("{"))
				.map(s -> s.substring(1, s.length() - 1))
				.collect(Collectors.toCollection(TreeSet::new));
			if (!declared.equals(template)) {
				problems.add(op.key() + ": path parameters " + declared + " for " + template);
			}
			if (!operationIds.add(String.valueOf(op.body().get("operationId")))) {
				problems.add(op.key() + ": operationId " + op.body().get("operationId") + " twice");
			}
			responses(op).forEach((status, response) -> {
				if (!(map(response).get("description") instanceof String)) {
					problems.add(op.key() + ": response " + status + " has no description");
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyOperationHasATagASummaryAndSaysWhoMayCallIt() {
		Set<String> tags = list(doc.get("tags")).stream()
			.map(t -> (String) map(t).get("name"))
			.collect(Collectors.toSet());
		assertThat(tags).containsExactlyInAnyOrder("decisions", "offers", "projects", "controls", "derogations",
				"reversibility", "documents", "declarations", "directory");
		list(doc.get("tags")).forEach(tag -> assertThat((String) map(tag).get("description")).isNotBlank());
		List<String> problems = new ArrayList<>();
		for (Op op : operations()) {
			if (!(op.body().get("summary") instanceof String summary) || summary.isBlank()) {
				problems.add(op.key() + ": no summary");
			}
			if (!(op.body().get("description") instanceof String description) || !description.startsWith("**Who:**")) {
				problems.add(op.key() + ": no description saying who may call it");
			}
			List<Object> used = op.body().get("tags") == null ? List.of() : list(op.body().get("tags"));
			if (used.isEmpty() || !tags.containsAll(used)) {
				problems.add(op.key() + ": tags " + used);
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * A visitor is answered 401, without a body, exactly where the description asks for a
	 * sign-in: ProConnect, or HTTP Basic in the demo profile.
	 */
	@Test
	void securityIsWhatTheServerEnforces() throws Exception {
		Map<String, Object> schemes = map(map(doc.get("components")).get("securitySchemes"));
		assertThat(map(schemes.get(ApiDocs.PROCONNECT))).containsEntry("type", "openIdConnect")
			.containsEntry("openIdConnectUrl", ApiDescription.DISCOVERY_PLACEHOLDER);
		assertThat(map(schemes.get(ApiDocs.DEMO))).containsEntry("type", "http").containsEntry("scheme", "basic");
		assertThat((String) map(schemes.get(ApiDocs.DEMO)).get("description")).contains("demo");
		assertThat(doc).doesNotContainKey("security");
		List<String> problems = new ArrayList<>();
		for (Op op : operations()) {
			var visit = request(HttpMethod.valueOf(op.method()),
					op.path().replace("{seq}", "1").replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"));
			if (op.body().get("requestBody") != null) {
				visit.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
			MockHttpServletResponse answer = mvc.perform(visit).andReturn().getResponse();
			boolean refused = answer.getStatus() == 401;
			if (refused != op.signedIn()) {
				problems.add(op.key() + ": a visitor gets " + answer.getStatus() + " but the security is "
						+ op.body().get("security"));
			}
			if (refused && !answer.getContentAsString().isEmpty()) {
				problems.add(op.key() + ": 401 with a body, described without one");
			}
			if (op.signedIn() && !op.body()
				.get("security")
				.equals(List.of(Map.of(ApiDocs.PROCONNECT, List.of()), Map.of(ApiDocs.DEMO, List.of())))) {
				problems.add(op.key() + ": security " + op.body().get("security"));
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theSignInIsDescribedFromTheConfiguredClient() {
		String registration = "spring.security.oauth2.client.registration.proconnect.client-id";
		String issuer = "spring.security.oauth2.client.provider.proconnect.issuer-uri";
		assertThat(ApiDescription.discovery(new MockEnvironment())).isEqualTo(ApiDescription.DISCOVERY_PLACEHOLDER);
		assertThat(ApiDescription.discovery(new MockEnvironment().withProperty(issuer, "https://auth.test/api/v2")))
			.isEqualTo(ApiDescription.DISCOVERY_PLACEHOLDER);
		assertThat(ApiDescription.discovery(new MockEnvironment().withProperty(registration, "nuage")
			.withProperty(issuer, "https://auth.test/api/v2/")))
			.isEqualTo("https://auth.test/api/v2/.well-known/openid-configuration");
	}

	/**
	 * A change of a versioned resource requires {@code If-Match} and answers 412 and 428;
	 * its answer and the resource's GET carry the version as the ETag. The changes are
	 * both the handlers that read {@code If-Match} and, from the description, the PUT,
	 * PATCH and DELETE of a resource whose GET has an ETag and the POST of a step under
	 * it.
	 */
	@Test
	void everyChangeNamesTheVersionItWasMadeOn() {
		Set<String> changes = new TreeSet<>();
		handlers.getHandlerMethods().forEach((info, handler) -> {
			boolean readsIfMatch = Arrays.stream(handler.getMethodParameters())
				.map(p -> p.getParameterAnnotation(RequestHeader.class))
				.anyMatch(h -> h != null && HttpHeaders.IF_MATCH.equalsIgnoreCase(h.name()));
			if (readsIfMatch) {
				info.getMethodsCondition()
					.getMethods()
					.forEach(
							method -> info.getPatternValues().forEach(path -> changes.add(method.name() + " " + path)));
			}
		});
		assertThat(changes).hasSizeGreaterThan(15);
		for (Op op : operations()) {
			if (op.change() && !CREATIONS.contains(op.key()) && (etag(read(op.path()))
					|| op.method().equals("POST") && etag(read(op.path().substring(0, op.path().lastIndexOf('/')))))) {
				changes.add(op.key());
			}
		}
		List<String> problems = new ArrayList<>();
		for (String key : changes) {
			Op op = operations().stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
			if (op == null) {
				problems.add(key + ": not described");
				continue;
			}
			Map<String, Object> ifMatch = parameter(op, "If-Match");
			boolean firstWithout = parameter(op, "If-None-Match") != null;
			if (ifMatch == null || !"header".equals(ifMatch.get("in"))
					|| !firstWithout && !Boolean.TRUE.equals(ifMatch.get("required"))) {
				problems.add(key + ": no required If-Match header");
			}
			for (String status : List.of("412", "428")) {
				if (!problem(op, status)) {
					problems.add(key + ": no problem+json " + status);
				}
			}
			responses(op).forEach((status, response) -> {
				if (status.startsWith("2") && !(map(response).get("headers") instanceof Map<?, ?> headers
						&& headers.containsKey("ETag"))) {
					problems.add(key + ": " + status + " without its ETag");
				}
			});
			String resource = op.method().equals("POST") ? op.path().substring(0, op.path().lastIndexOf('/'))
					: op.path();
			if (read(resource) != null && !etag(read(resource))) {
				problems.add("GET " + resource + ": 200 without its ETag");
			}
		}
		assertThat(problems).isEmpty();
	}

	/**
	 * Refusals are problem+json naming what was refused; a signed-in operation says 401
	 * and 403.
	 */
	@Test
	void refusalsAreProblems() {
		Map<String, Object> problem = schema(PROBLEM);
		assertThat(map(problem.get("properties"))).containsKeys("type", "title", "status", "detail", "errors");
		Map<String, Object> error = resolve(map(map(map(problem.get("properties")).get("errors")).get("items")));
		assertThat(map(error.get("properties"))).containsKeys("field", "path", "parameter", "message");
		List<String> problems = new ArrayList<>();
		for (Op op : operations()) {
			boolean input = !parameters(op).isEmpty() || op.body().containsKey("requestBody");
			Set<String> expected = new TreeSet<>();
			if (input) {
				expected.add("400");
			}
			if (op.signedIn()) {
				expected.add("403");
				if (!responses(op).containsKey("401")) {
					problems.add(op.key() + ": no 401");
				}
			}
			if (parameters(op).stream().anyMatch(p -> "path".equals(p.get("in")))) {
				expected.add("404");
			}
			if (op.body().get("requestBody") != null
					&& map(map(op.body().get("requestBody")).get("content")).containsKey("multipart/form-data")) {
				expected.add("413");
			}
			responses(op).keySet().stream().filter(s -> s.startsWith("4") && !s.equals("401")).forEach(expected::add);
			expected.stream()
				.filter(status -> !problem(op, status))
				.forEach(status -> problems.add(op.key() + ": no problem+json " + status));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void pagesSayTheirBoundsAndTheTotal() {
		List<Op> paged = operations().stream().filter(op -> parameter(op, "page") != null).toList();
		assertThat(paged).extracting(Op::key)
			.contains("GET /api/v1/offers", "GET /api/v1/projects", "GET /api/v1/derogations",
					"GET /api/v1/declarations", "GET /api/v1/people");
		for (Op op : paged) {
			Map<String, Object> page = map(parameter(op, "page").get("schema"));
			Map<String, Object> size = map(parameter(op, "size").get("schema"));
			assertThat(((Number) page.get("minimum")).doubleValue()).as(op.key()).isEqualTo(0.0);
			assertThat(((Number) size.get("minimum")).doubleValue()).as(op.key()).isEqualTo(1.0);
			assertThat(((Number) size.get("maximum")).doubleValue()).as(op.key()).isEqualTo(200.0);
			Map<String, Object> body = resolve(map(
					map(map(map(map(responses(op).get("200")).get("content")).get("application/json")).get("schema"))));
			Map<String, Object> properties = map(body.get("properties"));
			assertThat(properties).as(op.key()).containsKeys("page", "size", "total");
			assertThat(properties.values()).as(op.key()).anyMatch(p -> "array".equals(map(p).get("type")));
		}
	}

	/**
	 * Every body has a schema: the assessments the shipped contract, the strict JSON
	 * bodies an object refusing unknown fields, the upload its part and field, the
	 * declarations YAML or JSON; the enumerations are the domain's.
	 */
	@Test
	void bodiesHaveTheirSchemas() throws Exception {
		List<String> problems = new ArrayList<>();
		Set<String> assessing = new TreeSet<>();
		for (Op op : operations()) {
			if (!(op.body().get("requestBody") instanceof Map<?, ?> requestBody)) {
				continue;
			}
			map(requestBody.get("content")).forEach((type, content) -> {
				Object schema = map(content).get("schema");
				if (schema == null) {
					problems.add(op.key() + ": " + type + " without a schema");
				}
				else if (type.equals("application/json")) {
					if ("#/components/schemas/Assessment".equals(map(schema).get("$ref"))) {
						assessing.add(op.key());
					}
					else if (!Boolean.FALSE.equals(resolve(map(schema)).get("additionalProperties"))) {
						problems.add(op.key() + ": the JSON body does not refuse unknown fields");
					}
					if (!"object".equals(resolve(map(schema)).get("type"))) {
						problems.add(op.key() + ": the JSON body is not an object");
					}
				}
			});
		}
		assertThat(problems).isEmpty();
		assertThat(assessing).containsExactlyInAnyOrder("POST /api/v1/decisions", "POST /api/v1/offers/eligible",
				"POST /api/v1/projects", "POST /api/v1/projects/{id}/assessments");
		Map<String, Object> contract;
		try (InputStream in = getClass().getResourceAsStream("/doctrine/schema/assessment-v1.schema.json")) {
			contract = map(JSON.readValue(in, Map.class));
		}
		Map<String, Object> assessment = schema("#/components/schemas/Assessment");
		assertThat(assessment.get("properties")).isEqualTo(contract.get("properties"));
		assertThat(assessment.get("required")).isEqualTo(contract.get("required"));
		assertThat(map(content(op("POST", "/api/v1/declarations"))).keySet())
			.containsExactlyInAnyOrder("application/yaml", "text/yaml", "application/json");
		Map<String, Object> upload = resolve(
				map(map(map(content(op("POST", "/api/v1/projects/{id}/documents"))).get("multipart/form-data"))
					.get("schema")));
		assertThat(upload.get("required")).isEqualTo(List.of("file", "purpose"));
		assertThat(property(upload, "file")).containsEntry("format", "binary");
		assertThat(property(upload, "purpose").get("enum")).isEqualTo(names(DocumentPurpose.values()));
		assertThat(property(schema("#/components/schemas/ControlDecision"), "outcome").get("enum"))
			.isEqualTo(names(Control.Outcome.values()));
		assertThat(property(schema("#/components/schemas/NewOrganisation"), "kind").get("enum"))
			.isEqualTo(names(OrganisationKind.values()));
		assertThat(map(parameter(op("PUT", "/api/v1/people/{email}/roles/{role}/{organisation}"), "role").get("schema"))
			.get("enum")).isEqualTo(names(Role.values()));
	}

	// Reading the description.

	private List<Op> operations() {
		List<Op> ops = new ArrayList<>();
		map(doc.get("paths")).forEach((path, item) -> {
			if (path.startsWith("/api/v1/")) {
				map(item).forEach((method, body) -> ops.add(new Op(method.toUpperCase(), path, map(body))));
			}
		});
		assertThat(ops).hasSizeGreaterThan(40);
		return ops;
	}

	private Op op(String method, String path) {
		return operations().stream().filter(op -> op.key().equals(method + " " + path)).findFirst().orElseThrow();
	}

	private Op read(String path) {
		return operations().stream().filter(op -> op.key().equals("GET " + path)).findFirst().orElse(null);
	}

	/** Whether the operation answers 200 with an ETag. */
	private boolean etag(Op op) {
		return op != null && responses(op).get("200") instanceof Map<?, ?> ok
				&& ok.get("headers") instanceof Map<?, ?> headers && headers.containsKey("ETag");
	}

	private Map<String, Object> responses(Op op) {
		Map<String, Object> responses = new java.util.TreeMap<>();
		map(op.body().get("responses")).forEach((status, response) -> responses.put(status, resolve(map(response))));
		return responses;
	}

	/** Whether the operation answers {@code status} as problem+json. */
	private boolean problem(Op op, String status) {
		return responses(op).get(status) instanceof Map<?, ?> response
				&& response.get("content") instanceof Map<?, ?> content
				&& content.get(MediaType.APPLICATION_PROBLEM_JSON_VALUE) instanceof Map<?, ?> media
				&& media.get("schema") instanceof Map<?, ?> schema && PROBLEM.equals(schema.get("$ref"));
	}

	private List<Map<String, Object>> parameters(Op op) {
		return op.body().get("parameters") == null ? List.of()
				: list(op.body().get("parameters")).stream().map(p -> resolve(map(p))).toList();
	}

	private Map<String, Object> parameter(Op op, String name) {
		return parameters(op).stream().filter(p -> name.equals(p.get("name"))).findFirst().orElse(null);
	}

	private Object content(Op op) {
		return map(op.body().get("requestBody")).get("content");
	}

	private Map<String, Object> schema(String ref) {
		return resolve(Map.of("$ref", ref));
	}

	private Map<String, Object> property(Map<String, Object> schema, String name) {
		return resolve(map(map(schema.get("properties")).get(name)));
	}

	/** The node a {@code $ref} points to, or the node itself. */
	private Map<String, Object> resolve(Map<String, Object> node) {
		Map<String, Object> resolved = node;
		while (resolved.get("$ref") instanceof String ref) {
			Object target = doc;
			for (String part : ref.substring(2).split("/")) {
				target = target instanceof Map<?, ?> m ? m.get(part) : null;
			}
			assertThat(target).as(ref).isInstanceOf(Map.class);
			resolved = map(target);
		}
		return resolved;
	}

	/** Records every reference that points at nothing. */
	private void references(Object node, List<String> problems) {
		if (node instanceof Map<?, ?> m) {
			if (m.get("$ref") instanceof String ref) {
				Object target = ref.startsWith("#/") ? doc : null;
				for (String part : ref.startsWith("#/") ? ref.substring(2).split("/") : new String[0]) {
					target = target instanceof Map<?, ?> t ? t.get(part) : null;
				}
				if (target == null) {
					problems.add("$ref " + ref + " points at nothing");
				}
			}
			m.values().forEach(value -> references(value, problems));
		}
		else if (node instanceof List<?> l) {
			l.forEach(value -> references(value, problems));
		}
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, Object>) node;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object node) {
		assertThat(node).isInstanceOf(List.class);
		return (List<Object>) node;
	}

}
