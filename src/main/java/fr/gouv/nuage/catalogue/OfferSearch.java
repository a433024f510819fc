package fr.gouv.nuage.catalogue;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A search of the catalogue on a date: words, and filters by facet, the same for the API,
 * the CLI and the pages. Within a facet the values chosen are alternatives; across
 * facets, all must hold. A facet's counts are those of a classic faceted search: for each
 * of its values, the offers that match the words and every other facet's filters and have
 * that value. Immutable.
 */
public final class OfferSearch {

	/**
	 * A way to sort offers, named by its parameter in the pages and the API. The
	 * qualification status is SecNumCloud's, the scheme the hosting class rests on.
	 */
	public enum Facet {

		MODEL("model"), CLASS("class"), STATUS("status"), CATEGORY("category"), VEHICLE("vehicle"),
		PROVIDER("provider");

		/** The hosting classes an offer may have, in the doctrine's order of trust. */
		public static final List<String> CLASSES = List.of(Offer.INTERNAL_PI, Offer.INTERNAL_NUBO,
				Offer.COMMERCIAL_TRUSTED, Offer.COMMERCIAL);

		private final String parameter;

		Facet(String parameter) {
			this.parameter = parameter;
		}

		/** The facet's parameter in a request: {@code class=COMMERCIAL_TRUSTED}. */
		public String parameter() {
			return parameter;
		}

		/**
		 * The values an offer has for this facet on a date: none (a support offer has no
		 * class), one, or several (categories, purchasing vehicles).
		 */
		public List<String> of(Offer offer, LocalDate date) {
			return switch (this) {
				case MODEL -> offer.model() == null ? List.of() : List.of(offer.model().name());
				case CLASS -> offer.isSupport() ? List.of() : List.of(offer.hostingClass(date));
				case STATUS -> offer.isSupport() ? List.of() : List.of(offer.secNumCloud(date).status().name());
				case CATEGORY -> offer.categories();
				case VEHICLE -> offer.purchasing().stream().map(Offer.Purchasing::vehicle).distinct().toList();
				case PROVIDER -> List.of(provider(offer));
			};
		}

		/**
		 * The values a filter of this facet may name in a catalogue: every value of a
		 * closed list (classes, models, statuses, categories), or what the offers name
		 * (vehicles, providers), sorted.
		 */
		public List<String> known(Catalogue catalogue) {
			return switch (this) {
				case MODEL -> Arrays.stream(Offer.ServiceModel.values()).map(Enum::name).toList();
				case CLASS -> CLASSES;
				case STATUS -> Arrays.stream(QualificationStatus.values()).map(Enum::name).toList();
				case CATEGORY -> List.copyOf(new TreeSet<>(CatalogueLoader.CATEGORIES));
				case VEHICLE, PROVIDER -> named(catalogue);
			};
		}

		/**
		 * The values to offer as choices on a date: the closed lists whole (a class with
		 * no offer is worth saying), the open ones and categories as the offers name
		 * them.
		 */
		public List<String> shown(Catalogue catalogue) {
			return this == CATEGORY ? named(catalogue) : known(catalogue);
		}

		private List<String> named(Catalogue catalogue) {
			Set<String> values = new TreeSet<>();
			// Open lists and categories do not depend on the date.
			catalogue.offers().forEach(offer -> values.addAll(of(offer, catalogue.asOf())));
			return List.copyOf(values);
		}

		/**
		 * The facet of a request's parameter, or {@code null} when it names none.
		 */
		public static Facet named(String parameter) {
			for (Facet facet : values()) {
				if (facet.parameter.equals(parameter)) {
					return facet;
				}
			}
			return null;
		}

	}

	/** A value a filter names that the facet does not know, with those it knows. */
	public record Unknown(Facet facet, String value, List<String> known) {
	}

	private final LocalDate date;

	private final List<String> words;

	private final Map<Facet, Set<String>> filters;

