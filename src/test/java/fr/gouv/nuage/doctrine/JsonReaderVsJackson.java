package fr.gouv.nuage.doctrine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's JSON reader and writer against Jackson 3 on the same documents, for ADR 8:
 * a plain timed harness (JMH is only on the bench profile's class path, and this class is
 * compiled by the default build too). Each benchmark runs in its own JVM, so that one's
 * profile does not pollute another's; in it, warm-up iterations, then measured ones of
 * about a second each, one thread, and the median of the measured rates, per second of
 * the JVM's CPU time and per second of wall time.
 *
 * <p>
 * Arguments: {@code [--warmup N] [--iterations N] [--seconds S] [--only NAME]}; without
 * {@code --only}, every benchmark in a fork ({@code -XX:+UseSerialGC -Xms1g -Xmx1g}),
 * then a table. Not a test (no {@code Test} in its name): surefire never runs it.
 */
public final class JsonReaderVsJackson {

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	private static final FactModel MODEL = FactModel.assessmentV1();

	private static final AssessmentReader READER = new AssessmentReader(MODEL);

	private static final String EXAMPLE = "/doctrine/examples/sensitive-on-commercial.json";

	/**
	 * What a typed Jackson reader binds an assessment-v1 document to: the schema's
	 * objects as records.
	 */
	public record Document(String schema, Entity entity, Project project, Hosting hosting, Data data,
			Commitments commitments) {
	}

	public record Entity(String name, String kind, String ministry) {
	}

	public record Project(String name, String stage, Double evolutionShare, Boolean contractorChange,
			Double fullCostEur, String solution, Boolean equivalentSolutionExists, Boolean collaborativeTool) {
	}

	public record Hosting(String offerId, String region, @JsonProperty("class") String hostingClass,
			String dataLocation, Boolean hdsCertified) {
	}

	public record Data(Boolean personal, Boolean publicAgents, Boolean companiesEconomic, Boolean health,
			List<String> legalSecrets, Boolean essentialStateMission, List<String> breachImpacts, String marking,
			Boolean transfersOutsideEu) {
	}

	public record Commitments(Boolean productMode, Boolean reversibilityPlan, Boolean reversibilityFunded,
			Boolean multiZoneResilience, Boolean compromiseDetection, Boolean portabilityChecked,
			Boolean comparativeStudy, Boolean gdprCompliant, Boolean immuneToExtraEuAccess, Boolean trainingPlan) {
	}

	/**
	 * One benchmark: a name, what one operation is, and its inputs (set up before any
	 * timing).
	 */
	record Bench(String name, String what, String inputs, Function<Inputs, Op> setUp) {
	}

	/**
	 * One operation on the i-th input; what it returns goes to a sink, so that it is not
	 * optimised away.
	 */
	interface Op {

		int apply(int i);

	}

	record Inputs(String[] texts, byte[][] bytes, List<Map<?, ?>> trees, List<Decision> decisions) {
		int size() {
			return texts != null ? texts.length : trees != null ? trees.size() : decisions.size();
		}

		long chars() {
			long n = 0;
			if (texts != null) {
				for (String t : texts) {
					n += t.length();
				}
			}
			return n;
		}
	}

