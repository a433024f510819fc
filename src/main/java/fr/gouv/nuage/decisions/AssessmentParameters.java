package fr.gouv.nuage.decisions;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.Fact;
import fr.gouv.nuage.doctrine.FactType;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import fr.gouv.nuage.http.Problems;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An assessment written as query parameters, each named by its path in the assessment
 * contract ({@code entity.kind=STATE_OPERATOR&data.legalSecrets=MEDICAL_SECRECY}): a list
 * by repetition, an empty list as one empty value, an empty scalar as a question not
 * answered. The parameters become the document the API reads, typed by the pack's fact
 * model, and the engine's own reader checks it: a page refuses what the API refuses, with
 * the same messages. {@code doctrine} chooses the pack (the latest unless given) and
 * {@code asOf} the date the catalogue is read at (today unless given), as on the API;
 * {@code lang} belongs to the pages.
 */
final class AssessmentParameters {

	/** The parameters that are not facts. */
	static final Set<String> CONTROLS = Set.of("doctrine", "asOf", "lang");

	/** Where the errors say they were found. */
	static final String SOURCE = "query";

	private AssessmentParameters() {
	}

	/**
	 * The parameters read.
	 *
	 * @param facts the facts as given, in the order given, empty answers left out: what a
	 * link back to a step or to the certificate carries
	 * @param pack the pack chosen, or {@code null} when {@code doctrine} names none
	 * @param date the date the catalogue is read at, or {@code null} when {@code asOf} is
	 * not a date
	 * @param assessment the assessment, resolved against the catalogue when it names an
	 * offer; {@code null} when there are errors
	 * @param catalogue the catalogue the assessment was resolved with
	 * @param errors what could not be read, each with its path
	 */
	record Read(MultiValueMap<String, String> facts, RulePack pack, LocalDate date, Assessment assessment,
			Catalogue catalogue, List<InputError> errors) {

		boolean ok() {
			return errors.isEmpty();
		}

		/**
		 * The query string of these facts, with the pack and date when they were given.
		 */
		String query(MultiValueMap<String, String> controls) {
			MultiValueMap<String, String> all = new LinkedMultiValueMap<>(facts);
			all.addAll(controls);
			return AssessmentParameters.query(all);
		}

	}

	static Read read(MultiValueMap<String, String> parameters, RulePacks packs, CatalogueSource catalogues) {
		List<InputError> errors = new ArrayList<>();
		String doctrine = parameters.getFirst("doctrine");
		String id = doctrine == null || doctrine.isEmpty() ? packs.defaultId() : doctrine;
		RulePack pack = packs.has(id) ? packs.get(id) : null;
		if (pack == null) {
			errors.add(new InputError(SOURCE, 0, 0, "doctrine",
					"unknown doctrine `" + id + "` (known: " + String.join(", ", packs.ids()) + ")"));
		}
		String asOf = parameters.getFirst("asOf");
		LocalDate date = Problems.date(asOf == null || asOf.isEmpty() ? null : asOf);
		if (date == null) {
			errors.add(new InputError(SOURCE, 0, 0, "asOf",
					"`" + asOf + "` is not a date; write it YYYY-MM-DD, from 0001-01-01 to 9999-12-31"));
		}
		MultiValueMap<String, String> facts = new LinkedMultiValueMap<>();
		parameters.forEach((name, values) -> {
			if (!CONTROLS.contains(name)) {
				List<String> given = values.stream().filter(value -> value != null && !value.isEmpty()).toList();
				if (!given.isEmpty()) {
					facts.put(name, given);
				}
				else if (pack != null && isList(pack, name)) {
					facts.put(name, List.of(""));
				}
			}
		});
		if (pack == null) {
			return new Read(facts, null, date, null, null, errors);
		}
		ReadResult read = new AssessmentReader(pack.facts()).read(SOURCE, document(facts, pack));
		if (read instanceof ReadResult.Invalid invalid) {
			errors.addAll(invalid.errors());
		}
		if (!errors.isEmpty()) {
			return new Read(facts, pack, date, null, null, errors);
		}
		Assessment assessment = ((ReadResult.Ok) read).assessment();
		if (assessment.get("hosting.offerId") == null) {
			return new Read(facts, pack, date, assessment, catalogues.current(), errors);
		}
		Catalogue catalogue = catalogues.current();
		Catalogue.Resolution resolution = catalogue.resolve(assessment, date);
		if (resolution instanceof Catalogue.Unresolved unresolved) {
			errors.addAll(unresolved.errors());
			return new Read(facts, pack, date, null, catalogue, errors);
		}
		return new Read(facts, pack, date, ((Catalogue.Resolved) resolution).assessment(), catalogue, errors);
	}

	/**
	 * The query string of parameters, names and values encoded, lists repeated. Every
	 * character a query gives a meaning to is encoded, {@code +} (a space once decoded),
	 * {@code &}, {@code =}, {@code #} and braces included, so that any answer comes back
	 * as it was given.
	 */
	static String query(MultiValueMap<String, String> parameters) {
		StringBuilder query = new StringBuilder();
		parameters.forEach((name, values) -> values.forEach(value -> {
			if (query.length() > 0) {
				query.append('&');
			}
			query.append(encode(name)).append('=').append(encode(value));
		}));
		return query.toString();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static boolean isList(RulePack pack, String path) {
		return pack.facts().fact(path).map(fact -> fact.type() == FactType.ENUM_LIST).orElse(false);
	}

	/**
	 * The document the parameters write: nested objects by path, each value typed as its
	 * fact asks when it reads as that type, left a string otherwise, so that the reader
	 * says what it expected. A name that is no fact is kept as it is, for the reader to
	 * refuse.
	 */
	private static Map<String, Object> document(MultiValueMap<String, String> facts, RulePack pack) {
		Map<String, Object> document = new LinkedHashMap<>();
		facts.forEach((name, values) -> {
			Optional<Fact> fact = pack.facts().fact(name);
			Object value;
			if (fact.isPresent() && fact.get().type() == FactType.ENUM_LIST) {
				value = values.stream().filter(item -> !item.isEmpty()).toList();
			}
			else if (values.size() > 1) {
				value = values.stream().map(item -> typed(fact, item)).toList();
			}
			else {
				value = typed(fact, values.get(0));
			}
			put(document, name, value);
		});
		return document;
	}

	private static Object typed(Optional<Fact> fact, String value) {
		if (fact.isEmpty()) {
			return value;
		}
		if (fact.get().type() == FactType.BOOLEAN && (value.equals("true") || value.equals("false"))) {
			return Boolean.valueOf(value);
		}
		if (fact.get().type() == FactType.NUMBER && value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
			return new java.math.BigDecimal(value);
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	private static void put(Map<String, Object> document, String path, Object value) {
		String[] segments = path.split("\\.", -1);
		Map<String, Object> node = document;
		for (int i = 0; i < segments.length - 1; i++) {
			Object child = node.computeIfAbsent(segments[i], key -> new LinkedHashMap<String, Object>());
			if (!(child instanceof Map)) {
				// A.b given beside A: the reader refuses A as it stands.
				return;
			}
			node = (Map<String, Object>) child;
		}
		node.put(segments[segments.length - 1], value);
	}

}