	private OfferSearch(LocalDate date, List<String> words, Map<Facet, Set<String>> filters) {
		this.date = date;
		this.words = List.copyOf(words);
		EnumMap<Facet, Set<String>> copy = new EnumMap<>(Facet.class);
		filters.forEach((facet, values) -> {
			if (!values.isEmpty()) {
				copy.put(facet, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(values)));
			}
		});
		this.filters = java.util.Collections.unmodifiableMap(copy);
	}

	/** All the offers, as of {@code date}. */
	public static OfferSearch on(LocalDate date) {
		return new OfferSearch(date, List.of(), Map.of());
	}

	/**
	 * This search limited to the offers whose id, name, provider or description hold
	 * every word of {@code text}, in either language, ignoring case and accents;
	 * {@code null} or blank: no words.
	 */
	public OfferSearch words(String text) {
		List<String> split = text == null ? List.of()
				: Arrays.stream(folded(text).split("\\s+")).filter(word -> !word.isEmpty()).toList();
		return new OfferSearch(date, split, filters);
	}

	/**
	 * This search with one more value for the facet; {@code null} or blank: unchanged.
	 */
	public OfferSearch with(Facet facet, String value) {
		if (value == null || value.isBlank()) {
			return this;
		}
		Map<Facet, Set<String>> more = new EnumMap<>(Facet.class);
		more.putAll(filters);
		Set<String> values = new LinkedHashSet<>(filters.getOrDefault(facet, Set.of()));
		values.add(value.strip());
		more.put(facet, values);
		return new OfferSearch(date, words, more);
	}

	/** This search without the facet's value, or without the facet when null. */
	public OfferSearch without(Facet facet, String value) {
		Map<Facet, Set<String>> fewer = new EnumMap<>(Facet.class);
		fewer.putAll(filters);
		if (value == null) {
			fewer.remove(facet);
		}
		else {
			Set<String> values = new LinkedHashSet<>(filters.getOrDefault(facet, Set.of()));
			values.remove(value);
			fewer.put(facet, values);
		}
		return new OfferSearch(date, words, fewer);
	}

	public LocalDate date() {
		return date;
	}

	/** The values chosen for each facet that has some, in the facets' order. */
	public Map<Facet, Set<String>> filters() {
		return filters;
	}

	public Set<String> filter(Facet facet) {
		return filters.getOrDefault(facet, Set.of());
	}

	/** The values the filters name that their facet does not know in the catalogue. */
	public List<Unknown> unknown(Catalogue catalogue) {
		List<Unknown> unknown = new ArrayList<>();
		filters.forEach((facet, values) -> {
			List<String> known = facet.known(catalogue);
			values.stream()
				.filter(value -> !known.contains(value))
				.forEach(value -> unknown.add(new Unknown(facet, value, known)));
		});
		return List.copyOf(unknown);
	}

	/** The offers of the catalogue that match, in the catalogue's order. */
	public List<Offer> in(Catalogue catalogue) {
		return catalogue.offers().stream().filter(offer -> matches(offer, null)).toList();
	}

	public boolean matches(Offer offer) {
		return matches(offer, null);
	}

	/**
	 * For each value the facet shows, in order, how many offers match the words and the
	 * other facets' filters and have that value; a value chosen but unknown counts 0.
	 */
	public Map<String, Integer> counts(Catalogue catalogue, Facet facet) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		facet.shown(catalogue).forEach(value -> counts.put(value, 0));
		filter(facet).forEach(value -> counts.putIfAbsent(value, 0));
		for (Offer offer : catalogue.offers()) {
			if (matches(offer, facet)) {
				facet.of(offer, date).forEach(value -> counts.computeIfPresent(value, (v, n) -> n + 1));
			}
		}
		return counts;
	}

	/**
	 * True when the offer matches the words and every facet's filter but
	 * {@code except}'s.
	 */
	private boolean matches(Offer offer, Facet except) {
		for (Map.Entry<Facet, Set<String>> filter : filters.entrySet()) {
			if (filter.getKey() != except
					&& filter.getKey().of(offer, date).stream().noneMatch(filter.getValue()::contains)) {
				return false;
			}
		}
		if (words.isEmpty()) {
			return true;
		}
		String text = folded(String.join(" ", offer.id(), offer.service(), offer.provider(),
				offer.note() == null ? "" : offer.note().fr(), offer.note() == null ? "" : offer.note().en()));
		return words.stream().allMatch(text::contains);
	}

	/**
	 * An offer's provider as a filter names it: its organisation, or its name when none
	 * is told.
	 */
	static String provider(Offer offer) {
		return offer.providerId() != null ? offer.providerId() : offer.provider();
	}

	private static String folded(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