	private static final List<Bench> BENCHES = List.of(
			read("engine", "AssessmentReader.read(text): the fused reader, to an Assessment",
					JsonReaderVsJackson::engineRead),
			read("engineFromBytes", "new String(UTF-8 bytes) + AssessmentReader.read, as a jsonl worker",
					in -> i -> ok(READER.read("bench", new String(in.bytes()[i], StandardCharsets.UTF_8)))),
			read("engineTree", "Json.parse(text): the engine's generic tree, no validation",
					in -> i -> ((Map<?, ?>) Json.parse(in.texts()[i])).size()),
			read("jacksonTree", "JsonMapper.readValue(text, Object.class): maps and lists, no validation",
					in -> i -> ((Map<?, ?>) JACKSON.readValue(in.texts()[i], Object.class)).size()),
			read("jacksonNode", "JsonMapper.readTree(text): JsonNode, no validation",
					in -> i -> JACKSON.readTree(in.texts()[i]).size()),
			read("jacksonRecords", "JsonMapper.readValue(text, Document.class): typed records, no validation",
					in -> i -> JACKSON.readValue(in.texts()[i], Document.class).schema().length()),
			read("jacksonAssessment", "readValue(text, Document.class) + Assessment.Builder: the same Assessment",
					in -> i -> sink(toAssessment(JACKSON.readValue(in.texts()[i], Document.class)))),
			read("jacksonAssessmentFromBytes", "readValue(UTF-8 bytes, Document.class) + Assessment.Builder",
					in -> i -> sink(toAssessment(JACKSON.readValue(in.bytes()[i], Document.class)))),
			read("jacksonMapEntryPoint", "readValue(text, Map) + AssessmentReader.read(source, Map)",
					in -> i -> ok(READER.read("bench", jacksonMap(in.texts()[i])))),
			new Bench("decisionJson", "DecisionJson.write(COMPACT, FR): the engine's decision writer, texts rendered",
					"generated decisions",
					in -> i -> DecisionJson.write(in.decisions().get(i), Lang.FR, DecisionJson.Form.COMPACT, false)
						.length()),
			write("writerCompact", "JsonWriter.value(tree) of a compact decision", DecisionJson.Form.COMPACT, false),
			write("jacksonCompact", "JsonMapper.writeValueAsString(tree) of a compact decision",
					DecisionJson.Form.COMPACT, true),
			write("writerFull", "JsonWriter.value(tree) of a full decision", DecisionJson.Form.FULL, false),
			write("jacksonFull", "JsonMapper.writeValueAsString(tree) of a full decision", DecisionJson.Form.FULL,
					true));

	private JsonReaderVsJackson() {
	}

	private static Bench read(String name, String what, Function<Inputs, Op> op) {
		return new Bench(name, what, "assessments", op);
	}

	private static Bench write(String name, String what, DecisionJson.Form form, boolean jackson) {
		return new Bench(name, what, form == DecisionJson.Form.COMPACT ? "compact trees" : "full trees",
				jackson ? in -> i -> JACKSON.writeValueAsString(in.trees().get(i)).length() : in -> i -> {
					StringBuilder out = new StringBuilder(form == DecisionJson.Form.FULL ? 8192 : 4096);
					new JsonWriter(out, false).value(in.trees().get(i));
					return out.length();
				});
	}

	private static Op engineRead(Inputs in) {
		return i -> ok(READER.read("bench", in.texts()[i]));
	}

	private static int ok(ReadResult result) {
		if (result instanceof ReadResult.Ok ok) {
			return sink(ok.assessment());
		}
		throw new IllegalStateException("a benchmark input does not read: " + result);
	}

