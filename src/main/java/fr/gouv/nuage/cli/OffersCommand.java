package fr.gouv.nuage.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueJson;
import fr.gouv.nuage.catalogue.Eligibility;
import fr.gouv.nuage.catalogue.Offer;
import fr.gouv.nuage.catalogue.QualificationEvent;
import fr.gouv.nuage.catalogue.QualificationState;
import fr.gouv.nuage.catalogue.Qualification;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.SourceIssue;
import fr.gouv.nuage.doctrine.Suggestions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nuage offers}: the catalogue of cloud offers, as of any date. */
@Command(name = "offers", mixinStandardHelpOptions = true, description = "The catalogue of cloud offers.",
		subcommands = { OffersCommand.ListOffers.class, OffersCommand.ShowOffer.class,
				OffersCommand.EligibleOffers.class, OffersCommand.DueOffers.class, OffersCommand.ExportCatalogue.class,
				OffersCommand.CheckCatalogue.class })
final class OffersCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(spec.commandLine(),
				"name a command: list, show, eligible, due, export or check");
	}

	/** After the offers marked {@code !}. */
	static String footnote(Lang lang) {
		return "! " + Texts.in(lang).get("footnote.toBeChecked");
	}

	/** After the offers marked {@code ?}. */
	static String dueFootnote(Lang lang) {
		return "? " + Texts.in(lang).get("footnote.toConfirm");
	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the offers as of a date.")
	static final class ListOffers implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		Options.AsOf asOf;

		@Option(names = "--class", paramLabel = "CLASS",
				description = "INTERNAL_PI, INTERNAL_NUBO, COMMERCIAL_TRUSTED or COMMERCIAL.")
		String hostingClass;

		@Option(names = "--model", paramLabel = "MODEL", description = "IAAS, PAAS, CAAS or SAAS.")
		String model;

		@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
				description = "text or json. Default: ${DEFAULT-VALUE}.")
		String format;

		@Mixin
		Options.Language lang;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			LocalDate date = asOf.get();
			Lang language = lang.get();
			List<String> classes = List.of(Offer.INTERNAL_PI, Offer.INTERNAL_NUBO, Offer.COMMERCIAL_TRUSTED,
					Offer.COMMERCIAL);
			if (hostingClass != null && !classes.contains(hostingClass)) {
				throw new Inputs.InvalidInput(
						"unknown hosting class `" + hostingClass + "`" + Suggestions.didYouMean(hostingClass, classes)
								+ " (expected one of " + String.join(", ", classes) + ")");
			}
			Offer.ServiceModel serviceModel = null;
			if (model != null) {
				try {
					serviceModel = Offer.ServiceModel.valueOf(model.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new Inputs.InvalidInput(
							"unknown service model `" + model + "` (expected IAAS, PAAS, CAAS or SAAS)");
				}
			}
			if (!List.of("text", "json").contains(format)) {
				throw new Inputs.InvalidInput("unknown format `" + format + "`, expected `text` or `json`");
			}
			Catalogue catalogue = Catalogue.reference();
			List<Offer> offers = catalogue.offers(date, hostingClass, serviceModel);
			if (format.equals("json")) {
				StringBuilder json = new StringBuilder();
				JsonWriter writer = new JsonWriter(json, true).beginObject()
					.name("catalogue")
					.value(catalogue.version())
					.name("asOf")
					.value(date.toString())
					.name("offers")
					.beginArray();
				offers.forEach(offer -> CatalogueJson.offer(writer, offer, date));
				writer.endArray().endObject();
				out.println(json);
			}
			else {
				out.println(Texts.in(language).get("list.heading", "version", catalogue.version(), "date", date));
				boolean flagged = false;
				boolean due = false;
				for (Offer offer : offers) {
					QualificationState snc = offer.secNumCloud(date);
					flagged |= offer.toBeChecked();
					due |= offer.toConfirm(date);
					out.printf("  %-28s %-22s %-7s %-19s %-12s%s%s%n", offer.id(), truncate(offer.provider(), 22),
							offer.isSupport() ? "SUPPORT" : offer.model(),
							offer.isSupport() ? "—" : offer.hostingClass(date),
							offer.isSupport() ? "" : snc.status().name(), offer.toBeChecked() ? " !" : "",
							offer.toConfirm(date) ? " ?" : "");
				}
				if (flagged) {
					out.println(footnote(language));
				}
				if (due) {
					out.println(dueFootnote(language));
				}
				catalogue.notes().forEach(note -> out.println("* " + note.in(language)));
			}
			out.flush();
			return 0;
		}

		private static String truncate(String text, int width) {
			return text.length() <= width ? text : text.substring(0, width - 1) + "…";
		}

	}

	@Command(name = "show", mixinStandardHelpOptions = true, description = "Show one offer and its qualifications.")
	static final class ShowOffer implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ID", description = "The offer's id, e.g. s3ns-premi3ns.")
		String id;

		@Mixin
		Options.AsOf asOf;

		@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
				description = "text or json. Default: ${DEFAULT-VALUE}.")
		String format;

		@Mixin
		Options.Language lang;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			LocalDate date = asOf.get();
			Lang language = lang.get();
			Catalogue catalogue = Catalogue.reference();
			Offer offer = catalogue.offer(id)
				.orElseThrow(() -> new Inputs.InvalidInput("unknown offer `" + id + "`"
						+ Suggestions.didYouMean(id, catalogue.offers().stream().map(Offer::id).toList())));
			if (format.equals("json")) {
				StringBuilder json = new StringBuilder();
				CatalogueJson.offer(new JsonWriter(json, true), offer, date);
				out.println(json);
				out.flush();
				return 0;
			}
			Texts t = Texts.in(language);
			out.println(offer.id() + " — " + offer.service() + " (" + offer.provider() + ")");
			if (offer.isSupport()) {
				out.println("  " + t.get("show.support.noHosting"));
				out.println("  " + t.get("show.support.contact", "contact", offer.support().contact()));
				out.println("  " + t.get("show.support.howToAsk", "howToAsk", offer.support().howToAsk().in(language)));
				for (Offer.Suggestion when : offer.support().suggestWhen()) {
					String condition = (when.fact() == null ? "" : when.fact() + " = " + when.is())
							+ (when.control().isEmpty() ? ""
									: (when.fact() == null ? "" : " · ") + "control ∈ " + when.control());
					out.println("  " + t.get("show.support.suggestedWhen", "condition", condition, "reason",
							when.reason().in(language)));
				}
			}
			else {
				out.println("  " + t.get("show.model", "model", offer.model(), "categories",
						String.join(", ", offer.categories())));
				out.println("  " + t.get("show.class", "date", date, "class", offer.hostingClass(date)));
				out.println("  " + t.get("show.data", "location", offer.dataLocation(), "immune",
						t.yesNo(offer.immuneToExtraEuAccess()), "hds", t.yesNo(offer.hdsCertified()), "marking",
						offer.maxMarking()));
			}
			if (offer.operator() == Offer.Operator.STATE && !offer.isSupport()) {
				out.println("  " + (offer.runsOn() == null ? t.get("show.operatedByState.unknownInfrastructure")
						: t.get("show.operatedByState", "runsOn", offer.runsOn())));
			}
			else if (offer.runsOn() != null) {
				out.println("  " + t.get("show.runsOn", "runsOn", offer.runsOn()));
			}
			for (Offer.Region region : offer.regions()) {
				out.println("  "
						+ t.get(offer.qualifiedIn(region.id()) ? "show.region.qualified" : "show.region.notQualified",
								"region", region.id(), "location", region.dataLocation()));
			}
			for (Offer.Purchasing purchasing : offer.purchasing()) {
				out.println("  " + t.get("show.purchasing", "vehicle", purchasing.vehicle())
						+ (purchasing.reference() == null ? "" : " — " + purchasing.reference()));
			}
			for (Qualification qualification : offer.qualifications()) {
				QualificationState state = qualification.on(date);
				String until = state.validUntil() == null ? ""
						: " " + t.get(state.endKnown() ? "show.qualification.until" : "show.qualification.estimatedEnd",
								"date", state.validUntil());
				out.println("  " + qualification.scheme() + ": " + state.status() + until
						+ (state.toConfirm() ? " — " + t.get("show.qualification.toConfirm") : "")
						+ (state.renewal() == null ? "" : " — "
								+ t.get("show.qualification.renewal", "milestone", state.renewal().milestone())));
				for (QualificationEvent event : qualification.events()) {
					out.println("    " + event.written() + " (" + CatalogueJson.written(event.dating(), language) + ") "
							+ event.status() + (event.milestone() == null ? "" : " " + event.milestone())
							+ (event.schemeVersion() == null ? "" : " v" + event.schemeVersion())
							+ (event.validUntil() == null ? ""
									: " " + t.get("show.qualification.until", "date", event.validUntil()))
							+ " [" + event.evidence().name()
							+ (event.counts() ? "" : ", " + t.get("show.event.notCounted")) + ", " + event.source()
							+ ", " + event.confidence() + "]"
							+ (event.note() == null ? "" : " — " + event.note().in(language)));
				}
			}
			if (offer.note() != null) {
				out.println("  " + offer.note().in(language));
			}
			if (offer.toBeChecked()) {
				out.println(footnote(language));
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "eligible", mixinStandardHelpOptions = true,
			description = "The offers the doctrine allows for an assessment, ranked, and why each other one is excluded.")
	static final class EligibleOffers implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "FILE", description = "The assessment (JSON), or - for standard input.")
		String file;

		@Mixin
		Options.AsOf asOf;

		@Option(names = "--doctrine", paramLabel = "ID", description = "Rule pack id (default: the latest).")
		String doctrine;

		@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
				description = "text or json. Default: ${DEFAULT-VALUE}.")
		String format;

		@Mixin
		Options.Language lang;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			LocalDate date = asOf.get();
			Lang language = lang.get();
			RulePack pack = Inputs.pack(doctrine, null);
			Catalogue catalogue = Catalogue.reference();
			ReadResult read = new AssessmentReader(pack.facts()).read(Inputs.name(file), Inputs.read(file));
			if (read instanceof ReadResult.Invalid invalid) {
				invalid.errors().forEach(error -> err.println(error.format()));
				return NuageCli.INVALID;
			}
			Catalogue.Resolution resolution = catalogue.resolve(((ReadResult.Ok) read).assessment(), date);
			if (resolution instanceof Catalogue.Unresolved unresolved) {
				unresolved.errors()
					.forEach(error -> err
						.println(Inputs.name(file) + ": at `" + error.path() + "`: " + error.message()));
				return NuageCli.INVALID;
			}
			Eligibility eligibility = Eligibility.of(catalogue, ((Catalogue.Resolved) resolution).assessment(), pack,
					date);
			if (format.equals("json")) {
				out.print(CatalogueJson.eligibility(eligibility, language));
			}
			else {
				text(out, eligibility, language);
			}
			out.flush();
			return 0;
		}

		private static void text(PrintWriter out, Eligibility eligibility, Lang lang) {
			Texts t = Texts.in(lang);
			var decision = eligibility.decision();
			out.println(t.get("eligible.heading", "date", eligibility.date(), "doctrine", decision.doctrine().id(),
					"sensitivity", decision.sensitivity(), "hosting", decision.allowedHosting().isEmpty()
							? t.get("none") : String.join(", ", decision.allowedHosting())));
			int rank = 0;
			boolean flagged = false;
			for (Eligibility.Eligible e : eligibility.eligible()) {
				flagged |= e.offer().toBeChecked();
				out.printf("  %2d. %-28s %-19s %s (%s)%s%n", ++rank, e.offer().id(), e.hostingClass(),
						e.offer().service(), e.offer().provider(), e.offer().toBeChecked() ? " !" : "");
			}
			if (rank == 0) {
				out.println("  " + t.get("eligible.noOffer"));
			}
			out.println(t.get("eligible.excluded"));
			for (Eligibility.Exclusion x : eligibility.excluded()) {
				out.printf("  - %-28s %-7s %s%n", x.offer().id(), x.rule(), x.reason().in(lang));
			}
			if (!eligibility.support().isEmpty()) {
				out.println(t.get("eligible.support"));
				for (Eligibility.Suggested suggested : eligibility.support()) {
					out.printf("  * %-28s %s — %s%n", suggested.offer().id(), suggested.offer().service(),
							suggested.offer().support().contact());
					suggested.reasons().forEach(reason -> out.println("      " + reason.in(lang)));
				}
			}
			if (flagged) {
				out.println(footnote(lang));
			}
		}

	}

	@Command(name = "due", mixinStandardHelpOptions = true,
			description = "The qualifications to confirm on ANSSI's list: past an end nobody confirmed, still counted.")
	static final class DueOffers implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Mixin
		Options.AsOf asOf;

		@Mixin
		Options.Language lang;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			LocalDate date = asOf.get();
			Texts t = Texts.in(lang.get());
			List<Catalogue.Due> due = Catalogue.reference().dueForConfirmation(date);
			out.println(t.get("due.heading", "date", date, "count", due.size()));
			for (Catalogue.Due d : due) {
				out.printf("  %-28s %-12s %s %s · %s %s%n", d.offer().id(), d.scheme(), t.get("due.estimatedEnd"),
						d.state().validUntil(), t.get("due.class"), d.offer().hostingClass(date));
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "export", mixinStandardHelpOptions = true,
			description = "Write the catalogue as JSON (its file format) or CSV.")
	static final class ExportCatalogue implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
				description = "json or csv. Default: ${DEFAULT-VALUE}.")
		String format;

		@Option(names = "--as-of", paramLabel = "DATE",
				description = "For csv: the date of the hosting class and status columns (default: today).")
		String asOf;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			Catalogue catalogue = Catalogue.reference();
			switch (format) {
				case "json":
					out.print(CatalogueJson.export(catalogue));
					break;
				case "csv":
					out.print(fr.gouv.nuage.catalogue.CatalogueCsv.export(catalogue, Inputs.date(asOf)));
					break;
				default:
					throw new Inputs.InvalidInput("unknown format `" + format + "`, expected `json` or `csv`");
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "check", mixinStandardHelpOptions = true,
			description = "Check a catalogue file (YAML, JSON or CSV) before importing it: every mistake with its place.")
	static final class CheckCatalogue implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "FILE", description = "The catalogue file.")
		String file;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			String text = Inputs.read(file, Inputs.MAX_CATALOGUE_BYTES);
			Catalogue.LoadResult result = file.endsWith(".csv")
					? fr.gouv.nuage.catalogue.CatalogueCsv.load(file, text, Catalogue.reference())
					: Catalogue.load(file, text);
			if (result instanceof Catalogue.Refused refused) {
				refused.issues().forEach(issue -> err.println(issue.format()));
				err.println("refused: " + refused.issues().stream().filter(SourceIssue::isError).count() + " errors");
				return NuageCli.INVALID;
			}
			Catalogue catalogue = ((Catalogue.Loaded) result).catalogue();
			out.println("ok: catalogue " + catalogue.version() + ", " + catalogue.offers().size() + " offers");
			out.flush();
			return 0;
		}

	}

}
