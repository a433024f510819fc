package fr.gouv.nuage.catalogue;

import java.time.LocalDate;

import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.Text;

/**
 * Writes the catalogue as JSON. {@link #export} gives the catalogue file's own structure
 * (it reads back with {@link Catalogue#load}); {@link #offer} adds what holds on a date:
 * hosting class and SecNumCloud status.
 */
public final class CatalogueJson {

	private CatalogueJson() {
	}

	/** The whole catalogue in its file format, as JSON. */
	public static String export(Catalogue catalogue) {
		StringBuilder out = new StringBuilder(1 << 16);
		JsonWriter json = new JsonWriter(out, true);
		json.beginObject()
			.name("catalogue")
			.beginObject()
			.name("version")
			.value(catalogue.version())
			.name("asOf")
			.value(catalogue.asOf().toString())
			.name("sources")
			.value((Object) catalogue.sources());
		if (!catalogue.notes().isEmpty()) {
			json.name("notes").beginArray();
			catalogue.notes()
				.forEach(
						note -> json.beginObject().name("fr").value(note.fr()).name("en").value(note.en()).endObject());
			json.endArray();
		}
		json.endObject();
		json.name("offers").beginArray();
		for (Offer offer : catalogue.offers()) {
			fields(json, offer);
			json.endObject();
		}
		json.endArray().endObject();
		return out.append('\n').toString();
	}

	/**
	 * One offer in the catalogue file's format: what a provider submits to declare or
	 * update it.
	 */
	public static String declaration(Offer offer) {
		StringBuilder out = new StringBuilder(4096);
		JsonWriter json = new JsonWriter(out, true);
		fields(json, offer);
		json.endObject();
		return out.append('\n').toString();
	}

	/** One offer with what holds on {@code date}. */
	public static void offer(JsonWriter json, Offer offer, LocalDate date) {
		fields(json, offer);
		json.name("on").beginObject().name("date").value(date.toString());
		if (offer.isSupport()) {
			json.endObject().endObject();
			return;
		}
		QualificationState snc = offer.secNumCloud(date);
		json.name("hostingClass").value(offer.hostingClass(date)).name("secNumCloud");
		state(json, snc);
		json.name("toBeChecked")
			.value(offer.toBeChecked())
			.name("toConfirm")
			.value(offer.toConfirm(date))
			.name("hostUnknown")
			.value(offer.hostUnknown())
			.endObject();
		json.endObject();
	}

	/**
	 * A qualification as it stands: status, the grant's version and dates, whether to
	 * confirm, a renewal under way.
	 */
	public static void state(JsonWriter json, QualificationState state) {
		json.beginObject().name("status").value(state.status().name());
		if (state.event() != null && state.event().schemeVersion() != null) {
			json.name("schemeVersion").value(state.event().schemeVersion());
		}
		if (state.event() != null) {
			json.name("since")
				.value(state.event().date().toString())
				.name("dating")
				.value(lower(state.event().dating()))
				.name("evidence")
				.value(lower(state.event().evidence()));
		}
		if (state.validUntil() != null) {
			json.name("validUntil").value(state.validUntil().toString()).name("endKnown").value(state.endKnown());
		}
		json.name("toConfirm").value(state.toConfirm());
		if (state.renewal() != null) {
			json.name("renewal").beginObject().name("status").value(state.renewal().status().name());
			if (state.renewal().milestone() != null) {
				json.name("milestone").value(state.renewal().milestone());
			}
			json.name("date").value(state.renewal().written()).endObject();
		}
		json.endObject();
	}

	/** {@code known} or {@code estimated}, in the language asked. */
	public static String written(Dating dating, Lang lang) {
		return fr.gouv.nuage.doctrine.EngineTexts.of("/catalogue/catalogue-texts.yaml")
			.get(dating == Dating.KNOWN ? "dating.known" : "dating.estimated", lang);
	}

