package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.OfferSearch;
import fr.gouv.nuage.catalogue.OfferSearch.Facet;
import fr.gouv.nuage.catalogue.api.CatalogueSchemas.WrittenOffer;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import fr.gouv.nuage.http.Versions;
import java.time.LocalDate;
import java.util.List;

import fr.gouv.nuage.doctrine.Suggestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public catalogue, as of any date, with pagination. Each offer is written by the
 * catalogue's own writer, the same bytes as {@code nuage offers show}; the page around
 * them is a record.
 */
@RestController
@RequestMapping(path = "/api/v1/offers", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.OFFERS)
class OfferController {

	private final CatalogueSource catalogues;

	OfferController(CatalogueSource catalogues) {
		this.catalogues = catalogues;
	}

	@Operation(operationId = "listOffers", summary = "List the catalogue's offers",
			description = "**Who:** anyone, without signing in. The offers of the catalogue in force (the reference "
					+ "catalogue and the declarations DINUM accepted) as of `asOf`, a page at a time, with their hosting "
					+ "class and SecNumCloud status on that date.")
	@ApiResponse(responseCode = "200", description = "A page of offers",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.OfferPage.class)))
	@GetMapping
	ResponseEntity<?> list(@RequestParam(required = false) String asOf,
			@RequestParam(name = "class", required = false) @Parameter(
					description = "Only the offers of this hosting " + "class on the date.",
					schema = @Schema(allowableValues = { Offer.INTERNAL_PI, Offer.INTERNAL_NUBO,
							Offer.COMMERCIAL_TRUSTED, Offer.COMMERCIAL })) String hostingClass,
			@RequestParam(required = false) @Parameter(description = "Only the offers of this service model.",
					schema = @Schema(implementation = Offer.ServiceModel.class)) String model,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		LocalDate date = Problems.date(asOf);
		if (date == null) {
			return Problems.invalidParameters(List.of(Problems.badDate(asOf)));
		}
		Catalogue catalogue = catalogues.current();
		List<String> classes = Facet.CLASS.known(catalogue);
		if (hostingClass != null && !classes.contains(hostingClass)) {
			return Problems.invalidParameter("class",
					"unknown hosting class `" + hostingClass + "`" + Suggestions.didYouMean(hostingClass, classes));
		}
		List<String> models = Facet.MODEL.known(catalogue);
		if (model != null && !models.contains(model)) {
			return Problems.invalidParameter("model",
					"unknown service model `" + model + "`, expected " + String.join(", ", models));
		}
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		// The same search as the catalogue's pages, on these two facets.
		List<Offer> offers = OfferSearch.on(date)
			.with(Facet.CLASS, hostingClass)
			.with(Facet.MODEL, model)
			.in(catalogue);
		return ResponseEntity.ok(new CatalogueSchemas.OfferPage(catalogue.version(), date, page, size, offers.size(),
				Pages.slice(offers, page, size).stream().map(offer -> WrittenOffer.of(offer, date)).toList()));
	}

	@Operation(operationId = "getOffer", summary = "Read an offer",
			description = "**Who:** anyone, without signing in. The offer, its qualifications' history, and its hosting "
					+ "class and SecNumCloud status as of `asOf`. Its version (the ETag) is what DINUM names to confirm, "
					+ "correct or end one of its qualifications.")
	@ApiResponse(responseCode = "200", description = "The offer",
			content = @Content(schema = @Schema(implementation = CatalogueSchemas.OfferView.class)))
	@ApiDocs.Versioned
	@GetMapping("/{id}")
	ResponseEntity<?> show(@PathVariable String id, @RequestParam(required = false) String asOf) {
		LocalDate date = Problems.date(asOf);
		if (date == null) {
			return Problems.invalidParameters(List.of(Problems.badDate(asOf)));
		}
		Catalogue catalogue = catalogues.current();
		Offer offer = catalogue.offer(id).orElse(null);
		if (offer == null) {
			return Problems.notFound("no offer `" + id + "`"
					+ Suggestions.didYouMean(id, catalogue.offers().stream().map(Offer::id).toList()));
		}
		return Versions.ok(catalogues.offerVersion(offer.id()), WrittenOffer.of(offer, date));
	}

}
