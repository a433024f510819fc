package fr.gouv.nuage.catalogue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.gouv.nuage.doctrine.Fact;
import fr.gouv.nuage.doctrine.FactModel;
import fr.gouv.nuage.doctrine.FactType;
import fr.gouv.nuage.doctrine.SourceIssue;
import fr.gouv.nuage.doctrine.Suggestions;
import fr.gouv.nuage.doctrine.Text;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a catalogue file (YAML, or JSON, which YAML reads too) and checks every value
 * against the catalogue's format; each mistake is reported at its line and column, and a
 * catalogue with an error is not built.
 */
final class CatalogueLoader {

	static final Set<String> CATEGORIES = Set.of("compute", "storage", "containers", "database", "collaboration",
			"file-sharing", "messaging", "office", "analytics", "network", "security", "identity", "ai", "education");

	static final Set<String> CONFIDENCES = Set.of("sourced", "sourced-secondary", "uncertain");

	private static final Set<String> OFFER_KEYS = Set.of("id", "kind", "provider", "providerId", "service", "model",
			"categories", "internal", "operator", "interministerial", "dataLocation", "immuneToExtraEuAccess",
			"hdsCertified", "maxMarking", "runsOn", "regions", "purchasing", "reversibility", "qualifications",
			"support", "sources", "confidence", "note", "asOf");

	private static final Set<String> OFFER_REQUIRED = Set.of("id", "provider", "providerId", "service", "model",
			"categories", "dataLocation", "immuneToExtraEuAccess", "hdsCertified", "maxMarking", "qualifications",
			"sources", "confidence", "asOf");

	/**
	 * What a support offer has: who, what, how to ask, the decisions it helps; nothing of
	 * hosting.
	 */
	private static final Set<String> SUPPORT_KEYS = Set.of("id", "kind", "provider", "providerId", "service",
			"categories", "operator", "interministerial", "support", "sources", "confidence", "note", "asOf");

	private static final Set<String> SUPPORT_REQUIRED = Set.of("id", "kind", "provider", "providerId", "service",
			"support", "sources", "confidence", "asOf");

	/**
	 * What names the provider's organisation: its id in the directory, never its name,
	 * which two organisations may write alike.
	 */
	private static final java.util.regex.Pattern PROVIDER_ID = java.util.regex.Pattern
		.compile(fr.gouv.nuage.directory.Organisation.ID_FORMAT);

	/** The control procedures a decision sets (decision-v1 `control`). */
	static final Set<String> CONTROLS = Set.of("PROJECT_AUTHORITY", "MINISTRY", "DINUM_OPINION", "UNKNOWN");

	/** The kinds of entity an assessment names (assessment-v1 `entity.kind`). */
	private final Set<String> entityKinds;

	private final FactModel facts = FactModel.assessmentV1();

	private final String file;

	private final String[] lines;

	private final List<SourceIssue> issues = new ArrayList<>();

	private final Set<String> dataLocations;

	private Map<String, Map<String, String>> sources = Map.of();

	/**
	 * Whether the offer is declared by a provider: its {@code providerId} may be left
	 * out, the declaring organisation's is taken.
	 */
	private boolean declared;

	private CatalogueLoader(String file, String text) {
		this.file = file;
		this.lines = text.split("\r?\n", -1);
		this.dataLocations = Set.copyOf(facts.fact("hosting.dataLocation").orElseThrow().values());
		this.entityKinds = Set.copyOf(facts.fact("entity.kind").orElseThrow().values());
	}

	/** The catalogue, or the issues that refuse it. */
	static Catalogue.LoadResult load(String file, String text) {
		CatalogueLoader loader = new CatalogueLoader(file, text);
		Catalogue catalogue = loader.read(text);
		List<SourceIssue> issues = new ArrayList<>(loader.issues);
		issues.sort(Comparator.comparingInt(SourceIssue::line).thenComparingInt(SourceIssue::column));
		return catalogue == null || !issues.isEmpty() ? new Catalogue.Refused(List.copyOf(issues))
				: new Catalogue.Loaded(catalogue);
	}

