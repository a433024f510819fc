package fr.gouv.nuage.catalogue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.SourceIssue;

/**
 * The catalogue as CSV, one offer a row, for spreadsheets. Lists are separated by
 * {@code ;}, a purchasing vehicle is {@code vehicle|reference}, a region
 * {@code id:LOCATION}, and a qualification is
 * {@code SCHEME/years[region;...]=STATUS@DATE:dating:milestone:vversion:until=DAY#evidence#source#confidence,...};
 * qualifications are separated by {@code " | "}. Event notes are not carried, and support
 * offers (which host nothing) are not rows: they live in the YAML and JSON forms. On
 * export, the columns {@code hostingClass} and {@code secNumCloud} give what holds on the
 * date; on import they are checked against what the qualifications give, never taken as
 * they are.
 *
 * An imported CSV goes through the same validation as the catalogue file: each row is
 * turned into an offer of the file format and read by the same loader, and every mistake
 * is reported at its row.
 *
 * A spreadsheet runs as a formula a cell that starts with {@code =}, {@code +}, {@code -}
 * or {@code @}, some after a leading tab, line break or NUL, and offers come from
 * providers' declarations: on export such a cell is prefixed with a single quote, which
 * spreadsheets read as "this is text", and quoted ({@link #guarded}). No column is a
 * number (years and dates are written inside text), so a cell such as {@code -5} is
 * guarded too rather than let through as a negative number. The import takes the quote
 * off again ({@link #unguarded}), so that a catalogue reads back as it was written.
 */
public final class CatalogueCsv {

	static final List<String> COLUMNS = List.of("id", "provider", "providerId", "service", "model", "categories",
			"internal", "operator", "interministerial", "dataLocation", "immuneToExtraEuAccess", "hdsCertified",
			"maxMarking", "runsOn", "regions", "purchasing", "exportFormats", "exitTerms_fr", "exitTerms_en",
			"qualifications", "sources", "confidence", "note_fr", "note_en", "asOf", "hostingClass", "secNumCloud");

