package fr.gouv.nuage.api;

import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.declarations.DeclarationStatus;
import fr.gouv.nuage.catalogue.declarations.OfferDeclaration;
import fr.gouv.nuage.doctrine.Verdict;
import fr.gouv.nuage.projects.ControlStatus;
import fr.gouv.nuage.projects.DerogationStatus;
import fr.gouv.nuage.projects.DocumentPurpose;
import fr.gouv.nuage.projects.ProjectDecision;
import fr.gouv.nuage.projects.directory.OrganisationKind;
import fr.gouv.nuage.projects.directory.Role;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shapes of the API's bodies, for {@code /v3/api-docs} only: the handlers read their bodies
 * strictly themselves ({@link Body}) and write maps, so nothing here is bound or serialised. Each
 * record names what a handler reads or writes, field for field; the enumerations are the domain's.
 */
final class ApiSchemas {

	private ApiSchemas() {
	}

	@Schema(name = "Problem", description = "A refusal, as RFC 9457 problem details (application/problem+json).")
	record Problem(@Schema(format = "uri-reference", example = "/problems/invalid-input",
			description = "The kind of problem; `about:blank` when it is only its status.") String type,
			@Schema(example = "Invalid input") String title, @Schema(example = "400") int status,
			@Schema(description = "What happened, for people.") String detail,
			@Schema(format = "uri-reference", description = "The request's path.") String instance,
			@Schema(description = "On 400 and 413: each thing refused, named.") List<InputError> errors) {
	}

	@Schema(name = "InputError", requiredProperties = "message", description = "One thing refused: a `field` of a "
			+ "body or form, a `path` in an assessment, or a query `parameter`; `line` and `column` where the body "
			+ "stops being JSON or YAML.")
	record InputError(@Schema(example = "outcome") String field, @Schema(example = "data.marking") String path,
			@Schema(example = "size") String parameter, Integer line, Integer column,
			@Schema(example = "`MAYBE` is not one of `FAVOURABLE`, `FAVOURABLE_WITH_RESERVATIONS` and `UNFAVOURABLE`")
			String message) {
	}

	// What the handlers read.

	@Schema(name = "EmptyBody", additionalProperties = FALSE, maxProperties = 0,
			description = "No field: send no body, or `{}`.")
	record EmptyBody() {
	}

