package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.declarations.DeclarationStatus;
import fr.gouv.nuage.catalogue.declarations.OfferDeclaration;
import fr.gouv.nuage.directory.Role;
import fr.gouv.nuage.http.Schemas;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the catalogue bodies, for {@code /v3/api-docs}: each record names what a handler reads or
 * writes, field for field; the enumerations are the domain's.
 */
final class CatalogueSchemas {

	private CatalogueSchemas() {
	}

	@Schema(name = "DeclarationAcceptance", additionalProperties = FALSE,
			description = "Optional: send no body to accept without a comment.")
	record DeclarationAcceptance(@Schema(maxLength = DeclarationController.MAX_COMMENT) String comment) {
	}

	@Schema(name = "DeclarationRejection", additionalProperties = FALSE)
	record DeclarationRejection(@Schema(requiredMode = REQUIRED, minLength = 1,
			maxLength = DeclarationController.MAX_COMMENT, description = "Why DINUM rejects the declaration.") String reason) {
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
			@Schema(allowableValues = { "sourced", "sourced-secondary", "uncertain" }) String confidence, Schemas.Text note,
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

	@Schema(name = "Purchasing")
	record Purchasing(String vehicle, String reference, Schemas.Text note) {
	}

	@Schema(name = "OfferReversibility")
	record OfferReversibility(List<String> exportFormats, Schemas.Text exitTerms) {
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
			String source, String confidence, Schemas.Text note) {
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
			List<String> sources, String confidence, Schemas.Text note, LocalDate asOf, OfferOn on) {
	}

	@Schema(name = "Support", description = "How to ask for a support offer, and the decisions it is suggested on.")
	record SupportView(String contact, Schemas.Text howToAsk, List<SupportCase> suggestWhen) {
	}

	@Schema(name = "SupportCase")
	record SupportCase(@Schema(description = "A fact of the assessment.") String fact,
			@Schema(description = "The fact's value that calls for the support.") String is,
			@Schema(description = "The control procedures that call for it.") List<String> control,
			@Schema(description = "The kinds of entity it is open to; absent, all.") List<String> entity, Schemas.Text reason) {
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
}
