package fr.gouv.nuage.cli;

import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.DecisionText;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.MalformedUtf8;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.TraceEntry;
import fr.gouv.nuage.doctrine.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nuage evaluate}: one decision per assessment. The exit status follows the
 * verdict so that a pipeline can gate on it: 0 compliant, not subject or not concerned; 1
 * non-compliant; 3 incomplete; 2 invalid input or usage.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = "Evaluate an assessment (FILE, or - for standard input) under a doctrine pack.",
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = { "0:COMPLIANT, NOT_SUBJECT or NOT_CONCERNED (jsonl: every line processed)", "1:NON_COMPLIANT",
				"2:invalid input or usage", "3:INCOMPLETE" })
final class EvaluateCommand implements Callable<Integer> {

	private static final int BATCH = 8192;

	private LocalDate date;

	@Spec
	CommandSpec spec;

	@Option(names = "--doctrine", paramLabel = "ID",
			description = "Rule pack id, e.g. 6282-SG or 6404-SG (default: the latest).")
	String doctrine;

	@Option(names = "--pack", paramLabel = "PATH", description = "Evaluate with a pack file being written (a draft).")
	String packFile;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text, json or jsonl (one assessment per line in, one decision per line out). Default: ${DEFAULT-VALUE}.")
	String format;

	@Mixin
	Options.Language lang;

	@Option(names = "--trace", description = "Include every condition evaluated, with its result.")
	boolean trace;

	@Option(names = "--as-of", paramLabel = "DATE",
			description = "The date an offer named by hosting.offerId is taken from the catalogue (default: today).")
	String asOf;

	@Parameters(paramLabel = "FILE", description = "The assessment (JSON), or - for standard input.")
	String file;

	@Override
	public Integer call() {
		if (!List.of("text", "json", "jsonl").contains(format)) {
			throw new Inputs.InvalidInput("unknown format `" + format + "`, expected `text`, `json` or `jsonl`");
		}
		Lang language = lang.get();
		date = Inputs.date(asOf);
		RulePack pack = Inputs.pack(doctrine, packFile);
		AssessmentReader reader = new AssessmentReader(pack.facts());
		return format.equals("jsonl") ? jsonLines(pack, reader, language) : single(pack, reader, language);
	}

	private int single(RulePack pack, AssessmentReader reader, Lang language) {
		String text = Inputs.read(file);
		ReadResult read = reader.read(Inputs.name(file), text);
		if (read instanceof ReadResult.Invalid invalid) {
			PrintWriter err = spec.commandLine().getErr();
			invalid.errors().forEach(error -> err.println(error.format()));
			return NuageCli.INVALID;
		}
		Catalogue.Resolution resolution = resolve(((ReadResult.Ok) read).assessment());
		if (resolution instanceof Catalogue.Unresolved unresolved) {
			PrintWriter err = spec.commandLine().getErr();
			unresolved.errors()
				.forEach(error -> err.println(Inputs.name(file) + ": at `" + error.path() + "`: " + error.message()));
			return NuageCli.INVALID;
		}
		Decision decision = pack.evaluate(((Catalogue.Resolved) resolution).assessment(), trace);
		PrintWriter out = spec.commandLine().getOut();
		if (format.equals("json")) {
			out.println(DecisionJson.write(decision, language, DecisionJson.Form.FULL, true));
		}
		else {
			out.print(DecisionText.write(decision, language));
			decision.trace().ifPresent(entries -> printTrace(out, entries, language));
		}
		out.flush();
		return exitStatus(decision.verdict());
	}

	static int exitStatus(Verdict verdict) {
		switch (verdict) {
			case NON_COMPLIANT:
				return 1;
			case INCOMPLETE:
				return 3;
			default:
				return 0;
		}
	}

	private static void printTrace(PrintWriter out, List<TraceEntry> entries, Lang lang) {
		out.println();
		out.println(Texts.in(lang).get("trace.heading"));
		for (TraceEntry entry : entries) {
			out.println("  " + entry.step() + ": " + entry.expression() + " => " + entry.result()
					+ (entry.missingFacts().isEmpty() ? "" : " " + entry.missingFacts()));
		}
	}

	/**
	 * What one input line gives: a line of output (as UTF-8 bytes when the process's
	 * standard output takes them, so that the workers encode in parallel), and for an
	 * invalid line the messages for stderr.
	 */
	private record Result(String output, byte[] bytes, String errors) {