	/**
	 * How an enum value is written in the catalogue file: {@code anssi-list},
	 * {@code estimated}.
	 */
	static String lower(Enum<?> value) {
		return value.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	public static String eligibility(Eligibility eligibility, Lang lang) {
		StringBuilder out = new StringBuilder(1 << 14);
		JsonWriter json = new JsonWriter(out, true);
		json.beginObject()
			.name("schema")
			.value("nuage.eligibility/v1")
			.name("date")
			.value(eligibility.date().toString());
		json.name("eligible").beginArray();
		for (Eligibility.Eligible e : eligibility.eligible()) {
			json.beginObject()
				.name("id")
				.value(e.offer().id())
				.name("provider")
				.value(e.offer().provider())
				.name("service")
				.value(e.offer().service())
				.name("model")
				.value(e.offer().model().name())
				.name("hostingClass")
				.value(e.hostingClass())
				.name("toBeChecked")
				.value(e.offer().toBeChecked())
				.endObject();
		}
		json.endArray().name("excluded").beginArray();
		for (Eligibility.Exclusion x : eligibility.excluded()) {
			json.beginObject()
				.name("id")
				.value(x.offer().id())
				.name("hostingClass")
				.value(x.hostingClass())
				.name("rule")
				.value(x.rule())
				.name("reason")
				.value(x.reason().in(lang))
				.endObject();
		}
		json.endArray().name("support").beginArray();
		for (Eligibility.Suggested suggested : eligibility.support()) {
			json.beginObject()
				.name("id")
				.value(suggested.offer().id())
				.name("provider")
				.value(suggested.offer().provider())
				.name("service")
				.value(suggested.offer().service())
				.name("contact")
				.value(suggested.offer().support().contact())
				.name("howToAsk")
				.value(suggested.offer().support().howToAsk().in(lang))
				.name("reasons")
				.beginArray();
			suggested.reasons().forEach(reason -> json.value(reason.in(lang)));
			json.endArray().endObject();
		}
		json.endArray().name("decision");
		DecisionJson.write(eligibility.decision(), lang, DecisionJson.Form.COMPACT, json);
		json.endObject();
		return out.append('\n').toString();
	}

	private static void fields(JsonWriter json, Offer offer) {
		json.beginObject().name("id").value(offer.id());
		if (offer.isSupport()) {
			json.name("kind").value(Offer.Kind.SUPPORT.name());
		}
		json.name("provider").value(offer.provider());
		if (offer.providerId() != null) {
			json.name("providerId").value(offer.providerId());
		}
		json.name("service").value(offer.service());
		if (offer.isSupport()) {
			json.name("categories").value((Object) offer.categories());
			if (offer.operator() == Offer.Operator.STATE) {
				json.name("operator").value(offer.operator().name());
			}
			json.name("interministerial").value(offer.interministerial());
			support(json, offer.support());
			tail(json, offer);
			return;
		}
		json.name("model")
			.value(offer.model().name())
			.name("categories")
			.value((Object) offer.categories())
			.name("internal")
			.value(offer.internal());
		if (offer.operator() == Offer.Operator.STATE) {
			json.name("operator").value(offer.operator().name());
		}
		json.name("interministerial")
			.value(offer.interministerial())
			.name("dataLocation")
			.value(offer.dataLocation())
			.name("immuneToExtraEuAccess")
			.value(offer.immuneToExtraEuAccess())
			.name("hdsCertified")
			.value(offer.hdsCertified())
			.name("maxMarking")
			.value(offer.maxMarking())
			.name("runsOn")
			.value(offer.runsOn());
		if (!offer.regions().isEmpty()) {
			json.name("regions").beginArray();
			offer.regions()
				.forEach(r -> json.beginObject()
					.name("id")
					.value(r.id())
					.name("dataLocation")
					.value(r.dataLocation())
					.endObject());
			json.endArray();
		}
		json.name("purchasing").beginArray();
		for (Offer.Purchasing purchasing : offer.purchasing()) {
			json.beginObject().name("vehicle").value(purchasing.vehicle());
			if (purchasing.reference() != null) {
				json.name("reference").value(purchasing.reference());
			}
			text(json, "note", purchasing.note());
			json.endObject();
		}
		json.endArray();
		if (offer.reversibility() != null) {
			json.name("reversibility")
				.beginObject()
				.name("exportFormats")
				.value((Object) offer.reversibility().exportFormats());
			text(json, "exitTerms", offer.reversibility().exitTerms());
			json.endObject();
		}
		json.name("qualifications").beginArray();
		for (Qualification qualification : offer.qualifications()) {
			json.beginObject().name("scheme").value(qualification.scheme());
			if (qualification.validityYears() != null) {
				json.name("validityYears").value((long) qualification.validityYears());
			}
			if (!qualification.regions().isEmpty()) {
				json.name("regions").value((Object) qualification.regions());
			}
			json.name("events").beginArray();
			for (QualificationEvent event : qualification.events()) {
				json.beginObject()
					.name("status")
					.value(event.status().name())
					.name("date")
					.value(event.written())
					.name("dating")
					.value(lower(event.dating()));
				if (event.milestone() != null) {
					json.name("milestone").value(event.milestone());
				}
				if (event.schemeVersion() != null) {
					json.name("schemeVersion").value(event.schemeVersion());
				}
				if (event.validUntil() != null) {
					json.name("validUntil").value(event.validUntil().toString());
				}
				json.name("evidence")
					.value(lower(event.evidence()))
					.name("source")
					.value(event.source())
					.name("confidence")
					.value(event.confidence());
				text(json, "note", event.note());
				json.endObject();
			}
			json.endArray().endObject();
		}
		json.endArray();
		tail(json, offer);
	}

	private static void support(JsonWriter json, Offer.Support support) {
		json.name("support").beginObject().name("contact").value(support.contact());
		text(json, "howToAsk", support.howToAsk());
		json.name("suggestWhen").beginArray();
		for (Offer.Suggestion when : support.suggestWhen()) {
			json.beginObject();
			if (when.fact() != null) {
				json.name("fact").value(when.fact()).name("is").value(when.is());
			}
			if (!when.control().isEmpty()) {
				json.name("control").value((Object) when.control());
			}
			if (!when.entity().isEmpty()) {
				json.name("entity").value((Object) when.entity());
			}
			text(json, "reason", when.reason());
			json.endObject();
		}
		json.endArray().endObject();
	}

	private static void tail(JsonWriter json, Offer offer) {
		json.name("sources").value((Object) offer.sources()).name("confidence").value(offer.confidence());
		text(json, "note", offer.note());
		json.name("asOf").value(offer.asOf().toString());
	}

	private static void text(JsonWriter json, String name, Text text) {
		if (text != null) {
			json.name(name).beginObject().name("fr").value(text.fr()).name("en").value(text.en()).endObject();
		}
	}

}
