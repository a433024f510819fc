package fr.gouv.nuage.decisions;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.http.Schemas;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the decisions bodies, for {@code /v3/api-docs}: each record names what a
 * handler reads or writes, field for field; the enumerations are the domain's. The
 * assessment a handler reads is the engine's contract, read by the engine; the decision
 * and the eligibility it writes are the engine's and the catalogue's own writers', the
 * CLI's bytes: {@link Eligibility} only describes them.
 */
final class DecisionSchemas {

	private DecisionSchemas() {
	}

	@Schema(name = "Pack")
	record Pack(String id, String version, @Schema(description = "The content hash of the rule pack.") String digest,
			@Schema(description = "The circular's number.") String circular,
			@Schema(format = "date", description = "The circular's date, as the pack writes it.") String date,
			@JsonProperty("default") @Schema(name = "default",
					description = "The pack decisions use when none is asked for.") boolean isDefault) {

		static Pack of(PackInfo info, boolean isDefault) {
			return new Pack(info.id(), info.version(), info.digest(), info.circularNumber(), info.circularDate(),
					isDefault);
		}
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

}