	/**
	 * A cheap read of the result: a hash code would walk it and time more than the
	 * reading.
	 */
	private static int sink(Assessment assessment) {
		return assessment.has(0) ? 1 : 0;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> jacksonMap(String text) {
		return JACKSON.readValue(text, Map.class);
	}

	public static void main(String[] args) throws Exception {
		// Jackson's data binding needs about ten seconds of a loaded machine before its
		// rate settles.
		int warmup = 15;
		int iterations = 10;
		double seconds = 1;
		String only = null;
		String dataset = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--warmup" -> warmup = Integer.parseInt(args[++i]);
				case "--iterations" -> iterations = Integer.parseInt(args[++i]);
				case "--seconds" -> seconds = Double.parseDouble(args[++i]);
				case "--only" -> only = args[++i];
				case "--dataset" -> dataset = args[++i];
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (only != null) {
			runOne(only, dataset, warmup, iterations, seconds);
			return;
		}
		check();
		List<String> rows = new ArrayList<>();
		for (Bench bench : BENCHES) {
			for (String set : bench.inputs().equals("assessments") ? List.of("generated", "example")
					: List.of("generated")) {
				rows.add(fork(bench.name(), set, warmup, iterations, seconds));
			}
		}
		System.out.println();
		System.out.println("| benchmark | inputs | what one operation is | median ops per CPU second | min – max |"
				+ " median ops/s (wall) | MB per CPU second (UTF-16 chars read) |");
		System.out.println("|---|---|---|---:|---:|---:|---:|");
		rows.forEach(System.out::println);
	}

	/** Runs one benchmark in a new JVM on this class path, and returns its table row. */
	private static String fork(String name, String dataset, int warmup, int iterations, double seconds)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-Xms1g",
				"-Xmx1g", "-cp", System.getProperty("java.class.path"), JsonReaderVsJackson.class.getName(), "--only",
				name, "--dataset", dataset, "--warmup", String.valueOf(warmup), "--iterations",
				String.valueOf(iterations), "--seconds", String.valueOf(seconds)));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String row = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				System.out.println(line);
				if (line.startsWith("| ")) {
					row = line;
				}
			}
		}
		if (process.waitFor() != 0 || row == null) {
			throw new IllegalStateException(name + " on " + dataset + " failed");
		}
		return row;
	}

	private static void runOne(String name, String dataset, int warmup, int iterations, double seconds) {
		Bench bench = BENCHES.stream()
			.filter(b -> b.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no benchmark " + name));
		String set = dataset == null ? "generated" : dataset;
		Inputs inputs = bench.inputs().equals("assessments") ? assessments(set)
				: bench.inputs().equals("generated decisions") ? decisions() : trees(
						bench.inputs().equals("full trees") ? DecisionJson.Form.FULL : DecisionJson.Form.COMPACT);
		Op op = bench.setUp().apply(inputs);
		int size = inputs.size();
		long nanos = (long) (seconds * 1e9);
		double[] perCpuSecond = new double[iterations];
		double[] perSecond = new double[iterations];
		int sink = 0;
		for (int it = -warmup; it < iterations; it++) {
			long count = 0;
			int next = 0;
			long cpuStart = processCpuNanos();
			long start = System.nanoTime();
			long elapsed;
			do {
				for (int k = 0; k < 64; k++) {
					sink += op.apply(next);
					if (++next == size) {
						next = 0;
					}
				}
				count += 64;
				elapsed = System.nanoTime() - start;
			}
			while (elapsed < nanos);
			long cpu = processCpuNanos() - cpuStart;
			double rate = count * 1e9 / cpu;
			System.out.printf(Locale.ROOT, "%s %s %s %d: %.0f ops per CPU second, %.0f ops/s%n", name, set,
					it < 0 ? "warm-up" : "iteration", it < 0 ? it + warmup + 1 : it + 1, rate, count * 1e9 / elapsed);
			if (it >= 0) {
				perCpuSecond[it] = rate;
				perSecond[it] = count * 1e9 / elapsed;
			}
		}
		Arrays.sort(perCpuSecond);
		Arrays.sort(perSecond);
		double median = perCpuSecond[iterations / 2];
		long chars = inputs.chars();
		String mbs = chars == 0 ? "" : String.format(Locale.ROOT, "%.0f", median * chars / size / 1e6);
		System.out.printf(Locale.ROOT, "| `%s` | %s (%d) | %s | %,.0f | %,.0f – %,.0f | %,.0f | %s |%n", name,
				bench.inputs().equals("assessments") ? set : bench.inputs(), size, bench.what(), median,
				perCpuSecond[0], perCpuSecond[iterations - 1], perSecond[iterations / 2], mbs);
		if (sink == 42) {
			// Reads the sink, so that the JIT keeps every operation.
			System.out.println();
		}
	}

	/**
	 * The CPU time of this JVM, GC and compiler threads included. The machine is shared
	 * (other builds run on its two cores): CPU time counts what the operations cost, wall
	 * time also whatever else ran.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static final int COUNT = 4096;

	/**
	 * The shipped example as it is (one document), or 4 096 seeded jsonl lines, half
	 * complete, half partial.
	 */
	static Inputs assessments(String set) {
		String[] texts;
		if (set.equals("example")) {
			texts = new String[] { resource(EXAMPLE) };
		}
		else {
			Random random = new Random(2026);
			texts = new String[COUNT];
			for (int i = 0; i < COUNT; i++) {
				texts[i] = generate(random, i % 2 == 0 ? 0.0 : 0.1 + random.nextDouble() * 0.6).toJson();
			}
		}
		byte[][] bytes = new byte[texts.length][];
		for (int i = 0; i < texts.length; i++) {
			bytes[i] = texts[i].getBytes(StandardCharsets.UTF_8);
		}
		return new Inputs(texts, bytes, null, null);
	}

	private static Inputs decisions() {
		RulePack pack = RulePacks.shipped().latest();
		List<Decision> decisions = new ArrayList<>();
		for (String text : assessments("generated").texts()) {
			decisions.add(pack.evaluate(((ReadResult.Ok) READER.read("bench", text)).assessment()));
		}
		return new Inputs(null, null, null, decisions);
	}

	/**
	 * Decisions as generic trees, so that both writers write the very same maps and
	 * lists.
	 */
	private static Inputs trees(DecisionJson.Form form) {
		List<Map<?, ?>> trees = new ArrayList<>();
		for (Decision decision : decisions().decisions()) {
			trees.add((Map<?, ?>) Json.parse(DecisionJson.write(decision, Lang.FR, form, false)));
		}
		return new Inputs(null, null, trees, null);
	}

	private static final String[] NAMES = { "Portail des démarches", "Système d'information RH", "Messagerie",
			"Plateforme de données de santé", "Téléservice « Mon dossier »", "Ministère de l'Intérieur",
			"Direction générale des Finances publiques", "Académie de Grenoble" };

	private static final double[] COSTS = { 0, 50_000, 999_999.99, 1_000_000, 2_500_000, 8_999_999, 9_000_000,
			25_000_000 };

	/**
	 * An assessment with each fact absent with the given probability; names as people
	 * write them.
	 */
	static Assessment generate(Random random, double absent) {
		Assessment.Builder builder = Assessment.builder(MODEL);
		for (Fact fact : MODEL.facts()) {
			if (random.nextDouble() < absent) {
				continue;
			}
			Object value = switch (fact.type()) {
				case BOOLEAN -> random.nextBoolean();
				case NUMBER -> fact.maximum() != null && fact.maximum() <= 1 ? random.nextInt(101) / 100.0
						: COSTS[random.nextInt(COSTS.length)];
				case ENUM -> fact.values().get(random.nextInt(fact.values().size()));
				case ENUM_LIST -> fact.values().stream().filter(v -> random.nextInt(4) == 0).toList();
				default -> fact.path().equals("hosting.offerId") ? null : NAMES[random.nextInt(NAMES.length)];
			};
			builder.set(fact.path(), value);
		}
		return builder.build();
	}

	/**
	 * The Jackson path to the engine's input: every bound value checked by the builder,
	 * as the reader checks it.
	 */
	static Assessment toAssessment(Document d) {
		Assessment.Builder b = Assessment.builder(MODEL);
		if (!MODEL.schemaId().equals(d.schema())) {
			throw new IllegalArgumentException("expected schema " + MODEL.schemaId());
		}
		if (d.entity() != null) {
			set(b, "entity.name", d.entity().name());
			set(b, "entity.kind", d.entity().kind());
			set(b, "entity.ministry", d.entity().ministry());
		}
		Project p = d.project();
		if (p != null) {
			set(b, "project.name", p.name());
			set(b, "project.stage", p.stage());
			set(b, "project.evolutionShare", p.evolutionShare());
			set(b, "project.contractorChange", p.contractorChange());
			set(b, "project.fullCostEur", p.fullCostEur());
			set(b, "project.solution", p.solution());
			set(b, "project.equivalentSolutionExists", p.equivalentSolutionExists());
			set(b, "project.collaborativeTool", p.collaborativeTool());
		}
		Hosting h = d.hosting();
		if (h != null) {
			set(b, "hosting.offerId", h.offerId());
			set(b, "hosting.region", h.region());
			set(b, "hosting.class", h.hostingClass());
			set(b, "hosting.dataLocation", h.dataLocation());
			set(b, "hosting.hdsCertified", h.hdsCertified());
		}
		Data x = d.data();
		if (x != null) {
			set(b, "data.personal", x.personal());
			set(b, "data.publicAgents", x.publicAgents());
			set(b, "data.companiesEconomic", x.companiesEconomic());
			set(b, "data.health", x.health());
			set(b, "data.legalSecrets", x.legalSecrets());
			set(b, "data.essentialStateMission", x.essentialStateMission());
			set(b, "data.breachImpacts", x.breachImpacts());
			set(b, "data.marking", x.marking());
			set(b, "data.transfersOutsideEu", x.transfersOutsideEu());
		}
		Commitments c = d.commitments();
		if (c != null) {
			set(b, "commitments.productMode", c.productMode());
			set(b, "commitments.reversibilityPlan", c.reversibilityPlan());
			set(b, "commitments.reversibilityFunded", c.reversibilityFunded());
			set(b, "commitments.multiZoneResilience", c.multiZoneResilience());
			set(b, "commitments.compromiseDetection", c.compromiseDetection());
			set(b, "commitments.portabilityChecked", c.portabilityChecked());
			set(b, "commitments.comparativeStudy", c.comparativeStudy());
			set(b, "commitments.gdprCompliant", c.gdprCompliant());
			set(b, "commitments.immuneToExtraEuAccess", c.immuneToExtraEuAccess());
			set(b, "commitments.trainingPlan", c.trainingPlan());
		}
		return b.build();
	}

	private static void set(Assessment.Builder builder, String path, Object value) {
		if (value != null) {
			builder.set(path, value);
		}
	}

	/**
	 * Before any timing: the Jackson paths read every input to the very Assessment the
	 * engine reads, and both writers' texts are the same JSON; a comparison of paths that
	 * disagree would measure nothing.
	 */
	static void check() {
		for (String set : List.of("generated", "example")) {
			Inputs in = assessments(set);
			for (int i = 0; i < in.size(); i++) {
				Assessment engine = ((ReadResult.Ok) READER.read("bench", in.texts()[i])).assessment();
				Assessment typed = toAssessment(JACKSON.readValue(in.texts()[i], Document.class));
				Assessment fromBytes = toAssessment(JACKSON.readValue(in.bytes()[i], Document.class));
				Assessment viaMap = ((ReadResult.Ok) READER.read("bench", jacksonMap(in.texts()[i]))).assessment();
				if (!engine.equals(typed) || !engine.equals(fromBytes) || !engine.equals(viaMap)) {
					throw new IllegalStateException("the readers disagree on " + in.texts()[i]);
				}
			}
		}
		for (DecisionJson.Form form : DecisionJson.Form.values()) {
			for (Map<?, ?> tree : trees(form).trees()) {
				StringBuilder out = new StringBuilder();
				new JsonWriter(out, false).value(tree);
				// Compared as trees of doubles: Jackson writes the double 50000.0 as
				// `50000.0`, JsonWriter as `50000`.
				if (!Json.parse(out.toString()).equals(Json.parse(JACKSON.writeValueAsString(tree)))) {
					throw new IllegalStateException("the writers disagree on " + tree);
				}
			}
		}
		System.out.println("check: on every input, the engine and the Jackson paths read the same Assessment"
				+ " and the two writers write the same JSON");
	}

	private static String resource(String name) {
		try (InputStream in = JsonReaderVsJackson.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("no resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
