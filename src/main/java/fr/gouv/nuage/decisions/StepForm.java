package fr.gouv.nuage.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.decisions.AssessmentSteps.Question;
import fr.gouv.nuage.decisions.AssessmentSteps.Step;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.Fact;
import fr.gouv.nuage.doctrine.FactType;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * One step of the self-assessment as a form: which of its questions are put for the
 * answers so far, each as its field with its answer and error, and the answers of the
 * other steps carried along as hidden fields, since nothing is kept on the server. A form
 * is a GET to its own step with {@link #STEP}: the answers it sends are checked by the
 * engine's reader; the step is shown again with its errors, or with the questions its
 * answers made matter, or the visitor goes on.
 */
final class StepForm {

	/** The marker of a form sent, naming its step. */
	static final String STEP = "_step";

	/** The questions the form put, so that those that appear since can be told. */
	static final String ASKED = "_asked";

	/** The lists answered "I don't know". */
	static final String UNKNOWN = "_unknown";

	/** The parameters that are not answers: what the form adds, and the pack and date. */
	static final Set<String> CONTROLS = Set.of("doctrine", "asOf");

	/** Beyond this many answers, an enumeration is a select rather than radio buttons. */
	private static final int MAX_RADIOS = 6;

	private static final String NUMBER = "-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?";

	/** An answer among a question's choices. */
	record Option(String id, String value, String label, String hint, boolean checked) {
	}

	/** Choices under a heading of a select ({@code null}: no heading). */
	record Group(String label, List<Option> options) {
	}

	/**
	 * A question as a field: {@code radio}, {@code checkbox}, {@code select} or
	 * {@code text}.
	 */
	record Field(String path, String id, String widget, String label, String hint, List<Option> options,
			List<Group> groups, String value, String error, String inputMode, String suffix, boolean fresh,
			Option unknown) {

		/** Yes, no, I don't know: side by side. */
		public boolean inline() {
			return "radio".equals(widget) && options.size() == 3 && "true".equals(options.get(0).value());
		}

	}

	/** An error of the summary: the field it leads to, its question and what is wrong. */
	record Error(String href, String label, String message) {
	}

	/** An answer of another step, carried along. */
	record Hidden(String name, String value) {
	}

	private final Step step;

	private final AssessmentParameters.Read read;

	private final RulePack pack;

	private final Catalogue catalogue;

	private final LocalDate date;

	private final AssessmentTexts texts;

	private final MultiValueMap<String, String> controls;

	private final Relevance relevance;

	private final Map<String, String> errors = new LinkedHashMap<>();

	private final List<Error> summary = new ArrayList<>();

	private final List<Question> shown = new ArrayList<>();

	private final Set<String> fresh = new LinkedHashSet<>();

	StepForm(Step step, AssessmentParameters.Read read, MultiValueMap<String, String> parameters, RulePacks packs,
			CatalogueSource catalogues, AssessmentTexts texts, boolean submitted) {
		this.step = step;
		this.read = read;
		this.pack = read.pack() == null ? packs.latest() : read.pack();
		this.catalogue = catalogues.current();
		this.date = read.date() == null ? LocalDate.now() : read.date();
		this.texts = texts;
		this.controls = controls(parameters);
		this.relevance = new Relevance(pack, lenient(read, packs, catalogues));
		for (Question question : step.questions()) {
			if (asked(question)) {
				shown.add(question);
			}
		}
		for (InputError error : read.errors()) {
			String fact = AssessmentSteps.factOf(error.path());
			if ("doctrine".equals(fact) || "asOf".equals(fact)) {
				summary.add(new Error("/auto-evaluation?" + read.query(controls),
						texts.text("assessment.control." + fact), error.message()));
			}
			else if (AssessmentSteps.stepOf(fact).filter(step::equals).isPresent() && !errors.containsKey(fact)) {
				String message = message(fact, error);
				errors.put(fact, message);
				summary.add(new Error("#" + AssessmentSteps.fieldId(fact), texts.label(fact), message));
			}
		}
		if (submitted) {
			Set<String> asked = new LinkedHashSet<>();
			for (String value : parameters.getOrDefault(ASKED, List.of())) {
				asked.addAll(Arrays.asList(value.split(",")));
			}
			for (Question question : shown) {
				if (!asked.contains(question.path()) && !read.facts().containsKey(question.path())) {
					fresh.add(question.path());
				}
			}
		}
	}

	/**
	 * The answers a form sends, made facts: the markers taken off; a list answered "I
	 * don't know" left out; a number written the French way ({@code 1 000 000},
	 * {@code 0,5}) written as the contract reads it; and when an offer of the catalogue
	 * is named, the facts it supplies left to it, with a region only if the offer has it.
	 */
	static MultiValueMap<String, String> answers(Step step, MultiValueMap<String, String> parameters, RulePack pack,
			CatalogueSource catalogues) {
		MultiValueMap<String, String> answers = new LinkedMultiValueMap<>(parameters);
		answers.remove(STEP);
		answers.remove(ASKED);
		List<String> unknown = answers.remove(UNKNOWN);
		if (unknown != null) {
			for (String path : unknown) {
				boolean list = pack.facts().fact(path).map(fact -> fact.type() == FactType.ENUM_LIST).orElse(false);
				if (list && step.holds(path)
						&& answers.getOrDefault(path, List.of()).stream().allMatch(String::isEmpty)) {
					answers.remove(path);
				}
			}
		}
		for (Question question : step.questions()) {
			Optional<Fact> fact = pack.facts().fact(question.path());
			List<String> values = answers.get(question.path());
			if (fact.isPresent() && fact.get().type() == FactType.NUMBER && values != null) {
				answers.put(question.path(), values.stream().map(StepForm::number).toList());
			}
		}
		if (step.holds("hosting.offerId")) {
			String offerId = answers.getFirst("hosting.offerId");
			if (offerId == null || offerId.isEmpty()) {
				answers.remove("hosting.region");
			}
			else {
				Catalogue.SUPPLIED_FACTS.forEach(answers::remove);
				String region = answers.getFirst("hosting.region");
				Optional<Offer> offer = catalogues.current().offer(offerId);
				if (region != null && offer.flatMap(o -> o.region(region)).isEmpty()) {
					answers.remove("hosting.region");
				}
			}
		}
		return answers;
	}

	/** A number as a person may write it, as the contract writes it when it is one. */
	static String number(String written) {
		String compact = written.strip().replaceAll("[\\s\u00a0\u202f€%]", "").replace(',', '.');
		return compact.matches(NUMBER) ? compact : written;
	}

	/** The pack and date as given, carried from page to page. */
	static MultiValueMap<String, String> controls(MultiValueMap<String, String> parameters) {
		MultiValueMap<String, String> controls = new LinkedMultiValueMap<>();
		for (String name : CONTROLS) {
			String value = parameters.getFirst(name);
			if (value != null && !value.isEmpty()) {
				controls.add(name, value);
			}
		}
		return controls;
	}

	/**
	 * The assessment the answers make, leaving out those that cannot be read: what
	 * decides which questions matter while some answer is wrong.
	 */
	static Assessment lenient(AssessmentParameters.Read read, RulePacks packs, CatalogueSource catalogues) {
		if (read.ok()) {
			return read.assessment();
		}
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>(read.facts());
		if (read.pack() != null) {
			parameters.add("doctrine", read.pack().id());
		}
		if (read.date() != null) {
			parameters.add("asOf", read.date().toString());
		}
		AssessmentParameters.Read again = read;
		for (int attempt = 0; attempt < 4 && !again.ok(); attempt++) {
			boolean removed = false;
			for (InputError error : again.errors()) {
				String fact = AssessmentSteps.factOf(error.path());
				if (fact.equals("hosting.offerId")) {
					parameters.remove("hosting.region");
				}
				removed |= parameters.keySet().removeIf(name -> name.equals(fact) || name.startsWith(fact + "."));
			}
			if (!removed) {
				break;
			}
			again = AssessmentParameters.read(parameters, packs, catalogues);
		}
		RulePack pack = read.pack() == null ? packs.latest() : read.pack();
		return again.ok() ? again.assessment() : Assessment.builder(pack.facts()).build();
	}

	private boolean asked(Question question) {
		String path = question.path();
		boolean answered = read.facts().containsKey(path);
		boolean offer = read.facts().containsKey("hosting.offerId");
		switch (question.ask()) {
			case ALWAYS:
				return true;
			case IF_SUBJECT:
				return answered || !Boolean.FALSE.equals(relevance.decision().subject());
			case UNLESS_OFFER:
				return !offer && (answered || relevance.matters(path));
			case OFFER:
				return answered || read.facts().containsKey("hosting.class") || relevance.matters("hosting.class");
			case REGION:
				return offer() != null && !offer().regions().isEmpty();
			default:
				return answered || relevance.matters(path);
		}
	}

	/** The offer the answers name, if the catalogue has it. */
	private Offer offer() {
		String id = read.facts().getFirst("hosting.offerId");
		return id == null ? null : catalogue.offer(id).filter(o -> !o.isSupport()).orElse(null);
	}

	/** What is wrong with an answer, in the words of the bundle where it has them. */
	private String message(String path, InputError error) {
		if (path.equals("hosting.offerId")) {
			return texts.text("assessment.error.offer");
		}
		if (path.equals("hosting.region")) {
			return texts.text("assessment.error.region");
		}
		Optional<Fact> fact = pack.facts().fact(path);
		if (fact.isEmpty()) {
			return error.message();
		}
		switch (fact.get().type()) {
			case NUMBER: {
				String given = read.facts().getFirst(path);
				String min = fact.get().minimum() == null ? null : texts.format(path, fact.get().minimum());
				String max = fact.get().maximum() == null ? null : texts.format(path, fact.get().maximum());
				// A share between 0 and 1 says its bounds; an amount says how to write
				// it.
				if ((given == null || !given.matches(NUMBER)) && (min == null || max == null)) {
					return texts.text("assessment.error.number");
				}
				if (max == null) {
					return min == null ? error.message() : texts.text("assessment.error.minimum", min);
				}
				return texts.text("assessment.error.range", min, max);
			}
			case STRING:
				return fact.get().maxLength() == null ? error.message()
						: texts.text("assessment.error.length", fact.get().maxLength());
			default:
				return texts.text("assessment.error.choice");
		}
	}

	Step step() {
		return step;
	}

	RulePack pack() {
		return pack;
	}

	/** True when the form may go on: nothing to correct and no question appeared. */
	boolean done() {
		return errors.isEmpty() && summary.isEmpty() && fresh.isEmpty();
	}

	List<Error> errors() {
		return summary;
	}

	boolean hasFresh() {
		return !fresh.isEmpty();
	}

	List<Field> fields() {
		List<Field> fields = new ArrayList<>();
		for (Question question : shown) {
			fields.add(field(question));
		}
		return fields;
	}

	/** The questions put, as the form says it put them. */
	String asked() {
		return String.join(",", shown.stream().map(Question::path).toList());
	}

	/** The answers of the other steps, and the pack and date, as hidden fields. */
	List<Hidden> hidden() {
		List<Hidden> hidden = new ArrayList<>();
		read.facts().forEach((name, values) -> {
			if (shown.stream().noneMatch(question -> question.path().equals(name))) {
				values.forEach(value -> hidden.add(new Hidden(name, value)));
			}
		});
		controls.forEach((name, values) -> values.forEach(value -> hidden.add(new Hidden(name, value))));
		return hidden;
	}

	/** The query of every answer with the pack and date: what the next page is given. */
	String query() {
		return read.query(controls);
	}

	private Field field(Question question) {
		String path = question.path();
		String id = question.id();
		Fact fact = pack.facts().fact(path).orElseThrow();
		List<String> given = read.facts().getOrDefault(path, List.of());
		String value = given.isEmpty() ? "" : given.get(0);
		String error = errors.get(path);
		boolean isFresh = fresh.contains(path);
		if (path.equals("hosting.offerId")) {
			return new Field(path, id, "select", texts.label(path), texts.hint(path), List.of(), offers(value), value,
					error, null, null, isFresh, null);
		}
		if (path.equals("hosting.region")) {
			return new Field(path, id, "select", texts.label(path), texts.hint(path), List.of(), regions(value), value,
					error, null, null, isFresh, null);
		}
		switch (fact.type()) {
			case BOOLEAN: {
				List<Option> options = List.of(option(id, "true", texts.text("assessment.answer.yes"), null, value),
						option(id, "false", texts.text("assessment.answer.no"), null, value),
						option(id, "", texts.text("assessment.answer.unknown"), null, value));
				return new Field(path, id, "radio", texts.label(path), texts.hint(path), options, List.of(), value,
						error, null, null, isFresh, null);
			}
			case ENUM: {
				List<Option> options = new ArrayList<>();
				// A fact the pack reads as a default when it is absent shows that
				// default.
				Object preset = pack.defaultValue(path);
				String shown = value.isEmpty() && preset != null ? String.valueOf(preset) : value;
				for (String choice : fact.values()) {
					options.add(option(id, choice, texts.value(path, choice), texts.valueHint(path, choice), shown));
				}
				if (preset == null) {
					options.add(option(id, "", texts.text("assessment.answer.unknown"), null, value));
				}
				if (fact.values().size() > MAX_RADIOS) {
					return new Field(path, id, "select", texts.label(path), texts.hint(path), List.of(),
							List.of(new Group(null, options)), value, error, null, null, isFresh, null);
				}
				return new Field(path, id, "radio", texts.label(path), texts.hint(path), options, List.of(), value,
						error, null, null, isFresh, null);
			}
			case ENUM_LIST: {
				List<Option> options = new ArrayList<>();
				for (String choice : fact.values()) {
					options.add(new Option(id + "-" + choice, choice, texts.value(path, choice),
							texts.valueHint(path, choice), given.contains(choice)));
				}
				Option unknown = new Option(id + "-unknown", path, texts.text("assessment.answer.unknown"),
						texts.text("assessment.answer.unknown.list"), !read.facts().containsKey(path));
				return new Field(path, id, "checkbox", texts.label(path), texts.hint(path), options, List.of(), value,
						error, null, null, isFresh, unknown);
			}
			case NUMBER: {
				boolean share = fact.maximum() != null && fact.maximum() <= 1;
				return new Field(path, id, "text", texts.label(path), texts.hint(path), List.of(), List.of(), value,
						error, share ? "decimal" : "numeric", texts.suffix(path), isFresh, null);
			}
			default:
				return new Field(path, id, "text", texts.label(path), texts.hint(path), List.of(), List.of(), value,
						error, null, null, isFresh, null);
		}
	}

	private static Option option(String id, String value, String label, String hint, String given) {
		return new Option(id + "-" + (value.isEmpty() ? "unknown" : value), value, label, hint, value.equals(given));
	}

	/** The catalogue's hosting offers, under their class on the date. */
	private List<Group> offers(String given) {
		List<Group> groups = new ArrayList<>();
		groups.add(new Group(null,
				List.of(new Option(null, "", texts.text("assessment.q.hosting.offerId.none"), null, given.isEmpty()))));
		List<String> classes = pack.facts().fact("hosting.class").map(Fact::values).orElse(List.of());
		for (String hostingClass : classes) {
			List<Option> options = new ArrayList<>();
			for (Offer offer : catalogue.offers()) {
				if (!offer.isSupport() && hostingClass.equals(offer.hostingClass(date))) {
					options.add(new Option(null, offer.id(),
							texts.text("assessment.offer.name", offer.service(), offer.provider()), null,
							offer.id().equals(given)));
				}
			}
			if (!options.isEmpty()) {
				groups.add(new Group(texts.value("hosting.class", hostingClass), options));
			}
		}
		return groups;
	}

	/** The regions of the offer named, with where each keeps its data. */
	private List<Group> regions(String given) {
		List<Option> options = new ArrayList<>();
		options.add(new Option(null, "", texts.text("assessment.q.hosting.region.none"), null, given.isEmpty()));
		Offer offer = offer();
		if (offer != null) {
			for (Offer.Region region : offer.regions()) {
				options.add(new Option(null, region.id(),
						texts.text("assessment.offer.region", region.id(),
								texts.value("hosting.dataLocation", region.dataLocation())),
						null, region.id().equals(given)));
			}
		}
		return List.of(new Group(null, options));
	}

	/** The paths of the questions put, in the step's order. */
	List<String> shownPaths() {
		return shown.stream().map(Question::path).toList();
	}

}
