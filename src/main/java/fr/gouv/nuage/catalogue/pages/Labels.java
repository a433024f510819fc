package fr.gouv.nuage.catalogue.pages;

import java.text.Collator;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.OfferSearch.Facet;
import fr.gouv.nuage.doctrine.EngineTexts;
import fr.gouv.nuage.doctrine.Lang;

/**
 * How the pages write the catalogue's codes and dates in the visitor's language: the
 * labels are the catalogue's own texts ({@code catalogue/catalogue-texts.yaml}, under
 * {@code <facet parameter>.<code>}), a provider is its name, a date is written as
 * precisely as its source gives it.
 */
final class Labels {

	private static final EngineTexts TEXTS = EngineTexts.of("/catalogue/catalogue-texts.yaml");

	private final Lang lang;

	private final Locale locale;

	private final Map<String, String> providers = new HashMap<>();

	Labels(Catalogue catalogue, Locale locale) {
		this.lang = Lang.parse(locale.getLanguage());
		this.locale = locale;
		catalogue.offers()
			.forEach(offer -> providers.putIfAbsent(Facet.PROVIDER.of(offer, catalogue.asOf()).get(0),
					offer.provider()));
	}

	Lang lang() {
		return lang;
	}

	/**
	 * A facet's value for people; a value the texts do not name (a purchasing vehicle a
	 * provider declared) is written as it is.
	 */
	String of(Facet facet, String value) {
		if (facet == Facet.PROVIDER) {
			return providers.getOrDefault(value, value);
		}
		return text(facet.parameter() + "." + value, value);
	}

	/**
	 * The text of a key of the catalogue's texts, or {@code fallback} when it has none.
	 */
	String text(String key, String fallback) {
		try {
			return TEXTS.get(key, lang);
		}
		catch (IllegalStateException missing) {
			return fallback;
		}
	}

	String text(String key) {
		return TEXTS.get(key, lang);
	}

	/** A day, in full: {@code 2 décembre 2026}, {@code December 2, 2026}. */
	String day(LocalDate date) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
	}

	/**
	 * A date as a source writes it: a day, a month ({@code 2025-01}) or a year
	 * ({@code 2024}), never more precise.
	 */
	String written(String written) {
		return switch (written.length()) {
			case 4 -> written;
			case 7 -> DateTimeFormatter.ofPattern("LLLL yyyy", locale).format(java.time.YearMonth.parse(written));
			default -> day(LocalDate.parse(written));
		};
	}

	/** Labels in the language's alphabetical order. */
	Comparator<String> alphabetical() {
		Collator collator = Collator.getInstance(locale);
		collator.setStrength(Collator.PRIMARY);
		return collator::compare;
	}

}
