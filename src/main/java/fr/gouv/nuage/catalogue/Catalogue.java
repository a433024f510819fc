package fr.gouv.nuage.catalogue;

import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.SourceIssue;
import fr.gouv.nuage.doctrine.Suggestions;
import fr.gouv.nuage.doctrine.Text;

/**
 * The catalogue of cloud offers: a versioned data file, read as of any date. Immutable;
 * plain Java, so that the CLI uses it without Spring.
 */
public final class Catalogue {

	/** The outcome of loading a catalogue file. */
	public sealed interface LoadResult permits Loaded, Refused {

	}

	public record Loaded(Catalogue catalogue) implements LoadResult {
	}

	public record Refused(List<SourceIssue> issues) implements LoadResult {
	}

	/**
	 * A declared offer read and checked against a catalogue: the offer, or the issues
	 * that refuse it.
	 */
	public record OfferLoad(Offer offer, List<SourceIssue> issues) {
	}

	/** The assessment with the hosting facts of its offer, or why it cannot have them. */
	public sealed interface Resolution permits Resolved, Unresolved {

	}

	public record Resolved(Assessment assessment, Offer offer) implements Resolution {
	}

	public record Unresolved(List<InputError> errors) implements Resolution {
	}

	private static final String REFERENCE = "/catalogue/offers.yaml";

	private final String version;

	private final LocalDate asOf;

	private final Map<String, Map<String, String>> sources;

	private final List<Text> notes;

	private final List<Offer> offers;

	Catalogue(String version, LocalDate asOf, Map<String, Map<String, String>> sources, List<Text> notes,
			List<Offer> offers) {
		this.version = version;
		this.asOf = asOf;
		this.sources = Map.copyOf(sources);
		this.notes = List.copyOf(notes);
		this.offers = link(offers);
	}

	/**
	 * Each offer linked to the offer it runs on, itself linked first; a cycle (refused by
	 * the loader) links nothing.
	 */
	private static List<Offer> link(List<Offer> offers) {
		Map<String, Offer> byId = new java.util.HashMap<>();
		offers.forEach(o -> byId.put(o.id(), o));
		Map<String, Offer> linked = new java.util.HashMap<>();
		List<Offer> result = new ArrayList<>();
		for (Offer offer : offers) {
			result.add(linked(offer, byId, linked, new java.util.HashSet<>()));
		}
		return List.copyOf(result);
	}

	private static Offer linked(Offer offer, Map<String, Offer> byId, Map<String, Offer> linked,
			java.util.Set<String> visiting) {
		Offer done = linked.get(offer.id());
		if (done != null) {
			return done;
		}
		Offer host = offer.runsOn() == null ? null : byId.get(offer.runsOn());
		Offer result = offer;
		if (host != null && visiting.add(offer.id())) {
			result = offer.hostedOn(visiting.contains(host.id()) ? null : linked(host, byId, linked, visiting));
		}
		else if (host == null && offer.host() != null) {
			result = offer.hostedOn(null);
		}
		linked.put(offer.id(), result);
		return result;
	}

	/** The reference catalogue shipped with Nuage. */
	public static Catalogue reference() {
		return Holder.REFERENCE;
	}

	private static final class Holder {

		static final Catalogue REFERENCE = loadReference();

	}

