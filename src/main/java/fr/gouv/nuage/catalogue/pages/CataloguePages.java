package fr.gouv.nuage.catalogue.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.OfferSearch;
import fr.gouv.nuage.catalogue.OfferSearch.Facet;
import fr.gouv.nuage.catalogue.QualificationState;
import fr.gouv.nuage.doctrine.Suggestions;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public catalogue for people: the offers found by words and facets, each facet with
 * its counts, and an offer's page with what holds on a date. Everything is in the address
 * and reached by plain links and GET forms, so that the list can be shared, bookmarked
 * and used without JavaScript; the search is the API's ({@link OfferSearch}). Past six
 * values, a facet is a select (the State design system's rule for tags as filters), and
 * the filters in force are recalled as tags that remove them.
 */
@Controller
class CataloguePages {

	/** The most tags a facet shows; past that, a select. */
	static final int MAX_TAGS = 6;

	/**
	 * The facets whose values are sorted by their label rather than kept in their order.
	 */
	private static final Set<Facet> ALPHABETICAL = Set.of(Facet.CATEGORY, Facet.VEHICLE, Facet.PROVIDER);

	private final CatalogueSource catalogues;

	private final MessageSource messages;

	CataloguePages(CatalogueSource catalogues, MessageSource messages) {
		this.catalogues = catalogues;
		this.messages = messages;
	}

	/**
	 * A value of a facet, its count given the other filters, and the list with it or
	 * without it.
	 */
	record Choice(String value, String label, int count, boolean selected, String href) {
	}

	record FacetView(String parameter, boolean select, List<Choice> choices) {
	}

	/** A filter in force, and the list without it. */
	record Active(String parameter, String value, String label, String href) {
	}

	/** An offer in the list. */
	record Card(String id, String name, String provider, boolean support, String hostingClass, String classLabel,
			String status, String statusLabel, String model, boolean toConfirm, boolean uncertain, String href) {
	}

	/** A parameter refused, where to fix it, and what is wrong with it. */
	record ProblemView(String parameter, String anchor, String text) {
	}

	@GetMapping("/catalogue")
	String list(@RequestParam MultiValueMap<String, String> parameters, Locale locale, Model model,
			HttpServletResponse response) {
		Catalogue catalogue = catalogues.current();
		Labels labels = new Labels(catalogue, locale);
		CatalogueQuery query = CatalogueQuery.of(parameters, catalogue);
		OfferSearch search = query.search();
		List<Card> cards = search.in(catalogue).stream().map(offer -> card(offer, query, labels)).toList();
		model.addAttribute("query", query);
		model.addAttribute("facets", facets(catalogue, query, labels));
		model.addAttribute("active", active(query, labels));
		model.addAttribute("offers", cards);
		model.addAttribute("count", cards.size());
		model.addAttribute("dateText", labels.day(query.date()));
		model.addAttribute("catalogue", catalogue);
		model.addAttribute("catalogueAsOf", labels.day(catalogue.asOf()));
		model.addAttribute("notes", catalogue.notes().stream().map(note -> note.in(labels.lang())).toList());
		return page("catalogue/list", query, labels, locale, model, response);
	}

	@GetMapping("/catalogue/{offerId}")
	String offer(@PathVariable String offerId, @RequestParam MultiValueMap<String, String> parameters, Locale locale,
			Model model, HttpServletResponse response) {
		Catalogue catalogue = catalogues.current();
		Offer offer = catalogue.offer(offerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Labels labels = new Labels(catalogue, locale);
		// The filters only lead back to the list; a wrong one is dropped from the way
		// back, only the date matters here.
		CatalogueQuery query = CatalogueQuery.of(parameters, catalogue);
		model.addAttribute("offer", OfferPage.of(offer, catalogue, query, labels, messages, locale));
		model.addAttribute("back", query.list());
		model.addAttribute("dateText", labels.day(query.date()));
		model.addAttribute("query", query);
		return page("catalogue/offer", query, labels, locale, model, response, CatalogueQuery.AS_OF);
	}

	/** The page, 400 with the problems said when the address names something wrong. */
	private String page(String view, CatalogueQuery query, Labels labels, Locale locale, Model model,
			HttpServletResponse response, String... only) {
		List<ProblemView> problems = new ArrayList<>();
		for (CatalogueQuery.Problem problem : query.problems()) {
			if (only.length == 0 || List.of(only).contains(problem.parameter())) {
				problems.add(problem(problem, labels, locale));
			}
		}
		model.addAttribute("problems", problems);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return view;
	}

	private ProblemView problem(CatalogueQuery.Problem problem, Labels labels, Locale locale) {
		if (problem.facet() == null) {
			return new ProblemView(problem.parameter(), "asOf",
					messages.getMessage("catalogue.error.date", new Object[] { problem.value() }, locale));
		}
		List<String> known = new ArrayList<>();
		for (String value : problem.known()) {
			String label = labels.of(problem.facet(), value);
			known.add(label.equals(value) ? value
					: messages.getMessage("catalogue.error.known", new Object[] { value, label }, locale));
		}
		String facet = messages.getMessage("catalogue.facet." + problem.parameter(), null, locale);
		String text = messages.getMessage("catalogue.error.unknown",
				new Object[] { problem.parameter(), facet, problem.value(), String.join(", ", known) }, locale);
		String closest = Suggestions.closest(problem.value(), problem.known());
		if (closest != null) {
			text += " " + messages.getMessage("catalogue.error.closest", new Object[] { closest }, locale);
		}
		return new ProblemView(problem.parameter(), "facet-" + problem.parameter(), text);
	}

	private static List<FacetView> facets(Catalogue catalogue, CatalogueQuery query, Labels labels) {
		OfferSearch search = query.search();
		List<FacetView> facets = new ArrayList<>();
		for (Facet facet : Facet.values()) {
			Set<String> selected = search.filter(facet);
			List<Choice> choices = new ArrayList<>();
			for (Map.Entry<String, Integer> count : search.counts(catalogue, facet).entrySet()) {
				String value = count.getKey();
				boolean chosen = selected.contains(value);
				choices.add(new Choice(value, labels.of(facet, value), count.getValue(), chosen,
						query.list(chosen ? search.without(facet, value) : search.with(facet, value))));
			}
			if (ALPHABETICAL.contains(facet)) {
				choices.sort(Comparator.comparing(Choice::label, labels.alphabetical()));
			}
			facets.add(new FacetView(facet.parameter(), choices.size() > MAX_TAGS, List.copyOf(choices)));
		}
		return facets;
	}

	private static List<Active> active(CatalogueQuery query, Labels labels) {
		List<Active> active = new ArrayList<>();
		if (query.words() != null) {
			active.add(new Active(CatalogueQuery.WORDS, query.words(), query.words(), query.listWithoutWords()));
		}
		OfferSearch search = query.search();
		search.filters()
			.forEach((facet, values) -> values.forEach(value -> active.add(new Active(facet.parameter(), value,
					labels.of(facet, value), query.list(search.without(facet, value))))));
		return active;
	}

	private static Card card(Offer offer, CatalogueQuery query, Labels labels) {
		String href = query.offer(offer.id());
		if (offer.isSupport()) {
			return new Card(offer.id(), offer.service(), offer.provider(), true, null, labels.text("kind.SUPPORT"),
					null, null, null, false, offer.toBeChecked(), href);
		}
		String hostingClass = offer.hostingClass(query.date());
		QualificationState state = offer.secNumCloud(query.date());
		return new Card(offer.id(), offer.service(), offer.provider(), false, hostingClass,
				labels.of(Facet.CLASS, hostingClass), state.status().name(),
				labels.of(Facet.STATUS, state.status().name()), labels.of(Facet.MODEL, offer.model().name()),
				state.toConfirm(), offer.toBeChecked(), href);
	}

}
