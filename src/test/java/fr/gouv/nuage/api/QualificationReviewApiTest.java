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
import java.util.UUID;

import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.projects.Project;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.Projects;
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
 * DINUM's queue of qualifications to confirm, and its word on them over the API: confirmed,
 * corrected or ended on the version of the offer it read; an end decides the projects on the offer
 * again; a review that does not fit is refused, naming what is wrong, and changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
@Tag("database")
class QualificationReviewApiTest {

	private static final String SENSITIVE_ON = """
			{"schema":"nuage.assessment/v1",
			 "entity":{"name":"Direction A","kind":"STATE_ADMINISTRATION","ministry":"Ministère A"},
			 "project":{"name":"Registre sensible","stage":"NEW","fullCostEur":500000,"solution":"CLOUD","equivalentSolutionExists":false},
			 "hosting":{"offerId":"%s"},
			 "data":{"personal":true,"publicAgents":false,"health":false,"companiesEconomic":false,"legalSecrets":["STATE_SECURITY"],
			         "essentialStateMission":true,"breachImpacts":["PUBLIC_SECURITY"],"transfersOutsideEu":false},
			 "commitments":{"productMode":true,"reversibilityPlan":true,"reversibilityFunded":true,"multiZoneResilience":true,
			                "compromiseDetection":true,"portabilityChecked":true,"comparativeStudy":false,"gdprCompliant":true}}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	Directory directory;

	@Autowired
	Projects projects;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void directory() {
		Perimeters.seed(directory);
	}

	private static MockHttpServletRequestBuilder review(String offer, String action, String body, String version) {
		MockHttpServletRequestBuilder request = post("/api/v1/offers/" + offer + "/qualifications/SECNUMCLOUD/" + action)
			.with(user(DINUM)).contentType(MediaType.APPLICATION_JSON).content(body);
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
			.andExpect(jsonPath("$.due[*].offerId").value(containsInAnyOrder("outscale-iaas", "ovhcloud-hpc-snc",
					"cloudtemple-iaas", "oodrive-work")))
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

	@Test
	void aConfirmationRecordsTheGrantAnssisListShowsAndTakesTheOfferOutOfTheQueue() throws Exception {
		mvc.perform(review("outscale-iaas", "confirmation", """
				{"date":"2026-06-01","dating":"known","schemeVersion":"3.2","validUntil":"2029-05-31","evidence":"anssi-list",
				 "comment":"Liste de l'ANSSI consultée le 2 décembre 2026"}""", "1"))
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

	@Test
	void anEndOnAKnownDateDecidesTheProjectsOnTheOfferAgain() throws Exception {
		UUID id = ((Projects.Decided) projects.register(AGENT, "dir-a", SENSITIVE_ON.formatted("ovhcloud-hpc-snc"))).project().id();
		Verdict before = projects.find(id).orElseThrow().latest().orElseThrow().verdict();
		String yesterday = LocalDate.now().minusDays(1).toString();
		mvc.perform(review("ovhcloud-hpc-snc", "end", """
				{"status":"WITHDRAWN","date":"%s","evidence":"anssi-list","comment":"retirée de la liste"}""".formatted(yesterday),
				"1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.on.hostingClass").value("COMMERCIAL"))
			.andExpect(jsonPath("$.on.secNumCloud.status").value("WITHDRAWN"));
		Project project = projects.find(id).orElseThrow();
		assertThat(project.decisions()).hasSize(2);
		ProjectDecision again = project.latest().orElseThrow();
		assertThat(again.reason()).isEqualTo(ProjectDecision.Reason.OFFER_QUALIFICATION_CHANGED);
		assertThat(again.verdict()).isEqualTo(Verdict.NON_COMPLIANT).isNotEqualTo(before);
		assertThat(audit.entries()).extracting(e -> e.action())
			.contains("QUALIFICATION_REVIEWED", "OFFER_QUALIFICATION_WITHDRAWN");
	}

	@Test
	void aCorrectionReplacesTheGrantInForce() throws Exception {
		mvc.perform(review("cloudtemple-iaas", "correction", """
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
		mvc.perform(review("outscale-iaas", "confirmation", confirmation, null)).andExpect(status().isPreconditionRequired());
		mvc.perform(review("outscale-iaas", "confirmation", confirmation, "7")).andExpect(status().isPreconditionFailed());
		mvc.perform(review("outscale-iaas", "confirmation", confirmation, "1").with(user(AGENT)))
			.andExpect(status().isForbidden());
		mvc.perform(review("outscale-iaaz", "confirmation", confirmation, "1"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value(containsString("did you mean `outscale-iaas`?")));
		mvc.perform(review("outscale-iaas", "confirmation", """
				{"date":"2026-06-01","dating":"maybe","evidence":"single-source","colour":"blue"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("colour", "dating", "evidence")));
		mvc.perform(review("outscale-iaas", "confirmation", """
				{"date":"2099-01-01","dating":"known","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("is to come")));
		mvc.perform(review("outscale-iaas", "confirmation", """
				{"date":"2019-01-01","dating":"known","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("comes before the last step")));
		mvc.perform(review("bleu", "end", """
				{"status":"WITHDRAWN","date":"2026-06-01","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("no valid SECNUMCLOUD qualification to end")));
		mvc.perform(review("outscale-iaas", "end", """
				{"status":"QUALIFIED","date":"2026-06-01","evidence":"anssi-list"}""", "1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		assertThat(reviews()).isZero();
		mvc.perform(get("/api/v1/offers/outscale-iaas")).andExpect(header().string("ETag", "\"1\""));
	}
}
