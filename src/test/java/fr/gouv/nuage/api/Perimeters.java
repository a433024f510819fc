package fr.gouv.nuage.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import com.jayway.jsonpath.JsonPath;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Role;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The perimeters the API tests act in: two ministries with a directorate each, their
 * agents and controllers, DINUM under the Prime Minister's services, the Prime Minister's
 * office and a provider; and what they send — an assessment, a PDF, an offer.
 */
final class Perimeters {

	/** An agent of `dir-a`, under `min-a`. */
	static final String AGENT = "agent@a.fr";

	/** An agent of `dir-b`, under `min-b`. */
	static final String OTHER_AGENT = "agent@b.fr";

	/** The controller of `min-a`. */
	static final String CONTROLLER = "controller@a.fr";

	/** The controller of `min-b`. */
	static final String OTHER_CONTROLLER = "controller@b.fr";

	static final String DINUM = "dinum@numerique.gouv.fr";

	static final String PRIME_MINISTER = "cabinet@pm.gouv.fr";

	/**
	 * Someone of OVHcloud, a provider: `ovhcloud`, the id the catalogue's offers name.
	 */
	static final String PROVIDER = "julie@ovhcloud.test";

	static final String DIR_A_SIRET = "11000000000011";

	static final String DIR_B_SIRET = "11000000000033";

	static final String PROVIDER_SIRET = "42400000000011";

	static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	/**
	 * A new offer of the provider, in the catalogue's YAML format, naming its
	 * organisation by id.
	 */
	static final String OFFER = """
			id: ovhcloud-object-storage-test
			provider: "OVHcloud"
			service: "Object Storage"
			model: IAAS
			categories: [storage]
			dataLocation: FRANCE
			immuneToExtraEuAccess: false
			hdsCertified: false
			maxMarking: NONE
			qualifications: []
			sources: [ANSSI-LIST]
			confidence: sourced
			asOf: 2026-11-22
			providerId: ovhcloud
			""";

	private Perimeters() {
	}

	/** Adds the organisations and signs the people in, each with their role. */
	static void seed(Directory directory) {
		directory.add("test", "min-a", "Ministère A", OrganisationKind.MINISTRY, null, null);
		directory.add("test", "dir-a", "Direction A", OrganisationKind.DIRECTORATE, "min-a", DIR_A_SIRET);
		directory.add("test", "min-b", "Ministère B", OrganisationKind.MINISTRY, null, null);
		directory.add("test", "dir-b", "Direction B", OrganisationKind.DIRECTORATE, "min-b", DIR_B_SIRET);
		directory.add("test", Directory.PRIME_MINISTER_SERVICES, "Services du Premier ministre",
				OrganisationKind.MINISTRY, null, null);
		directory.add("test", "dinum", "DINUM", OrganisationKind.DIRECTORATE, Directory.PRIME_MINISTER_SERVICES, null);
		directory.add("test", "ovhcloud", "OVHcloud", OrganisationKind.PROVIDER, null, PROVIDER_SIRET);
		directory.signIn(new Identity(AGENT, "A", "Gent", DIR_A_SIRET, null, null));
		directory.signIn(new Identity(OTHER_AGENT, "B", "Gent", DIR_B_SIRET, null, null));
		directory.signIn(new Identity(PROVIDER, "J", "F", PROVIDER_SIRET, null, null));
		for (String email : new String[] { CONTROLLER, OTHER_CONTROLLER, DINUM, PRIME_MINISTER }) {
			directory.signIn(new Identity(email, "X", "Y", null, null, null));
		}
		directory.grant("test", CONTROLLER, Role.MINISTRY_CONTROLLER, "min-a");
		directory.grant("test", OTHER_CONTROLLER, Role.MINISTRY_CONTROLLER, "min-b");
		directory.grant("test", DINUM, Role.DINUM, "dinum");
		directory.grant("test", PRIME_MINISTER, Role.PRIME_MINISTER_OFFICE, Directory.PRIME_MINISTER_SERVICES);
	}

	/**
	 * Sensitive data on a commercial cloud (R9 violated), at a full cost that sets the
	 * control's procedure.
	 */
	static String assessment(long fullCostEur) throws Exception {
		String example = new String(
				new ClassPathResource("doctrine/examples/sensitive-on-commercial.json").getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(example).contains("\"fullCostEur\":2500000");
		return example.replace("\"fullCostEur\":2500000", "\"fullCostEur\":" + fullCostEur);
	}

	/** Registers a project of `dir-a` as its agent; its address. */
	static String register(MockMvc mvc, long fullCostEur) throws Exception {
		return mvc
			.perform(post("/api/v1/projects").with(user(AGENT))
				.contentType(MediaType.APPLICATION_JSON)
				.content(assessment(fullCostEur)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
	}

	/** Stores a PDF for the project as its agent; its id. */
	static String upload(MockMvc mvc, String project, String purpose, String filename) throws Exception {
		MvcResult stored = mvc
			.perform(multipart(project + "/documents")
				.file(new MockMultipartFile("file", filename, "application/pdf", PDF))
				.param("purpose", purpose)
				.with(user(AGENT)))
			.andExpect(status().isCreated())
			.andReturn();
		return JsonPath.read(stored.getResponse().getContentAsString(), "$.id");
	}

}
