package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.QualificationState;
import fr.gouv.nuage.catalogue.declarations.DeclarationStatus;
import fr.gouv.nuage.catalogue.declarations.OfferDeclaration;
import fr.gouv.nuage.directory.Organisation;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.http.Body;
import fr.gouv.nuage.http.PlainText;
import fr.gouv.nuage.http.Schemas;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The catalogue's bodies: what a handler reads, checked as it is read (every bad field
 * named in one answer, before anything is looked up), and what it answers, field for
 * field; {@code /v3/api-docs} is written from them. Offers themselves are written by the
 * catalogue's own writer, the CLI's, and {@link OfferView} describes them; a declaration
 * is an offer in the catalogue's format, read by its loader.
 */
final class CatalogueSchemas {

	private CatalogueSchemas() {
	}

	/** Free text that is not blank, stripped; {@code null} stays {@code null}. */
	private static String stripped(String text) {
		return text == null ? null : text.strip();
	}

	@Schema(name = "DeclarationAcceptance", additionalProperties = FALSE,
			description = "Optional: send no body to accept without a comment.")
	record DeclarationAcceptance(@Schema(maxLength = DeclarationController.MAX_COMMENT) @Size(
			max = DeclarationController.MAX_COMMENT, message = "`comment` has at most "
					+ DeclarationController.MAX_COMMENT + " characters") @PlainText String comment) {

		/** A blank comment is no comment. */
		DeclarationAcceptance {
			comment = comment == null || comment.isBlank() ? null : comment.strip();
		}
	}

	@Schema(name = "DeclarationRejection", additionalProperties = FALSE)
	record DeclarationRejection(@Schema(requiredMode = REQUIRED, minLength = 1,
			maxLength = DeclarationController.MAX_COMMENT,
			description = "Why DINUM rejects the declaration.") @NotBlank(message = "say why with `reason`") @Size(
					min = 1, max = DeclarationController.MAX_COMMENT, message = "`reason` has at most "
							+ DeclarationController.MAX_COMMENT + " characters") @PlainText String reason) {

		/**
		 * The reason without its surrounding spaces (a blank one was refused as the body
		 * was read).
		 */
		String stripped() {
			return reason.strip();
		}
	}

