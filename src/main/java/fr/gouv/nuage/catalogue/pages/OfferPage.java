package fr.gouv.nuage.catalogue.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.Dating;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.OfferSearch.Facet;
import fr.gouv.nuage.catalogue.Qualification;
import fr.gouv.nuage.catalogue.QualificationEvent;
import fr.gouv.nuage.catalogue.QualificationState;
import fr.gouv.nuage.catalogue.QualificationStatus;
import org.springframework.context.MessageSource;

/**
 * An offer's page as it reads on a date: what the offer is, its hosting class and
 * qualification on that date, each qualification's history as a timeline in date order
 * (with the end of validity that follows from it), its sources, and every doubt the
 * catalogue has about it said as such, with its reason.
 */
record OfferPage(String id, String name, String provider, String description, boolean support, String model,
		List<String> categories, List<Vehicle> vehicles, List<Region> regions, String dataLocation, Host host,
		String hostingClass, String classLabel, String status, String statusLabel, String validity, String renewal,
		boolean toConfirm, List<History> histories, List<Source> sources, List<Flag> flags, String contact,
		String howToAsk, String factsAsOf, String api) {

	/** How a buyer orders the offer. */
	record Vehicle(String code, String label, String reference, String note) {
	}

	/** A region, where its data live, and whether the qualification covers it. */
	record Region(String id, String location, boolean covered) {
	}

	/** The offer the service runs on, and its page. */
	record Host(String id, String name, String href) {
	}

	/** A qualification's history, in date order. */
	record History(String scheme, String label, List<String> regions, List<Entry> entries) {
	}

	/**
	 * A step of a history: {@code kind} is the event's status, {@code RENEWED} for a
	 * later grant, or {@code END} / {@code ESTIMATED_END} for the end of validity that
	 * follows from a grant; {@code date} is the day it takes effect, {@code written} the
	 * date as its source gives it; {@code after}: later than the date the page is for.
	 */
	record Entry(String kind, LocalDate date, String written, String dateText, String label, List<String> details,
			String evidence, boolean counted, boolean estimated, boolean uncertain, String note, Source source,
			boolean after) {
	}

	/**
	 * A source the catalogue cites; {@code url} is {@code null} for a record without one.
	 */
	record Source(String key, String title, String url) {
	}

	/** Something the catalogue is not sure of: its kind and the reason, for people. */
	record Flag(String kind, String text) {
	}

	static OfferPage of(Offer offer, Catalogue catalogue, CatalogueQuery query, Labels labels, MessageSource messages,
			Locale locale) {
		return new Builder(offer, catalogue, query, labels, messages, locale).build();
	}

	private static final class Builder {

		private final Offer offer;

		private final Catalogue catalogue;

		private final CatalogueQuery query;

		private final LocalDate date;

		private final Labels labels;

		private final MessageSource messages;

		private final Locale locale;

		private final List<Flag> flags = new ArrayList<>();

		Builder(Offer offer, Catalogue catalogue, CatalogueQuery query, Labels labels, MessageSource messages,
				Locale locale) {
			this.offer = offer;
			this.catalogue = catalogue;
			this.query = query;
			this.date = query.date();
			this.labels = labels;
			this.messages = messages;
			this.locale = locale;
		}

		OfferPage build() {
			if (!"sourced".equals(offer.confidence())) {
				flag("offer", "catalogue.offer.flag.confidence." + offer.confidence());
			}
			if (offer.hostUnknown()) {
				flag("host-unknown", "catalogue.offer.flag.host-unknown");
			}
			if (offer.operator() == Offer.Operator.STATE && offer.host() != null && offer.host().toBeChecked()) {
				flag("host", "catalogue.offer.flag.host", offer.host().service());
			}
			List<History> histories = offer.qualifications().stream().map(this::history).toList();
			String description = offer.note() == null ? null : offer.note().in(labels.lang());
			List<Source> sources = offer.sources().stream().map(this::source).toList();
			String api = "/api/v1/offers/" + offer.id() + (query.asOf() == null ? "" : "?asOf=" + query.asOf());
			Host host = offer.runsOn() == null ? null
					: new Host(offer.runsOn(),
							catalogue.offer(offer.runsOn()).map(Offer::service).orElse(offer.runsOn()),
							query.offer(offer.runsOn()));
			if (offer.isSupport()) {
				return new OfferPage(offer.id(), offer.service(), offer.provider(), description, true, null,
						categories(), List.of(), List.of(), null, host, null, labels.text("kind.SUPPORT"), null, null,
						null, null, false, histories, sources, List.copyOf(flags), offer.support().contact(),
						offer.support().howToAsk() == null ? null : offer.support().howToAsk().in(labels.lang()),
						labels.day(offer.asOf()), api);
			}
			String hostingClass = offer.hostingClass(date);
			QualificationState state = offer.secNumCloud(date);
			List<Vehicle> vehicles = offer.purchasing()
				.stream()
				.map(p -> new Vehicle(p.vehicle(), labels.of(Facet.VEHICLE, p.vehicle()), p.reference(),
						p.note() == null ? null : p.note().in(labels.lang())))
				.toList();
			List<Region> regions = offer.regions()
				.stream()
				.map(r -> new Region(r.id(), labels.text("location." + r.dataLocation(), r.dataLocation()),
						offer.qualification(Qualification.SECNUMCLOUD).isPresent() && offer.qualifiedIn(r.id())))
				.toList();
			return new OfferPage(offer.id(), offer.service(), offer.provider(), description, false,
					labels.of(Facet.MODEL, offer.model().name()), categories(), vehicles, regions,
					labels.text("location." + offer.dataLocation(), offer.dataLocation()), host, hostingClass,
					labels.of(Facet.CLASS, hostingClass), state.status().name(),
					labels.of(Facet.STATUS, state.status().name()), validity(state), renewal(state), state.toConfirm(),
					histories, sources, List.copyOf(flags), null, null, labels.day(offer.asOf()), api);
		}

		private List<String> categories() {
			return offer.categories().stream().map(c -> labels.of(Facet.CATEGORY, c)).toList();
		}

		/** What the qualification's state says of its validity on the date. */
		private String validity(QualificationState state) {
			if (state.toConfirm()) {
				return message("catalogue.offer.validity.to-confirm", labels.day(state.validUntil()));
			}
			if (state.status() == QualificationStatus.EXPIRED) {
				return message("catalogue.offer.validity.expired", labels.day(state.validUntil()));
			}
			if (state.valid() && state.validUntil() != null) {
				return message(
						state.endKnown() ? "catalogue.offer.validity.until" : "catalogue.offer.validity.estimated",
						labels.day(state.validUntil()));
			}
			if (state.event() != null && !state.valid()) {
				return message("catalogue.offer.validity.since", labels.written(state.event().written()));
			}
			return null;
		}

		private String renewal(QualificationState state) {
			QualificationEvent renewal = state.renewal();
			if (renewal == null) {
				return null;
			}
			return renewal.milestone() == null ? message("catalogue.offer.renewal", labels.written(renewal.written()))
					: message("catalogue.offer.renewal.milestone", renewal.milestone(),
							labels.written(renewal.written()));
		}

		private History history(Qualification qualification) {
			List<Entry> entries = new ArrayList<>();
			boolean granted = false;
			for (QualificationEvent event : qualification.events()) {
				String kind = event.status().name();
				if (event.status() == QualificationStatus.QUALIFIED) {
					kind = granted ? "RENEWED" : kind;
					granted = true;
				}
				List<String> details = new ArrayList<>();
				if (event.milestone() != null) {
					details.add(message("catalogue.offer.event.milestone", event.milestone()));
				}
				if (event.schemeVersion() != null) {
					details.add(message("catalogue.offer.event.version", event.schemeVersion()));
				}
				if (event.validUntil() != null) {
					details.add(message("catalogue.offer.validity.until", labels.day(event.validUntil())));
				}
				String label = labels.text("event." + kind);
				String dateText = labels.written(event.written());
				boolean uncertain = !"sourced".equals(event.confidence());
				// The rule of evidence is about what grants or ends a qualification: a
				// step
				// under way is shown as it is, whatever its source.
				boolean counted = event.counts() || event.status() == QualificationStatus.IN_PROGRESS;
				String note = event.note() == null ? null : event.note().in(labels.lang());
				entries.add(new Entry(kind, event.date(), event.written(), dateText, label, List.copyOf(details),
						labels.text("evidence." + evidence(event), evidence(event)), counted,
						event.dating() == Dating.ESTIMATED, uncertain, note, source(event.source()),
						event.date().isAfter(date)));
				if (uncertain || !counted) {
					List<String> reason = new ArrayList<>();
					reason.add(uncertain
							? message("catalogue.offer.flag.event", label, dateText,
									labels.text("confidence." + event.confidence(), event.confidence()))
							: message("catalogue.offer.flag.event.single-source", label, dateText));
					if (uncertain && !counted) {
						reason.add(message("catalogue.offer.flag.not-counted"));
					}
					if (note != null) {
						reason.add(note);
					}
					flags.add(new Flag("event", String.join(" ", reason)));
				}
			}
			QualificationState state = qualification.on(date);
			if (state.validUntil() != null && (state.valid() || state.status() == QualificationStatus.EXPIRED)) {
				String kind = state.endKnown() ? "END" : "ESTIMATED_END";
				String details = state.endKnown() ? null : message(
						state.toConfirm() ? "catalogue.offer.event.to-confirm" : "catalogue.offer.event.estimated-end");
				entries.add(new Entry(kind, state.validUntil(), state.validUntil().toString(),
						labels.day(state.validUntil()), labels.text("event." + kind),
						details == null ? List.of() : List.of(details), null, true, !state.endKnown(), false, null,
						null, state.validUntil().isAfter(date)));
			}
			if (state.toConfirm()) {
				flag("to-confirm", "catalogue.offer.flag.to-confirm", labels.text("scheme." + qualification.scheme()),
						labels.day(state.validUntil()));
			}
			entries.sort(Comparator.comparing(Entry::date));
			return new History(qualification.scheme(),
					labels.text("scheme." + qualification.scheme(), qualification.scheme()), qualification.regions(),
					List.copyOf(entries));
		}

		private Source source(String key) {
			if (key == null) {
				return null;
			}
			Map<String, String> source = catalogue.sources().getOrDefault(key, Map.of());
			return new Source(key, source.getOrDefault("title", key), source.get("url"));
		}

		private void flag(String kind, String key, Object... values) {
			flags.add(new Flag(kind, message(key, values)));
		}

		private String message(String key, Object... values) {
			return messages.getMessage(key, values, locale);
		}

		/** {@code anssi-list}: how the catalogue file writes the evidence. */
		private static String evidence(QualificationEvent event) {
			return event.evidence().name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
