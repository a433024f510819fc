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

import fr.gouv.nuage.doctrine.FactModel;
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
 * Reads a catalogue file (YAML, or JSON, which YAML reads too) and checks every value against the
 * catalogue's format; each mistake is reported at its line and column, and a catalogue with an
 * error is not built.
 */
final class CatalogueLoader {

	static final Set<String> CATEGORIES = Set.of("compute", "storage", "containers", "database", "collaboration",
			"file-sharing", "messaging", "office", "analytics", "network", "security", "identity", "ai");

	static final Set<String> CONFIDENCES = Set.of("sourced", "sourced-secondary", "uncertain");

	private static final Set<String> OFFER_KEYS = Set.of("id", "provider", "service", "model", "categories", "internal",
			"interministerial", "dataLocation", "immuneToExtraEuAccess", "hdsCertified", "maxMarking", "runsOn",
			"purchasing", "reversibility", "qualifications", "sources", "confidence", "note", "asOf");

	private static final Set<String> OFFER_REQUIRED = Set.of("id", "provider", "service", "model", "categories",
			"dataLocation", "immuneToExtraEuAccess", "hdsCertified", "maxMarking", "qualifications", "sources",
			"confidence", "asOf");

	private final String file;

	private final String[] lines;

	private final List<SourceIssue> issues = new ArrayList<>();

	private final Set<String> dataLocations;

	private Map<String, Map<String, String>> sources = Map.of();