	/**
	 * One offer, as a provider declares it (YAML or JSON), checked like an offer of the
	 * catalogue file against the sources and offers of {@code base}.
	 */
	static Catalogue.OfferLoad loadOffer(String file, String text, Catalogue base) {
		CatalogueLoader loader = new CatalogueLoader(file, text);
		loader.sources = base.sources();
		loader.declared = true;
		Node root = loader.compose(text);
		Offer offer = null;
		if (root != null) {
			Map<String, Node> runsOn = new LinkedHashMap<>();
			offer = loader.offer(root, runsOn);
			Set<String> ids = new HashSet<>();
			base.offers().forEach(o -> ids.add(o.id()));
			runsOn.forEach((ref, node) -> {
				if (!ids.contains(ref)) {
					loader.error(node.getStartMark(), "`runsOn` names no offer of the catalogue: `" + ref + "`"
							+ Suggestions.didYouMean(ref, ids));
				}
			});
		}
		List<SourceIssue> issues = new ArrayList<>(loader.issues);
		issues.sort(Comparator.comparingInt(SourceIssue::line).thenComparingInt(SourceIssue::column));
		return offer == null || !issues.isEmpty() ? new Catalogue.OfferLoad(null, List.copyOf(issues))
				: new Catalogue.OfferLoad(offer, List.of());
	}

	private Node compose(String text) {
		try {
			LoaderOptions options = new LoaderOptions();
			options.setMaxAliasesForCollections(10);
			Node root = new Yaml(options).compose(new StringReader(text));
			if (root == null) {
				error(null, "the document is empty");
			}
			return root;
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			error(mark, "syntax: " + (ex.getProblem() == null ? "malformed document" : ex.getProblem()));
			return null;
		}
		catch (org.yaml.snakeyaml.error.YAMLException ex) {
			// A limit of the reader (aliases, nesting, size) passed: no position to give.
			error(null, "the document passes a limit of the YAML reader (at most 10 aliases of collections): "
					+ ex.getMessage());
			return null;
		}
	}

	private Catalogue read(String text) {
		Node root = compose(text);
		if (root == null) {
			return null;
		}
		if (!(root instanceof MappingNode top)) {
			error(root == null ? null : root.getStartMark(),
					"the catalogue must be a map with `catalogue` and `offers`");
			return null;
		}
		Map<String, Node> fields = fields(top, "the catalogue", Set.of("catalogue", "offers"),
				Set.of("catalogue", "offers"));
		MappingNode header = map(fields.get("catalogue"), "`catalogue`");
		String version = null;
		LocalDate asOf = null;
		List<Text> notes = new ArrayList<>();
		if (header != null) {
			Map<String, Node> h = fields(header, "`catalogue`", Set.of("version", "asOf", "sources", "notes"),
					Set.of("version", "asOf"));
			version = text(h.get("version"), "`catalogue.version`");
			asOf = date(h.get("asOf"), "`catalogue.asOf`");
			sources = readSources(h.get("sources"));
			SequenceNode noteList = h.containsKey("notes") ? list(h.get("notes"), "`catalogue.notes`") : null;
			if (noteList != null) {
				for (Node item : noteList.getValue()) {
					Text note = localized(item, "a note of the catalogue");
					if (note != null) {
						notes.add(note);
					}
				}
			}
		}
		List<Offer> offers = new ArrayList<>();
		Map<String, Node> runsOn = new LinkedHashMap<>();
		Set<String> ids = new HashSet<>();
		SequenceNode list = list(fields.get("offers"), "`offers`");
		if (list != null) {
			for (Node item : list.getValue()) {
				Offer offer = offer(item, runsOn);
				if (offer != null) {
					if (!ids.add(offer.id())) {
						error(item.getStartMark(), "duplicate offer id `" + offer.id() + "`");
					}
					offers.add(offer);
				}
			}
		}
		runsOn.forEach((ref, node) -> {
			if (!ids.contains(ref)) {
				error(node.getStartMark(),
						"`runsOn` names no offer of the catalogue: `" + ref + "`" + Suggestions.didYouMean(ref, ids));
			}
		});
		cycles(offers, list);
		return version == null || asOf == null ? null : new Catalogue(version, asOf, sources, notes, offers);
	}

