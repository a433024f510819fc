package fr.gouv.nuage.catalogue;

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

/**
 * The catalogue of cloud offers: a versioned data file, read as of any date. Immutable; plain Java,
 * so that the CLI uses it without Spring.
 */
public final class Catalogue {

	/** The outcome of loading a catalogue file. */
	public sealed interface LoadResult permits Loaded, Refused {
	}

	public record Loaded(Catalogue catalogue) implements LoadResult {
	}

	public record Refused(List<SourceIssue> issues) implements LoadResult {
	}

	/** A declared offer read and checked against a catalogue: the offer, or the issues that refuse it. */
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

	private final List<Offer> offers;

	Catalogue(String version, LocalDate asOf, Map<String, Map<String, String>> sources, List<Offer> offers) {
		this.version = version;
		this.asOf = asOf;
		this.sources = Map.copyOf(sources);
		this.offers = List.copyOf(offers);
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

	/** Reads a catalogue file (YAML or JSON); every mistake is reported with its line and column. */
	public static LoadResult load(String file, String text) {
		return CatalogueLoader.load(file, text);
	}

	/** Reads one offer as a provider declares it, checked against this catalogue's sources and offers. */
	public OfferLoad readOffer(String file, String text) {
		return CatalogueLoader.loadOffer(file, text, this);
	}

	/** This catalogue with {@code offer} added, or in place of the offer of the same id. */
	public Catalogue with(Offer offer) {
		List<Offer> amended = new ArrayList<>(offers);
		int index = amended.stream().map(Offer::id).toList().indexOf(offer.id());
		if (index >= 0) {
			amended.set(index, offer);
		}
		else {
			amended.add(offer);
		}
		return new Catalogue(version, asOf, sources, amended);
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

	public List<Offer> offers() {
		return offers;
	}

	public Optional<Offer> offer(String id) {
		return offers.stream().filter(o -> o.id().equals(id)).findFirst();
	}

	/** The offers of a hosting class and service model on a date; a {@code null} filter keeps all. */
	public List<Offer> offers(LocalDate date, String hostingClass, Offer.ServiceModel model) {
		List<Offer> result = new ArrayList<>();
		for (Offer offer : offers) {
			if ((hostingClass == null || offer.hostingClass(date).equals(hostingClass))
					&& (model == null || offer.model() == model)) {
				result.add(offer);
			}
		}
		return result;
	}

	/** The facts an offer named by an assessment supplies. */
	public static final List<String> SUPPLIED_FACTS = List.of("hosting.class", "hosting.dataLocation",
			"hosting.hdsCertified", "commitments.immuneToExtraEuAccess");

	/**
	 * The assessment without the facts its offer supplies: what is decided again when the offer
	 * changes, so that the facts come from the catalogue as it is now.
	 */
	public static Assessment withoutSuppliedFacts(Assessment assessment) {
		Assessment.Builder builder = assessment.toBuilder();
		SUPPLIED_FACTS.forEach(builder::unset);
		return builder.build();
	}

	/**
	 * When the assessment names an offer ({@code hosting.offerId}), the hosting class on {@code date},
	 * the data location, HDS certification and immunity come from the catalogue. An unknown offer, or
	 * a fact the assessment states otherwise than the catalogue, is an input error.
	 */
	public Resolution resolve(Assessment assessment, LocalDate date) {
		Object id = assessment.get("hosting.offerId");
		if (id == null) {
			return new Resolved(assessment, null);
		}
		Offer offer = offer((String) id).orElse(null);
		if (offer == null) {
			List<String> ids = offers.stream().map(Offer::id).toList();
			return new Unresolved(List.of(new InputError("", 0, 0, "hosting.offerId", "unknown offer `" + id + "`"
					+ Suggestions.didYouMean((String) id, ids) + " (see `nuage offers list`)")));
		}
		List<InputError> errors = new ArrayList<>();
		Assessment.Builder builder = assessment.toBuilder();
		set(assessment, builder, errors, offer, "hosting.class", offer.hostingClass(date), date);
		set(assessment, builder, errors, offer, "hosting.dataLocation", offer.dataLocation(), date);
		set(assessment, builder, errors, offer, "hosting.hdsCertified", offer.hdsCertified(), date);
		set(assessment, builder, errors, offer, "commitments.immuneToExtraEuAccess", offer.immuneToExtraEuAccess(), date);
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