	@Schema(name = "OfferDeclaration",
			description = "One offer in the catalogue's format (docs/catalogue.md); " + "as YAML, or the same as JSON. "
					+ "`providerId` may be left out: the offer is then the declaring organisation's.",
			requiredProperties = { "id", "provider", "service", "model", "categories", "dataLocation",
					"immuneToExtraEuAccess", "hdsCertified", "maxMarking", "qualifications", "sources", "confidence",
					"asOf" },
			additionalProperties = FALSE)
	record OfferDeclarationBody(@Schema(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$") String id,
			@Schema(description = "The provider's name, for people to read.") String provider,
			@Schema(pattern = Organisation.ID_FORMAT,
					description = PROVIDER_ID + " Left out, the declaring organisation's; given, it must be one the "
							+ "caller declares for.") String providerId,
			String service, Offer.ServiceModel model, @ArraySchema(schema = @Schema(allowableValues = {
					"compute", "storage", "containers", "database", "collaboration", "file-sharing", "messaging",
					"office", "analytics", "network", "security", "identity", "ai",
					"education" })) List<String> categories,
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
			@Schema(allowableValues = { "sourced", "sourced-secondary", "uncertain" }) String confidence,
			Schemas.Text note, LocalDate asOf){
	}

	/** What {@code providerId} is, wherever an offer or a declaration writes it. */
	private static final String PROVIDER_ID = "The id of the provider's organisation in the directory: it, never the "
			+ "name, says which organisation declares and amends the offer.";

	@Schema(name = "Region")
	record Region(String id, @Schema(allowableValues = {
			"FRANCE", "EU", "ADEQUATE_COUNTRY", "OTHER" }) String dataLocation){
	}

	/**
	 * The evidence a review may rest on: what counts (docs/catalogue.md, "The rule of
	 * evidence").
	 */
	static final String COUNTED = "anssi-list|dinum|provider-contract|provider-announcement|independent-sources";

	private static final String EVIDENCE_RULE = "`${validatedValue}` is not evidence that counts: write `anssi-list`, "
			+ "`dinum`, `provider-contract`, `provider-announcement` or `independent-sources` (`single-source` counts for "
			+ "nothing: confirm or end on ANSSI's list or on DINUM's word)";

	private static final String TEXT_RULE = "write 1 to " + Body.MAX_TEXT + " characters";

	@Schema(name = "QualificationConfirmation", description = "DINUM's word on a grant: what ANSSI's list shows.",
			requiredProperties = { "date", "dating", "evidence" }, additionalProperties = FALSE)
	record QualificationConfirmation(@Schema(format = "date") @NotNull(
			message = "`date` is required: the day ANSSI's list dates the grant, " + "YYYY-MM-DD") LocalDate date,
			@Schema(allowableValues = {
					"known", "estimated" }) @NotNull(
							message = "`dating` is required: `known`, or `estimated` when the list gives no day") @Pattern(
									regexp = "known|estimated",
									message = "`${validatedValue}` is not `known` or `estimated`") String dating,
			@Schema(example = "3.2") @Size(min = 1, max = 20,
					message = "a scheme version has 1 to 20 characters, such as `3.2`") String schemeVersion,
			@Schema(format = "date",
					description = "The last day of validity, when the list gives it.") LocalDate validUntil,
			@Schema(allowableValues = { "anssi-list", "dinum", "provider-contract", "provider-announcement",
					"independent-sources" }) @NotNull(
							message = "`evidence` is required: what the review rests on, such as `anssi-list`") @Pattern(
									regexp = COUNTED, message = EVIDENCE_RULE) String evidence,
			@Schema(maxLength = 10_000) @Size(min = 1, max = Body.MAX_TEXT,
					message = TEXT_RULE) @PlainText String comment){

		QualificationConfirmation {
			schemeVersion = stripped(schemeVersion);
			comment = stripped(comment);
		}
	}

	@Schema(name = "QualificationEnd", description = "DINUM's word that a qualification ended, on a known date.",
			requiredProperties = { "status", "date", "evidence" }, additionalProperties = FALSE)
	record QualificationEnd(@Schema(allowableValues = {
			"EXPIRED", "WITHDRAWN", "SUSPENDED" }) @NotNull(
					message = "`status` is required: EXPIRED, WITHDRAWN or SUSPENDED") @Pattern(
							regexp = "EXPIRED|WITHDRAWN|SUSPENDED",
							message = "an end is EXPIRED, WITHDRAWN or SUSPENDED, not `${validatedValue}`") String status,
			@Schema(format = "date") @NotNull(
					message = "`date` is required: the day it ended, YYYY-MM-DD") LocalDate date,
			@Schema(allowableValues = { "anssi-list", "dinum", "provider-contract", "provider-announcement",
					"independent-sources" }) @NotNull(
							message = "`evidence` is required: what the review rests on, such as `anssi-list`") @Pattern(
									regexp = COUNTED, message = EVIDENCE_RULE) String evidence,
			@Schema(maxLength = 10_000) @Size(min = 1, max = Body.MAX_TEXT,
					message = TEXT_RULE) @PlainText String comment){

		QualificationEnd {
			comment = stripped(comment);
		}
	}

	@Schema(name = "Purchasing")
	record Purchasing(String vehicle, String reference, Schemas.Text note) {
	}

	@Schema(name = "OfferReversibility")
	record OfferReversibility(List<String> exportFormats, Schemas.Text exitTerms) {
	}

	@Schema(name = "Qualification")
	record Qualification(@Schema(allowableValues = {
			"SECNUMCLOUD", "HDS", "ISO27001", "OTHER" }) String scheme,
			@Schema(description = "The legal maximum of a grant's validity, in years.") Integer validityYears,
			@Schema(description = "The offer's regions it covers; absent, the whole offer.") List<String> regions,
			List<QualificationEvent> events){
	}

	@Schema(name = "QualificationEvent")
	record QualificationEvent(@Schema(allowableValues = {
			"IN_PROGRESS", "QUALIFIED", "SUSPENDED", "WITHDRAWN", "EXPIRED" }) String status,
			@Schema(description = "As precise as the source: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY.",
					pattern = "^\\d{4}(-\\d{2}(-\\d{2})?)?$") String date,
			@Schema(allowableValues = { "known", "estimated" }) String dating,
			@Schema(allowableValues = { "J0", "J1", "J2" }) String milestone, String schemeVersion,
			@Schema(description = "For a grant: the last day of its validity, when the source gives it.") LocalDate validUntil,
			@Schema(allowableValues = { "anssi-list", "dinum", "provider-contract", "provider-announcement",
					"independent-sources", "single-source" },
					description = "What the event rests on; "
							+ "`single-source` is shown, never counted.") String evidence,
			String source, String confidence, Schemas.Text note){
	}

	@Schema(name = "Offer", description = "An offer of the catalogue, and what it is on the date asked for.")
	record OfferView(String id,
			@Schema(allowableValues = "SUPPORT",
					description = "SUPPORT for DINUM's support offers, which host "
							+ "nothing; absent for a hosting offer.") String kind,
			@Schema(description = "The provider's name, for people to read.") String provider,
			@Schema(pattern = Organisation.ID_FORMAT, description = PROVIDER_ID) String providerId, String service,
			Offer.ServiceModel model, List<String> categories, String internal,
			@Schema(allowableValues = "STATE",
					description = "STATE when the State runs the service; absent for a "
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
			@Schema(description = "The kinds of entity it is open to; absent, all.") List<String> entity,
			Schemas.Text reason) {
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

		static Due of(Catalogue.Due due, LocalDate date, int version) {
			String base = "/api/v1/offers/" + due.offer().id() + "/qualifications/" + due.scheme();
			return new Due(due.offer().id(), due.offer().provider(), due.offer().service(), due.scheme(),
					due.offer().hostingClass(date), version, SecNumCloud.of(due.state()), base + "/confirmation",
					base + "/correction", base + "/end");
		}
	}

	@Schema(name = "OfferOn")
	record OfferOn(LocalDate date, @Schema(allowableValues = {
			Offer.INTERNAL_PI, Offer.INTERNAL_NUBO, Offer.COMMERCIAL_TRUSTED, Offer.COMMERCIAL }) String hostingClass,
			SecNumCloud secNumCloud, boolean toBeChecked,
			@Schema(description = "A qualification is past an end nobody confirmed: still counted, to confirm on "
					+ "ANSSI's list.") boolean toConfirm,
			@Schema(description = "The State runs it on an infrastructure nobody named: its class is not established.") boolean hostUnknown){
	}

	/**
	 * Written as the offers write it ({@code CatalogueJson.state}): what the state lacks
	 * is left out.
	 */
	@Schema(name = "SecNumCloud", description = "A qualification as it stands on the date.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SecNumCloud(String status, String schemeVersion, LocalDate since, @Schema(allowableValues = {
			"known", "estimated" }) String dating, String evidence,
			@Schema(description = "The last day of validity: known, or the soonest the law's maximum allows.") LocalDate validUntil,
			@Schema(description = "True when the source gives the last day.") Boolean endKnown,
			@Schema(description = "Past an end nobody confirmed: still counted, to confirm on ANSSI's list.") boolean toConfirm,
			Renewal renewal){

		static SecNumCloud of(QualificationState state) {
			fr.gouv.nuage.catalogue.QualificationEvent event = state.event();
			return new SecNumCloud(state.status().name(), event == null ? null : event.schemeVersion(),
					event == null ? null : event.date(), event == null ? null : written(event.dating()),
					event == null ? null : written(event.evidence()), state.validUntil(),
					state.validUntil() == null ? null : state.endKnown(), state.toConfirm(),
					state.renewal() == null ? null : new Renewal(state.renewal().status().name(),
							state.renewal().milestone(), state.renewal().written()));
		}

		/** As the catalogue file writes it: {@code anssi-list}, {@code estimated}. */
		private static String written(Enum<?> value) {
			return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	@Schema(name = "Renewal", description = "A renewal under way: the grant stays valid until it ends.")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Renewal(String status, String milestone, String date) {
	}

	/**
	 * An offer as the catalogue writes it for the CLI too ({@code CatalogueJson.offer}),
	 * embedded as written: the same bytes from both, described by {@link OfferView}.
	 */
	@Schema(implementation = OfferView.class)
	record WrittenOffer(@JsonValue @JsonRawValue String json) {

		static WrittenOffer of(Offer offer, LocalDate date) {
			StringBuilder out = new StringBuilder();
			CatalogueJson.offer(new JsonWriter(out, false), offer, date);
			return new WrittenOffer(out.toString());
		}
	}

	@Schema(name = "OfferPage")
	record OfferPage(@Schema(description = "The catalogue's version.") String catalogue, LocalDate asOf, int page,
			int size, @Schema(description = "The offers of the whole list.") long total,
			@ArraySchema(schema = @Schema(implementation = OfferView.class)) List<WrittenOffer> offers) {
	}

	@Schema(name = "DeclarationEvent")
	record DeclarationEvent(int seq, Instant at, String actor, fr.gouv.nuage.catalogue.declarations.Actor.Role role,
			@Schema(allowableValues = {
					"SUBMITTED", "ACCEPTED", "REJECTED", "WITHDRAWN" }) String action,
			String comment){

		static DeclarationEvent of(fr.gouv.nuage.catalogue.declarations.DeclarationEvent e) {
			return new DeclarationEvent(e.seq(), e.at(), e.actor(), e.role(), e.action(), e.comment());
		}
	}

	/** What a declaration's {@code providerId} is. */
	private static final String DECLARED_BY = "The id of the provider organisation that declared it, in the "
			+ "directory; null for a declaration made before declarations named their organisation, whose "
			+ "organisation could not be told.";

	@Schema(name = "DeclarationSummary")
	record DeclarationSummary(UUID id, String offerId,
			@Schema(description = "The provider's name, as the offer writes it.") String provider,
			@Schema(description = DECLARED_BY) String providerId, OfferDeclaration.Kind kind, DeclarationStatus status,
			Instant submittedAt, int version) {

		static DeclarationSummary of(OfferDeclaration d) {
			return new DeclarationSummary(d.id(), d.offerId(), d.provider(), d.providerId(), d.kind(), d.status(),
					d.submittedAt(), d.version());
		}
	}

	@Schema(name = "Declaration")
	record Declaration(UUID id, String offerId,
			@Schema(description = "The provider's name, as the offer writes it.") String provider,
			@Schema(description = DECLARED_BY) String providerId, OfferDeclaration.Kind kind, DeclarationStatus status,
			Instant submittedAt, int version, @Schema(description = "The offer as declared.") String content,
			List<DeclarationEvent> history) {

		static Declaration of(OfferDeclaration d) {
			return new Declaration(d.id(), d.offerId(), d.provider(), d.providerId(), d.kind(), d.status(),
					d.submittedAt(), d.version(), d.content(), d.history().stream().map(DeclarationEvent::of).toList());
		}
	}

	@Schema(name = "DeclarationPage")
	record DeclarationPage(int page, int size, long total, List<DeclarationSummary> declarations) {
	}

}
