package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static fr.gouv.nuage.api.Perimeters.PDF;
import static fr.gouv.nuage.api.Perimeters.register;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.concurrent.Callable;

import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Directory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change signed in by the session cookie is taken from Nuage's own pages only: sent by
 * another site — a sibling of the same registrable domain too, which SameSite=Lax lets
 * the cookie ride with — it is refused with 403 problem+json and changes nothing. Those
 * without a session's sign-in (a visitor asking for a decision) are not concerned.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class CrossSiteApiTest {

	/**
	 * Where Nuage is served in these tests (MockMvc takes no default port from the
	 * scheme), and a sibling site of its registrable domain.
	 */
	private static final String NUAGE = "https://nuage.numerique.gouv.fr:443";

	private static final String SIBLING = "https://wiki.numerique.gouv.fr";

	private static final String ATTACKER = "https://attaquant.example";

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void people() {
		Perimeters.seed(directory);
	}

	/**
	 * The session a browser holds once {@code email} signed in: its security context
	 * saved where the sign-in saves it.
	 */
	static MockHttpSession signedIn(String email) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(email, null,
				AuthorityUtils.createAuthorityList("ROLE_SIGNED_IN")));
		MockHttpServletRequest request = new MockHttpServletRequest();
		new HttpSessionSecurityContextRepository().saveContext(context, request, new MockHttpServletResponse());
		return (MockHttpSession) request.getSession(false);
	}

	/** What a form of another site posts: text/plain, which needs no preflight. */
	private static MockHttpServletRequestBuilder openControl(String url, MockHttpSession session) {
		return post(url).session(session).contentType(MediaType.TEXT_PLAIN).content("");
	}

	private Callable<String> controls(String project) {
		return listed(project + "/controls", DINUM);
	}

	private Callable<String> documents(String project) {
		return listed(project + "/documents", AGENT);
	}

	/**
	 * What {@code reader} lists at {@code url}: the state a refused request left alone.
	 */
	private Callable<String> listed(String url, String reader) {
		return () -> mvc.perform(get(url).with(user(reader)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aCrossSiteTextPlainPostOpensNoControl() throws Exception {
		String project = register(mvc, 2_500_000);
		MockHttpSession session = signedIn(AGENT);
		Requests
			.refused(mvc, audit, controls(project),
					openControl(project + "/controls", session).header("Sec-Fetch-Site", "cross-site")
						.header("Origin", ATTACKER),
					403)
			.andExpect(jsonPath("$.type").value("/problems/cross-site"))
			.andExpect(jsonPath("$.title").value("Requête d'un autre site refusée"))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.detail").value(Matchers.allOf(Matchers.containsString("Sec-Fetch-Site: cross-site"),
					Matchers.containsString("Rien n'a été modifié."))))
			.andExpect(jsonPath("$.instance").value(project + "/controls"))
			// The refusal is an answer like any other: it carries the same headers.
			.andExpect(header().string("Content-Security-Policy", Matchers.startsWith("default-src 'self'")));
		// A browser that sends no Sec-Fetch-Site still sends Origin.
		Requests
			.refused(mvc, audit, controls(project),
					openControl(project + "/controls", session).header("Origin", ATTACKER)
						.header("Accept-Language", "en"),
					403)
			.andExpect(jsonPath("$.title").value("Cross-site request refused"))
			.andExpect(jsonPath("$.detail").value("This change comes from https://attaquant.example (Origin), not from "
					+ "http://localhost: a change signed in by the session cookie is taken from Nuage's own pages "
					+ "only. Nothing was changed."));
		// What a sandboxed frame or a file sends.
		Requests.refused(mvc, audit, controls(project),
				openControl(project + "/controls", session).header("Origin", "null"), 403);
	}

	@Test
	void aCrossSiteMultipartPostStoresNoDocument() throws Exception {
		String project = register(mvc, 2_500_000);
		Requests
			.refused(mvc, audit, documents(project),
					multipart(project + "/documents")
						.file(new MockMultipartFile("file", "etude.pdf", "application/pdf", PDF))
						.param("purpose", "COMPARATIVE_STUDY")
						.session(signedIn(AGENT))
						.header("Sec-Fetch-Site", "cross-site")
						.header("Origin", ATTACKER),
					403)
			.andExpect(jsonPath("$.type").value("/problems/cross-site"));
	}

	@Test
	void aSiblingSiteOfTheSameRegistrableDomainIsRefusedToo() throws Exception {
		String project = register(mvc, 2_500_000);
		MockHttpSession session = signedIn(AGENT);
		Requests
			.refused(mvc, audit, controls(project),
					openControl(NUAGE + project + "/controls", session).header("Sec-Fetch-Site", "same-site")
						.header("Origin", SIBLING),
					403)
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("Sec-Fetch-Site: same-site")));
		Requests.refused(mvc, audit, controls(project),
				openControl(NUAGE + project + "/controls", session).header("Origin", SIBLING), 403);
		Requests.refused(mvc, audit, documents(project),
				multipart(NUAGE + project + "/documents")
					.file(new MockMultipartFile("file", "etude.pdf", "application/pdf", PDF))
					.param("purpose", "COMPARATIVE_STUDY")
					.session(session)
					.header("Sec-Fetch-Site", "same-site")
					.header("Origin", SIBLING),
				403);
		// Another scheme or port is another origin; and without a forwarding configured,
		// a client does not make its origin Nuage's by saying so.
		Requests.refused(mvc, audit, controls(project),
				openControl(NUAGE + project + "/controls", session).header("Origin", "http://nuage.numerique.gouv.fr"),
				403);
		Requests.refused(mvc, audit, controls(project), openControl(NUAGE + project + "/controls", session)
			.header("Origin", "https://nuage.numerique.gouv.fr:8443"), 403);
		Requests.refused(mvc, audit, controls(project),
				openControl(project + "/controls", session).header("Origin", SIBLING)
					.header("X-Forwarded-Host", "wiki.numerique.gouv.fr")
					.header("X-Forwarded-Proto", "https"),
				403);
	}

	@Test
	void nuagesOwnPagesChangeWhatTheirSessionMay() throws Exception {
		String project = register(mvc, 2_500_000);
		MockHttpSession session = signedIn(AGENT);
		mvc.perform(openControl(NUAGE + project + "/controls", session).header("Sec-Fetch-Site", "same-origin")
			.header("Origin", "https://NUAGE.numerique.gouv.fr"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("OPEN"));
		mvc.perform(multipart(project + "/documents")
			.file(new MockMultipartFile("file", "etude.pdf", "application/pdf", PDF))
			.param("purpose", "COMPARATIVE_STUDY")
			.session(session)
			.header("Sec-Fetch-Site", "same-origin")
			.header("Origin", "http://localhost")).andExpect(status().isCreated());
		// Typed in the address bar, or sent by a client that is no browser.
		String other = register(mvc, 2_500_000);
		mvc.perform(openControl(other + "/controls", session).header("Sec-Fetch-Site", "none"))
			.andExpect(status().isCreated());
		String third = register(mvc, 2_500_000);
		mvc.perform(openControl(third + "/controls", session)).andExpect(status().isCreated());
		// Reading is no change.
		mvc.perform(get(project + "/controls").session(session)
			.header("Sec-Fetch-Site", "cross-site")
			.header("Origin", ATTACKER)).andExpect(status().isOk());
	}

	@Test
	void requestsWithoutASessionsSignInAreNotConcerned() throws Exception {
		String assessment = "{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"}}";
		mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
			.content(assessment)
			.header("Sec-Fetch-Site", "cross-site")
			.header("Origin", ATTACKER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.verdict").value("NOT_SUBJECT"));
		mvc.perform(post("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON)
			.content(assessment)
			.session(new MockHttpSession())
			.header("Sec-Fetch-Site", "cross-site")
			.header("Origin", ATTACKER)).andExpect(status().isOk());
	}

	/**
	 * Behind a proxy the server is configured to trust, Nuage's origin is the one the
	 * forwarded headers name, not the address the proxy called. The enclosing test is
	 * built in this context too, hence its MockMvc.
	 */
	@Nested
	@TestPropertySource(properties = "server.forward-headers-strategy=framework")
	class BehindAProxy {

		@Test
		void theOriginIsTheOneTheForwardedHeadersName() throws Exception {
			String project = register(mvc, 2_500_000);
			MockHttpSession session = signedIn(AGENT);
			MockHttpServletRequestBuilder proxied = openControl("http://10.0.0.7:8080" + project + "/controls", session)
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "nuage.numerique.gouv.fr")
				.header("Sec-Fetch-Site", "same-origin");
			Requests.refused(mvc, audit, controls(project), proxied.header("Origin", SIBLING), 403);
			mvc.perform(openControl("http://10.0.0.7:8080" + project + "/controls", session)
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "nuage.numerique.gouv.fr")
				.header("Sec-Fetch-Site", "same-origin")
				.header("Origin", "https://nuage.numerique.gouv.fr")).andExpect(status().isCreated());
		}

	}

}