	private static Catalogue loadReference() {
		try (InputStream in = Catalogue.class.getResourceAsStream(REFERENCE)) {
			if (in == null) {
				throw new IllegalStateException("catalogue/offers.yaml is missing from the classpath");
			}
			LoadResult result = load("offers.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
			if (result instanceof Refused refused) {
				StringBuilder message = new StringBuilder("the reference catalogue is refused:");
				refused.issues().forEach(issue -> message.append('\n').append(issue.format()));
				throw new IllegalStateException(message.toString());
			}
			return ((Loaded) result).catalogue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a catalogue file (YAML or JSON); every mistake is reported with its line and
	 * column.
	 */
	public static LoadResult load(String file, String text) {
		return CatalogueLoader.load(file, text);
	}

	/**
	 * Reads one offer as a provider declares it, checked against this catalogue's sources
	 * and offers.
	 */
	public OfferLoad readOffer(String file, String text) {
		return CatalogueLoader.loadOffer(file, text, this);
	}

	/**
	 * This catalogue with {@code offer} added, or in place of the offer of the same id.
	 */
	public Catalogue with(Offer offer) {
		List<Offer> amended = new ArrayList<>(offers);
		int index = amended.stream().map(Offer::id).toList().indexOf(offer.id());
		if (index >= 0) {
			amended.set(index, offer);
		}
		else {
			amended.add(offer);
		}
		return new Catalogue(version, asOf, sources, notes, amended);
	}

	public String version() {
		return version;
	}

	/** The date the facts of the catalogue were last checked. */
	public LocalDate asOf() {
		return asOf;
	}

	public Map<String, Map<String, String>> sources() {
		return sources;
	}

	/**
	 * What the catalogue as a whole says of its own limits (counts it cannot reconcile,
	 * sources missing).
	 */
	public List<Text> notes() {
		return notes;
	}

	public List<Offer> offers() {
		return offers;
	}

	public Optional<Offer> offer(String id) {
		return offers.stream().filter(o -> o.id().equals(id)).findFirst();
	}

	/**
	 * The offers of a hosting class and service model on a date; a {@code null} filter
	 * keeps all. The search of the pages and the API ({@link OfferSearch}) with these two
	 * filters.
	 */
	public List<Offer> offers(LocalDate date, String hostingClass, Offer.ServiceModel model) {
		return OfferSearch.on(date)
			.with(OfferSearch.Facet.CLASS, hostingClass)
			.with(OfferSearch.Facet.MODEL, model == null ? null : model.name())
			.in(this);
	}

	/**
	 * A qualification past an end nobody confirmed, on a date: what DINUM has in its
	 * queue.
	 */
	public record Due(Offer offer, String scheme, QualificationState state) {
	}

	/** The qualifications to confirm on {@code date}, the longest overdue first. */
	public List<Due> dueForConfirmation(LocalDate date) {
		List<Due> due = new ArrayList<>();
		for (Offer offer : offers) {
			for (Qualification qualification : offer.qualifications()) {
				QualificationState state = qualification.on(date);
				if (state.toConfirm()) {
					due.add(new Due(offer, qualification.scheme(), state));
				}
			}
		}
		due.sort(java.util.Comparator.comparing((Due d) -> d.state().validUntil()).thenComparing(d -> d.offer().id()));
		return List.copyOf(due);
	}

	/**
	 * This catalogue with DINUM's review applied to the offer's qualification, as of
	 * {@code today}. A review that does not fit (no such offer or qualification, a date
	 * out of order or to come, an end without a grant to end) is refused with a message
	 * naming what is wrong.
	 */
	public Catalogue reviewed(QualificationReview review, LocalDate today) {
		Offer offer = offer(review.offerId()).orElseThrow(() -> new ReviewRefused("offerId",
				unknownOffer(review.offerId(), offers.stream().map(Offer::id).toList())));
		Qualification qualification = offer.qualification(review.scheme())
			.orElseThrow(
					() -> new ReviewRefused("scheme", said("review.no-qualification", offer.id(), review.scheme())));
		QualificationEvent event = review.event();
		if (event.date().isAfter(today)) {
			throw new ReviewRefused("date", said("review.date-to-come", event.date()));
		}
		QualificationState state = qualification.on(today);
		List<QualificationEvent> events = new ArrayList<>(qualification.events());
		switch (review.action()) {
			case CONFIRM -> {
				require(event.status() == QualificationStatus.QUALIFIED, "status", said("review.confirm-status"));
				after(events, event, "review.what.confirmation");
				events.add(event);
			}
			case CORRECT -> {
				require(state.event() != null && state.event().status() == QualificationStatus.QUALIFIED, "action",
						said("review.correct-none", offer.id()));
				require(event.status() == QualificationStatus.QUALIFIED, "status", said("review.correct-status"));
				int index = events.indexOf(state.event());
				events.remove(index);
				if (index > 0 && event.date().isBefore(events.get(index - 1).date())) {
					throw new ReviewRefused("date",
							said("review.correct-before", event.date(), events.get(index - 1).written()));
				}
				if (index < events.size() && event.date().isAfter(events.get(index).date())) {
					throw new ReviewRefused("date",
							said("review.correct-after", event.date(), events.get(index).written()));
				}
				events.add(index, event);
			}
			case END -> {
				require(event.status() == QualificationStatus.EXPIRED || event.status() == QualificationStatus.WITHDRAWN
						|| event.status() == QualificationStatus.SUSPENDED, "status", said("review.end-status"));
				require(event.dating() == Dating.KNOWN, "dating", said("review.end-dating"));
				require(state.valid(), "action",
						said("review.end-invalid", offer.id(), review.scheme(), state.status()));
				after(events, event, "review.what.end");
				events.add(event);
			}
		}
		return with(offer.withQualification(new Qualification(qualification.scheme(), qualification.validityYears(),
				qualification.regions(), List.copyOf(events))));
	}

	private static void require(boolean condition, String field, Said said) {
		if (!condition) {
			throw new ReviewRefused(field, said);
		}
	}

	/** Refuses a step dated before the last one; {@code what} is the key of its name. */
	private static void after(List<QualificationEvent> events, QualificationEvent event, String what) {
		if (!events.isEmpty() && event.date().isBefore(events.get(events.size() - 1).date())) {
			throw new ReviewRefused("date",
					said("review.after", said(what), event.date(), events.get(events.size() - 1).written()));
		}
	}

	/** A field of a review or a declaration's step refused (400); nothing was changed. */
	public static final class ReviewRefused extends Refusal {

		private static final long serialVersionUID = 1L;

		public ReviewRefused(String field, Said said) {
			super(Kind.INVALID, field, said);
		}

	}

	/** A text of the catalogue's bundle ({@code catalogue/refusals}). */
	public static Said said(String key, Object... values) {
		return Said.of("catalogue/refusals", key, values);
	}

	/** No offer with this id, and the closest one when there is one. */
	public static Said unknownOffer(String id, List<String> ids) {
		String closest = Suggestions.closest(id, ids);
		return closest == null ? said("offer.unknown", id) : said("offer.unknown.closest", id, closest);
	}

	/** The facts an offer named by an assessment supplies. */
	public static final List<String> SUPPLIED_FACTS = List.of("hosting.class", "hosting.dataLocation",
			"hosting.hdsCertified", "commitments.immuneToExtraEuAccess");

	/**
	 * The assessment without the facts its offer supplies: what is decided again when the
	 * offer changes, so that the facts come from the catalogue as it is now.
	 */
	public static Assessment withoutSuppliedFacts(Assessment assessment) {
		Assessment.Builder builder = assessment.toBuilder();
		SUPPLIED_FACTS.forEach(builder::unset);
		return builder.build();
	}

	/**
	 * When the assessment names an offer ({@code hosting.offerId}), the hosting class on
	 * {@code date}, the data location, HDS certification and immunity come from the
	 * catalogue; in a region it names ({@code hosting.region}), the region's location,
	 * and trust only where the qualification covers the region. An unknown offer or
	 * region, a support offer, or a fact the assessment states otherwise than the
	 * catalogue, is an input error.
	 */
	public Resolution resolve(Assessment assessment, LocalDate date) {
		Object id = assessment.get("hosting.offerId");
		if (id == null) {
			return new Resolved(assessment, null);
		}
		Offer offer = offer((String) id).filter(o -> !o.isSupport()).orElse(null);
		if (offer == null) {
			List<String> ids = offers.stream().filter(o -> !o.isSupport()).map(Offer::id).toList();
			boolean support = offer((String) id).isPresent();
			return new Unresolved(List.of(new InputError("", 0, 0, "hosting.offerId", support ? "`" + id
					+ "` is a support offer of DINUM, which hosts nothing: name the offer that hosts the project"
					: "unknown offer `" + id + "`" + Suggestions.didYouMean((String) id, ids)
							+ " (see `nuage offers list`)")));
		}
		String region = (String) assessment.get("hosting.region");
		Offer.Region zone = null;
		if (region != null) {
			zone = offer.region(region).orElse(null);
			if (zone == null) {
				List<String> regions = offer.regions().stream().map(Offer.Region::id).toList();
				return new Unresolved(List.of(new InputError("", 0, 0, "hosting.region", regions.isEmpty()
						? "the catalogue names no regions for offer `" + offer.id() + "`: leave `hosting.region` out"
						: "offer `" + offer.id() + "` has no region `" + region + "`"
								+ Suggestions.didYouMean(region, regions) + " (its regions: "
								+ String.join(", ", regions) + ")")));
			}
		}
		boolean covered = region == null || offer.qualifiedIn(region);
		List<InputError> errors = new ArrayList<>();
		Assessment.Builder builder = assessment.toBuilder();
		set(assessment, builder, errors, offer, "hosting.class", offer.hostingClass(date, region), date);
		set(assessment, builder, errors, offer, "hosting.dataLocation",
				zone == null ? offer.dataLocation() : zone.dataLocation(), date);
		set(assessment, builder, errors, offer, "hosting.hdsCertified", offer.hdsCertified(), date);
		set(assessment, builder, errors, offer, "commitments.immuneToExtraEuAccess",
				offer.immuneToExtraEuAccess() && covered, date);
		return errors.isEmpty() ? new Resolved(builder.build(), offer) : new Unresolved(List.copyOf(errors));
	}

	private static void set(Assessment assessment, Assessment.Builder builder, List<InputError> errors, Offer offer,
			String path, Object value, LocalDate date) {
		Object given = assessment.get(path);
		boolean undecided = "hosting.class".equals(path) && "UNDECIDED".equals(given);
		if (given != null && !undecided && !Objects.equals(given, value)) {
			errors.add(new InputError("", 0, 0, path, "`" + given + "` contradicts the catalogue, which gives `" + value
					+ "` for offer `" + offer.id() + "` on " + date + "; leave it out or name another offer"));
			return;
		}
		builder.set(path, value);
	}

}
