package fr.gouv.nuage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import fr.gouv.nuage.catalogue.declarations.Actor;
import fr.gouv.nuage.catalogue.declarations.Declarations;
import fr.gouv.nuage.controls.Control;
import fr.gouv.nuage.controls.Controls;
import fr.gouv.nuage.derogations.Derogation;
import fr.gouv.nuage.derogations.Derogations;
import fr.gouv.nuage.documents.DocumentPurpose;
import fr.gouv.nuage.documents.Documents;
import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.reversibility.ReversibilityPlans;
import fr.gouv.nuage.directory.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every endpoint of the API against every role: who reaches it (2xx), who is refused
 * (403) and that a visitor must sign in (401). Each cell runs on a fresh fixture in its
 * own rolled-back transaction, so an allowed change in one cell cannot open or close a
 * door in another; lists answer 200 to all who may list, and
 * {@link #eachRoleListsExactlyItsPerimeter()} checks what each list holds.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class AccessMatrixTest {

	/** The callers, in the order of the matrix's columns. */
	enum Caller {

		VISITOR(null), AGENT_A(Perimeters.AGENT), AGENT_B(Perimeters.OTHER_AGENT), CONTROLLER_A(Perimeters.CONTROLLER),
		CONTROLLER_B(Perimeters.OTHER_CONTROLLER), DINUM(Perimeters.DINUM), PRIME_MINISTER(Perimeters.PRIME_MINISTER),
		PROVIDER(Perimeters.PROVIDER);

		final String email;

		Caller(String email) {
			this.email = email;
		}

	}

	/**
	 * The matrix: each endpoint with the status each caller gets, in the order of
	 * {@link Caller}. {@code {x}} in a path is a piece of the fixture; {@code #x} after
	 * the path sends the version of that piece in {@code If-Match}. Lists that filter by
	 * perimeter answer 200 to all signed in; a 409 is a caller who may act, on a state
	 * that does not allow it (the Prime Minister's office refuses only what the minister
	 * approved). The Prime Minister's office reads the proofs of guarantees, and only
	 * them, of a project whose derogation from R9 awaits its validation or has it: not
	 * while the derogation is before the minister, once refused or withdrawn, nor for a
	 * derogation from another rule.
	 */
	static final String MATRIX = """
			POST   /api/v1/decisions                              200 200 200 200 200 200 200 200
			GET    /api/v1/offers                                 200 200 200 200 200 200 200 200
			POST   /api/v1/offers/eligible                        200 200 200 200 200 200 200 200
			GET    /api/v1/packs                                  200 200 200 200 200 200 200 200
			GET    /api/v1/me                                     401 200 200 200 200 200 200 200
			GET    /api/v1/projects                               401 200 200 200 200 200 200 200
			POST   /api/v1/projects                               401 201 201 403 403 403 403 403
			GET    /api/v1/projects/{P}                           401 200 403 200 403 200 403 403
			PATCH  /api/v1/projects/{P} #P                        401 200 403 403 403 403 403 403
			POST   /api/v1/projects/{P}/assessments #P            401 201 403 403 403 403 403 403
			POST   /api/v1/projects/{P}/archive #P                401 200 403 403 403 403 403 403
			GET    /api/v1/projects/{P}/decisions                 401 200 403 200 403 200 403 403
			GET    /api/v1/projects/{P}/decisions/1               401 200 403 200 403 200 403 403
			POST   /api/v1/projects/{SMALL}/controls              401 201 403 403 403 403 403 403
			GET    /api/v1/projects/{P}/controls                  401 200 403 200 403 200 403 403
			GET    /api/v1/controls/{C}                           401 200 403 200 403 200 403 403
			POST   /api/v1/controls/{C}/study #C                  401 200 403 403 403 403 403 403
			POST   /api/v1/controls/{C}/decision #C               401 403 403 200 403 403 403 403
			POST   /api/v1/controls/{LARGE_OPEN}/referral #LARGE_OPEN 401 200 403 403 403 403 403 403
			POST   /api/v1/controls/{LARGE}/information-request #LARGE 401 403 403 403 403 200 403 403
			POST   /api/v1/controls/{LARGE}/decision #LARGE       401 403 403 403 403 200 403 403
			POST   /api/v1/projects/{P}/derogations               401 201 403 403 403 403 403 403
			GET    /api/v1/derogations                            401 200 200 200 200 200 200 200
			GET    /api/v1/derogations/{G}                        401 200 403 200 403 200 200 403
			POST   /api/v1/derogations/{G}/minister-approval #G   401 403 403 200 403 403 403 403
			POST   /api/v1/derogations/{G}/refusal #G             401 403 403 200 403 403 409 403
			POST   /api/v1/derogations/{G}/withdrawal #G          401 200 403 403 403 403 403 403
			POST   /api/v1/derogations/{APPROVED}/prime-minister-validation #APPROVED 401 403 403 403 403 403 200 403
			POST   /api/v1/derogations/{GRANTED}/acceptable-offer #GRANTED 401 403 403 200 403 200 403 403
			GET    /api/v1/projects/{PLAN}/reversibility-plan     401 200 403 200 403 200 403 403
			PUT    /api/v1/projects/{P}/reversibility-plan #PLAN  401 200 403 403 403 403 403 403
			POST   /api/v1/projects/{P}/documents                 401 201 403 403 403 403 403 403
			GET    /api/v1/documents/{STUDY}                      401 200 403 200 403 200 403 403
			GET    /api/v1/projects/{R9_REQUESTED}/documents      401 200 403 200 403 200 403 403
			GET    /api/v1/documents/{R9_REQUESTED_PROOF}         401 200 403 200 403 200 403 403
			GET    /api/v1/projects/{R9_REFUSED}/documents        401 200 403 200 403 200 403 403
			GET    /api/v1/documents/{R9_REFUSED_PROOF}           401 200 403 200 403 200 403 403
			GET    /api/v1/projects/{R9_AWAITING}/documents       401 200 403 200 403 200 200 403
			GET    /api/v1/documents/{R9_AWAITING_PROOF}          401 200 403 200 403 200 200 403
			GET    /api/v1/documents/{R9_AWAITING_STUDY}          401 200 403 200 403 200 403 403
			GET    /api/v1/projects/{R9_WITHDRAWN}/documents      401 200 403 200 403 200 403 403
			GET    /api/v1/projects/{R9_VALIDATED}/documents      401 200 403 200 403 200 200 403
			GET    /api/v1/documents/{R9_VALIDATED_PROOF}         401 200 403 200 403 200 200 403
			GET    /api/v1/projects/{OTHER_RULE}/documents        401 200 403 200 403 200 403 403
			GET    /api/v1/documents/{OTHER_RULE_PROOF}           401 200 403 200 403 200 403 403
			POST   /api/v1/declarations                           401 403 403 403 403 403 403 201
			GET    /api/v1/declarations                           401 403 403 403 403 200 403 200
			GET    /api/v1/declarations/{L}                       401 403 403 403 403 200 403 200
			POST   /api/v1/declarations/{L}/acceptance #L         401 403 403 403 403 200 403 403
			POST   /api/v1/declarations/{L}/rejection #L          401 403 403 403 403 200 403 403
			POST   /api/v1/declarations/{L}/withdrawal #L         401 403 403 403 403 403 403 200
			GET    /api/v1/offers/{OUTSCALE}                      200 200 200 200 200 200 200 200
			GET    /                                              200 200 200 200 200 200 200 200
			GET    /accessibilite                                 200 200 200 200 200 200 200 200
			GET    /mentions-legales                              200 200 200 200 200 200 200 200
			GET    /donnees-personnelles                          200 200 200 200 200 200 200 200
			GET    /plan-du-site                                  200 200 200 200 200 200 200 200
			GET    /doctrine                                      200 200 200 200 200 200 200 200
			GET    /doctrine/evolutions                           200 200 200 200 200 200 200 200
			GET    /doctrine/6404-SG                              200 200 200 200 200 200 200 200
			GET    /doctrine/6282-SG/R9                           200 200 200 200 200 200 200 200
			GET    /auto-evaluation                               200 200 200 200 200 200 200 200
			GET    /auto-evaluation/entite                        200 200 200 200 200 200 200 200
			GET    /auto-evaluation/resultat                      200 200 200 200 200 200 200 200
			GET    /auto-evaluation/certificat.pdf 200 200 200 200 200 200 200 200
			GET    /certificats/verification                      200 200 200 200 200 200 200 200
			POST   /certificats/verification                      403 403 403 403 403 403 403 403
			GET    /catalogue                                     200 200 200 200 200 200 200 200
			GET    /catalogue/{OUTSCALE}                          200 200 200 200 200 200 200 200
			GET    /api/v1/qualifications/due                     401 403 403 403 403 200 403 403
			POST   /api/v1/offers/{OUTSCALE}/qualifications/SECNUMCLOUD/confirmation #OUTSCALE 401 403 403 403 403 200 403 403
			POST   /api/v1/offers/{OUTSCALE}/qualifications/SECNUMCLOUD/correction #OUTSCALE 401 403 403 403 403 200 403 403
			POST   /api/v1/offers/{OUTSCALE}/qualifications/SECNUMCLOUD/end #OUTSCALE 401 403 403 403 403 200 403 403
			GET    /api/v1/organisations                          401 200 200 200 200 200 200 200
			GET    /api/v1/organisations/dir-a                    401 200 200 200 200 200 200 200
			POST   /api/v1/organisations                          401 403 403 403 403 201 403 403
			GET    /api/v1/people                                 401 403 403 200 200 200 403 403
			PUT    /api/v1/people/agent@b.fr/roles/AGENT/dir-a    401 403 403 403 403 201 403 403
			DELETE /api/v1/people/agent@b.fr/roles/AGENT/dir-b    401 403 403 403 403 200 403 403
			""";

	/**
	 * The bodies the changes send; each is valid, so that only who sends it decides the
	 * answer.
	 */
	static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("PATCH /api/v1/projects/{P}", "{\"name\":\"Portail renommé\"}"),
			Map.entry("POST /api/v1/controls/{C}/study", "{\"document\":\"{STUDY}\"}"),
			Map.entry("POST /api/v1/controls/{C}/decision", "{\"outcome\":\"FAVOURABLE\"}"),
			Map.entry("POST /api/v1/controls/{LARGE_OPEN}/referral", "{\"file\":\"dossier complet\"}"),
			Map.entry("POST /api/v1/controls/{LARGE}/information-request",
					"{\"request\":\"le plan de réversibilité\"}"),
			Map.entry("POST /api/v1/controls/{LARGE}/decision", "{\"outcome\":\"FAVOURABLE\"}"),
			Map.entry("POST /api/v1/projects/{P}/derogations",
					"{\"rule\":\"R9\",\"justification\":\"aucune offre qualifiée\",\"proofOfGuarantees\":\"{PROOF}\"}"),
			Map.entry("POST /api/v1/derogations/{G}/refusal", "{\"reason\":\"garanties insuffisantes\"}"),
			Map.entry("POST /api/v1/derogations/{GRANTED}/acceptable-offer", "{\"since\":\"2026-03-01\"}"),
			Map.entry("PUT /api/v1/projects/{P}/reversibility-plan",
					"{\"exitTerms\":\"export sous 2 mois\",\"exportFormats\":[\"S3\"],\"budgetEur\":30000,\"staffDays\":10}"),
			Map.entry("POST /api/v1/declarations", Perimeters.OFFER),
			Map.entry("POST /api/v1/declarations/{L}/acceptance", "{\"comment\":\"conforme\"}"),
			Map.entry("POST /api/v1/declarations/{L}/rejection", "{\"reason\":\"source manquante\"}"),
			Map.entry("POST /api/v1/offers/{OUTSCALE}/qualifications/SECNUMCLOUD/confirmation",
					"{\"date\":\"2026-02-01\",\"dating\":\"known\",\"schemeVersion\":\"3.2\",\"evidence\":\"anssi-list\"}"),
			Map.entry("POST /api/v1/offers/{OUTSCALE}/qualifications/SECNUMCLOUD/correction",
					"{\"date\":\"2024-03-01\",\"dating\":\"known\",\"schemeVersion\":\"3.2\",\"evidence\":\"anssi-list\"}"),
			Map.entry("POST /api/v1/offers/{OUTSCALE}/qualifications/SECNUMCLOUD/end",
					"{\"status\":\"WITHDRAWN\",\"date\":\"2026-02-01\",\"evidence\":\"anssi-list\"}"),
			Map.entry("POST /api/v1/organisations",
					"{\"id\":\"dir-c\",\"name\":\"Direction C\",\"kind\":\"DIRECTORATE\",\"parent\":\"min-a\"}"));

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Projects projects;

	@Autowired
	Controls controls;

	@Autowired
	Derogations derogations;

	@Autowired
	Documents documents;

	@Autowired
	ReversibilityPlans plans;

	@Autowired
	Declarations declarations;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** The pieces of the fixture, each made the first time a cell names it. */
	private final Map<String, Supplier<String>> pieces = new LinkedHashMap<>();

	private final Map<String, String> made = new LinkedHashMap<>();

	/** The version of each piece, for {@code If-Match}. */
	private final Map<String, Supplier<Integer>> versions = new LinkedHashMap<>();

	@BeforeEach
	void fixture() throws Exception {
		Perimeters.seed(directory);

		String agent = Caller.AGENT_A.email;
		piece("P", () -> project("dir-a", 2_500_000), () -> projects.find(id("P")).orElseThrow().version());
		piece("SMALL", () -> project("dir-a", 500_000), null);
		piece("B", () -> project("dir-b", 2_500_000), null);
		piece("STUDY", () -> document("P", DocumentPurpose.COMPARATIVE_STUDY), null);
		piece("PROOF", () -> document("P", DocumentPurpose.PROOF_OF_GUARANTEES), null);
		piece("R9_REQUESTED", () -> {
			made("G");
			return made("P");
		}, null);
		piece("R9_REQUESTED_PROOF", () -> {
			made("G");
			return made("PROOF");
		}, null);
		piece("R9_REFUSED", () -> {
			derogations.refuse(id("G"), "garanties insuffisantes", Caller.CONTROLLER_A.email, Derogation.Role.MINISTER);
			return made("P");
		}, null);
		piece("R9_REFUSED_PROOF", () -> {
			made("R9_REFUSED");
			return made("PROOF");
		}, null);
		piece("R9_AWAITING", () -> {
			made("APPROVED");
			return made("P");
		}, null);
		piece("R9_AWAITING_PROOF", () -> {
			made("APPROVED");
			return made("PROOF");
		}, null);
		piece("R9_AWAITING_STUDY", () -> {
			made("APPROVED");
			return made("STUDY");
		}, null);
		piece("R9_WITHDRAWN", () -> {
			derogations.withdraw(id("APPROVED"), agent, Derogation.Role.PROJECT_AUTHORITY);
			return made("P");
		}, null);
		piece("R9_VALIDATED", () -> {
			made("GRANTED");
			return made("P");
		}, null);
		piece("R9_VALIDATED_PROOF", () -> {
			made("GRANTED");
			return made("PROOF");
		}, null);
		// Without a reversibility plan, R4 too is violated; the minister alone grants it.
		piece("OTHER_RULE", () -> {
			String project = project("dir-a", withoutReversibilityPlan());
			UUID r4 = derogations.request(UUID.fromString(project), "R4", "plan en cours", null, agent).id();
			derogations.approveByMinister(r4, Caller.CONTROLLER_A.email, Derogation.Role.MINISTER);
			return project;
		}, null);
		piece("OTHER_RULE_PROOF", () -> document("OTHER_RULE", DocumentPurpose.PROOF_OF_GUARANTEES), null);
		piece("C", () -> {
			Control control = controls.open(id("P"), agent);
			return controls.attachStudy(control.id(), made("STUDY"), agent, Control.Role.PROJECT_AUTHORITY)
				.id()
				.toString();
		}, () -> controls.find(id("C")).orElseThrow().version());
		piece("LARGE_OPEN", () -> controls.open(UUID.fromString(project("dir-a", 12_000_000)), agent).id().toString(),
				() -> controls.find(id("LARGE_OPEN")).orElseThrow().version());
		piece("LARGE", () -> {
			Control control = controls.open(UUID.fromString(project("dir-a", 12_000_000)), agent);
			return controls.refer(control.id(), "dossier", agent, Control.Role.PROJECT_AUTHORITY).id().toString();
		}, () -> controls.find(id("LARGE")).orElseThrow().version());
		piece("G", () -> requested().id().toString(), () -> derogations.find(id("G")).orElseThrow().version());
		piece("APPROVED",
				() -> derogations
					.approveByMinister(requested().id(), Caller.CONTROLLER_A.email, Derogation.Role.MINISTER)
					.id()
					.toString(),
				() -> derogations.find(id("APPROVED")).orElseThrow().version());
		piece("GRANTED", () -> {
			UUID approved = derogations
				.approveByMinister(requested().id(), Caller.CONTROLLER_A.email, Derogation.Role.MINISTER)
				.id();
			return derogations
				.validateByPrimeMinister(approved, Caller.PRIME_MINISTER.email, Derogation.Role.PRIME_MINISTER_OFFICE)
				.id()
				.toString();
		}, () -> derogations.find(id("GRANTED")).orElseThrow().version());
		piece("PLAN", () -> {
			plans.record(id("P"), "export sous 3 mois", List.of("S3"), new BigDecimal("20000"), 5, agent, 0);
			return made("P");
		}, () -> plans.find(id("P")).orElseThrow().version());
		piece("OUTSCALE", () -> "outscale-iaas", () -> declarations.offerVersion("outscale-iaas"));
		piece("L",
				() -> ((Declarations.Submitted) declarations.submit(Actor.provider(Caller.PROVIDER.email, "ovhcloud"),
						Perimeters.OFFER))
					.declaration()
					.id()
					.toString(),
				() -> declarations.find(id("L")).orElseThrow().version());
	}

	static Stream<Arguments> cells() {
		List<Arguments> cells = new ArrayList<>();
		for (String line : MATRIX.strip().split("\n")) {
			String[] parts = line.strip().split("\\s+");
			String[] codes = java.util.Arrays.copyOfRange(parts, parts.length - Caller.values().length, parts.length);
			String version = parts[2].startsWith("#") ? parts[2].substring(1) : null;
			for (Caller caller : Caller.values()) {
				cells.add(Arguments.of(parts[0], parts[1], version, caller, Integer.parseInt(codes[caller.ordinal()])));
			}
		}
		return cells.stream();
	}

	@ParameterizedTest(name = "{0} {1} as {3} → {4}")
	@MethodSource("cells")
	void eachRoleReachesExactlyItsPerimeter(String method, String path, String version, Caller caller, int expected)
			throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = request(method, path);
		if (version != null) {
			request.header("If-Match", "\"" + versions.get(version).get() + "\"");
		}
		if (caller.email != null) {
			request.with(user(caller.email));
		}
		int status = mvc.perform(request).andReturn().getResponse().getStatus();
		assertThat(status).as("%s %s as %s", method, path, caller).isEqualTo(expected);
	}

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlers;

	/**
	 * Every handler of the application, found as the server maps them, has its row in the
	 * matrix: a new endpoint without one fails here. Only Spring's own (the error page,
	 * the API description's internals) are left out; the public routes are rows like any
	 * other.
	 */
	@Test
	void everyHandlerHasItsRow() {
		org.springframework.web.util.pattern.PathPatternParser parser = new org.springframework.web.util.pattern.PathPatternParser();
		List<String[]> rows = MATRIX.strip().lines().map(line -> line.strip().split("\\s+")).toList();
		List<String> missing = new ArrayList<>();
		handlers.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getName().startsWith("fr.gouv.nuage.")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				for (org.springframework.web.bind.annotation.RequestMethod verb : info.getMethodsCondition()
					.getMethods()) {
					org.springframework.web.util.pattern.PathPattern parsed = parser.parse(pattern);
					boolean covered = rows.stream()
						.anyMatch(row -> row[0].equals(verb.name())
								&& parsed.matches(org.springframework.http.server.PathContainer
									.parsePath(row[1].replaceAll("\\{[A-Z0-9_]+}", "x"))));
					if (!covered) {
						missing.add(verb + " " + pattern + " (" + method.getBeanType().getSimpleName() + "."
								+ method.getMethod().getName() + ")");
					}
				}
			}
		});
		assertThat(missing).as("handlers without a row in the matrix").isEmpty();
	}

	@Test
	void eachRoleListsExactlyItsPerimeter() throws Exception {
		made("B");
		made("G");
		made("L");
		Map<Caller, String> expected = new LinkedHashMap<>();
		// projects, derogations, declarations, people (-1: refused)
		expected.put(Caller.AGENT_A, "1 1 -1 -1");
		expected.put(Caller.AGENT_B, "1 0 -1 -1");
		expected.put(Caller.CONTROLLER_A, "1 1 -1 2");
		expected.put(Caller.CONTROLLER_B, "1 0 -1 2");
		// DINUM and the Prime Minister's office see everything of a kind, including what
		// other tests left
		expected.put(Caller.DINUM, count("project where archived = false") + " " + count("project_derogation") + " "
				+ count("offer_declaration") + " " + count("person"));
		expected.put(Caller.PRIME_MINISTER, "0 " + count("project_derogation") + " -1 -1");
		expected.put(Caller.PROVIDER, "0 0 1 -1");
		for (Map.Entry<Caller, String> entry : expected.entrySet()) {
			List<String> totals = new ArrayList<>();
			for (String list : List.of("/api/v1/projects", "/api/v1/derogations", "/api/v1/declarations",
					"/api/v1/people")) {
				var response = mvc.perform(get(list).with(user(entry.getKey().email))).andReturn().getResponse();
				totals.add(response.getStatus() == 403 ? "-1" : String
					.valueOf(((Number) JsonPath.read(response.getContentAsString(), "$.total")).longValue()));
			}
			assertThat(String.join(" ", totals)).as("what %s lists", entry.getKey()).isEqualTo(entry.getValue());
		}
	}

	private long count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Long.class).single();
	}

	private AbstractMockHttpServletRequestBuilder<?> request(String method, String template) throws Exception {
		String path = fill(template);
		String body = BODIES.get(method + " " + template);
		if (method.equals("POST") && (template.equals("/api/v1/projects") || template.equals("/api/v1/decisions")
				|| template.equals("/api/v1/offers/eligible"))) {
			return post(path).contentType(MediaType.APPLICATION_JSON).content(Perimeters.assessment(2_500_000));
		}
		if (method.equals("POST") && template.endsWith("/assessments")) {
			return post(path).contentType(MediaType.APPLICATION_JSON).content(Perimeters.assessment(2_500_000));
		}
		if (method.equals("POST") && template.endsWith("/documents")) {
			return multipart(path).file(new MockMultipartFile("file", "etude.pdf", "application/pdf", Perimeters.PDF))
				.param("purpose", "OTHER");
		}
		Function<String, AbstractMockHttpServletRequestBuilder<?>> verb = switch (method) {
			case "GET" -> p -> get(p);
			case "POST" -> p -> post(p);
			case "PUT" -> p -> put(p);
			case "PATCH" -> p -> patch(p);
			case "DELETE" -> p -> delete(p);
			default -> throw new IllegalArgumentException(method);
		};
		AbstractMockHttpServletRequestBuilder<?> request = verb.apply(path);
		if (body != null) {
			MediaType type = template.equals("/api/v1/declarations") ? MediaType.parseMediaType("application/yaml")
					: MediaType.APPLICATION_JSON;
			request.contentType(type).content(fill(body));
		}
		return request;
	}

	/** The template with each {@code {piece}} made and named by its id. */
	private String fill(String template) {
		StringBuilder out = new StringBuilder();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Z0-9_]+)}").matcher(template);
		while (m.find()) {
			m.appendReplacement(out, made(m.group(1)));
		}
		m.appendTail(out);
		return out.toString();
	}

	private void piece(String name, Supplier<String> make, Supplier<Integer> version) {
		pieces.put(name, make);
		if (version != null) {
			versions.put(name, () -> {
				made(name);
				return version.get();
			});
		}
	}

	private String made(String name) {
		String value = made.get(name);
		if (value == null) {
			value = pieces.get(name).get();
			made.put(name, value);
		}
		return value;
	}

	private UUID id(String name) {
		return UUID.fromString(made(name));
	}

	private Derogation requested() {
		return derogations.request(id("P"), "R9", "aucune offre qualifiée", made("PROOF"), Caller.AGENT_A.email);
	}

	private String project(String organisation, long fullCostEur) {
		try {
			return project(organisation, Perimeters.assessment(fullCostEur));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String withoutReversibilityPlan() {
		try {
			return Perimeters.assessment(2_500_000)
				.replace("\"reversibilityPlan\":true", "\"reversibilityPlan\":false");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String project(String organisation, String assessment) {
		Projects.Outcome outcome = projects.register(
				organisation.equals("dir-a") ? Caller.AGENT_A.email : Caller.AGENT_B.email, organisation, assessment);
		return ((Projects.Decided) outcome).project().id().toString();
	}

	private String document(String project, DocumentPurpose purpose) {
		return documents
			.store(id(project), purpose, purpose.name().toLowerCase() + ".pdf", "application/pdf", Perimeters.PDF,
					Caller.AGENT_A.email)
			.id()
			.toString();
	}

}
