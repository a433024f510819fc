package fr.gouv.nuage.catalogue;

import java.time.LocalDate;

import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.Text;

/**
 * Writes the catalogue as JSON. {@link #export} gives the catalogue file's own structure (it reads
 * back with {@link Catalogue#load}); {@link #offer} adds what holds on a date: hosting class and
 * SecNumCloud status.
 */
public final class CatalogueJson {

	private CatalogueJson() {
	}

	/** The whole catalogue in its file format, as JSON. */
	public static String export(Catalogue catalogue) {
		StringBuilder out = new StringBuilder(1 << 16);
		JsonWriter json = new JsonWriter(out, true);
		json.beginObject().name("catalogue").beginObject().name("version").value(catalogue.version()).name("asOf")
			.value(catalogue.asOf().toString()).name("sources").value((Object) catalogue.sources()).endObject();
		json.name("offers").beginArray();
		for (Offer offer : catalogue.offers()) {
			fields(json, offer);
			json.endObject();
		}
		json.endArray().endObject();
		return out.append('\n').toString();
	}

	/** One offer in the catalogue file's format: what a provider submits to declare or update it. */
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
		QualificationState snc = offer.secNumCloud(date);
		json.name("on").beginObject().name("date").value(date.toString()).name("hostingClass")
			.value(offer.hostingClass(date)).name("secNumCloud").beginObject().name("status").value(snc.status().name());
		if (snc.event() != null && snc.event().schemeVersion() != null) {
			json.name("schemeVersion").value(snc.event().schemeVersion());
		}
		if (snc.event() != null) {
			json.name("since").value(snc.event().date().toString());
		}
		if (snc.validUntil() != null) {
			json.name("validUntil").value(snc.validUntil().toString());
		}
		json.endObject().name("toBeChecked").value(offer.toBeChecked()).endObject();
		json.endObject();
	}

	public static String eligibility(Eligibility eligibility, Lang lang) {
		StringBuilder out = new StringBuilder(1 << 14);
		JsonWriter json = new JsonWriter(out, true);
		json.beginObject().name("schema").value("nuage.eligibility/v1").name("date").value(eligibility.date().toString());
		json.name("eligible").beginArray();
		for (Eligibility.Eligible e : eligibility.eligible()) {
			json.beginObject().name("id").value(e.offer().id()).name("provider").value(e.offer().provider()).name("service")
				.value(e.offer().service()).name("model").value(e.offer().model().name()).name("hostingClass")
				.value(e.hostingClass()).name("toBeChecked").value(e.offer().toBeChecked()).endObject();
		}
		json.endArray().name("excluded").beginArray();
		for (Eligibility.Exclusion x : eligibility.excluded()) {
			json.beginObject().name("id").value(x.offer().id()).name("hostingClass").value(x.hostingClass()).name("rule")
				.value(x.rule()).name("reason").value(x.reason().in(lang)).endObject();
		}
		json.endArray().name("decision");
		DecisionJson.write(eligibility.decision(), lang, DecisionJson.Form.COMPACT, json);
		json.endObject();
		return out.append('\n').toString();
	}

	private static void fields(JsonWriter json, Offer offer) {
		json.beginObject().name("id").value(offer.id()).name("provider").value(offer.provider()).name("service")
			.value(offer.service()).name("model").value(offer.model().name()).name("categories")
			.value((Object) offer.categories()).name("internal").value(offer.internal()).name("interministerial")
			.value(offer.interministerial()).name("dataLocation").value(offer.dataLocation())
			.name("immuneToExtraEuAccess").value(offer.immuneToExtraEuAccess()).name("hdsCertified")
			.value(offer.hdsCertified()).name("maxMarking").value(offer.maxMarking()).name("runsOn").value(offer.runsOn());
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
			json.name("reversibility").beginObject().name("exportFormats")
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
			json.name("events").beginArray();
			for (QualificationEvent event : qualification.events()) {
				json.beginObject().name("status").value(event.status().name()).name("date").value(event.date().toString());
				if (event.milestone() != null) {
					json.name("milestone").value(event.milestone());
				}
				if (event.schemeVersion() != null) {
					json.name("schemeVersion").value(event.schemeVersion());
				}
				json.name("source").value(event.source()).name("confidence").value(event.confidence());
				text(json, "note", event.note());
				json.endObject();
			}
			json.endArray().endObject();
		}
		json.endArray().name("sources").value((Object) offer.sources()).name("confidence").value(offer.confidence());
		text(json, "note", offer.note());
		json.name("asOf").value(offer.asOf().toString());
	}

	private static void text(JsonWriter json, String name, Text text) {
		if (text != null) {
			json.name(name).beginObject().name("fr").value(text.fr()).name("en").value(text.en()).endObject();
		}
	}
}
