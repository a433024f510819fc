package fr.gouv.nuage.catalogue.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Offer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The catalogue's pages on the whole application, as a visitor without JavaScript sees
 * them: every expectation is computed here from the catalogue in force, by a reading of
 * each facet written apart from the pages' search, so that a wrong count or filter fails.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CataloguePagesTest {

	private static final LocalDate DATE = LocalDate.of(2026, 12, 2);

	private static final List<String> FACETS = List.of("model", "class", "status", "category", "vehicle", "provider");

	@Autowired
	MockMvc mvc;

	@Autowired
	CatalogueSource catalogues;

	@Test
	void eachFacetCountsTheOffersThatMatchTheOtherFilters() throws Exception {
		for (String query : List.of("", "class=COMMERCIAL_TRUSTED&vehicle=UGAP", "category=compute&status=IN_PROGRESS",
				"q=cloud&model=SAAS", "class=COMMERCIAL&class=INTERNAL_PI&provider=dinum",
				"q=%C3%A9tat&category=collaboration")) {
			String page = page("/catalogue?asOf=" + DATE + (query.isEmpty() ? "" : "&" + query), 200);
			Map<String, List<String>> filters = parameters(query);
			for (String facet : FACETS) {
				Map<String, Integer> shown = counts(section(page, facet));
				assertThat(shown).as("values of %s for %s", facet, query).isNotEmpty();
				Map<String, List<String>> others = new LinkedHashMap<>(filters);
				others.remove(facet);
				shown.forEach((value, count) -> assertThat(count).as("%s=%s given %s", facet, value, query)
					.isEqualTo(matching(others, o -> values(facet, o).contains(value)).size()));
			}
			List<String> expected = matching(filters, o -> true).stream().map(Offer::id).toList();
			assertThat(ids(page)).as("offers for %s", query).isEqualTo(expected);
			assertThat(count(page)).isEqualTo(expected.size());
		}
	}

	@Test
	void filtersOfOneFacetAddUpAndFiltersOfTwoFacetsNarrow() throws Exception {
		List<String> trusted = ids(page("/catalogue?asOf=" + DATE + "&class=COMMERCIAL_TRUSTED", 200));
		List<String> internal = ids(page("/catalogue?asOf=" + DATE + "&class=INTERNAL_PI", 200));
		List<String> either = ids(page("/catalogue?asOf=" + DATE + "&class=COMMERCIAL_TRUSTED&class=INTERNAL_PI", 200));
		List<String> ugap = ids(page("/catalogue?asOf=" + DATE + "&vehicle=UGAP", 200));
		List<String> both = ids(page("/catalogue?asOf=" + DATE + "&class=COMMERCIAL_TRUSTED&vehicle=UGAP", 200));
		assertThat(trusted).isNotEmpty();
		assertThat(internal).isNotEmpty();
		assertThat(either).hasSize(trusted.size() + internal.size()).containsAll(trusted).containsAll(internal);
		assertThat(both).isNotEmpty().isEqualTo(trusted.stream().filter(ugap::contains).toList());
		assertThat(both.size()).isLessThan(Math.min(trusted.size(), ugap.size()));
	}

	@Test
	void aFacetOfMoreThanSixValuesIsASelectInAGetFormAndItsFiltersAreRemovableTags() throws Exception {
		// The State design system's rule for tags as filters.
		assertThat(CataloguePages.MAX_TAGS).isEqualTo(6);
		Catalogue catalogue = catalogues.current();
		String page = page("/catalogue?asOf=" + DATE + "&provider=ovhcloud&class=COMMERCIAL_TRUSTED", 200);
		for (String facet : FACETS) {
			String section = section(page, facet);
			long values = catalogue.offers().stream().flatMap(o -> values(facet, o).stream()).distinct().count();
			boolean many = counts(section).size() > CataloguePages.MAX_TAGS;
			assertThat(section).as(facet).contains("data-facet-mode=\"" + (many ? "select" : "tags") + "\"");
			assertThat(section.contains("<select")).as(facet).isEqualTo(many);
			if (!many) {
				assertThat(section.split("class=\"fr-tag\"", -1).length - 1).as(facet)
					.isLessThanOrEqualTo(CataloguePages.MAX_TAGS);
			}
			if (facet.equals("provider") || facet.equals("category")) {
				assertThat(values).as(facet).isGreaterThan(CataloguePages.MAX_TAGS);
				assertThat(many).as(facet).isTrue();
			}
		}
		String providers = section(page, "provider");
		assertThat(providers).contains("<form method=\"get\" action=\"/catalogue\"")
			.contains("<select class=\"fr-select\" id=\"choix-provider\" name=\"provider\">")
			.contains("type=\"submit\"")
			// the form keeps the filters in force; the value chosen is no longer offered
			.contains("<input type=\"hidden\" name=\"class\" value=\"COMMERCIAL_TRUSTED\">")
			.contains("<input type=\"hidden\" name=\"provider\" value=\"ovhcloud\">")
			.doesNotContain("<option value=\"ovhcloud\"")
			.contains("fr-tag fr-tag--dismiss");
		assertThat(page).contains("data-active-filter=\"provider=ovhcloud\"")
			.contains("data-active-filter=\"class=COMMERCIAL_TRUSTED\"")
			.contains("data-reset");
		// Removing a filter is a plain link to the list without it.
		String remove = href(page, "data-active-filter=\"provider=ovhcloud\"");
		assertThat(parameters(remove.substring(remove.indexOf('?') + 1))).doesNotContainKey("provider")
			.containsEntry("class", List.of("COMMERCIAL_TRUSTED"));
		assertThat(count(page(remove, 200)))
			.isEqualTo(matching(Map.of("class", List.of("COMMERCIAL_TRUSTED")), o -> true).size());
	}

	@Test
	void aTagIsALinkToTheListWithItsValueAndMarkedCurrentOnceChosen() throws Exception {
		String page = page("/catalogue?asOf=" + DATE, 200);
		String link = href(section(page, "class"), "data-value=\"COMMERCIAL_TRUSTED\"");
		assertThat(link).startsWith("/catalogue?").contains("class=COMMERCIAL_TRUSTED");
		String filtered = page(link, 200);
		assertThat(section(filtered, "class")).containsPattern(
				"aria-current=\"true\" data-value=\"COMMERCIAL_TRUSTED\" data-facet-count=\"\\d+\" data-selected=\"true\"");
		assertThat(count(filtered))
			.isEqualTo(matching(Map.of("class", List.of("COMMERCIAL_TRUSTED")), o -> true).size());
		// Each offer's page keeps the list's address to lead back to it.
		String offer = ids(filtered).get(0);
		String offerPage = page(href(filtered, "href=\"/catalogue/" + offer + "?"), 200);
		assertThat(href(offerPage, "data-back")).isEqualTo("/catalogue?asOf=" + DATE + "&class=COMMERCIAL_TRUSTED");
	}

	@Test
	void anOfferPageSaysItsClassForTheDateAndItsHistoryInDateOrderWithItsDoubts() throws Exception {
		Catalogue catalogue = catalogues.current();
		Offer offer = catalogue.offers()
			.stream()
			.filter(o -> o.qualifications().stream().anyMatch(q -> q.events().size() >= 2))
			.filter(o -> o.qualifications()
				.stream()
				.flatMap(q -> q.events().stream())
				.anyMatch(e -> !"sourced".equals(e.confidence())))
			.findFirst()
			.orElseThrow();
		String page = page("/catalogue/" + offer.id() + "?asOf=" + DATE, 200);
		assertThat(page).contains(HtmlUtils.htmlEscape(offer.service(), "UTF-8"))
			.contains("Au 2 décembre 2026")
			.contains("data-class=\"" + offer.hostingClass(DATE) + "\"")
			.contains("data-status=\"" + offer.secNumCloud(DATE).status() + "\"");
		List<LocalDate> dates = new ArrayList<>();
		Matcher event = Pattern.compile("data-event=\"([A-Z_]+)\" data-date=\"([0-9-]+)\"").matcher(page);
		while (event.find()) {
			dates.add(LocalDate.parse(event.group(2)));
		}
		int events = offer.qualifications().stream().mapToInt(q -> q.events().size()).sum();
		assertThat(dates).hasSizeGreaterThanOrEqualTo(events).isSorted();
		assertThat(page).contains("<ol class=\"nuage-timeline");
		assertThat(page).contains("data-flags").contains("data-flag=\"event\"").contains("Information incertaine");
		for (String source : offer.sources()) {
			assertThat(page).contains("data-source=\"" + source + "\"");
		}
		// An offer whose qualification came on a known day: its class follows the date.
		Offer later = catalogue.offers()
			.stream()
			.filter(o -> !o.isSupport() && !o.hostingClass(LocalDate.of(2020, 1, 1)).equals(o.hostingClass(DATE)))
			.findFirst()
			.orElseThrow();
		assertThat(page("/catalogue/" + later.id() + "?asOf=2020-01-01", 200))
			.contains("data-class=\"" + later.hostingClass(LocalDate.of(2020, 1, 1)) + "\"")
			.contains("Au 1 janvier 2020");
		assertThat(page("/catalogue/" + later.id() + "?asOf=" + DATE, 200))
			.contains("data-class=\"" + later.hostingClass(DATE) + "\"");
	}

	@Test
	void anUnknownOfferIsNotFound() throws Exception {
		mvc.perform(get("/catalogue/no-such-offer"))
			.andExpect(r -> assertThat(r.getResponse().getStatus()).isEqualTo(404));
	}

	@Test
	void anUnknownFilterValueIsSaidWithTheKnownValuesAndTheRestStillApplies() throws Exception {
		String page = page("/catalogue?asOf=" + DATE + "&class=TRUSTED&vehicle=UGAP", 400);
		assertThat(page).contains("data-error=\"class\"")
			.contains("« class »")
			.contains("« TRUSTED »")
			.contains("COMMERCIAL_TRUSTED (cloud commercial de confiance)")
			.contains("INTERNAL_NUBO");
		assertThat(count(page)).isEqualTo(matching(Map.of("vehicle", List.of("UGAP")), o -> true).size());
		assertThat(page("/catalogue?asOf=hier", 400)).contains("data-error=\"asOf\"").contains("« hier »");
		assertThat(page("/catalogue/" + ids(page).get(0) + "?asOf=2026-13-01", 400)).contains("data-error=\"asOf\"");
	}

	@Test
	void theListAndAnOfferAreInEnglishWithLangEn() throws Exception {
		int all = catalogues.current().offers().size();
		String list = page("/catalogue?lang=en&asOf=" + DATE + "&class=COMMERCIAL_TRUSTED", 200);
		assertThat(list).contains("<html lang=\"en\">")
			.contains("The catalogue of cloud offers")
			.contains("trusted commercial cloud (")
			.contains("Hosting class and qualification on December 2, 2026")
			.doesNotContain("Classe d’hébergement");
		assertThat(page("/catalogue?lang=en", 200)).contains(all + " offers");
		assertThat(page("/catalogue?lang=en&class=COMERCIAL_TRUSTED", 400)).contains("The parameter “class”")
			.contains("Did you mean “COMMERCIAL_TRUSTED”?");
		assertThat(page("/catalogue/" + ids(list).get(0) + "?lang=en", 200)).contains("Qualification history")
			.contains("Back to the list of offers");
	}

	// --- an independent reading of the facets, from the offers themselves

	/** The offers matching the filters (alternatives within a facet) and {@code also}. */
	private List<Offer> matching(Map<String, List<String>> filters, Predicate<Offer> also) {
		List<Offer> result = new ArrayList<>();
		for (Offer offer : catalogues.current().offers()) {
			boolean match = also.test(offer);
			for (Map.Entry<String, List<String>> filter : filters.entrySet()) {
				if (filter.getKey().equals("q")) {
					match &= filter.getValue().stream().allMatch(words -> mentions(offer, words));
				}
				else if (!filter.getKey().equals("asOf")) {
					match &= values(filter.getKey(), offer).stream().anyMatch(filter.getValue()::contains);
				}
			}
			if (match) {
				result.add(offer);
			}
		}
		return result;
	}

	private static List<String> values(String facet, Offer offer) {
		return switch (facet) {
			case "model" -> offer.model() == null ? List.of() : List.of(offer.model().name());
			case "class" -> offer.isSupport() ? List.of() : List.of(offer.hostingClass(DATE));
			case "status" -> offer.isSupport() ? List.of() : List.of(offer.secNumCloud(DATE).status().name());
			case "category" -> offer.categories();
			case "vehicle" -> offer.purchasing().stream().map(Offer.Purchasing::vehicle).toList();
			case "provider" -> List.of(offer.providerId());
			default -> throw new IllegalArgumentException(facet);
		};
	}

	private static boolean mentions(Offer offer, String words) {
		String text = fold(offer.id() + " " + offer.service() + " " + offer.provider() + " "
				+ (offer.note() == null ? "" : offer.note().fr() + " " + offer.note().en()));
		return java.util.Arrays.stream(fold(words).split(" ")).allMatch(text::contains);
	}

	private static String fold(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT);
	}

	// --- reading the pages

	private String page(String uri, int status) throws Exception {
		MvcResult result = mvc.perform(get(UriComponentsBuilder.fromUriString(uri).build(true).toUri())).andReturn();
		assertThat(result.getResponse().getStatus()).as(uri).isEqualTo(status);
		return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
	}

	private static Map<String, List<String>> parameters(String query) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		UriComponentsBuilder.fromUriString("/?" + query)
			.build(true)
			.getQueryParams()
			.forEach((name, values) -> parameters.put(name,
					values.stream()
						.map(v -> java.net.URLDecoder.decode(v, java.nio.charset.StandardCharsets.UTF_8))
						.toList()));
		parameters.remove("");
		return parameters;
	}

	/** The facet's block, up to the next one. */
	private static String section(String page, String facet) {
		int start = page.indexOf("data-facet=\"" + facet + "\"");
		assertThat(start).as("facet " + facet).isPositive();
		int end = page.indexOf("data-facet=\"", start + 1);
		return page.substring(start, end < 0 ? page.indexOf("id=\"resultats\"", start) : end);
	}

	/** Each value a facet offers, with its count (tags and options alike). */
	private static Map<String, Integer> counts(String section) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Matcher m = Pattern.compile("data-value=\"([^\"]+)\" data-facet-count=\"(\\d+)\"").matcher(section);
		while (m.find()) {
			counts.putIfAbsent(HtmlUtils.htmlUnescape(m.group(1)), Integer.parseInt(m.group(2)));
		}
		return counts;
	}

	private static List<String> ids(String page) {
		List<String> ids = new ArrayList<>();
		Matcher m = Pattern.compile("data-offer=\"([a-z0-9-]+)\"").matcher(page);
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	private static int count(String page) {
		Matcher m = Pattern.compile("data-count=\"(\\d+)\"").matcher(page);
		assertThat(m.find()).isTrue();
		return Integer.parseInt(m.group(1));
	}

	/** The address of the first link whose tag holds {@code marker}. */
	private static String href(String html, String marker) {
		int at = html.indexOf(marker);
		assertThat(at).as(marker).isNotNegative();
		int open = html.lastIndexOf("<a ", at);
		Matcher m = Pattern.compile("href=\"([^\"]*)\"").matcher(html.substring(open, html.indexOf('>', at)));
		assertThat(m.find()).as(marker).isTrue();
		return HtmlUtils.htmlUnescape(m.group(1));
	}

}
