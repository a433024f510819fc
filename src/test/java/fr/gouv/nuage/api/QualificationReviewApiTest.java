package fr.gouv.nuage.api;

import static fr.gouv.nuage.api.Perimeters.AGENT;
import static fr.gouv.nuage.api.Perimeters.DINUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;

import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

/**
 * DINUM's queue of qualifications to confirm, and its word on them over the API:
 * confirmed, corrected or ended on the version of the offer it read; an end is published
 * for the projects on the offer; a review that does not fit is refused, naming what is
 * wrong, and changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class QualificationReviewApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void directory() {
		Perimeters.seed(directory);
	}

	private static MockHttpServletRequestBuilder review(String offer, String action, String body, String version) {
		MockHttpServletRequestBuilder request = post(
				"/api/v1/offers/" + offer + "/qualifications/SECNUMCLOUD/" + action)
			.with(user(DINUM))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return version == null ? request : request.header("If-Match", "\"" + version + "\"");
	}

	private int reviews() {
		return jdbc.sql("select count(*) from qualification_review").query(Integer.class).single();
	}

	@Test
	void dinumsQueueListsTheFourOffersWhoseEstimatedGrantsRanOut() throws Exception {
		mvc.perform(get("/api/v1/qualifications/due?asOf=2027-01-15").with(user(DINUM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(4))
			.andExpect(jsonPath("$.due[*].offerId")
				.value(containsInAnyOrder("outscale-iaas", "ovhcloud-hpc-snc", "cloudtemple-iaas", "oodrive-work")))
			.andExpect(jsonPath("$.due[0].hostingClass").value("COMMERCIAL_TRUSTED"))
			.andExpect(jsonPath("$.due[0].state.toConfirm").value(true))
			.andExpect(jsonPath("$.due[0].state.validUntil").value("2026-12-31"))
			.andExpect(jsonPath("$.due[0].state.endKnown").value(false));
		mvc.perform(get("/api/v1/qualifications/due?asOf=2026-12-02").with(user(DINUM)))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/qualifications/due").with(user(AGENT))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/qualifications/due?asOf=2027-13-01").with(user(DINUM)))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/v1/offers/outscale-iaas?asOf=2027-01-15"))
			.andExpect(jsonPath("$.on.hostingClass").value("COMMERCIAL_TRUSTED"))
			.andExpect(jsonPath("$.on.toConfirm").value(true));
	}

	/**
	 * The queue writes a qualification's state as the offer itself writes it on the same
	 * day, field for field.
	 */
	@Test
	void theQueueWritesAStateAsTheOfferDoes() throws Exception {
		String queue = mvc.perform(get("/api/v1/qualifications/due?asOf=2027-01-15").with(user(DINUM)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (String offer : List.of("outscale-iaas", "ovhcloud-hpc-snc", "cloudtemple-iaas", "oodrive-work")) {
			String shown = mvc.perform(get("/api/v1/offers/" + offer + "?asOf=2027-01-15"))
				.andReturn()
				.getResponse()
				.getContentAsString();
			List<Object> states = JsonPath.read(queue, "$.due[?(@.offerId == '" + offer + "')].state");
			assertThat(states).containsExactly((Object) JsonPath.read(shown, "$.on.secNumCloud"));
		}
	}

	@Test
	void aConfirmationRecordsTheGrantAnssisListShowsAndTakesTheOfferOutOfTheQueue() throws Exception {
		mvc.perform(review("outscale-iaas", "confirmation",
				"""
						{"date":"2026-06-01","dating":"known","schemeVersion":"3.2","validUntil":"2029-05-31","evidence":"anssi-list",
						 "comment":"Liste de l'ANSSI consultée le 2 décembre 2026"}""",
				"1"))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"2\""))
			.andExpect(jsonPath("$.on.secNumCloud.since").value("2026-06-01"))
			.andExpect(jsonPath("$.on.secNumCloud.endKnown").value(true))
			.andExpect(jsonPath("$.qualifications[0].events[2].source").value("NUAGE-DINUM"))
			.andExpect(jsonPath("$.qualifications[0].events[2].evidence").value("anssi-list"));
		mvc.perform(get("/api/v1/qualifications/due?asOf=2027-01-15").with(user(DINUM)))
			.andExpect(jsonPath("$.total").value(3));
		mvc.perform(get("/api/v1/offers/outscale-iaas")).andExpect(header().string("ETag", "\"2\""));
		assertThat(audit.entries()).extracting(e -> e.action()).contains("QUALIFICATION_REVIEWED");
	}

	/**
	 * An end on a known date changes the offer's class at once, and decides the projects
	 * on it again: their module listens after the review commits (ProjectsTest), so the
	 * change is published inside the reviewing transaction, recorded for that listener in
	 * the publication registry with it, never lost if the server stops right after.
	 */
	@Test
	void anEndOnAKnownDateIsPublishedForTheProjectsOnTheOfferWithTheReview() throws Exception {
		String yesterday = LocalDate.now().minusDays(1).toString();
		mvc.perform(review("ovhcloud-hpc-snc", "end",
				"""
						{"status":"WITHDRAWN","date":"%s","evidence":"anssi-list","comment":"retirée de la liste"}"""
					.formatted(yesterday),
				"1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.on.hostingClass").value("COMMERCIAL"))
			.andExpect(jsonPath("$.on.secNumCloud.status").value("WITHDRAWN"));
		assertThat(jdbc.sql("""
				select listener_id from event_publication
				where event_type like '%OfferQualificationWithdrawn' and serialized_event like '%ovhcloud-hpc-snc%'
				and completion_date is null""").query(String.class).list())
			.anySatisfy(listener -> assertThat(listener).startsWith("fr.gouv.nuage.projects."));
		assertThat(audit.entries()).extracting(e -> e.action())
			.contains("QUALIFICATION_REVIEWED", "OFFER_QUALIFICATION_WITHDRAWN");
	}

	@Test
	void aCorrectionReplacesTheGrantInForce() throws Exception {
		mvc.perform(review("cloudtemple-iaas", "correction",
				"""
						{"date":"2024-05-02","dating":"known","schemeVersion":"3.2","validUntil":"2027-05-01","evidence":"anssi-list"}""",
				"1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.qualifications[0].events.length()").value(2))
			.andExpect(jsonPath("$.qualifications[0].events[1].date").value("2024-05-02"))
			.andExpect(jsonPath("$.on.secNumCloud.validUntil").value("2027-05-01"));
		mvc.perform(get("/api/v1/offers/cloudtemple-iaas?asOf=2027-05-02"))
			.andExpect(jsonPath("$.on.secNumCloud.status").value("EXPIRED"));
	}

	@Test
	void aReviewThatDoesNotFitIsRefusedNamingWhatIsWrongAndChangesNothing() throws Exception {
		String confirmation = """
				{"date":"2026-06-01","dating":"known","schemeVersion":"3.2","evidence":"anssi-list"}""";
		mvc.perform(review("outscale-iaas", "confirmation", confirmation, null))
			.andExpect(status().isPreconditionRequired());
		mvc.perform(review("outscale-iaas", "confirmation", confirmation, "7"))
			.andExpect(status().isPreconditionFailed());
		mvc.perform(review("outscale-iaas", "confirmation", confirmation, "1").with(user(AGENT)))
			.andExpect(status().isForbidden());
		mvc.perform(review("outscale-iaaz", "confirmation", confirmation, "1"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("vouliez-vous dire `outscale-iaas` ?")));
		mvc.perform(review("outscale-iaas", "confirmation", """
				{"date":"2026-06-01","dating":"maybe","evidence":"single-source","colour":"blue"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("colour", "dating", "evidence")));
		mvc.perform(review("outscale-iaas", "confirmation", """
				{"date":"2099-01-01","dating":"known","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("est à venir")));
		mvc.perform(review("outscale-iaas", "confirmation", """
				{"date":"2019-01-01","dating":"known","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("précède la dernière étape")));
		mvc.perform(review("bleu", "end", """
				{"status":"WITHDRAWN","date":"2026-06-01","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message")
				.value(containsString("aucune qualification SECNUMCLOUD valide à laquelle mettre fin")));
		mvc.perform(review("outscale-iaas", "end", """
				{"status":"QUALIFIED","date":"2026-06-01","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		assertThat(reviews()).isZero();
		mvc.perform(get("/api/v1/offers/outscale-iaas")).andExpect(header().string("ETag", "\"1\""));
	}

}