	/** What a spreadsheet takes for the start of a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r\n\0";

	private CatalogueCsv() {
	}

	public static String export(Catalogue catalogue, LocalDate date) {
		StringBuilder out = new StringBuilder(1 << 15);
		row(out, COLUMNS);
		for (Offer offer : catalogue.offers()) {
			if (offer.isSupport()) {
				continue;
			}
			List<String> cells = new ArrayList<>();
			cells.add(offer.id());
			cells.add(offer.provider());
			cells.add(offer.providerId() == null ? "" : offer.providerId());
			cells.add(offer.service());
			cells.add(offer.model().name());
			cells.add(String.join(";", offer.categories()));
			cells.add(offer.internal() == null ? "" : offer.internal());
			cells.add(offer.operator().name());
			cells.add(String.valueOf(offer.interministerial()));
			cells.add(offer.dataLocation());
			cells.add(String.valueOf(offer.immuneToExtraEuAccess()));
			cells.add(String.valueOf(offer.hdsCertified()));
			cells.add(offer.maxMarking());
			cells.add(offer.runsOn() == null ? "" : offer.runsOn());
			cells.add(String.join(";", offer.regions().stream().map(r -> r.id() + ":" + r.dataLocation()).toList()));
			cells.add(String.join(";",
					offer.purchasing()
						.stream()
						.map(p -> p.vehicle() + (p.reference() == null ? "" : "|" + p.reference()))
						.toList()));
			cells.add(offer.reversibility() == null ? "" : String.join(";", offer.reversibility().exportFormats()));
			cells.add(offer.reversibility() == null || offer.reversibility().exitTerms() == null ? ""
					: offer.reversibility().exitTerms().fr());
			cells.add(offer.reversibility() == null || offer.reversibility().exitTerms() == null ? ""
					: offer.reversibility().exitTerms().en());
			cells.add(String.join(" | ", offer.qualifications().stream().map(CatalogueCsv::qualification).toList()));
			cells.add(String.join(";", offer.sources()));
			cells.add(offer.confidence());
			cells.add(offer.note() == null ? "" : offer.note().fr());
			cells.add(offer.note() == null ? "" : offer.note().en());
			cells.add(offer.asOf().toString());
			cells.add(offer.hostingClass(date));
			cells.add(offer.secNumCloud(date).status().name());
			row(out, cells);
		}
		return out.toString();
	}

	private static String qualification(Qualification q) {
		StringBuilder out = new StringBuilder(q.scheme());
		if (q.validityYears() != null) {
			out.append('/').append(q.validityYears());
		}
		if (!q.regions().isEmpty()) {
			out.append('[').append(String.join(";", q.regions())).append(']');
		}
		out.append('=');
		List<String> events = new ArrayList<>();
		for (QualificationEvent e : q.events()) {
			events.add(e.status() + "@" + e.written() + ":" + CatalogueJson.lower(e.dating())
					+ (e.milestone() == null ? "" : ":" + e.milestone())
					+ (e.schemeVersion() == null ? "" : ":v" + e.schemeVersion())
					+ (e.validUntil() == null ? "" : ":until=" + e.validUntil()) + "#"
					+ CatalogueJson.lower(e.evidence()) + "#" + e.source() + "#" + e.confidence());
		}
		return out.append(String.join(",", events)).toString();
	}

	/**
	 * Reads offers from CSV; the catalogue's version, date and sources come from
	 * {@code base}. A row that is not valid is reported at {@code file:row}.
	 */
	public static Catalogue.LoadResult load(String file, String text, Catalogue base) {
		List<List<String>> rows;
		try {
			rows = parse(text);
		}
		catch (IllegalArgumentException ex) {
			return new Catalogue.Refused(List.of(SourceIssue.error(file, 1, 1, ex.getMessage(), "")));
		}
		String[] lines = text.split("\r?\n", -1);
		if (rows.isEmpty()) {
			return new Catalogue.Refused(
					List.of(SourceIssue.error(file, 1, 1, "the file is empty: expected a header row", "")));
		}
		List<String> header = rows.get(0);
		List<SourceIssue> issues = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			if (!COLUMNS.contains(header.get(i))) {
				issues.add(
						SourceIssue.error(file, 1, 1,
								"unknown column `" + header.get(i) + "`"
										+ fr.gouv.nuage.doctrine.Suggestions.didYouMean(header.get(i), COLUMNS),
								lines[0]));
			}
		}
		if (!issues.isEmpty()) {
			return new Catalogue.Refused(List.copyOf(issues));
		}
		// One offer a line, so that the loader's line numbers are the CSV's row numbers.
		StringBuilder document = new StringBuilder();
		JsonWriter json = new JsonWriter(document, false).beginObject()
			.name("catalogue")
			.beginObject()
			.name("version")
			.value(base.version())
			.name("asOf")
			.value(base.asOf().toString())
			.name("sources")
			.value((Object) base.sources())
			.endObject()
			.name("offers");
		document.append("[\n");
		List<Map<String, String>> derived = new ArrayList<>();
		for (int r = 1; r < rows.size(); r++) {
			Map<String, String> cells = new LinkedHashMap<>();
			for (int c = 0; c < header.size(); c++) {
				cells.put(header.get(c), c < rows.get(r).size() ? unguarded(rows.get(r).get(c)) : "");
			}
			derived.add(cells);
			StringBuilder line = new StringBuilder();
			new JsonWriter(line, false).value((Object) offer(cells));
			document.append(line).append(r < rows.size() - 1 ? ",\n" : "\n");
		}
		document.append("]}");
		Catalogue.LoadResult result = Catalogue.load(file, document.toString());
		if (result instanceof Catalogue.Refused refused) {
			List<SourceIssue> mapped = new ArrayList<>();
			for (SourceIssue issue : refused.issues()) {
				int row = Math.max(1, issue.line());
				mapped.add(SourceIssue.error(file, row, 1, "row " + row + ": " + issue.message(),
						row <= lines.length ? lines[row - 1] : ""));
			}
			return new Catalogue.Refused(List.copyOf(mapped));
		}
		Catalogue catalogue = ((Catalogue.Loaded) result).catalogue();
		for (int i = 0; i < catalogue.offers().size(); i++) {
			Offer offer = catalogue.offers().get(i);
			String typed = derived.get(i).getOrDefault("hostingClass", "");
			if (!typed.isEmpty() && !typed.equals(String.valueOf(offer.hostingClass(catalogue.asOf())))) {
				issues.add(SourceIssue.error(file, i + 2, 1,
						"row " + (i + 2) + ": the hosting class is derived from the " + "qualifications, never typed: `"
								+ typed + "` differs from `" + offer.hostingClass(catalogue.asOf()) + "` on "
								+ catalogue.asOf(),
						lines[i + 1]));
			}
		}
		return issues.isEmpty() ? result : new Catalogue.Refused(List.copyOf(issues));
	}

	private static Map<String, Object> offer(Map<String, String> cells) {
		Map<String, Object> offer = new LinkedHashMap<>();
		put(offer, "id", cells.get("id"));
		put(offer, "provider", cells.get("provider"));
		// An id as written: the loader refuses one with spaces, never trims it into
		// another.
		String providerId = cells.get("providerId");
		if (providerId != null && !providerId.isEmpty()) {
			offer.put("providerId", providerId);
		}
		put(offer, "service", cells.get("service"));
		put(offer, "model", cells.get("model"));
		offer.put("categories", list(cells.get("categories")));
		put(offer, "internal", cells.get("internal"));
		put(offer, "operator", cells.get("operator"));
		put(offer, "interministerial", cells.get("interministerial"));
		put(offer, "dataLocation", cells.get("dataLocation"));
		put(offer, "immuneToExtraEuAccess", cells.get("immuneToExtraEuAccess"));
		put(offer, "hdsCertified", cells.get("hdsCertified"));
		put(offer, "maxMarking", cells.get("maxMarking"));
		put(offer, "runsOn", cells.get("runsOn"));
		List<Map<String, Object>> regions = new ArrayList<>();
		for (String region : list(cells.get("regions"))) {
			String[] parts = region.split(":", 2);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", parts[0].strip());
			if (parts.length > 1) {
				entry.put("dataLocation", parts[1].strip());
			}
			regions.add(entry);
		}
		if (!regions.isEmpty()) {
			offer.put("regions", regions);
		}
		List<Map<String, Object>> purchasing = new ArrayList<>();
		for (String vehicle : list(cells.get("purchasing"))) {
			Map<String, Object> entry = new LinkedHashMap<>();
			String[] parts = vehicle.split("\\|", 2);
			entry.put("vehicle", parts[0].strip());
			if (parts.length > 1) {
				entry.put("reference", parts[1].strip());
			}
			purchasing.add(entry);
		}
		offer.put("purchasing", purchasing);
		Map<String, Object> reversibility = new LinkedHashMap<>();
		reversibility.put("exportFormats", list(cells.get("exportFormats")));
		text(reversibility, "exitTerms", cells.get("exitTerms_fr"), cells.get("exitTerms_en"));
		offer.put("reversibility", reversibility);
		List<Map<String, Object>> qualifications = new ArrayList<>();
		String all = cells.get("qualifications");
		if (all != null && !all.isBlank()) {
			for (String q : all.split("\\s\\|\\s")) {
				qualifications.add(qualification(q.strip()));
			}
		}
		offer.put("qualifications", qualifications);
		offer.put("sources", list(cells.get("sources")));
		put(offer, "confidence", cells.get("confidence"));
		text(offer, "note", cells.get("note_fr"), cells.get("note_en"));
		put(offer, "asOf", cells.get("asOf"));
		return offer;
	}

	private static Map<String, Object> qualification(String text) {
		Map<String, Object> q = new LinkedHashMap<>();
		int equals = text.indexOf('=');
		String head = equals < 0 ? text : text.substring(0, equals);
		List<String> covered = new ArrayList<>();
		int bracket = head.indexOf('[');
		if (bracket >= 0 && head.endsWith("]")) {
			covered = list(head.substring(bracket + 1, head.length() - 1));
			head = head.substring(0, bracket);
		}
		String[] scheme = head.split("/", 2);
		q.put("scheme", scheme[0].strip());
		if (scheme.length > 1) {
			q.put("validityYears", scheme[1].strip());
		}
		if (!covered.isEmpty()) {
			q.put("regions", covered);
		}
		List<Map<String, Object>> events = new ArrayList<>();
		if (equals >= 0) {
			for (String e : text.substring(equals + 1).split(",")) {
				Map<String, Object> event = new LinkedHashMap<>();
				String[] hash = e.strip().split("#", -1);
				String[] at = hash[0].split("@", 2);
				event.put("status", at[0].strip());
				if (at.length > 1) {
					String[] parts = at[1].split(":");
					event.put("date", parts[0].strip());
					for (int i = 1; i < parts.length; i++) {
						String part = parts[i].strip();
						if (part.startsWith("v")) {
							event.put("schemeVersion", part.substring(1));
						}
						else if (part.startsWith("until=")) {
							event.put("validUntil", part.substring(6));
						}
						else if (part.equals("known") || part.equals("estimated")) {
							event.put("dating", part);
						}
						else {
							event.put("milestone", part);
						}
					}
				}
				if (hash.length > 1) {
					event.put("evidence", hash[1].strip());
				}
				if (hash.length > 2) {
					event.put("source", hash[2].strip());
				}
				if (hash.length > 3) {
					event.put("confidence", hash[3].strip());
				}
				events.add(event);
			}
		}
		q.put("events", events);
		return q;
	}

	private static void put(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value.strip());
		}
	}

	private static void text(Map<String, Object> map, String key, String fr, String en) {
		if ((fr != null && !fr.isBlank()) || (en != null && !en.isBlank())) {
			Map<String, Object> text = new LinkedHashMap<>();
			put(text, "fr", fr);
			put(text, "en", en);
			map.put(key, text);
		}
	}

	private static List<String> list(String cell) {
		List<String> values = new ArrayList<>();
		if (cell != null) {
			for (String value : cell.split(";")) {
				if (!value.isBlank()) {
					values.add(value.strip());
				}
			}
		}
		return values;
	}

	private static void row(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			String cell = cells.get(i);
			String written = guarded(cell);
			if (!written.equals(cell) || cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
					|| cell.indexOf('\r') >= 0) {
				out.append('"').append(written.replace("\"", "\"\"")).append('"');
			}
			else {
				out.append(cell);
			}
		}
		out.append("\r\n");
	}

	/**
	 * The cell as a spreadsheet shows it as text: prefixed with a single quote when it
	 * would start a formula, or when it starts with quotes before such a start, so that
	 * {@link #unguarded} gives back exactly the cell, whatever quotes it began with.
	 */
	static String guarded(String cell) {
		return formula(cell) ? "'" + cell : cell;
	}

	/** The cell {@link #guarded} wrote; any other cell as it is. */
	static String unguarded(String cell) {
		return cell.startsWith("'") && formula(cell) ? cell.substring(1) : cell;
	}

	/** Whether, after the single quotes it may start with, the cell starts a formula. */
	private static boolean formula(String cell) {
		int start = 0;
		while (start < cell.length() && cell.charAt(start) == '\'') {
			start++;
		}
		return start < cell.length() && FORMULA_STARTS.indexOf(cell.charAt(start)) >= 0;
	}

	/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks. */
	static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int line = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.length() == 0) {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				if (!(row.size() == 1 && row.get(0).isEmpty())) {
					rows.add(row);
				}
				row = new ArrayList<>();
				line++;
			}
			else {
				cell.append(c);
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("a quoted cell opened before line " + line + " is never closed");
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

}