		Result encoded(boolean bytes) {
			return bytes && this.bytes == null ? new Result(null, output.getBytes(StandardCharsets.UTF_8), errors)
					: this;
		}
	}

	/**
	 * Lines are read in batches and evaluated on every core; a batch is written, in input
	 * order, while the next one is evaluated, so that line N of the output is the
	 * decision for line N of the input. A line that is not a valid assessment gets an
	 * error object in its place and makes the exit status 2.
	 */
	private int jsonLines(RulePack pack, AssessmentReader reader, Lang language) {
		String source = Inputs.name(file);
		Writer out = spec.commandLine().getOut();
		OutputStream bytes = NuageCli.stdout();
		PrintWriter err = spec.commandLine().getErr();
		// Reading, evaluating and writing overlap: while the workers evaluate a batch,
		// this thread
		// splits the next one and a writer writes the previous one, in input order.
		ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
		ExecutorService writer = Executors.newSingleThreadExecutor();
		try (InputStream in = Inputs.stream(file)) {
			Lines lines = new Lines(in, Inputs.MAX_LINE_BYTES);
			int lineNumber = 0;
			Future<Result[]> evaluating = null;
			Future<Boolean> written = null;
			boolean invalid = false;
			boolean more = true;
			while (more || evaluating != null) {
				Future<Result[]> next = null;
				if (more) {
					List<byte[]> batch = lines.next(BATCH);
					more = batch.size() == BATCH;
					int first = lineNumber + 1;
					lineNumber += batch.size();
					next = workers.submit(() -> {
						Result[] results = new Result[batch.size()];
						IntStream.range(0, results.length).parallel().forEach(i -> {
							Result result = evaluate(pack, reader, language, source, first + i, batch.get(i),
									bytes != null);
							results[i] = result == null ? null : result.encoded(bytes != null);
						});
						return results;
					});
				}
				if (evaluating != null) {
					Result[] results = evaluating.get();
					invalid |= written != null && written.get();
					written = writer.submit(() -> write(results, out, bytes, err));
				}
				evaluating = next;
			}
			invalid |= written != null && written.get();
			out.flush();
			if (lines.tooLong()) {
				err.println("nuage: " + source + ":" + (lineNumber + 1) + ": the line is longer than the limit of "
						+ Inputs.size(Inputs.MAX_LINE_BYTES) + "; the lines after it were not read");
			}
			err.flush();
			return invalid || lines.tooLong() ? NuageCli.INVALID : 0;
		}
		catch (IOException ex) {
			throw new Inputs.InvalidInput("cannot read `" + source + "`: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Inputs.InvalidInput("interrupted while evaluating `" + source + "`");
		}
		catch (ExecutionException ex) {
			throw new Inputs.InvalidInput("cannot write the decisions: " + ex.getCause().getMessage());
		}
		finally {
			writer.shutdownNow();
			workers.shutdownNow();
		}
	}

	/**
	 * Splits a stream into lines of bytes; the workers decode them, not the reading
	 * thread. A line longer than {@code maxLine} bytes ends the reading there: the lines
	 * before it are given, and {@link #tooLong()} says so. The buffer then never grows
	 * past twice the limit, whatever the stream holds.
	 */
	static final class Lines {

		private final InputStream in;

		private final int maxLine;

		private byte[] buffer;

		private int start;

		private int end;

		private boolean eof;

		private boolean tooLong;

		Lines(InputStream in, int maxLine) {
			this.in = in;
			this.maxLine = maxLine;
			this.buffer = new byte[Math.max(1 << 22, maxLine + 2)];
		}

		/**
		 * Up to {@code max} lines, without their line ends; fewer only at the end of the
		 * stream or before a line that is too long.
		 */
		List<byte[]> next(int max) throws IOException {
			List<byte[]> lines = new ArrayList<>(max);
			int scan = start;
			while (lines.size() < max && !tooLong) {
				int newline = -1;
				for (int i = scan; i < end; i++) {
					if (buffer[i] == '\n') {
						newline = i;
						break;
					}
				}
				if (newline >= 0) {
					int stop = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
					if (stop - start > maxLine) {
						tooLong = true;
						break;
					}
					lines.add(java.util.Arrays.copyOfRange(buffer, start, stop));
					start = newline + 1;
					scan = start;
				}
				else if (end - start > maxLine + 1) {
					// (one byte more than the limit may be the \r of a line end still to
					// come)
					tooLong = true;
				}
				else if (eof) {
					if (end - start > maxLine) {
						tooLong = true;
					}
					else if (end > start) {
						lines.add(java.util.Arrays.copyOfRange(buffer, start, end));
						start = end;
					}
					break;
				}
				else {
					int scanned = end - start;
					fill();
					scan = start + scanned;
				}
			}
			return lines;
		}

		/** Whether the reading stopped at a line longer than the limit. */
		boolean tooLong() {
			return tooLong;
		}

		private void fill() throws IOException {
			if (start > 0) {
				System.arraycopy(buffer, start, buffer, 0, end - start);
				end -= start;
				start = 0;
			}
			int read = in.read(buffer, end, buffer.length - end);
			if (read < 0) {
				eof = true;
			}
			else {
				end += read;
			}
		}

	}

	private Result evaluate(RulePack pack, AssessmentReader reader, Lang language, String source, int line, byte[] utf8,
			boolean bytes) {
		String text = new String(utf8, StandardCharsets.UTF_8);
		// The decoder put U+FFFD in place of what is not UTF-8: the line is checked byte
		// by
		// byte only then (a line of ASCII cannot hold it, and a genuine U+FFFD is rare).
		if (text.indexOf('\uFFFD') >= 0) {
			MalformedUtf8 where = MalformedUtf8.find(utf8, 0, utf8.length);
			if (where != null) {
				return errorLine(line, List.of(new InputError(source, line, 0, "", "not UTF-8 text: " + where)));
			}
		}
		if (text.isBlank()) {
			return null;
		}
		ReadResult read = reader.read(source, line, text);
		if (read instanceof ReadResult.Invalid bad) {
			return errorLine(line, bad.errors());
		}
		Catalogue.Resolution resolution = resolve(((ReadResult.Ok) read).assessment());
		if (resolution instanceof Catalogue.Unresolved unresolved) {
			List<InputError> errors = new ArrayList<>();
			unresolved.errors()
				.forEach(error -> errors.add(new InputError(source, line, 0, error.path(), error.message())));
			return errorLine(line, errors);
		}
		Decision decision = pack.evaluate(((Catalogue.Resolved) resolution).assessment(), trace);
		if (bytes) {
			return new Result(null, DecisionJson.compactUtf8(decision, language, true), null);
		}
		StringBuilder json = new StringBuilder(4096);
		DecisionJson.write(decision, language, DecisionJson.Form.COMPACT, new JsonWriter(json, false));
		return new Result(json.append('\n').toString(), null, null);
	}

	/**
	 * An offer named by the assessment gives its hosting facts; the catalogue is read
	 * only then.
	 */
	private Catalogue.Resolution resolve(Assessment assessment) {
		if (assessment.get("hosting.offerId") == null) {
			return new Catalogue.Resolved(assessment, null);
		}
		return Catalogue.reference().resolve(assessment, date);
	}

	/** Writes a batch; true when it held an invalid line. */
	private static boolean write(Result[] results, Writer out, OutputStream bytes, PrintWriter err) throws IOException {
		boolean invalid = false;
		for (Result result : results) {
			if (result == null) {
				continue;
			}
			if (result.errors() != null) {
				invalid = true;
				err.print(result.errors());
			}
			if (result.bytes() != null) {
				bytes.write(result.bytes());
			}
			else {
				out.write(result.output());
			}
		}
		return invalid;
	}

	/** The error object that stands for an invalid line, and the messages for stderr. */
	private static Result errorLine(int line, List<InputError> errors) {
		StringBuilder json = new StringBuilder();
		JsonWriter writer = new JsonWriter(json, false).beginObject()
			.name("schema")
			.value("nuage.error/v1")
			.name("line")
			.value((long) line)
			.name("errors")
			.beginArray();
		StringBuilder messages = new StringBuilder();
		for (InputError error : errors) {
			writer.beginObject()
				.name("path")
				.value(error.path())
				.name("column")
				.value((long) error.column())
				.name("message")
				.value(error.message())
				.endObject();
			messages.append(error.format()).append('\n');
		}
		writer.endArray().endObject();
		return new Result(json.append('\n').toString(), null, messages.toString());
	}

}