	/**
	 * An offer that runs, through others, on itself, or on a support offer, is refused.
	 */
	private void cycles(List<Offer> offers, SequenceNode list) {
		Map<String, Offer> byId = new LinkedHashMap<>();
		offers.forEach(o -> byId.put(o.id(), o));
		for (int i = 0; i < offers.size(); i++) {
			Offer offer = offers.get(i);
			Set<String> seen = new HashSet<>();
			Offer next = offer;
			while (next != null && next.runsOn() != null && seen.add(next.id())) {
				next = byId.get(next.runsOn());
				if (next != null && next.isSupport()) {
					error(list.getValue().get(i).getStartMark(), "offer `" + offer.id() + "` runs on `" + next.id()
							+ "`, a support offer, which hosts nothing");
					break;
				}
				if (next != null && next.id().equals(offer.id())) {
					error(list.getValue().get(i).getStartMark(),
							"offer `" + offer.id() + "` runs, through `runsOn`, on itself");
					break;
				}
			}
		}
	}

	private Map<String, Map<String, String>> readSources(Node node) {
		MappingNode map = node == null ? null : map(node, "`catalogue.sources`");
		Map<String, Map<String, String>> result = new LinkedHashMap<>();
		if (map == null) {
			return result;
		}
		for (NodeTuple tuple : map.getValue()) {
			String key = ((ScalarNode) tuple.getKeyNode()).getValue();
			MappingNode source = map(tuple.getValueNode(), "the source `" + key + "`");
			if (source != null) {
				Map<String, Node> f = fields(source, "the source `" + key + "`", Set.of("title", "url"),
						Set.of("title"));
				Map<String, String> entry = new LinkedHashMap<>();
				entry.put("title", text(f.get("title"), "`title`"));
				if (f.containsKey("url")) {
					entry.put("url", text(f.get("url"), "`url`"));
				}
				result.put(key, entry);
			}
		}
		return result;
	}

