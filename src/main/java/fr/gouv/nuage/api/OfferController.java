package fr.gouv.nuage.api;

import java.time.LocalDate;
import java.util.List;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.Suggestions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalogue, as of any date, with pagination. */
@RestController
@RequestMapping(path = "/api/v1/offers", produces = MediaType.APPLICATION_JSON_VALUE)
class OfferController {

	private static final List<String> CLASSES = List.of(Offer.INTERNAL_PI, Offer.INTERNAL_NUBO, Offer.COMMERCIAL_TRUSTED,
			Offer.COMMERCIAL);

	private final CatalogueSource catalogues;

	OfferController(CatalogueSource catalogues) {
		this.catalogues = catalogues;
	}

	@GetMapping
	ResponseEntity<?> list(@RequestParam(required = false) String asOf,
			@RequestParam(name = "class", required = false) String hostingClass,
			@RequestParam(required = false) String model, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		LocalDate date = Problems.date(asOf);
		if (date == null) {
			return Problems.invalidParameters(List.of(Problems.badDate(asOf)));
		}
		if (hostingClass != null && !CLASSES.contains(hostingClass)) {
			return Problems.invalidParameter("class",
					"unknown hosting class `" + hostingClass + "`" + Suggestions.didYouMean(hostingClass, CLASSES));
		}
		Offer.ServiceModel serviceModel = null;
		if (model != null) {
			try {
				serviceModel = Offer.ServiceModel.valueOf(model);
			}
			catch (IllegalArgumentException ex) {
				return Problems.invalidParameter("model", "unknown service model `" + model + "`, expected IAAS, PAAS, CAAS or SAAS");
			}
		}
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		Catalogue catalogue = catalogues.current();
		List<Offer> offers = catalogue.offers(date, hostingClass, serviceModel);
		List<Offer> slice = Pages.slice(offers, page, size);
		StringBuilder out = new StringBuilder();
		JsonWriter json = new JsonWriter(out, false).beginObject().name("catalogue").value(catalogue.version())
			.name("asOf").value(date.toString()).name("page").value((long) page).name("size").value((long) size)
			.name("total").value((long) offers.size()).name("offers").beginArray();
		slice.forEach(offer -> CatalogueJson.offer(json, offer, date));
		json.endArray().endObject();
		return ResponseEntity.ok(out.toString());
	}

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
		StringBuilder out = new StringBuilder();
		CatalogueJson.offer(new JsonWriter(out, false), offer, date);
		return ResponseEntity.ok(out.toString());
	}
}