	@Schema(name = "ProjectRename", additionalProperties = FALSE, description = "The project's new name, and nothing else.")
	record ProjectRename(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 300) String name) {
	}

	@Schema(name = "ControlStudy", additionalProperties = FALSE)
	record ControlStudy(@Schema(requiredMode = REQUIRED,
			description = "A document of the control's project, stored with the purpose COMPARATIVE_STUDY.") UUID document) {
	}

	@Schema(name = "ControlReferral", additionalProperties = FALSE)
	record ControlReferral(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
			description = "The file referred to DINUM, or what completes it.") String file) {
	}

	@Schema(name = "InformationRequest", additionalProperties = FALSE)
	record InformationRequest(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
			description = "What DINUM asks for; DINUM's month is suspended until the project refers the file again.")
	String request) {
	}

	@Schema(name = "ControlDecision", additionalProperties = FALSE)
	record ControlDecision(@Schema(requiredMode = REQUIRED) fr.gouv.nuage.projects.Control.Outcome outcome,
			@Schema(minLength = 1, maxLength = Body.MAX_TEXT,
					description = "Why; required unless `outcome` is FAVOURABLE.") String reasons) {
	}

	@Schema(name = "DerogationRequest", additionalProperties = FALSE)
	record DerogationRequest(
			@Schema(requiredMode = REQUIRED, pattern = "^R[0-9]{1,2}$", example = "R9",
					description = "The rule of the doctrine the project derogates from.") String rule,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT) String justification,
			@Schema(description = "A document of the project stored with the purpose PROOF_OF_GUARANTEES; "
					+ "required for a derogation from R9.") UUID proofOfGuarantees) {
	}

	@Schema(name = "DerogationRefusal", additionalProperties = FALSE)
	record DerogationRefusal(@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT) String reason) {
	}

	@Schema(name = "AcceptableOffer", additionalProperties = FALSE)
	record AcceptableOffer(@Schema(requiredMode = REQUIRED,
			description = "Since when an acceptable offer exists; the derogation ends 12 months later at the latest.")
	LocalDate since) {
	}

	@Schema(name = "ReversibilityPlanRecord", additionalProperties = FALSE,
			description = "The whole plan; R4 asks for resources provisioned from launch, so the budget and the staff "
					+ "are not both 0.")
	record ReversibilityPlanRecord(
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Body.MAX_TEXT,
					description = "The end-of-contract and exit terms.") String exitTerms,
			@ArraySchema(schema = @Schema(minLength = 1, pattern = "^[^;]+$"), minItems = 1,
					arraySchema = @Schema(requiredMode = REQUIRED, example = "[\"CSV\", \"JSON\"]",
							description = "The formats the data leave in, 300 characters at most together.")) List<String> exportFormats,
			@Schema(requiredMode = REQUIRED, minimum = "0", exclusiveMaximum = true, maximum = "1000000000000",
					multipleOf = 0.01, description = "Euros provisioned, at most 2 decimals.") BigDecimal budgetEur,
			@Schema(requiredMode = REQUIRED, minimum = "0", description = "Days of staff provisioned.") Integer staffDays) {
	}

	@Schema(name = "DeclarationAcceptance", additionalProperties = FALSE,
			description = "Optional: send no body to accept without a comment.")
	record DeclarationAcceptance(@Schema(maxLength = DeclarationController.MAX_COMMENT) String comment) {
	}

	@Schema(name = "DeclarationRejection", additionalProperties = FALSE)
	record DeclarationRejection(@Schema(requiredMode = REQUIRED, minLength = 1,
			maxLength = DeclarationController.MAX_COMMENT, description = "Why DINUM rejects the declaration.") String reason) {
	}

	@Schema(name = "NewOrganisation", additionalProperties = FALSE)
	record NewOrganisation(
			@Schema(requiredMode = REQUIRED, pattern = "^[a-z0-9][a-z0-9-]{1,59}$", example = "dir-a") String id,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 300) String name,
			@Schema(requiredMode = REQUIRED, description = "A DIRECTORATE or a STATE_OPERATOR sits under a MINISTRY or a "
					+ "DIRECTORATE; the others sit under nothing.") OrganisationKind kind,
			@Schema(description = "The id of the organisation it sits under.") String parent,
			@Schema(pattern = "^[0-9]{14}$", description = "Its SIRET, by which people signing in with ProConnect are "
					+ "found to belong to it.") String siret) {
	}

	@Schema(name = "DocumentUpload", requiredProperties = { "file", "purpose" })
	record DocumentUpload(
			@Schema(type = "string", format = "binary", contentMediaType = "application/octet-stream",
					description = "The document, one part; its type is found in its bytes (PDF, office documents, "
							+ "images, UTF-8 text), and it is at most `nuage.documents.max-size` (10 MB unless set).") String file,
			@Schema(description = "What the document is for.") DocumentPurpose purpose) {
	}

	@Schema(name = "OfferDeclaration", description = "One offer in the catalogue's format (docs/catalogue.md); "
			+ "as YAML, or the same as JSON.", requiredProperties = { "id", "provider", "service", "model", "categories",
					"dataLocation", "immuneToExtraEuAccess", "hdsCertified", "maxMarking", "qualifications", "sources",
					"confidence", "asOf" }, additionalProperties = FALSE)
	record OfferDeclarationBody(@Schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String id, String provider, String service,
			Offer.ServiceModel model,
			@ArraySchema(schema = @Schema(allowableValues = { "compute", "storage", "containers", "database",
					"collaboration", "file-sharing", "messaging", "office", "analytics", "network", "security",
					"identity", "ai", "education" })) List<String> categories,
			@Schema(allowableValues = { Offer.INTERNAL_PI, Offer.INTERNAL_NUBO },
					description = "For the State's internal clouds only.") String internal,
			@Schema(allowableValues = { "PROVIDER", "STATE" }, description = "Who runs the service: a provider "
					+ "(default), or the State on the offer of `runsOn`, whose class it then takes.") String operator,
			Boolean interministerial,
			@Schema(allowableValues = { "FRANCE", "EU", "ADEQUATE_COUNTRY", "OTHER" }) String dataLocation,
			Boolean immuneToExtraEuAccess, Boolean hdsCertified,
			@Schema(allowableValues = { "NONE", "DIFFUSION_RESTREINTE" }) String maxMarking,
			@Schema(description = "For a SaaS or a PaaS, the id of the offer it runs on.") String runsOn,
			@Schema(description = "The offer's regions or zones and where their data live.") List<Region> regions,
			List<Purchasing> purchasing, OfferReversibility reversibility, List<Qualification> qualifications,
			@Schema(description = "The keys of the catalogue's sources.") List<String> sources,
			@Schema(allowableValues = { "sourced", "sourced-secondary", "uncertain" }) String confidence, Text note,
			LocalDate asOf) {
	}

	@Schema(name = "Region")
	record Region(String id, @Schema(allowableValues = { "FRANCE", "EU", "ADEQUATE_COUNTRY", "OTHER" }) String dataLocation) {
	}

	@Schema(name = "QualificationConfirmation", description = "DINUM's word on a grant: what ANSSI's list shows.",
			requiredProperties = { "date", "dating", "evidence" }, additionalProperties = FALSE)
	record QualificationConfirmation(@Schema(format = "date") String date,
			@Schema(allowableValues = { "known", "estimated" }) String dating,
			@Schema(example = "3.2") String schemeVersion,
			@Schema(format = "date", description = "The last day of validity, when the list gives it.") String validUntil,
			@Schema(allowableValues = { "anssi-list", "dinum", "provider-contract", "provider-announcement",
					"independent-sources" }) String evidence,
			@Schema(maxLength = 10_000) String comment) {
	}

	@Schema(name = "QualificationEnd", description = "DINUM's word that a qualification ended, on a known date.",
			requiredProperties = { "status", "date", "evidence" }, additionalProperties = FALSE)
	record QualificationEnd(@Schema(allowableValues = { "EXPIRED", "WITHDRAWN", "SUSPENDED" }) String status,
			@Schema(format = "date") String date,
			@Schema(allowableValues = { "anssi-list", "dinum", "provider-contract", "provider-announcement",
					"independent-sources" }) String evidence,
			@Schema(maxLength = 10_000) String comment) {
	}

	// What the handlers write.

	@Schema(name = "Pack")
	record Pack(String id, String version, @Schema(description = "The content hash of the rule pack.") String digest,
			@Schema(description = "The circular's number.") String circular, LocalDate date,
			@Schema(name = "default", description = "The pack decisions use when none is asked for.") boolean isDefault) {
	}

	@Schema(name = "Text", description = "A text in French and in English.")
	record Text(String fr, String en) {
	}

	@Schema(name = "Purchasing")
	record Purchasing(String vehicle, String reference, Text note) {
	}

	@Schema(name = "OfferReversibility")
	record OfferReversibility(List<String> exportFormats, Text exitTerms) {
	}

	@Schema(name = "Qualification")
	record Qualification(@Schema(allowableValues = { "SECNUMCLOUD", "HDS", "ISO27001", "OTHER" }) String scheme,
			@Schema(description = "The legal maximum of a grant's validity, in years.") Integer validityYears,
			@Schema(description = "The offer's regions it covers; absent, the whole offer.") List<String> regions,
			List<QualificationEvent> events) {
	}

	@Schema(name = "QualificationEvent")
	record QualificationEvent(
			@Schema(allowableValues = { "IN_PROGRESS", "QUALIFIED", "SUSPENDED", "WITHDRAWN", "EXPIRED" }) String status,
			@Schema(description = "As precise as the source: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY.",
					pattern = "^\\d{4}(-\\d{2}(-\\d{2})?)?$") String date,
			@Schema(allowableValues = { "known", "estimated" }) String dating,
			@Schema(allowableValues = { "J0", "J1", "J2" }) String milestone, String schemeVersion,
			@Schema(description = "For a grant: the last day of its validity, when the source gives it.") LocalDate validUntil,
			@Schema(allowableValues = { "anssi-list", "dinum", "provider-contract", "provider-announcement",
					"independent-sources", "single-source" }, description = "What the event rests on; "
							+ "`single-source` is shown, never counted.") String evidence,
			String source, String confidence, Text note) {
	}

	@Schema(name = "Offer", description = "An offer of the catalogue, and what it is on the date asked for.")
	record OfferView(String id,
			@Schema(allowableValues = "SUPPORT", description = "SUPPORT for DINUM's support offers, which host "
					+ "nothing; absent for a hosting offer.") String kind,
			String provider, String service, Offer.ServiceModel model, List<String> categories, String internal,
			@Schema(allowableValues = "STATE", description = "STATE when the State runs the service; absent for a "
					+ "provider's.") String operator,
			boolean interministerial, String dataLocation, boolean immuneToExtraEuAccess, boolean hdsCertified,
			String maxMarking, String runsOn, List<Region> regions, List<Purchasing> purchasing,
			OfferReversibility reversibility, List<Qualification> qualifications, SupportView support,
			List<String> sources, String confidence, Text note, LocalDate asOf, OfferOn on) {
	}

	@Schema(name = "Support", description = "How to ask for a support offer, and the decisions it is suggested on.")
	record SupportView(String contact, Text howToAsk, List<SupportCase> suggestWhen) {
	}

	@Schema(name = "SupportCase")
	record SupportCase(@Schema(description = "A fact of the assessment.") String fact,
			@Schema(description = "The fact's value that calls for the support.") String is,
			@Schema(description = "The control procedures that call for it.") List<String> control,
			@Schema(description = "The kinds of entity it is open to; absent, all.") List<String> entity, Text reason) {
	}

	@Schema(name = "QualificationsToConfirm")
	record DueQueue(LocalDate asOf, long total, List<Due> due) {
	}

	@Schema(name = "QualificationToConfirm")
	record Due(String offerId, String provider, String service, String scheme, String hostingClass,
			@Schema(description = "The offer's version, to name in If-Match.") long version, SecNumCloud state,
			@Schema(description = "Where to confirm it.") String confirm,
			@Schema(description = "Where to correct it.") String correct,
			@Schema(description = "Where to end it.") String end) {
	}

	@Schema(name = "OfferOn")
	record OfferOn(LocalDate date,
			@Schema(allowableValues = { Offer.INTERNAL_PI, Offer.INTERNAL_NUBO, Offer.COMMERCIAL_TRUSTED,
					Offer.COMMERCIAL }) String hostingClass,
			SecNumCloud secNumCloud, boolean toBeChecked,
			@Schema(description = "A qualification is past an end nobody confirmed: still counted, to confirm on "
					+ "ANSSI's list.") boolean toConfirm,
			@Schema(description = "The State runs it on an infrastructure nobody named: its class is not established.")
			boolean hostUnknown) {
	}

	@Schema(name = "SecNumCloud", description = "A qualification as it stands on the date.")
	record SecNumCloud(String status, String schemeVersion, LocalDate since,
			@Schema(allowableValues = { "known", "estimated" }) String dating, String evidence,
			@Schema(description = "The last day of validity: known, or the soonest the law's maximum allows.")
			LocalDate validUntil,
			@Schema(description = "True when the source gives the last day.") Boolean endKnown,
			@Schema(description = "Past an end nobody confirmed: still counted, to confirm on ANSSI's list.")
			boolean toConfirm, Renewal renewal) {
	}

	@Schema(name = "Renewal", description = "A renewal under way: the grant stays valid until it ends.")
	record Renewal(String status, String milestone, String date) {
	}

	@Schema(name = "OfferPage")
	record OfferPage(@Schema(description = "The catalogue's version.") String catalogue, LocalDate asOf, int page,
			int size, @Schema(description = "The offers of the whole list.") long total, List<OfferView> offers) {
	}

	@Schema(name = "Eligibility", description = "The offers the doctrine allows for the assessment, ranked, and "
			+ "why each other one is excluded.")
	record Eligibility(@Schema(allowableValues = "nuage.eligibility/v1") String schema, LocalDate date,
			List<Eligible> eligible, List<Excluded> excluded,
			@Schema(description = "DINUM's support offers suggested for the project, and why.") List<SuggestedSupport> support,
			@Schema(ref = "#/components/schemas/Decision") Object decision) {
	}

	@Schema(name = "SuggestedSupport")
	record SuggestedSupport(String id, String provider, String service, String contact, String howToAsk,
			List<String> reasons) {
	}

	@Schema(name = "EligibleOffer")
	record Eligible(String id, String provider, String service, Offer.ServiceModel model, String hostingClass,
			boolean toBeChecked) {
	}

	@Schema(name = "ExcludedOffer")
	record Excluded(String id, String hostingClass, String rule, String reason) {
	}

	@Schema(name = "PackRef")
	record PackRef(String id, String version, String digest) {
	}

	@Schema(name = "ProjectDecision", description = "A decision of the project's history, without its body, which has "
			+ "its own address (/api/v1/projects/{id}/decisions/{seq}).")
	record ProjectDecisionView(int seq, Instant at, String actor, ProjectDecision.Reason reason, String offerId,
			Verdict verdict, @Schema(description = "The control procedure the decision sets.") String control,
			PackRef pack) {
	}

	@Schema(name = "Entity")
	record Entity(String name, @Schema(description = "The assessment's `entity.kind`.") String kind) {
	}

	@Schema(name = "Project")
	record ProjectView(UUID id, String name, @Schema(description = "The id of the organisation it belongs to.")
	String organisation, Entity entity, String ministry, boolean archived, Instant registeredAt, int version,
			@Schema(description = "The latest decision; absent before the first.") ProjectDecisionView latest,
			List<ProjectDecisionView> history) {
	}

	@Schema(name = "ProjectSummary")
	record ProjectSummary(UUID id, String name, String organisation, String entity, String ministry, boolean archived,
			Instant registeredAt, int version, Verdict verdict, String control, Instant decidedAt,
			@Schema(description = "The pack's id and version.", example = "6404-SG 1.0.0") String pack) {
	}

	@Schema(name = "ProjectPage")
	record ProjectPage(int page, int size, long total, List<ProjectSummary> projects) {
	}

	@Schema(name = "ControlStep")
	record ControlStep(Instant at, String actor, fr.gouv.nuage.projects.Control.Role role, ControlStatus status,
			String detail) {
	}

	@Schema(name = "Control")
	record ControlView(UUID id, UUID project, fr.gouv.nuage.projects.Control.Procedure procedure, ControlStatus status,
			@Schema(description = "Null until decided.") fr.gouv.nuage.projects.Control.Outcome outcome,
			UUID studyDocument, LocalDate referredOn, @Schema(description = "When DINUM's silence is deemed favourable.")
			LocalDate due, List<ControlStep> steps, int version) {
	}

	@Schema(name = "DerogationStep")
	record DerogationStep(Instant at, String actor, fr.gouv.nuage.projects.Derogation.Role role, DerogationStatus status,
			String detail) {
	}

	@Schema(name = "Derogation")
	record DerogationView(UUID id, UUID project, String rule,
			@Schema(description = "The digest of the decision the derogation was asked on.") String decision,
			String justification, UUID proofOfGuarantees, DerogationStatus status, LocalDate expiresOn,
			List<DerogationStep> steps, int version) {
	}

	@Schema(name = "DerogationSummary")
	record DerogationSummary(UUID id, UUID project, String rule, DerogationStatus status, Instant requestedAt,
			LocalDate expiresOn, int version) {
	}

	@Schema(name = "DerogationPage")
	record DerogationPage(int page, int size, long total, List<DerogationSummary> derogations) {
	}

	@Schema(name = "ReversibilityPlan")
	record ReversibilityPlan(UUID project, String exitTerms, List<String> exportFormats, BigDecimal budgetEur,
			int staffDays, Instant updatedAt, String updatedBy, int version) {
	}

	@Schema(name = "Document")
	record DocumentView(UUID id, UUID project, DocumentPurpose purpose, String filename,
			@Schema(description = "The type found in the document's bytes.") String mediaType, long sizeBytes,
			@Schema(description = "The SHA-256 of the bytes, lowercase hexadecimal; the document's ETag.") String sha256,
			Instant storedAt, String storedBy, @Schema(description = "Where to download it.") String href) {
	}

	@Schema(name = "DeclarationEvent")
	record DeclarationEvent(int seq, Instant at, String actor,
			fr.gouv.nuage.catalogue.declarations.Actor.Role role,
			@Schema(allowableValues = { "SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN" }) String action,
			String comment) {
	}

	@Schema(name = "DeclarationSummary")
	record DeclarationSummary(UUID id, String offerId, String provider, OfferDeclaration.Kind kind,
			DeclarationStatus status, Instant submittedAt, int version) {
	}

	@Schema(name = "Declaration")
	record Declaration(UUID id, String offerId, String provider, OfferDeclaration.Kind kind, DeclarationStatus status,
			Instant submittedAt, int version, @Schema(description = "The offer as declared.") String content,
			List<DeclarationEvent> history) {
	}

	@Schema(name = "DeclarationPage")
	record DeclarationPage(int page, int size, long total, List<DeclarationSummary> declarations) {
	}

	@Schema(name = "Organisation")
	record Organisation(String id, String name, OrganisationKind kind, String parent,
			@Schema(description = "The ministry at the top of its tree.") String ministry, String siret) {
	}

	@Schema(name = "OrganisationList", description = "Every organisation, in tree order: each ministry (or standalone "
			+ "organisation) followed by what sits under it.")
	record OrganisationList(int total, List<Organisation> organisations) {
	}

	@Schema(name = "RoleGrant")
	record RoleGrant(Role role, @Schema(description = "The organisation the role is held on.") String organisation,
			@Schema(description = "Who granted it; `proconnect` when the SIRET did.") String grantedBy) {
	}

	@Schema(name = "Person")
	record Person(String email, String givenName, String usualName, String organisation, List<RoleGrant> roles) {
	}

	@Schema(name = "PersonPage")
	record PersonPage(int page, int size, long total, List<Person> people) {
	}

	@Schema(name = "Me")
	record Me(String email, String givenName, String usualName, String displayName, Organisation organisation,
			List<RoleGrant> roles,
			@Schema(description = "The claims ProConnect gave at sign-in (sub, given_name, usual_name, email, uid, "
					+ "siret, idp_id); absent for other sign-ins.") Map<String, Object> proconnect) {
	}
}
