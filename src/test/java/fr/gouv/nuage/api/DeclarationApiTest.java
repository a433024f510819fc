package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.CONTROLLER;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static fr.gouv.nuage.api.Perimeters.OFFER;
import static fr.gouv.nuage.api.Perimeters.PRIME_MINISTER;
import static fr.gouv.nuage.api.Perimeters.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Providers declare their offers over the API and DINUM reviews them, each within its
 * perimeter.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class DeclarationApiTest {

	/** Someone of another provider, which declares none of OVHcloud's offers. */
	private static final String SCALEWAY = "eve@scaleway.test";

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void directory() {
		Perimeters.seed(directory);
		directory.add("test", "scaleway", "Scaleway (groupe Iliad)", OrganisationKind.PROVIDER, null, "22000000000922");
		directory.signIn(new Identity(SCALEWAY, "Eve", "S", "22000000000922", null, null));
	}

	@Test
	void aProviderDeclaresAnOfferAndDinumAcceptsIt() throws Exception {
		MvcResult created = mvc
			.perform(post("/api/v1/declarations").with(user(PROVIDER)).contentType(YAML).content(OFFER))
			.andExpect(status().isCreated())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.offerId").value("ovhcloud-object-storage-test"))
			.andExpect(jsonPath("$.provider").value("OVHcloud"))
			.andExpect(jsonPath("$.providerId").value("ovhcloud"))
			.andExpect(jsonPath("$.kind").value("NEW_OFFER"))
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.history[0].actor").value(PROVIDER))
			.andReturn();
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/declarations/" + id);

		mvc.perform(get("/api/v1/declarations/" + id).with(user(PROVIDER)))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.content").value(OFFER));
		mvc.perform(get("/api/v1/declarations?status=PENDING").with(user(DINUM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.declarations[*].id", hasItem(id)));
		mvc.perform(get("/api/v1/declarations").with(user(PROVIDER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.declarations[0].id").value(id));
		mvc.perform(get("/api/v1/declarations").with(user(SCALEWAY)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.declarations[*].id", not(hasItem(id))));

		mvc.perform(post("/api/v1/declarations/" + id + "/acceptance").with(user(DINUM))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"comment\":\"on ANSSI's list\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.history[1].action").value("ACCEPTED"))
			.andExpect(jsonPath("$.history[1].actor").value(DINUM))
			.andExpect(jsonPath("$.history[1].comment").value("on ANSSI's list"));
		mvc.perform(get("/api/v1/declarations?status=ACCEPTED").with(user(DINUM)))
			.andExpect(jsonPath("$.declarations[*].id", hasItem(id)));
		mvc.perform(get("/api/v1/offers/ovhcloud-object-storage-test"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.providerId").value("ovhcloud"));
	}

	/** A new offer that leaves out its organisation is the declaring organisation's. */
	@Test
	void aNewOfferWithoutItsOrganisationIsTheDeclarersOne() throws Exception {
		String offer = OFFER.replace("providerId: ovhcloud\n", "");
		mvc.perform(post("/api/v1/declarations").with(user(PROVIDER)).contentType(YAML).content(offer))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.providerId").value("ovhcloud"));
		mvc.perform(post("/api/v1/declarations").with(user(SCALEWAY))
			.contentType(YAML)
			.content(offer.replace("ovhcloud-object-storage-test", "scaleway-object-storage-test")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.provider").value("OVHcloud"))
			.andExpect(jsonPath("$.providerId").value("scaleway"));
	}

	@Test
	void anUpdateInJsonIsRejectedWithAReasonThenCannotBeWithdrawn() throws Exception {
		String update = CatalogueJson.declaration(Catalogue.reference().offer("ovhcloud-hpc-snc").orElseThrow());
		String id = submit(PROVIDER, MediaType.APPLICATION_JSON, update);
		mvc.perform(get("/api/v1/declarations/" + id).with(user(DINUM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("UPDATE"));
		mvc.perform(post("/api/v1/declarations/" + id + "/rejection").with(user(DINUM))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"not on ANSSI's list\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.history[1].comment").value("not on ANSSI's list"));

		List<Long> before = counts();
		mvc.perform(post("/api/v1/declarations/" + id + "/withdrawal").with(user(PROVIDER)).header("If-Match", "\"2\""))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("une déclaration rejetée ne peut pas être retirée"));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void theProviderWithdrawsItsDeclarationBeforeReview() throws Exception {
		String id = submit(PROVIDER, MediaType.parseMediaType("text/yaml"), OFFER);
		mvc.perform(post("/api/v1/declarations/" + id + "/withdrawal").with(user(PROVIDER)).header("If-Match", "\"1\""))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.status").value("WITHDRAWN"))
			.andExpect(jsonPath("$.history[1].action").value("WITHDRAWN"))
			.andExpect(jsonPath("$.history[1].actor").value(PROVIDER));
		assertThat(
				jdbc.sql("select actor from audit_entry where action = 'OFFER_DECLARATION_WITHDRAWN' and subject = :s")
					.param("s", "declaration:" + id)
					.query(String.class)
					.list())
			.containsExactly(PROVIDER);
	}

	@Test
	void visitorsReachNoDeclaration() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		List<Long> before = counts();
		mvc.perform(post("/api/v1/declarations").contentType(YAML).content(OFFER)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/declarations")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/declarations/" + id)).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/declarations/" + id + "/acceptance").header("If-Match", "\"1\""))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/declarations/" + id + "/withdrawal").header("If-Match", "\"1\""))
			.andExpect(status().isUnauthorized());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void onlyAProviderDeclaresAndOnlyItsOwnOffers() throws Exception {
		List<Long> before = counts();
		for (String someone : List.of(AGENT, CONTROLLER, PRIME_MINISTER, DINUM, SCALEWAY)) {
			mvc.perform(post("/api/v1/declarations").with(user(someone)).contentType(YAML).content(OFFER))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}
		mvc.perform(post("/api/v1/declarations").with(user(SCALEWAY)).contentType(YAML).content(OFFER))
			.andExpect(jsonPath("$.detail", containsString("pas de `ovhcloud`")));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void onlyDinumAndTheDeclaringProviderSeeADeclaration() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		for (String someone : List.of(AGENT, CONTROLLER, PRIME_MINISTER)) {
			mvc.perform(get("/api/v1/declarations").with(user(someone))).andExpect(status().isForbidden());
			mvc.perform(get("/api/v1/declarations/" + id).with(user(someone))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/v1/declarations/" + id).with(user(SCALEWAY))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/declarations/" + id).with(user(DINUM))).andExpect(status().isOk());
	}

	@Test
	void onlyDinumReviewsAndOnlyTheDeclaringProviderWithdraws() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		List<Long> before = counts();
		for (String someone : List.of(PROVIDER, SCALEWAY, AGENT, CONTROLLER, PRIME_MINISTER)) {
			mvc.perform(review(id, "acceptance", someone, "{\"comment\":\"fine\"}")).andExpect(status().isForbidden());
			mvc.perform(review(id, "rejection", someone, "{\"reason\":\"no\"}")).andExpect(status().isForbidden());
		}
		for (String someone : List.of(SCALEWAY, DINUM, AGENT, CONTROLLER, PRIME_MINISTER)) {
			mvc.perform(
					post("/api/v1/declarations/" + id + "/withdrawal").with(user(someone)).header("If-Match", "\"1\""))
				.andExpect(status().isForbidden());
		}
		assertThat(counts()).isEqualTo(before);
		mvc.perform(get("/api/v1/declarations/" + id).with(user(DINUM)))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	@Test
	void anInvalidDeclarationIsRefusedWithItsPlaceAndNothingIsStored() throws Exception {
		List<Long> before = counts();
		mvc.perform(post("/api/v1/declarations").with(user(PROVIDER))
			.contentType(YAML)
			.content(OFFER.replace("model: IAAS", "model: IASS")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].line").value(4))
			.andExpect(jsonPath("$.errors[0].column").value(8))
			.andExpect(jsonPath("$.errors[0].message", containsString("`IASS` is not allowed for `model`")));
		// Another provider's offer id: the document names the offer of someone else.
		mvc.perform(post("/api/v1/declarations").with(user(PROVIDER))
			.contentType(YAML)
			.content(OFFER.replace("id: ovhcloud-object-storage-test", "id: scaleway")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("id"))
			.andExpect(jsonPath("$.errors[0].message", containsString("belongs to `Scaleway (groupe Iliad)`")));
		mvc.perform(post("/api/v1/declarations").with(user(PROVIDER)).contentType(MediaType.TEXT_PLAIN).content(OFFER))
			.andExpect(status().isUnsupportedMediaType());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aReviewBodyIsReadStrictly() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		List<Long> before = counts();
		mvc.perform(review(id, "rejection", DINUM, "{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(review(id, "rejection", DINUM, "{\"reason\":\"  \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(review(id, "acceptance", DINUM, "{\"comment\":\"ok\",\"note\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		mvc.perform(review(id, "acceptance", DINUM, "{\"comment\":[\"ok\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		mvc.perform(review(id, "acceptance", DINUM, "{\"comment\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/v1/declarations?status=DONE").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("status"));
		mvc.perform(get("/api/v1/declarations?size=201").with(user(DINUM)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].parameter").value("size"));
		assertThat(counts()).isEqualTo(before);
	}

	/** A number is not text: it is refused, not read as the text of its digits. */
	@Test
	void aReviewFieldOfTheWrongKindIsRefused() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		List<Long> before = counts();
		mvc.perform(review(id, "acceptance", DINUM, "{\"comment\":42}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("comment"));
		assertThat(counts()).isEqualTo(before);
	}

	/** A body that stops being JSON is refused at the place it stops. */
	@Test
	void aReviewBodyThatIsNotJsonIsRefusedAtItsPlace() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		mvc.perform(review(id, "acceptance", DINUM, "{\"comment\":"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(1))
			.andExpect(jsonPath("$.errors[0].column").isNumber());
	}

	/** A rejection sent without a body names what it lacks, as any other body would. */
	@Test
	void aRejectionWithoutABodyNamesItsReason() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		mvc.perform(post("/api/v1/declarations/" + id + "/rejection").with(user(DINUM)).header("If-Match", "\"1\""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/v1/declarations/" + id + "/acceptance").with(user(DINUM)).header("If-Match", "\"1\""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history[1].comment").doesNotExist());
	}

	@Test
	void aTransitionNamesTheVersionItWasMadeOn() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		List<Long> before = counts();
		mvc.perform(post("/api/v1/declarations/" + id + "/acceptance").with(user(DINUM)))
			.andExpect(status().isPreconditionRequired());
		mvc.perform(post("/api/v1/declarations/" + id + "/acceptance").with(user(DINUM)).header("If-Match", "\"7\""))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(post("/api/v1/declarations/" + id + "/withdrawal").with(user(PROVIDER)).header("If-Match", "\"0\""))
			.andExpect(status().isPreconditionFailed());
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void anUnknownDeclarationIsNotFound() throws Exception {
		String unknown = "00000000-0000-0000-0000-000000000000";
		mvc.perform(get("/api/v1/declarations/" + unknown).with(user(DINUM)))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(review(unknown, "acceptance", DINUM, "{}")).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/declarations/" + unknown + "/withdrawal").with(user(PROVIDER))
			.header("If-Match", "\"1\"")).andExpect(status().isNotFound());
	}

	@Test
	void theListIsPaginated() throws Exception {
		submit(PROVIDER, YAML, OFFER);
		String update = CatalogueJson.declaration(Catalogue.reference().offer("ovhcloud-hpc-snc").orElseThrow());
		String second = submit(PROVIDER, MediaType.APPLICATION_JSON, update);
		mvc.perform(get("/api/v1/declarations?page=1&size=1").with(user(PROVIDER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.declarations.length()").value(1))
			.andExpect(jsonPath("$.declarations[0].id").value(second));
	}

	@Test
	void aWeakIfMatchIsRefusedAsNoVersion() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		mvc.perform(
				post("/api/v1/declarations/" + id + "/withdrawal").with(user(PROVIDER)).header("If-Match", "W/\"1\""))
			.andExpect(status().isPreconditionFailed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("weak tag")));
		mvc.perform(get("/api/v1/declarations/" + id).with(user(PROVIDER)))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	@Test
	void aWithdrawalRefusesABody() throws Exception {
		String id = submit(PROVIDER, YAML, OFFER);
		mvc.perform(post("/api/v1/declarations/" + id + "/withdrawal").with(user(PROVIDER))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"changed my mind\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		mvc.perform(get("/api/v1/declarations/" + id).with(user(PROVIDER)))
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
	}

	@Test
	void aDeclarationWithTooManyAliasesIsRefusedAsADeclaration() throws Exception {
		StringBuilder yaml = new StringBuilder(OFFER).append("notes:\n  a: &a [x, y]\n");
		for (int i = 0; i < 20; i++) {
			yaml.append("  b").append(i).append(": *a\n");
		}
		mvc.perform(post("/api/v1/declarations").with(user(PROVIDER)).contentType(YAML).content(yaml.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].message", containsString("aliases")));
	}

	@Test
	void aDeclarationThatIsNotUtf8IsRefusedNamingTheByte() throws Exception {
		byte[] text = OFFER.replace("Object Storage", "Object Storag\u00e9")
			.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		mvc.perform(post("/api/v1/declarations").with(user(PROVIDER)).contentType(YAML).content(text))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].line").value(3))
			.andExpect(jsonPath("$.errors[0].message", containsString("not valid UTF-8")));
	}

	private String submit(String provider, MediaType type, String content) throws Exception {
		MvcResult result = mvc
			.perform(post("/api/v1/declarations").with(user(provider)).contentType(type).content(content))
			.andExpect(status().isCreated())
			.andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
	}

	private static MockHttpServletRequestBuilder review(String id, String what, String who, String body) {
		return post("/api/v1/declarations/" + id + "/" + what).with(user(who))
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	/**
	 * What a refusal must leave as it was: the declarations, their history, the audit
	 * log.
	 */
	private List<Long> counts() {
		return List.of("offer_declaration", "offer_declaration_event", "audit_entry")
			.stream()
			.map(table -> jdbc.sql("select count(*) from " + table).query(Long.class).single())
			.toList();
	}

}