	private CatalogueLoader(String file, String text) {
		this.file = file;
		this.lines = text.split("\r?\n", -1);
		this.dataLocations = Set.copyOf(FactModel.assessmentV1().fact("hosting.dataLocation").orElseThrow().values());
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
	 * One offer, as a provider declares it (YAML or JSON), checked like an offer of the catalogue
	 * file against the sources and offers of {@code base}.
	 */
	static Catalogue.OfferLoad loadOffer(String file, String text, Catalogue base) {
		CatalogueLoader loader = new CatalogueLoader(file, text);
		loader.sources = base.sources();
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
	}

	private Catalogue read(String text) {
		Node root = compose(text);
		if (root == null) {
			return null;
		}
		if (!(root instanceof MappingNode top)) {
			error(root == null ? null : root.getStartMark(), "the catalogue must be a map with `catalogue` and `offers`");
			return null;
		}
		Map<String, Node> fields = fields(top, "the catalogue", Set.of("catalogue", "offers"), Set.of("catalogue", "offers"));
		MappingNode header = map(fields.get("catalogue"), "`catalogue`");
		String version = null;
		LocalDate asOf = null;
		if (header != null) {
			Map<String, Node> h = fields(header, "`catalogue`", Set.of("version", "asOf", "sources"), Set.of("version", "asOf"));
			version = text(h.get("version"), "`catalogue.version`");
			asOf = date(h.get("asOf"), "`catalogue.asOf`");
			sources = readSources(h.get("sources"));
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
				error(node.getStartMark(), "`runsOn` names no offer of the catalogue: `" + ref + "`" + Suggestions.didYouMean(ref, ids));
			}
		});
		return version == null || asOf == null ? null : new Catalogue(version, asOf, sources, offers);
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
				Map<String, Node> f = fields(source, "the source `" + key + "`", Set.of("title", "url"), Set.of("title"));
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
		String named = map.getValue().stream()
			.filter(t -> t.getKeyNode() instanceof ScalarNode key && key.getValue().equals("id")
					&& t.getValueNode() instanceof ScalarNode)
			.map(t -> "offer `" + ((ScalarNode) t.getValueNode()).getValue() + "`").findFirst().orElse("an offer");
		Map<String, Node> f = fields(map, named, OFFER_KEYS, OFFER_REQUIRED);
		String id = text(f.get("id"), "`id`");
		if (id != null && !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			error(f.get("id").getStartMark(), "an offer id is lowercase words joined by `-`, not `" + id + "`");
		}
		String what = "offer `" + id + "`";
		Offer.ServiceModel model = enumValue(f.get("model"), Offer.ServiceModel.class, "`model` of " + what);
		List<String> categories = strings(f.get("categories"), "`categories` of " + what, CATEGORIES);
		String internal = f.containsKey("internal") && !isNull(f.get("internal"))
				? oneOf(f.get("internal"), "`internal` of " + what, Set.of(Offer.INTERNAL_PI, Offer.INTERNAL_NUBO)) : null;
		String runsOnId = f.containsKey("runsOn") && !isNull(f.get("runsOn")) ? text(f.get("runsOn"), "`runsOn`") : null;
		if (runsOnId != null) {
			runsOn.put(runsOnId, f.get("runsOn"));
		}
		List<String> offerSources = strings(f.get("sources"), "`sources` of " + what, sources.keySet());
		List<Qualification> qualifications = new ArrayList<>();
		SequenceNode qualificationList = list(f.get("qualifications"), "`qualifications` of " + what);
		if (qualificationList != null) {
			for (Node item : qualificationList.getValue()) {
				Qualification qualification = qualification(item, what);
				if (qualification != null) {
					qualifications.add(qualification);
				}
			}
		}
		return new Offer(id, text(f.get("provider"), "`provider`"), text(f.get("service"), "`service`"), model,
				categories, internal, f.containsKey("interministerial") && bool(f.get("interministerial"), "`interministerial`"),
				oneOf(f.get("dataLocation"), "`dataLocation` of " + what, dataLocations),
				bool(f.get("immuneToExtraEuAccess"), "`immuneToExtraEuAccess`"), bool(f.get("hdsCertified"), "`hdsCertified`"),
				oneOf(f.get("maxMarking"), "`maxMarking` of " + what, Set.of("NONE", "DIFFUSION_RESTREINTE")), runsOnId,
				purchasing(f.get("purchasing"), what), reversibility(f.get("reversibility"), what), List.copyOf(qualifications),
				offerSources, oneOf(f.get("confidence"), "`confidence` of " + what, CONFIDENCES),
				f.containsKey("note") ? localized(f.get("note"), "`note` of " + what) : null, date(f.get("asOf"), "`asOf`"));
	}

	private Qualification qualification(Node node, String what) {
		MappingNode map = map(node, "a qualification of " + what);
		if (map == null) {
			return null;
		}
		Map<String, Node> f = fields(map, "a qualification of " + what, Set.of("scheme", "validityYears", "events"),
				Set.of("scheme", "events"));
		String scheme = oneOf(f.get("scheme"), "`scheme`", Set.of("SECNUMCLOUD", "HDS", "ISO27001", "OTHER"));
		Integer validity = null;
		if (f.containsKey("validityYears")) {
			String years = text(f.get("validityYears"), "`validityYears`");
			try {
				validity = years == null ? null : Integer.valueOf(years);
			}
			catch (NumberFormatException ex) {
				error(f.get("validityYears").getStartMark(), "`validityYears` is a whole number of years, not `" + years + "`");
			}
		}
		List<QualificationEvent> events = new ArrayList<>();
		SequenceNode list = list(f.get("events"), "`events`");
		if (list != null) {
			LocalDate previous = null;
			for (Node item : list.getValue()) {
				QualificationEvent event = event(item, scheme + " of " + what);
				if (event == null) {
					continue;
				}
				if (previous != null && event.date().isBefore(previous)) {
					error(item.getStartMark(), "the events of " + scheme + " of " + what + " must be in date order: "
							+ event.date() + " comes after " + previous);
				}
				previous = event.date();
				events.add(event);
			}
		}
		return new Qualification(scheme, validity, List.copyOf(events));
	}

	private QualificationEvent event(Node node, String what) {
		MappingNode map = map(node, "an event of " + what);
		if (map == null) {
			return null;
		}
		Map<String, Node> f = fields(map, "an event of " + what,
				Set.of("status", "date", "milestone", "schemeVersion", "source", "confidence", "note"),
				Set.of("status", "date", "source", "confidence"));
		QualificationStatus status = enumValue(f.get("status"), QualificationStatus.class, "`status`");
		if (status == QualificationStatus.NONE) {
			error(f.get("status").getStartMark(), "`NONE` is what a qualification is before its first event, not an event");
		}
		String milestone = f.containsKey("milestone") ? oneOf(f.get("milestone"), "`milestone`", Set.of("J0", "J1", "J2")) : null;
		if (milestone != null && status != QualificationStatus.IN_PROGRESS) {
			error(f.get("milestone").getStartMark(), "a milestone belongs to an `IN_PROGRESS` event");
		}
		String source = oneOf(f.get("source"), "`source`", sources.keySet());
		LocalDate date = date(f.get("date"), "`date`");
		return date == null || status == null ? null
				: new QualificationEvent(status, date, milestone,
						f.containsKey("schemeVersion") ? text(f.get("schemeVersion"), "`schemeVersion`") : null, source,
						oneOf(f.get("confidence"), "`confidence`", CONFIDENCES),
						f.containsKey("note") ? localized(f.get("note"), "`note`") : null);
	}

	private List<Offer.Purchasing> purchasing(Node node, String what) {
		List<Offer.Purchasing> result = new ArrayList<>();
		SequenceNode list = node == null ? null : list(node, "`purchasing` of " + what);
		if (list != null) {
			for (Node item : list.getValue()) {
				MappingNode map = map(item, "a purchasing vehicle of " + what);
				if (map != null) {
					Map<String, Node> f = fields(map, "a purchasing vehicle of " + what, Set.of("vehicle", "reference", "note"),
							Set.of("vehicle"));
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
		return new Offer.Reversibility(f.containsKey("exportFormats") ? strings(f.get("exportFormats"), "`exportFormats`", null) : List.of(),
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
				error(key.getStartMark(), "unknown key `" + key.getValue() + "` in " + what + Suggestions.didYouMean(key.getValue(), allowed));
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
			String value = allowed == null ? text(item, "an item of " + what) : oneOf(item, "an item of " + what, allowed);
			if (value != null) {
				values.add(value);
			}
		}
		return List.copyOf(values);
	}

	private <E extends Enum<E>> E enumValue(Node node, Class<E> type, String what) {
		List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
		String value = oneOf(node, what, names);
		return value == null ? null : Enum.valueOf(type, value);
	}

	private String oneOf(Node node, String what, Collection<String> allowed) {
		String value = text(node, what);
		if (value != null && !allowed.contains(value)) {
			error(node.getStartMark(), "`" + value + "` is not allowed for " + what + Suggestions.didYouMean(value, allowed)
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
		return node instanceof ScalarNode scalar && (scalar.getValue().equals("null") || scalar.getValue().equals("~")
				|| scalar.getValue().isEmpty());
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
