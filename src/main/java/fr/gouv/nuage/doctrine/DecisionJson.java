package fr.gouv.nuage.doctrine;

import java.util.List;
import java.util.Map;

/**
 * Writes a decision as decision-v1 JSON, with its texts in one language. The full form
 * adds, for people and audits, each rule's title and obligation, the facts it read, the
 * questions for the missing facts and why each derived value is what it is; the compact
 * form (one decision per line in pipelines) keeps the contract and each finding's
 * explanation.
 */
public final class DecisionJson {

	public enum Form {

		FULL, COMPACT

	}

	private DecisionJson() {
	}

	public static String write(Decision decision, Lang lang, Form form, boolean pretty) {
		StringBuilder out = new StringBuilder(form == Form.FULL ? 8192 : 2048);
		write(decision, lang, form, new JsonWriter(out, pretty));
		return out.toString();
	}

	/**
	 * One finding; in the compact form, a finding that depends only on its rule is
	 * written once per pack.
	 */
	static void writeFinding(Finding finding, Lang lang, boolean full, JsonWriter json) {
		json.beginObject().name("rule").value(finding.rule()).name("status").value(finding.status().name());
		if (full) {
			json.name("title").value(finding.title().in(lang)).name("obligation").value(finding.obligation(lang));
		}
		json.name("explanation");
		finding.writeExplanation(json, lang);
		if (finding.status() == FindingStatus.VIOLATED || finding.status() == FindingStatus.TO_CONFIRM) {
			List<String> causes = finding.causes();
			if (!causes.isEmpty()) {
				json.name("causes").value((Object) causes);
			}
		}
		List<String> missing = finding.missingFacts();
		if (!missing.isEmpty()) {
			json.name("missingFacts").value((Object) missing);
		}
		if (full) {
			Map<String, Object> facts = finding.factsUsed();
			if (!facts.isEmpty()) {
				json.name("facts").value((Object) facts);
			}
		}
		json.endObject();
	}

	public static void write(Decision decision, Lang lang, Form form, JsonWriter json) {
		boolean full = form == Form.FULL;
		json.beginObject();
		writeHead(decision, json);
		json.name("findings").beginArray();
		for (Finding finding : decision.findings()) {
			String constant = full ? null : finding.constantJson(lang);
			if (constant != null) {
				json.rawValue(constant);
			}
			else {
				writeFinding(finding, lang, full, json);
			}
		}
		json.endArray();
		writeTail(decision, lang, full, json);
		json.endObject();
	}

	/**
	 * The compact form as UTF-8 bytes, the same bytes as {@link #write} would give
	 * encoded: the findings that read no fact are copied from bytes encoded once per
	 * pack, which is most of a decision. This is what a stream of a million decisions
	 * spends its time on.
	 */
	public static byte[] compactUtf8(Decision decision, Lang lang, boolean newline) {
		if (decision.trace().isPresent()) {
			return (write(decision, lang, Form.COMPACT, false) + (newline ? "\n" : ""))
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		}
		Buffers buffers = BUFFERS.get();
		Utf8 out = buffers.bytes.reset();
		StringBuilder part = buffers.text;
		part.setLength(0);
		JsonWriter head = new JsonWriter(part, false).beginObject();
		writeHead(decision, head);
		head.endObject();
		part.setLength(part.length() - 1);
		out.append(part).append(",\"findings\":[");
		boolean first = true;
		for (Finding finding : decision.findings()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			byte[] constant = finding.constantJsonUtf8(lang);
			if (constant != null) {
				out.append(constant);
			}
			else {
				part.setLength(0);
				writeFinding(finding, lang, false, new JsonWriter(part, false));
				out.append(part);
			}
		}
		part.setLength(0);
		JsonWriter tail = new JsonWriter(part, false).beginObject();
		writeTail(decision, lang, false, tail);
		tail.endObject();
		part.setCharAt(0, ',');
		out.append(']').append(part);
		if (newline) {
			out.append('\n');
		}
		return out.toArray();
	}

	/**
	 * Per thread, the buffers a compact decision is built in, reused from one decision to
	 * the next.
	 */
	private static final class Buffers {

		final Utf8 bytes = new Utf8(8192);

		final StringBuilder text = new StringBuilder(1024);

	}

	private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

	private static void writeHead(Decision decision, JsonWriter json) {
		PackInfo pack = decision.doctrine();
		json.name("schema").value("nuage.decision/v1");
		json.name("doctrine")
			.beginObject()
			.name("id")
			.value(pack.id())
			.name("version")
			.value(pack.version())
			.name("digest")
			.value(pack.digest());
		if (pack.draft()) {
			json.name("draft").value(true);
		}
		json.endObject();
		json.name("verdict").value(decision.verdict().name());
		json.name("subject").value((Object) decision.subject());
		json.name("concerned").value((Object) decision.concerned());
		json.name("sensitivity").value(decision.sensitivity());
		json.name("allowedHosting").value((Object) decision.allowedHosting());
		json.name("preferSaas").value(decision.preferSaas());
		json.name("control").value(decision.control());
	}

	private static void writeTail(Decision decision, Lang lang, boolean full, JsonWriter json) {
		List<String> missing = decision.missingFacts();
		json.name("missingFacts").value((Object) missing);
		if (full && !missing.isEmpty()) {
			json.name("questions").beginArray();
			for (String fact : missing) {
				Text question = decision.pack().question(fact);
				json.beginObject()
					.name("fact")
					.value(fact)
					.name("question")
					.value(question == null ? fact : question.in(lang))
					.endObject();
			}
			json.endArray();
		}
		if (full) {
			json.name("explanations").beginObject();
			for (String name : PackCompiler.REQUIRED.keySet()) {
				decision.because(name, lang).ifPresent(text -> json.name(name).value(text));
			}
			json.endObject();
		}
		json.name("notes").beginArray();
		for (Note note : decision.notes()) {
			json.beginObject()
				.name("id")
				.value(note.id())
				.name("confidence")
				.value(note.confidence())
				.name("text")
				.value(note.text().in(lang))
				.endObject();
		}
		json.endArray();
		if (!decision.errors().isEmpty()) {
			json.name("errors").value((Object) decision.errors());
		}
		json.name("lang").value(lang.code());
		decision.trace().ifPresent(trace -> {
			json.name("trace").beginArray();
			for (TraceEntry entry : trace) {
				json.beginObject()
					.name("step")
					.value(entry.step())
					.name("expression")
					.value(entry.expression())
					.name("result")
					.value(entry.result());
				if (!entry.missingFacts().isEmpty()) {
					json.name("missingFacts").value((Object) entry.missingFacts());
				}
				json.endObject();
			}
			json.endArray();
		});
	}

}