	private Offer offer(Node node, Map<String, Node> runsOn) {
		MappingNode map = map(node, "an offer");
		if (map == null) {
			return null;
		}
		String named = scalarOf(map, "id").map(id -> "offer `" + id + "`").orElse("an offer");
		Offer.Kind kind = scalarOf(map, "kind").filter(k -> k.equals("SUPPORT")).isPresent() ? Offer.Kind.SUPPORT
				: Offer.Kind.HOSTING;
		Map<String, Node> f = kind == Offer.Kind.SUPPORT ? fields(map,
				named + " (a support offer, which hosts nothing)", SUPPORT_KEYS, required(SUPPORT_REQUIRED))
				: fields(map, named, OFFER_KEYS, required(OFFER_REQUIRED));
		if (f.containsKey("kind")) {
			enumValue(f.get("kind"), Offer.Kind.class, "`kind` of " + named);
		}
		String id = text(f.get("id"), "`id`");
		if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			error(f.get("id").getStartMark(), "an offer id is lowercase words joined by `-`, not `" + id + "`");
		}
		String what = "offer `" + id + "`";
		String providerId = providerId(f.get("providerId"), what);
		List<String> categories = f.containsKey("categories")
				? strings(f.get("categories"), "`categories` of " + what, CATEGORIES) : List.of();
		Offer.Operator operator = f.containsKey("operator")
				? enumValue(f.get("operator"), Offer.Operator.class, "`operator` of " + what) : Offer.Operator.PROVIDER;
		List<String> offerSources = strings(f.get("sources"), "`sources` of " + what, sources.keySet());
		boolean interministerial = f.containsKey("interministerial")
				&& bool(f.get("interministerial"), "`interministerial`");
		String confidence = oneOf(f.get("confidence"), "`confidence` of " + what, CONFIDENCES);
		Text note = f.containsKey("note") ? localized(f.get("note"), "`note` of " + what) : null;
		LocalDate asOf = date(f.get("asOf"), "`asOf`");
		if (kind == Offer.Kind.SUPPORT) {
			return new Offer(id, kind, text(f.get("provider"), "`provider`"), providerId,
					text(f.get("service"), "`service`"), null, categories, null, operator, interministerial, null,
					false, false, null, null, List.of(), List.of(), null, List.of(), support(f.get("support"), what),
					offerSources, confidence, note, asOf, null);
		}
		Offer.ServiceModel model = enumValue(f.get("model"), Offer.ServiceModel.class, "`model` of " + what);
		String internal = f.containsKey("internal") && !isNull(f.get("internal"))
				? oneOf(f.get("internal"), "`internal` of " + what, Set.of(Offer.INTERNAL_PI, Offer.INTERNAL_NUBO))
				: null;
		String runsOnId = f.containsKey("runsOn") && !isNull(f.get("runsOn")) ? text(f.get("runsOn"), "`runsOn`")
				: null;
		if (runsOnId != null) {
			runsOn.put(runsOnId, f.get("runsOn"));
			if (runsOnId.equals(id)) {
				error(f.get("runsOn").getStartMark(), what + " cannot run on itself");
			}
		}
		List<Offer.Region> regions = regions(f.get("regions"), what);
		List<Qualification> qualifications = new ArrayList<>();
		SequenceNode qualificationList = list(f.get("qualifications"), "`qualifications` of " + what);
		if (qualificationList != null) {
			for (Node item : qualificationList.getValue()) {
				Qualification qualification = qualification(item, what, regions);
				if (qualification != null) {
					qualifications.add(qualification);
				}
			}
		}
		if (operator == Offer.Operator.STATE && internal == null && !qualifications.isEmpty()) {
			error(f.get("qualifications").getStartMark(), what + " is operated by the State: its class follows the "
					+ "infrastructure it runs on (`runsOn`), not a qualification of its own; leave `qualifications` empty");
		}
		return new Offer(id, kind, text(f.get("provider"), "`provider`"), providerId,
				text(f.get("service"), "`service`"), model, categories, internal, operator, interministerial,
				oneOf(f.get("dataLocation"), "`dataLocation` of " + what, dataLocations),
				bool(f.get("immuneToExtraEuAccess"), "`immuneToExtraEuAccess`"),
				bool(f.get("hdsCertified"), "`hdsCertified`"),
				oneOf(f.get("maxMarking"), "`maxMarking` of " + what, Set.of("NONE", "DIFFUSION_RESTREINTE")), runsOnId,
				regions, purchasing(f.get("purchasing"), what), reversibility(f.get("reversibility"), what),
				List.copyOf(qualifications), null, offerSources, confidence, note, asOf, null);
	}

	/** The keys an offer must have: a declared one may leave out its organisation. */
	private Set<String> required(Set<String> keys) {
		if (!declared) {
			return keys;
		}
		Set<String> required = new HashSet<>(keys);
		required.remove("providerId");
		return required;
	}

	/**
	 * The id of the provider's organisation in the directory, as written: an id is never
	 * trimmed nor read in another case; {@code null} when absent or malformed.
	 */
	private String providerId(Node node, String what) {
		if (text(node, "`providerId` of " + what) == null) {
			return null;
		}
		String written = ((ScalarNode) node).getValue();
		if (!PROVIDER_ID.matcher(written).matches()) {
			error(node.getStartMark(),
					"`providerId` of " + what + " is the id of the provider's organisation in the directory ("
							+ fr.gouv.nuage.directory.Organisation.ID_RULE + "), not `" + written + "`");
			return null;
		}
		return written;
	}

	/** The value of a plain key of a map, before it is checked. */
	private static java.util.Optional<String> scalarOf(MappingNode map, String key) {
		return map.getValue()
			.stream()
			.filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
					&& t.getValueNode() instanceof ScalarNode)
			.map(t -> ((ScalarNode) t.getValueNode()).getValue())
			.findFirst();
	}

	private List<Offer.Region> regions(Node node, String what) {
		List<Offer.Region> result = new ArrayList<>();
		SequenceNode list = node == null ? null : list(node, "`regions` of " + what);
		if (list == null) {
			return List.of();
		}
		Set<String> ids = new HashSet<>();
		for (Node item : list.getValue()) {
			MappingNode map = map(item, "a region of " + what);
			if (map != null) {
				Map<String, Node> f = fields(map, "a region of " + what, Set.of("id", "dataLocation"),
						Set.of("id", "dataLocation"));
				String region = text(f.get("id"), "`id` of a region");
				if (region != null && !ids.add(region)) {
					error(f.get("id").getStartMark(), "duplicate region `" + region + "` in " + what);
				}
				result.add(new Offer.Region(region,
						oneOf(f.get("dataLocation"), "`dataLocation` of a region", dataLocations)));
			}
		}
		return List.copyOf(result);
	}

	private Offer.Support support(Node node, String what) {
		MappingNode map = map(node, "`support` of " + what);
		if (map == null) {
			return null;
		}
		Map<String, Node> f = fields(map, "`support` of " + what, Set.of("contact", "howToAsk", "suggestWhen"),
				Set.of("contact", "howToAsk"));
		List<Offer.Suggestion> suggestions = new ArrayList<>();
		SequenceNode list = f.containsKey("suggestWhen") ? list(f.get("suggestWhen"), "`suggestWhen` of " + what)
				: null;
		if (list != null) {
			for (Node item : list.getValue()) {
				Offer.Suggestion suggestion = suggestion(item, what);
				if (suggestion != null) {
					suggestions.add(suggestion);
				}
			}
		}
		return new Offer.Support(text(f.get("contact"), "`contact`"),
				localized(f.get("howToAsk"), "`howToAsk` of " + what), List.copyOf(suggestions));
	}

	/**
	 * One case where a support offer helps: a fact's value, or the control procedures;
	 * and why.
	 */
	private Offer.Suggestion suggestion(Node node, String what) {
		MappingNode map = map(node, "a case of `suggestWhen` of " + what);
		if (map == null) {
			return null;
		}
		String where = "a case of `suggestWhen` of " + what;
		Map<String, Node> f = fields(map, where, Set.of("fact", "is", "control", "entity", "reason"), Set.of("reason"));
		String fact = null;
		String is = null;
		if (f.containsKey("fact") != f.containsKey("is")) {
			error(map.getStartMark(), where + " names a fact with its value: `fact` and `is` go together");
		}
		if (f.containsKey("fact")) {
			fact = text(f.get("fact"), "`fact`");
			is = text(f.get("is"), "`is`");
			Fact known = fact == null ? null : facts.fact(fact).orElse(null);
			if (fact != null && known == null) {
				error(f.get("fact").getStartMark(), "`" + fact + "` is no fact of the assessment"
						+ Suggestions.didYouMean(fact, facts.facts().stream().map(Fact::path).toList()));
			}
			else if (known != null && is != null) {
				checkValue(known, is, f.get("is"));
			}
		}
		List<String> control = f.containsKey("control") ? strings(f.get("control"), "`control` of " + where, CONTROLS)
				: List.of();
		List<String> entity = f.containsKey("entity") ? strings(f.get("entity"), "`entity` of " + where, entityKinds)
				: List.of();
		if (fact == null && control.isEmpty()) {
			error(map.getStartMark(), where + " says when: a `fact` with its value `is`, or the `control` procedures");
		}
		return new Offer.Suggestion(fact, is, control, entity, localized(f.get("reason"), "`reason` of " + where));
	}

	private void checkValue(Fact fact, String value, Node node) {
		boolean fits = switch (fact.type()) {
			case BOOLEAN -> value.equals("true") || value.equals("false");
			case ENUM -> fact.values().contains(value);
			default -> true;
		};
		if (!fits) {
			error(node.getStartMark(),
					"`" + value + "` is not a value of `" + fact.path() + "`" + (fact.type() == FactType.BOOLEAN
							? " (true or false)" : " (expected one of " + String.join(", ", fact.values()) + ")"));
		}
	}

	private Qualification qualification(Node node, String what, List<Offer.Region> regions) {
		MappingNode map = map(node, "a qualification of " + what);
		if (map == null) {
			return null;
		}
		Map<String, Node> f = fields(map, "a qualification of " + what,
				Set.of("scheme", "validityYears", "regions", "events"), Set.of("scheme", "events"));
		String scheme = oneOf(f.get("scheme"), "`scheme`", Set.of("SECNUMCLOUD", "HDS", "ISO27001", "OTHER"));
		Integer validity = null;
		if (f.containsKey("validityYears")) {
			String years = text(f.get("validityYears"), "`validityYears`");
			try {
				validity = years == null ? null : Integer.valueOf(years);
			}
			catch (NumberFormatException ex) {
				error(f.get("validityYears").getStartMark(),
						"`validityYears` is a whole number of years, not `" + years + "`");
			}
		}
		List<String> covered = f.containsKey("regions") ? strings(f.get("regions"),
				"`regions` of a qualification of " + what, regions.stream().map(Offer.Region::id).toList()) : List.of();
		List<QualificationEvent> events = new ArrayList<>();
		SequenceNode list = list(f.get("events"), "`events`");
		if (list != null) {
			LocalDate previous = null;
			for (Node item : list.getValue()) {
				QualificationEvent event = event(item, scheme + " of " + what, previous);
				if (event == null) {
					continue;
				}
				if (previous != null && event.date().isBefore(previous)) {
					error(item.getStartMark(), "the events of " + scheme + " of " + what + " must be in date order: "
							+ event.written() + " (from " + event.date() + ") comes after " + previous);
				}
				previous = event.date();
				events.add(event);
			}
		}
		return new Qualification(scheme, validity, covered, List.copyOf(events));
	}

	private QualificationEvent event(Node node, String what, LocalDate previous) {
		MappingNode map = map(node, "an event of " + what);
		if (map == null) {
			return null;
		}
		Map<String, Node> f = fields(
				map, "an event of " + what, Set.of("status", "date", "dating", "milestone", "schemeVersion",
						"validUntil", "evidence", "source", "confidence", "note"),
				Set.of("status", "date", "dating", "evidence", "source", "confidence"));
		QualificationStatus status = enumValue(f.get("status"), QualificationStatus.class, "`status`");
		if (status == QualificationStatus.NONE) {
			error(f.get("status").getStartMark(),
					"`NONE` is what a qualification is before its first event, not an event");
		}
		String milestone = f.containsKey("milestone")
				? oneOf(f.get("milestone"), "`milestone`", Set.of("J0", "J1", "J2")) : null;
		if (milestone != null && status != QualificationStatus.IN_PROGRESS) {
			error(f.get("milestone").getStartMark(), "a milestone belongs to an `IN_PROGRESS` event");
		}
		String source = oneOf(f.get("source"), "`source`", sources.keySet());
		String written = eventDate(f.get("date"));
		Dating dating = enumValue(f.get("dating"), Dating.class, "`dating`", true);
		if (written != null && dating == Dating.KNOWN && written.length() != 10) {
			error(f.get("date").getStartMark(), "`" + written + "` names a month or a year, not a day: its `dating` is "
					+ "`estimated`, or write the day the source gives");
		}
		LocalDate validUntil = f.containsKey("validUntil") ? date(f.get("validUntil"), "`validUntil`") : null;
		if (validUntil != null && status != QualificationStatus.QUALIFIED) {
			error(f.get("validUntil").getStartMark(),
					"`validUntil` is the end of a grant: it belongs to a `QUALIFIED` event");
		}
		Evidence evidence = enumValue(f.get("evidence"), Evidence.class, "`evidence`", true);
		if (written == null || status == null || dating == null || evidence == null) {
			return null;
		}
		QualificationEvent event = new QualificationEvent(status, effective(written, previous), written, dating,
				milestone, f.containsKey("schemeVersion") ? text(f.get("schemeVersion"), "`schemeVersion`") : null,
				validUntil, evidence, source, oneOf(f.get("confidence"), "`confidence`", CONFIDENCES),
				f.containsKey("note") ? localized(f.get("note"), "`note`") : null);
		if (validUntil != null && !validUntil.isAfter(event.date())) {
			error(f.get("validUntil").getStartMark(),
					"`validUntil` " + validUntil + " is not after the grant's date " + event.date());
		}
		return event;
	}

	/**
	 * The day an event takes effect: the first day of the day, month or year written, but
	 * never before the step before it when the period written reaches that step.
	 */
	static LocalDate effective(String written, LocalDate previous) {
		LocalDate first = QualificationEvent.earliest(written);
		LocalDate last = QualificationEvent.latest(written);
		return previous != null && first.isBefore(previous) && !last.isBefore(previous) ? previous : first;
	}

	/**
	 * A date as a source gives it: {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}.
	 */
	private String eventDate(Node node) {
		String value = text(node, "`date`");
		if (value == null) {
			return null;
		}
		try {
			if (value.matches("\\d{4}") || value.matches("\\d{4}-\\d{2}") || value.matches("\\d{4}-\\d{2}-\\d{2}")) {
				QualificationEvent.earliest(value);
				return value;
			}
		}
		catch (java.time.DateTimeException ex) {
			// reported below
		}
		error(node.getStartMark(), "`date` is a day YYYY-MM-DD, or a month YYYY-MM or a year YYYY where the source "
				+ "gives no day, not `" + value + "`");
		return null;
	}

	private List<Offer.Purchasing> purchasing(Node node, String what) {
		List<Offer.Purchasing> result = new ArrayList<>();
		SequenceNode list = node == null ? null : list(node, "`purchasing` of " + what);
		if (list != null) {
			for (Node item : list.getValue()) {
				MappingNode map = map(item, "a purchasing vehicle of " + what);
				if (map != null) {
					Map<String, Node> f = fields(map, "a purchasing vehicle of " + what,
							Set.of("vehicle", "reference", "note"), Set.of("vehicle"));
					result.add(new Offer.Purchasing(text(f.get("vehicle"), "`vehicle`"),
							f.containsKey("reference") ? text(f.get("reference"), "`reference`") : null,
							f.containsKey("note") ? localized(f.get("note"), "`note`") : null));
				}
			}
		}
		return List.copyOf(result);
	}

	private Offer.Reversibility reversibility(Node node, String what) {
		MappingNode map = node == null ? null : map(node, "`reversibility` of " + what);
		if (map == null) {
			return null;
		}
		Map<String, Node> f = fields(map, "`reversibility` of " + what, Set.of("exportFormats", "exitTerms"), Set.of());
		return new Offer.Reversibility(
				f.containsKey("exportFormats") ? strings(f.get("exportFormats"), "`exportFormats`", null) : List.of(),
				f.containsKey("exitTerms") ? localized(f.get("exitTerms"), "`exitTerms`") : null);
	}

	private Map<String, Node> fields(MappingNode map, String what, Set<String> allowed, Set<String> required) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : map.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				error(tuple.getKeyNode().getStartMark(), "a key must be a plain name");
				continue;
			}
			if (!allowed.contains(key.getValue())) {
				error(key.getStartMark(), "unknown key `" + key.getValue() + "` in " + what
						+ Suggestions.didYouMean(key.getValue(), allowed));
			}
			else if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
				error(key.getStartMark(), "duplicate key `" + key.getValue() + "` in " + what);
			}
		}
		for (String key : required.stream().sorted().toList()) {
			if (!fields.containsKey(key)) {
				error(map.getStartMark(), what + " is missing `" + key + "`");
			}
		}
		return fields;
	}

	private Text localized(Node node, String what) {
		MappingNode map = map(node, what + " (a text with `fr` and `en`)");
		if (map == null) {
			return null;
		}
		Map<String, Node> f = fields(map, what, Set.of("fr", "en"), Set.of("fr", "en"));
		String fr = text(f.get("fr"), "the French text of " + what);
		String en = text(f.get("en"), "the English text of " + what);
		return fr == null || en == null ? null : new Text(fr, en);
	}

	private List<String> strings(Node node, String what, Collection<String> allowed) {
		SequenceNode list = list(node, what);
		List<String> values = new ArrayList<>();
		if (list == null) {
			return values;
		}
		for (Node item : list.getValue()) {
			String value = allowed == null ? text(item, "an item of " + what)
					: oneOf(item, "an item of " + what, allowed);
			if (value != null) {
				values.add(value);
			}
		}
		return List.copyOf(values);
	}

	private <E extends Enum<E>> E enumValue(Node node, Class<E> type, String what) {
		return enumValue(node, type, what, false);
	}

	/**
	 * An enum's value; in lower case too when {@code lowerCase} (`dating: estimated`,
	 * `evidence: anssi-list`).
	 */
	private <E extends Enum<E>> E enumValue(Node node, Class<E> type, String what, boolean lowerCase) {
		List<String> names = java.util.Arrays.stream(type.getEnumConstants())
			.map(e -> lowerCase ? e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') : e.name())
			.toList();
		String value = oneOf(node, what, names);
		return value == null ? null
				: Enum.valueOf(type, lowerCase ? value.toUpperCase(java.util.Locale.ROOT).replace('-', '_') : value);
	}

	private String oneOf(Node node, String what, Collection<String> allowed) {
		String value = text(node, what);
		if (value != null && !allowed.contains(value)) {
			error(node.getStartMark(),
					"`" + value + "` is not allowed for " + what + Suggestions.didYouMean(value, allowed)
							+ " (expected one of " + String.join(", ", allowed.stream().sorted().toList()) + ")");
			return null;
		}
		return value;
	}

	private boolean bool(Node node, String what) {
		String value = text(node, what);
		if (value == null) {
			return false;
		}
		if (!value.equals("true") && !value.equals("false")) {
			error(node.getStartMark(), what + " is `true` or `false`, not `" + value + "`");
		}
		return value.equals("true");
	}

	private LocalDate date(Node node, String what) {
		String value = text(node, what);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			error(node.getStartMark(), what + " is a date written YYYY-MM-DD, not `" + value + "`");
			return null;
		}
	}

	private String text(Node node, String what) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
			error(node.getStartMark(), what + " must be a single non-empty value");
			return null;
		}
		return scalar.getValue().strip();
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode scalar
				&& (scalar.getValue().equals("null") || scalar.getValue().equals("~") || scalar.getValue().isEmpty());
	}

	private MappingNode map(Node node, String what) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof MappingNode map)) {
			error(node.getStartMark(), what + " must be a map of keys");
			return null;
		}
		return map;
	}

	private SequenceNode list(Node node, String what) {
		if (node == null) {
			return null;
		}
		if (!(node instanceof SequenceNode list)) {
			error(node.getStartMark(), what + " must be a list");
			return null;
		}
		return list;
	}

	private void error(Mark mark, String message) {
		int line = mark == null ? 1 : mark.getLine() + 1;
		int column = mark == null ? 1 : mark.getColumn() + 1;
		issues.add(SourceIssue.error(file, line, column, message, line <= lines.length ? lines[line - 1] : ""));
	}

}
