package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static fr.gouv.nuage.api.Perimeters.OTHER_AGENT;
import static fr.gouv.nuage.api.Perimeters.OTHER_CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.PDF;
import static fr.gouv.nuage.api.Perimeters.PRIME_MINISTER;
import static fr.gouv.nuage.api.Perimeters.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;

import fr.gouv.nuage.documents.Documents;
import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Directory;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.NestedTestConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Project documents over HTTP: stored by the project's agent, listed and downloaded
 * within the perimeter as they were stored, and every refused upload — wrong role, bad
 * form, a type the bytes contradict, a size above the limit — storing nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class DocumentApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	Documents documents;

	@Autowired
	fr.gouv.nuage.projects.Projects projects;

	private static MockMultipartFile file(String filename, String type, byte[] content) {
		return new MockMultipartFile("file", filename, type, content);
	}

	/**
	 * An upload refused with {@code expected}, as problem+json, storing nothing and
	 * auditing nothing.
	 */
	private ResultActions refused(String project, RequestBuilder request, int expected) throws Exception {
		return Requests.refused(mvc, audit,
				() -> mvc.perform(get(project + "/documents").with(user(AGENT)))
					.andReturn()
					.getResponse()
					.getContentAsString(),
				request, expected);
	}

	@Test
	void anAgentStoresADocumentThatThePerimeterDownloadsAsItWasStored() throws Exception {
		Perimeters.seed(directory);
		String project = register(mvc, 2_500_000);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
		int entries = audit.entries().size();
		String location = mvc
			.perform(multipart(project + "/documents").file(file("étude comparative.pdf", "application/pdf", PDF))
				.param("purpose", "COMPARATIVE_STUDY")
				.with(user(AGENT)))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"" + sha256 + "\""))
			.andExpect(jsonPath("$.filename").value("étude comparative.pdf"))
			.andExpect(jsonPath("$.mediaType").value("application/pdf"))
			.andExpect(jsonPath("$.purpose").value("COMPARATIVE_STUDY"))
			.andExpect(jsonPath("$.sizeBytes").value(PDF.length))
			.andExpect(jsonPath("$.storedBy").value(AGENT))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		assertThat(location).matches("/api/v1/documents/[0-9a-f-]{36}");
		assertThat(audit.entries()).hasSize(entries + 1);

		for (String email : new String[] { AGENT, CONTROLLER, DINUM }) {
			mvc.perform(get(location).with(user(email)))
				.andExpect(status().isOk())
				.andExpect(content().bytes(PDF))
				.andExpect(content().contentType("application/pdf"))
				.andExpect(header().string("ETag", "\"" + sha256 + "\""))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment;")))
				.andExpect(header().string("Content-Disposition",
						Matchers.containsString("filename*=UTF-8''%C3%A9tude%20comparative.pdf")));
			mvc.perform(get(project + "/documents").with(user(email)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.length()").value(1))
				.andExpect(jsonPath("$[0].href").value(location));
		}
		mvc.perform(get(location).with(user(AGENT)).header("If-None-Match", "\"" + sha256 + "\""))
			.andExpect(status().isNotModified());
		for (String email : new String[] { OTHER_AGENT, OTHER_CONTROLLER, PRIME_MINISTER, "stranger@x.fr" }) {
			mvc.perform(get(location).with(user(email))).andExpect(status().isForbidden());
			mvc.perform(get(project + "/documents").with(user(email))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/documents/00000000-0000-0000-0000-000000000000").with(user(DINUM)))
			.andExpect(status().isNotFound());

		String csv = mvc
			.perform(multipart(project + "/documents")
				.file(file("formats.csv", "application/vnd.ms-excel",
						"format;taille\nCSV;1\n".getBytes(StandardCharsets.UTF_8)))
				.param("purpose", "REVERSIBILITY_PLAN")
				.with(user(AGENT)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.mediaType").value("text/csv"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(get(csv).with(user(CONTROLLER))).andExpect(content().contentType("text/csv;charset=UTF-8"));
	}

	@Test
	void aRefusedUploadStoresNothing() throws Exception {
		Perimeters.seed(directory);
		String project = register(mvc, 2_500_000);
		String upload = project + "/documents";
		MockMultipartFile pdf = file("etude.pdf", "application/pdf", PDF);

		refused(project, multipart(upload).file(pdf).param("purpose", "OTHER").with(user(CONTROLLER)), 403);
		refused(project, multipart(upload).file(pdf).param("purpose", "OTHER").with(user(OTHER_AGENT)), 403);
		refused(project, multipart(upload).file(pdf).param("purpose", "OTHER").with(user(DINUM)), 403);
		refused(project, multipart(upload).file(pdf).with(user(AGENT)), 400)
			.andExpect(jsonPath("$.errors[0].field").value("purpose"));
		refused(project, multipart(upload).file(pdf).param("purpose", "STUDY").with(user(AGENT)), 400)
			.andExpect(jsonPath("$.errors[0].field").value("purpose"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("COMPARATIVE_STUDY")));
		refused(project, multipart(upload).param("purpose", "OTHER").with(user(AGENT)), 400)
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		refused(project,
				multipart(upload).file(pdf)
					.file(new MockMultipartFile("annexe", "a.pdf", "application/pdf", PDF))
					.param("purpose", "OTHER")
					.param("role", "AGENT")
					.with(user(AGENT)),
				400)
			.andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("annexe", "role")));
		refused(project,
				multipart(upload)
					.file(file("etude.pdf", "application/pdf",
							new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 }))
					.param("purpose", "OTHER")
					.with(user(AGENT)),
				400)
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("ses octets ne sont pas un PDF")));
		refused(project,
				multipart(upload).file(file("programme.exe", null, new byte[] { 'M', 'Z', 0, 1, 2, 3 }))
					.param("purpose", "OTHER")
					.with(user(AGENT)),
				400)
			.andExpect(jsonPath("$.errors[0].field").value("file"));
		refused(project,
				multipart(upload).file(file("../etude.pdf", "application/pdf", PDF))
					.param("purpose", "OTHER")
					.with(user(AGENT)),
				400)
			.andExpect(jsonPath("$.errors[0].field").value("file"));

		byte[] tooLarge = new byte[(int) documents.settings().maxSize().toBytes() + 1];
		System.arraycopy(PDF, 0, tooLarge, 0, PDF.length);
		refused(project,
				multipart(upload).file(file("etude.pdf", "application/pdf", tooLarge))
					.param("purpose", "OTHER")
					.with(user(AGENT)),
				413)
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("au-delà de la limite de 10485760 octets")));
		mvc.perform(post(upload).with(user(AGENT)).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void aDocumentIsDownloadedUnderTheExtensionOfItsType() throws Exception {
		Perimeters.seed(directory);
		String project = register(mvc, 2_500_000);
		String location = mvc
			.perform(multipart(project + "/documents").file(file("poly.html", "application/pdf", PDF))
				.param("purpose", "OTHER")
				.with(user(AGENT)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.filename").value("poly.pdf"))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(get(location).with(user(AGENT)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", Matchers.containsString("filename=\"poly.pdf\"")))
			.andExpect(header().string("Content-Disposition", Matchers.not(Matchers.containsString("html"))));
	}

	@Test
	void anArchivedProjectTakesNoDocument() throws Exception {
		Perimeters.seed(directory);
		String project = register(mvc, 2_500_000);
		projects.archive(java.util.UUID.fromString(project.substring(project.lastIndexOf('/') + 1)), AGENT);
		refused(project,
				multipart(project + "/documents").file(file("etude.pdf", "application/pdf", PDF))
					.param("purpose", "OTHER")
					.with(user(AGENT)),
				409)
			.andExpect(jsonPath("$.detail")
				.value(Matchers.endsWith("est archivé : il ne reçoit plus de nouveau document")));
		mvc.perform(get(project + "/documents").with(user(AGENT)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	/**
	 * The server's multipart limits let a document up to its own limit through, so that
	 * its refusal says the limit.
	 */
	@Test
	void theMultipartLimitsAreAboveTheDocumentsLimit() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new FileSystemResource("src/main/resources/application.yaml"));
		Properties application = yaml.getObject();
		DataSize file = DataSize.parse(application.getProperty("spring.servlet.multipart.max-file-size"));
		DataSize request = DataSize.parse(application.getProperty("spring.servlet.multipart.max-request-size"));
		assertThat(file.toBytes()).isGreaterThan(documents.settings().maxSize().toBytes());
		assertThat(request.toBytes()).isGreaterThan(file.toBytes());
	}

	/**
	 * Over a real server, an upload above the multipart limits (lowered here) is refused
	 * while the request is read, before any handler: still as problem+json. The enclosing
	 * test is built in this context too, hence its MockMvc; the directory is the demo
	 * profile's.
	 */
	@Nested
	@NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
			"spring.datasource.url=jdbc:h2:mem:uploads;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
			// its own H2, whatever schema a PostgreSQL run names
			"spring.flyway.schemas=public", "spring.servlet.multipart.max-file-size=1KB",
			"spring.servlet.multipart.max-request-size=2KB" })
	@AutoConfigureMockMvc
	@ActiveProfiles("demo")
	class AboveTheServersLimit {

		@LocalServerPort
		int port;

		@Test
		void anUploadIsRefusedAs413ProblemJson() throws Exception {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			body.writeBytes("""
					--limit\r
					Content-Disposition: form-data; name="purpose"\r
					\r
					OTHER\r
					--limit\r
					Content-Disposition: form-data; name="file"; filename="etude.pdf"\r
					Content-Type: application/pdf\r
					\r
					""".getBytes(StandardCharsets.US_ASCII));
			body.writeBytes(PDF);
			body.writeBytes(new byte[3000]);
			body.writeBytes("\r\n--limit--\r\n".getBytes(StandardCharsets.US_ASCII));
			HttpRequest request = HttpRequest
				.newBuilder(URI
					.create("http://localhost:" + port + "/api/v1/projects/" + new java.util.UUID(0, 1) + "/documents"))
				.header("Content-Type", "multipart/form-data; boundary=limit")
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("camille.martin@demo.example:demo".getBytes(StandardCharsets.UTF_8)))
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build();
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("a document is at most 10 MB").contains("\"field\":\"file\"");
		}

	}

}
