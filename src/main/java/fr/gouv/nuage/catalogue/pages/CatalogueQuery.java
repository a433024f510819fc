package fr.gouv.nuage.catalogue.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.OfferSearch;
import fr.gouv.nuage.catalogue.OfferSearch.Facet;
import fr.gouv.nuage.http.Problems;
import org.springframework.util.MultiValueMap;

/**
 * A visit of the catalogue as its address says it: the words ({@code q}), the date
 * ({@code asOf}, today unless given, read as the API reads it) and the filters, one
 * parameter per facet, repeated for each value ({@code class=COMMERCIAL&class=...}). What
 * the address names wrongly is set aside and said, so that the rest still applies; the
 * addresses of the list with a filter more or less keep everything else.
 */
final class CatalogueQuery {

	static final String WORDS = "q";

	static final String AS_OF = "asOf";

	/** A parameter of the address refused: its value, and the values it admits. */
	record Problem(String parameter, Facet facet, String value, List<String> known) {
	}

	/** A parameter and its value, as a form carries it. */
	record Pair(String name, String value) {
	}

	private final String words;

	private final String asOf;

	private final OfferSearch search;

	private final List<Problem> problems;

	private CatalogueQuery(String words, String asOf, OfferSearch search, List<Problem> problems) {
		this.words = words;
		this.asOf = asOf;
		this.search = search;
		this.problems = List.copyOf(problems);
	}

	static CatalogueQuery of(MultiValueMap<String, String> parameters, Catalogue catalogue) {
		List<Problem> problems = new ArrayList<>();
		String words = blankToNull(parameters.getFirst(WORDS));
		String asOf = blankToNull(parameters.getFirst(AS_OF));
		LocalDate date = Problems.date(asOf);
		if (date == null) {
			problems.add(new Problem(AS_OF, null, asOf, List.of()));
			asOf = null;
			date = Problems.date(null);
		}
		OfferSearch search = OfferSearch.on(date).words(words);
		for (Facet facet : Facet.values()) {
			for (String value : parameters.getOrDefault(facet.parameter(), List.of())) {
				search = search.with(facet, value);
			}
		}
		for (OfferSearch.Unknown unknown : search.unknown(catalogue)) {
			problems.add(new Problem(unknown.facet().parameter(), unknown.facet(), unknown.value(), unknown.known()));
			search = search.without(unknown.facet(), unknown.value());
		}
		return new CatalogueQuery(words, asOf, search, problems);
	}

	/** The words searched, as typed; {@code null} when none. */
	public String words() {
		return words;
	}

	/** The date asked for, as written; {@code null} for today. */
	public String asOf() {
		return asOf;
	}

	public LocalDate date() {
		return search.date();
	}

	OfferSearch search() {
		return search;
	}

	List<Problem> problems() {
		return problems;
	}

	/** True when words or a filter narrow the list. */
	public boolean narrowed() {
		return words != null || !search.filters().isEmpty();
	}

	/** The list as this visit shows it. */
	String list() {
		return list(search, words);
	}

	/** The list with another search, the same words and date. */
	String list(OfferSearch other) {
		return list(other, words);
	}

	/** The list without words, the same filters and date. */
	String listWithoutWords() {
		return list(search, null);
	}

	/** The whole list, on the same date. */
	public String reset() {
		return list(OfferSearch.on(search.date()), null);
	}

	/**
	 * An offer's page, which keeps this visit's address to lead back to it (ids are
	 * {@code [a-z0-9-]+}).
	 */
	String offer(String id) {
		return address("/catalogue/" + id, search, words);
	}

	/**
	 * What a form carries hidden so as to keep this visit: every filter, and the words
	 * and the date unless the form has fields of its own for them.
	 */
	public List<Pair> hidden(boolean wordsAndDate) {
		List<Pair> pairs = new ArrayList<>();
		if (wordsAndDate && words != null) {
			pairs.add(new Pair(WORDS, words));
		}
		if (wordsAndDate && asOf != null) {
			pairs.add(new Pair(AS_OF, asOf));
		}
		search.filters()
			.forEach((facet, values) -> values.forEach(value -> pairs.add(new Pair(facet.parameter(), value))));
		return pairs;
	}

	private String list(OfferSearch other, String otherWords) {
		return address("/catalogue", other, otherWords);
	}

	private String address(String path, OfferSearch other, String otherWords) {
		List<Pair> pairs = new ArrayList<>();
		if (otherWords != null) {
			pairs.add(new Pair(WORDS, otherWords));
		}
		if (asOf != null) {
			pairs.add(new Pair(AS_OF, asOf));
		}
		other.filters()
			.forEach((facet, values) -> values.forEach(value -> pairs.add(new Pair(facet.parameter(), value))));
		StringBuilder address = new StringBuilder(path);
		for (Pair pair : pairs) {
			address.append(address.length() == path.length() ? '?' : '&')
				.append(pair.name())
				.append('=')
				.append(URLEncoder.encode(pair.value(), StandardCharsets.UTF_8));
		}
		return address.toString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
