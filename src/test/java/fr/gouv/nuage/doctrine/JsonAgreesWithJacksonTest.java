package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine keeps its own JSON reader and writer instead of Jackson because they are
 * faster on the jsonl path (ADR 8). This test makes that choice safe: on thousands of
 * seeded documents, {@link Json#parse}, {@link JsonWriter} and {@link AssessmentReader}
 * must read and write the same JSON as Jackson 3, the mapper the application uses for
 * every other body, and the fused reader must read from the text what the map entry point
 * reads from Jackson's tree.
 *
 * <p>
 * Trees are compared as plain values: an object as its members in document order, an
 * array as a list, and every number as the {@code double} it denotes, negative zero as
 * zero, since the engine has only doubles and writes -0.0 as {@code 0}. Where one reader
 * is knowingly stricter or more lenient than the other, {@link #knownDifferences()} pins
 * the difference, so that it is seen, not hidden, and noticed when it changes:
 * <ul>
 * <li>duplicate names: the engine refuses them, Jackson by default keeps the last; what
 * must be refused is therefore compared with Jackson with
 * {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION};
 * <li>a byte order mark at the start of the text: the engine skips it, Jackson refuses it
 * in a string (and skips it in bytes);
 * <li>nesting: the engine allows 512 levels, Jackson 500;
 * <li>numbers of more than 1 000 digits: the engine reads them, Jackson refuses them;
 * <li>numbers are doubles for the engine: {@code -0} is -0.0, and integers beyond 2^53
 * are rounded, where Jackson keeps an exact {@link Integer}, {@link Long} or
 * {@link BigInteger};
 * <li>the four hex digits of an escape, where JSON allows ASCII hex digits only: Jackson
 * reading characters takes any character whose low byte is a hex digit; the random edits
 * below can put such a character after a backslash-u, and there the engine must refuse as
 * Jackson reading bytes does;
 * <li>{@link AssessmentReader#read(String, Map)} adds a missing {@code schema}, and
 * throws {@link IllegalArgumentException} on a non-finite number where the text path
 * reports an input error.
 * </ul>
 * Neither refuses lone surrogates, escaped or raw: both keep them as they are.
 */
class JsonAgreesWithJacksonTest {

	/** Jackson as the application's mapper has it by default. */
	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	/**
	 * Jackson refusing duplicate names as the engine does: the reference for what must be
	 * refused.
	 */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private static final AssessmentReader READER = new AssessmentReader(FactModel.assessmentV1());

	/**
	 * An object as its members in document order: {@link Map#equals} would not see the
	 * order.
	 */
	record Obj(List<Member> members) {
	}

	record Member(String name, Object value) {
	}

	/** What a reader made of a text: a normalised tree, or a refusal and why. */
	sealed interface Outcome permits Accepted, Refused {

	}

	record Accepted(Object tree) implements Outcome {
	}

	record Refused(String why) implements Outcome {
	}

	/** A generated document and the tree it denotes. */
	record Doc(String text, Object tree) {
	}

	/** A syntax fault in one object or array. */
	enum Fault {

		TRAILING_COMMA, LEADING_COMMA, DOUBLE_COMMA, MISSING_COMMA, UNCLOSED, WRONG_CLOSE, MISSING_COLON, UNQUOTED_NAME,
		SINGLE_QUOTES;

		/**
		 * This fault where it can be made, else a trailing comma: a comma is missing
		 * between two items only.
		 */
		Fault in(boolean object, int size) {
			boolean possible = switch (this) {
				case MISSING_COMMA -> size >= 2;
				case MISSING_COLON, UNQUOTED_NAME, SINGLE_QUOTES -> object && size >= 1;
				default -> true;
			};
			return possible ? this : TRAILING_COMMA;
		}

	}

	@Test
	void readsGeneratedDocumentsToTheTreeJacksonReads() {
		Documents documents = new Documents(20260101);
		for (int i = 0; i < 3000; i++) {
			Doc doc = documents.next();
			Accepted expected = new Accepted(doc.tree());
			assertThat(engine(doc.text())).as(on("engine", doc.text())).isEqualTo(expected);
			assertThat(jackson(JACKSON, doc.text())).as(on("Jackson", doc.text())).isEqualTo(expected);
		}
	}

	@Test
	void writesTreesThatJacksonReadsBack() {
		Documents documents = new Documents(42);
		for (int i = 0; i < 3000; i++) {
			Doc doc = documents.next();
			Accepted expected = new Accepted(doc.tree());
			if (hasInfinity(doc.tree())) {
				// 1e400 reads as infinity; JSON has no number for it, so the writer
				// refuses to write one.
				assertThatThrownBy(() -> write(Json.parse(doc.text()), false))
					.isInstanceOf(IllegalArgumentException.class);
				continue;
			}
			// The engine's tree (doubles) and Jackson's (Integer, Long, BigInteger,
			// Double) alike.
			for (Object tree : new Object[] { Json.parse(doc.text()), JACKSON.readValue(doc.text(), Object.class) }) {
				for (boolean pretty : new boolean[] { false, true }) {
					String written = write(tree, pretty);
					assertThat(jackson(STRICT, written))
						.as(() -> "Jackson on " + show(written) + ", written from " + show(doc.text()))
						.isEqualTo(expected);
				}
			}
			// And the other way: what Jackson writes, the engine reads.
			String byJackson = JACKSON.writeValueAsString(JACKSON.readValue(doc.text(), Object.class));
			assertThat(engine(byJackson)).as(on("engine", byJackson)).isEqualTo(expected);
		}
	}

	@Test
	void quotesEveryCharacterAsJacksonReadsIt() {
		// Every UTF-16 unit alone, lone surrogates included, then after and before a
		// letter.
		for (int code = 0; code <= 0xFFFF; code++) {
			char c = (char) code;
			String s = String.valueOf(c);
			for (String text : new String[] { s, "a" + s, s + "a" }) {
				String quoted = JsonWriter.quote(text);
				assertThat(STRICT.readValue(quoted, Object.class)).as(on("quoted", quoted)).isEqualTo(text);
				assertThat(quoted.chars().noneMatch(ch -> ch < 0x20)).as(on("control character left raw", quoted))
					.isTrue();
			}
		}
	}

	@Test
	void writesNumbersThatJacksonReadsBackExactly() {
		Random random = new Random(11);
		for (int i = 0; i < 50_000; i++) {
			double d;
			switch (i % 5) {
				case 0 -> d = Double.longBitsToDouble(random.nextLong());
				case 1 -> d = random.nextLong();
				case 2 -> d = (random.nextInt(2_000_001) - 1_000_000) / 100.0;
				case 3 -> d = Math.scalb(random.nextDouble(), random.nextInt(140) - 70);
				default -> d = (random.nextBoolean() ? 1e18 : 9.007199254740992e15) + random.nextInt(2001) - 1000;
			}
			if (!Double.isFinite(d)) {
				continue;
			}
			String text = JsonWriter.number(d);
			Object read = STRICT.readValue(text, Object.class);
			assertThat(read).as(text).isInstanceOf(Number.class);
			assertThat(((Number) read).doubleValue() + 0.0).as(text).isEqualTo(d + 0.0);
			if (d == Math.rint(d) && Math.abs(d) < 1e18) {
				// What JsonWriter promises: integral values without a fraction or an
				// exponent.
				assertThat(text).as("%s", d).matches("-?[0-9]+");
			}
		}
	}

	@Test
	void refusesWhatJacksonRefusesAfterRandomEdits() {
		Documents documents = new Documents(7);
		int refused = 0;
		int hexDefects = 0;
		for (int i = 0; i < 6000; i++) {
			String text = documents.mutate(documents.next().text());
			Outcome engine = engine(text);
			Outcome jackson = jackson(STRICT, text);
			if (!agree(engine, jackson) && hexDefect(text)) {
				// Jackson's defect, not the engine's: from bytes, Jackson refuses too.
				assertThat(engine).as(on("engine", text)).isInstanceOf(Refused.class);
				assertThat(jacksonBytes(text)).as(on("Jackson from bytes", text)).isInstanceOf(Refused.class);
				hexDefects++;
				continue;
			}
			assertThat(engine instanceof Accepted)
				.as(() -> "engine " + engine + ", Jackson " + jackson + ", on " + show(text))
				.isEqualTo(jackson instanceof Accepted);
			if (engine instanceof Accepted) {
				assertThat(engine).as(on("both", text)).isEqualTo(jackson);
			}
			else {
				refused++;
			}
		}
		// The edits must mostly break the documents, or this test would compare valid
		// ones only.
		assertThat(refused).isGreaterThan(4000);
		assertThat(hexDefects).isLessThan(60);
	}

	private static boolean agree(Outcome engine, Outcome jackson) {
		return engine instanceof Refused ? jackson instanceof Refused : engine.equals(jackson);
	}

	/**
	 * A non-ASCII character among the four after a backslash-u: where Jackson reading
	 * characters has a defect.
	 */
	private static final Pattern NON_ASCII_HEX = Pattern.compile("\\\\u[0-9A-Fa-f]{0,3}[^\\x00-\\x7F]");

	/**
	 * Whether a disagreement may come from Jackson's defect in reading the four hex
	 * digits of an escape (see {@link #knownDifferences()}): the random edits put the
	 * non-ASCII characters of the generated strings right after a backslash-u.
	 */
	private static boolean hexDefect(String text) {
		return NON_ASCII_HEX.matcher(text).find();
	}

	/** Mistakes people and programs make, each refused in any context. */
	private static final String[] MISTAKES = {
			// commas, colons, brackets
			"[1,]", "{\"a\":1,}", "[,1]", "[1,,2]", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{\"a\"::1}", "{1:2}",
			"{a:1}", "{'a':1}", "['a']", "[1 2]", "{\"a\":1 \"b\":2}", "[1]]", "[[1]", "{\"a\":1}}", "{\"a\":[}", "[}",
			"]", "}", ":", ",", "[", "{",
			// strings and escapes
			"\"abc", "\"a\\\"", "\"\\x\"", "\"\\a\"", "\"\\'\"", "\"\\0\"", "\"\\U0041\"", "\"\\ \"", "\"\\\u00e9\"",
			"\"\\u\"", "\"\\u1\"", "\"\\u12\"", "\"\\u123\"", "\"\\u12g4\"", "\"\\uD83D\\u\"", "\"\\u-123\"",
			"\"\\u+123\"", "\"a\u0000b\"", "\"a\nb\"", "\"a\rb\"", "\"a\tb\"", "\"\u001f\"", "'a'", "`a`",
			// numbers
			"01", "-01", "00", "00.5", "012e3", "-00", "1.", "-1.", ".5", "-.5", "+1", "1e", "1e+", "1E-", "1e+-1", "-",
			"--1", "1.e5", "1.5.2", "0x1F", "1_000", "1e5.5", "NaN", "Infinity", "-Infinity", "+Infinity", "\u0661",
			"\uFF11", "1\u00a0",
			// literals
			"tru", "True", "TRUE", "nul", "NULL", "None", "falsee", "fals", "undefined", "nil", "truefalse",
			// what is not whitespace in JSON, comments
			"\u00a01", "\u000b1", "\u000c1", "\u20281", "\u30001", "\u0000", "/*x*/1", "1/*x*/", "// x\n1", "#x\n1",
			// two values where one is expected
			"1 2", "{} {}", "\"a\" \"b\"", "[] x", "null null",
			// duplicate names, also when an escape spells them
			"{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"\\ud83d\\ude00\":1,\"\ud83d\ude00\":2}",
			"{\"x\":{\"a\":[],\"b\":0,\"a\":null}}", };

	/**
	 * Mistakes that only the top level shows: in an array, no value is the empty array.
	 */
	private static final String[] TOP_LEVEL_MISTAKES = { "", " ", "\n\t\r ", "\uFEFF", "\uFEFF " };

	private static final String[] CONTEXTS = { "@", " @ ", "[@]", "[1, @]", "[@, true]", "{\"k\": @}",
			"{\"a\": [], \"k\": @, \"z\": 0}", "[[[@]]]", "{\"k\": {\"k\": [@]}}", };

	@Test
	void refusesTheUsualMistakesLikeJackson() {
		int checked = 0;
		for (String mistake : MISTAKES) {
			for (String context : CONTEXTS) {
				checked += assertBothRefuse(context.replace("@", mistake));
			}
		}
		for (String mistake : TOP_LEVEL_MISTAKES) {
			checked += assertBothRefuse(mistake);
		}
		assertThat(checked).isEqualTo(MISTAKES.length * CONTEXTS.length + TOP_LEVEL_MISTAKES.length);
	}

	private static int assertBothRefuse(String text) {
		assertThat(engine(text)).as(on("engine", text)).isInstanceOf(Refused.class);
		assertThat(jackson(STRICT, text)).as(on("Jackson", text)).isInstanceOf(Refused.class);
		return 1;
	}

	@Test
	void knownDifferences() {
		// Duplicate names: refused by the engine, the last kept by Jackson's default.
		String duplicate = "{\"a\":1,\"a\":2}";
		assertThat(engine(duplicate)).isInstanceOf(Refused.class);
		assertThat(jackson(JACKSON, duplicate)).isEqualTo(new Accepted(new Obj(List.of(new Member("a", 2.0)))));
		assertThat(jackson(STRICT, duplicate)).isInstanceOf(Refused.class);

		// A leading byte order mark: skipped by the engine; Jackson refuses it in a
		// string, skips it in bytes.
		String bom = "\uFEFF[1]";
		assertThat(engine(bom)).isEqualTo(new Accepted(List.of(1.0)));
		assertThat(jackson(JACKSON, bom)).isInstanceOf(Refused.class);
		assertThat(JACKSON.readValue(bom.getBytes(StandardCharsets.UTF_8), Object.class)).isEqualTo(List.of(1));

		// Nesting: 512 levels for the engine, 500 for Jackson (StreamReadConstraints).
		for (int depth = 495; depth <= 520; depth++) {
			String nested = "[".repeat(depth) + "]".repeat(depth);
			assertThat(engine(nested) instanceof Accepted).as("engine at depth %d", depth).isEqualTo(depth <= 512);
			assertThat(jackson(JACKSON, nested) instanceof Accepted).as("Jackson at depth %d", depth)
				.isEqualTo(depth <= 500);
		}

		// Numbers: up to 1 000 digits both agree; beyond, only the engine reads them
		// (Jackson's
		// StreamReadConstraints count the digits of the integer and fraction parts).
		Map<String, Boolean> jacksonReads = new LinkedHashMap<>();
		jacksonReads.put("1".repeat(1000), true);
		jacksonReads.put("0." + "3".repeat(999), true);
		jacksonReads.put("1".repeat(1001), false);
		jacksonReads.put("1".repeat(600) + "." + "1".repeat(600), false);
		jacksonReads.put("0." + "3".repeat(5000), false);
		jacksonReads.forEach((number, read) -> {
			Outcome engine = engine(number);
			assertThat(engine).isEqualTo(new Accepted(new BigDecimal(number).doubleValue()));
			Outcome jackson = jackson(JACKSON, number);
			if (read) {
				assertThat(jackson).as("Jackson on %d characters", number.length()).isEqualTo(engine);
			}
			else {
				assertThat(jackson).as("Jackson on %d characters", number.length())
					.isInstanceOfSatisfying(Refused.class,
							refused -> assertThat(refused.why()).contains("getMaxNumberLength"));
			}
		});

		// Numbers are doubles for the engine: the sign of zero and the digits beyond 2^53
		// are what a double keeps.
		assertThat(Json.parse("-0")).isEqualTo(-0.0);
		assertThat(JACKSON.readValue("-0", Object.class)).isEqualTo(0);
		assertThat(Json.parse("9007199254740993")).isEqualTo(9007199254740992.0);
		assertThat(JACKSON.readValue("9007199254740993", Object.class)).isEqualTo(9007199254740993L);
		assertThat(JACKSON.readValue("123456789012345678901234567890", Object.class))
			.isEqualTo(new BigInteger("123456789012345678901234567890"));

		// The four hex digits of an escape: JSON allows 0-9, a-f, A-F only. The engine
		// refuses every other character there, the Unicode digits and fullwidth letters
		// included; Jackson reading characters (CharTypes.charToHex, ch & 0xFF) takes any
		// character whose low byte is an ASCII hex digit (U+0131 as 1, U+0141 as A),
		// and refuses them from bytes, as the engine does.
		for (String escape : new String[] { "\"\\u\uFF10\uFF10\uFF14\uFF11\"", "\"\\u\u0660\u0660\u0664\u0661\"",
				"\"\\u00\uFF21\uFF21\"", "\"\\u0\u0966\u0966\u0966\"" }) {
			assertThat(engine(escape)).as(on("engine", escape)).isInstanceOf(Refused.class);
			assertThat(jacksonBytes(escape)).as(on("Jackson", escape)).isInstanceOf(Refused.class);
		}
		for (String escape : new String[] { "\"\\u00\u0131\u0131\"", "\"\\u00\u0141\u0161\"",
				"\"\\u\u0130\u0130\u0130\u0130\"", "\"\\u0\u0966\u0966\u0966\"" }) {
			assertThat(engine(escape)).as(on("engine", escape)).isInstanceOf(Refused.class);
			assertThat(jackson(JACKSON, escape)).as(on("Jackson", escape)).isInstanceOf(Accepted.class);
			assertThat(jacksonBytes(escape)).as(on("Jackson from bytes", escape)).isInstanceOf(Refused.class);
		}

		// The map entry point adds a missing schema marker; the text path asks for it.
		Map<String, Object> noSchema = Map.of("entity", Map.of("kind", "PRIVATE"));
		assertThat(READER.read("map", noSchema)).isInstanceOf(ReadResult.Ok.class);
		assertThat(READER.read("text", "{\"entity\":{\"kind\":\"PRIVATE\"}}")).isInstanceOf(ReadResult.Invalid.class);

		// A number Jackson reads as infinite: an input error for the text path, an
		// exception from the
		// map entry point, whose JsonWriter has no JSON for it.
		String infinite = "{\"schema\":\"nuage.assessment/v1\",\"project\":{\"fullCostEur\":1e400}}";
		assertThat(READER.read("text", infinite)).isInstanceOfSatisfying(ReadResult.Invalid.class,
				invalid -> assertThat(invalid.errors()).extracting(InputError::path)
					.containsExactly("project.fullCostEur"));
		assertThatThrownBy(() -> READER.read("map", jacksonMap(infinite))).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("JSON has no number for Infinity");
	}

	@Test
	void theFusedReaderReadsTheFactsOfTheJacksonPath() {
		Assessments assessments = new Assessments(20230531);
		Documents documents = new Documents(5);
		for (int i = 0; i < 3000; i++) {
			Assessment assessment = documents.withTexts(
					i % 4 == 0 ? assessments.complete() : assessments.partial(documents.random.nextDouble() * 0.9));
			String text = documents.render(Json.parse(assessment.toJson()), false);
			ReadResult expected = new ReadResult.Ok(assessment);
			assertThat(READER.read("generated", text)).as(on("fused", text)).isEqualTo(expected);
			assertThat(READER.read("generated", jacksonMap(text)))
				.as(on("the map entry point, given Jackson's tree,", text))
				.isEqualTo(expected);
		}
	}

	@Test
	void theFusedReaderReportsTheErrorsOfTheJacksonPath() {
		Assessments assessments = new Assessments(99);
		Documents documents = new Documents(6);
		for (int i = 0; i < 2000; i++) {
			@SuppressWarnings("unchecked")
			Map<String, Object> tree = (Map<String, Object>) Json.parse(assessments.partial(0.3).toJson());
			int faults = 1 + documents.random.nextInt(3);
			for (int f = 0; f < faults; f++) {
				documents.spoil(tree);
			}
			// Numbers as JsonWriter writes them: an error message quotes a number as the
			// text has it.
			String text = documents.render(tree, true);
			ReadResult fused = READER.read("generated", text);
			ReadResult viaJackson = READER.read("generated", jacksonMap(text));
			assertThat(fused).as(on("fused", text)).isInstanceOf(ReadResult.Invalid.class);
			assertThat(errors(viaJackson)).as(on("both", text)).isEqualTo(errors(fused));
		}
	}

	@Test
	void theFusedReaderRefusesWhatJacksonRefusesAfterRandomEdits() {
		Assessments assessments = new Assessments(3);
		Documents documents = new Documents(8);
		int refusedByJackson = 0;
		int infinite = 0;
		int hexDefects = 0;
		for (int i = 0; i < 6000; i++) {
			Assessment assessment = documents.withTexts(assessments.partial(documents.random.nextDouble() * 0.5));
			String text = documents.mutate(documents.render(Json.parse(assessment.toJson()), true));
			ReadResult fused = READER.read("generated", text);
			Outcome engine = engine(text);
			Outcome jackson = jackson(STRICT, text);
			if (!agree(engine, jackson) && hexDefect(text)) {
				// Jackson's defect, not the engine's: from bytes, Jackson refuses too.
				assertThat(engine).as(on("engine", text)).isInstanceOf(Refused.class);
				assertThat(jacksonBytes(text)).as(on("Jackson from bytes", text)).isInstanceOf(Refused.class);
				hexDefects++;
				continue;
			}
			if (jackson instanceof Refused refused) {
				// Not JSON for Jackson: the fused reader must refuse it too, whatever
				// else it found.
				refusedByJackson++;
				assertThat(fused).as(() -> "fused on " + show(text) + " (Jackson: " + refused.why() + ")")
					.isInstanceOf(ReadResult.Invalid.class);
				assertThat(engine).as(on("Json.parse", text)).isInstanceOf(Refused.class);
				continue;
			}
			assertThat(engine).as(on("Json.parse", text)).isEqualTo(jackson);
			Object tree = STRICT.readValue(text, Object.class);
			if (!(tree instanceof Map)) {
				assertThat(fused).as(on("fused", text)).isInstanceOf(ReadResult.Invalid.class);
			}
			else if (hasInfinity(tree)) {
				// The documented difference of the map entry point (see
				// knownDifferences).
				infinite++;
				assertThat(fused).isInstanceOf(ReadResult.Invalid.class);
			}
			else {
				@SuppressWarnings("unchecked")
				Map<String, Object> map = (Map<String, Object>) tree;
				ReadResult viaJackson = READER.read("generated", map);
				List<String> found = errors(fused);
				if (!map.containsKey("schema")) {
					// The map entry point adds the marker an edit removed (see
					// knownDifferences).
					assertThat(found).as(on("fused", text)).anyMatch(e -> e.startsWith(MISSING_SCHEMA));
					found.removeIf(e -> e.startsWith(MISSING_SCHEMA));
					if (found.isEmpty()) {
						assertThat(viaJackson).as(on("both", text)).isInstanceOf(ReadResult.Ok.class);
						continue;
					}
				}
				assertThat(found).as(on("both", text)).isEqualTo(errors(viaJackson));
			}
		}
		assertThat(refusedByJackson).isGreaterThan(4000);
		assertThat(infinite).isLessThan(60);
		assertThat(hexDefects).isLessThan(60);
	}

	@Test
	void theFusedReaderRefusesSyntaxFaultsLikeJackson() {
		// The fused reader walks objects and enum lists with its own loops, not Json's:
		// each fault
		// is put in every kind of container, the root, a section, a list.
		Assessments assessments = new Assessments(17);
		Documents documents = new Documents(18);
		Fault[] faults = Fault.values();
		for (int i = 0; i < 3000; i++) {
			Object tree = Json
				.parse(documents.withTexts(assessments.partial(documents.random.nextDouble() * 0.3)).toJson());
			List<Object> containers = new ArrayList<>();
			collectContainers(tree, containers);
			List<Object> lists = containers.stream().filter(c -> c instanceof List).toList();
			Object target = !lists.isEmpty() && i % 3 == 0 ? lists.get(documents.random.nextInt(lists.size()))
					: containers.get(documents.random.nextInt(containers.size()));
			String text = documents.render(tree, true, target, faults[i % faults.length]);
			assertThat(jackson(STRICT, text)).as(on("Jackson", text)).isInstanceOf(Refused.class);
			assertThat(engine(text)).as(on("Json.parse", text)).isInstanceOf(Refused.class);
			assertThat(READER.read("generated", text)).as(on("fused", text)).isInstanceOf(ReadResult.Invalid.class);
		}
	}

	private static void collectContainers(Object value, List<Object> containers) {
		if (value instanceof Map<?, ?> map) {
			containers.add(map);
			map.values().forEach(v -> collectContainers(v, containers));
		}
		else if (value instanceof List<?> list) {
			containers.add(list);
			list.forEach(v -> collectContainers(v, containers));
		}
	}

	/** The engine's verdict on a text. */
	static Outcome engine(String text) {
		try {
			return new Accepted(normal(Json.parse(text)));
		}
		catch (JsonException e) {
			return new Refused(e.getMessage() + " at " + e.line() + ":" + e.column());
		}
	}

	static Outcome jackson(JsonMapper mapper, String text) {
		try {
			return new Accepted(normal(mapper.readValue(text, Object.class)));
		}
		catch (JacksonException e) {
			return new Refused(e.getOriginalMessage());
		}
	}

	/** Jackson reading the text's UTF-8 bytes, where it reads the hex digits strictly. */
	static Outcome jacksonBytes(String text) {
		try {
			return new Accepted(normal(STRICT.readValue(text.getBytes(StandardCharsets.UTF_8), Object.class)));
		}
		catch (JacksonException e) {
			return new Refused(e.getOriginalMessage());
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> jacksonMap(String text) {
		return (Map<String, Object>) JACKSON.readValue(text, Object.class);
	}

	/**
	 * Maps with their member order, lists, strings, booleans, null, and every number as a
	 * double.
	 */
	static Object normal(Object value) {
		if (value instanceof Map<?, ?> map) {
			List<Member> members = new ArrayList<>(map.size());
			for (Map.Entry<?, ?> e : map.entrySet()) {
				members.add(new Member((String) e.getKey(), normal(e.getValue())));
			}
			return new Obj(members);
		}
		if (value instanceof List<?> list) {
			List<Object> items = new ArrayList<>(list.size());
			for (Object item : list) {
				items.add(normal(item));
			}
			return items;
		}
		if (value instanceof Number number) {
			// Adding zero turns -0.0 into 0.0: the engine writes both as 0.
			return number.doubleValue() + 0.0;
		}
		if (value == null || value instanceof String || value instanceof Boolean) {
			return value;
		}
		throw new IllegalArgumentException("not a JSON value: " + value.getClass());
	}

	static boolean hasInfinity(Object value) {
		if (value instanceof Obj obj) {
			return obj.members().stream().anyMatch(m -> hasInfinity(m.value()));
		}
		if (value instanceof Map<?, ?> map) {
			return map.values().stream().anyMatch(JsonAgreesWithJacksonTest::hasInfinity);
		}
		if (value instanceof List<?> list) {
			return list.stream().anyMatch(JsonAgreesWithJacksonTest::hasInfinity);
		}
		return value instanceof Number number && !Double.isFinite(number.doubleValue());
	}

	static String write(Object tree, boolean pretty) {
		StringBuilder out = new StringBuilder();
		new JsonWriter(out, pretty).value(tree);
		return out.toString();
	}

	private static final String MISSING_SCHEMA = ": missing property `schema`";

	private static final Pattern QUOTED_NUMBER = Pattern.compile("`(-?[0-9][0-9.eE+-]*)`");

	/**
	 * A result as the paths and messages of its errors, without positions: the map entry
	 * point writes the tree again, so its lines and columns are those of that text. A
	 * number a message quotes is compared by value, since the text path quotes it as
	 * written. An assessment that reads is its JSON.
	 */
	static List<String> errors(ReadResult result) {
		if (result instanceof ReadResult.Ok ok) {
			return new ArrayList<>(List.of("ok " + ok.assessment().toJson()));
		}
		List<String> errors = new ArrayList<>();
		for (InputError e : ((ReadResult.Invalid) result).errors()) {
			Matcher m = QUOTED_NUMBER.matcher(e.message());
			StringBuilder message = new StringBuilder();
			while (m.find()) {
				String number;
				try {
					number = JsonWriter.number(new BigDecimal(m.group(1)).doubleValue());
				}
				catch (IllegalArgumentException notANumber) {
					number = m.group(1);
				}
				m.appendReplacement(message, Matcher.quoteReplacement("`" + number + "`"));
			}
			m.appendTail(message);
			errors.add(e.path() + ": " + message);
		}
		// Sorted: the map entry point moves the schema marker first, and so its error.
		Collections.sort(errors);
		return errors;
	}

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	/**
	 * A lazy assertion description: most documents pass, and showing one costs more than
	 * reading it.
	 */
	static Supplier<String> on(String what, String text) {
		return () -> what + " on " + show(text);
	}

	/**
	 * A text fit for an assertion message: what is not printable ASCII as a Java escape.
	 */
	static String show(String text) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < text.length() && b.length() < 3000; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x7F) {
				b.append(c);
			}
			else {
				b.append("\\u")
					.append(HEX[c >> 12])
					.append(HEX[c >> 8 & 0xF])
					.append(HEX[c >> 4 & 0xF])
					.append(HEX[c & 0xF]);
			}
		}
		return b.toString();
	}

	/**
	 * Seeded JSON texts, each with the tree it denotes: whitespace anywhere it may be,
	 * every kind of escape in upper and lower case, code points of every plane and lone
	 * surrogates, numbers of every form, their value being the double their decimal
	 * rounds to.
	 */
	static final class Documents {

		private static final int MAX_DEPTH = 6;

		private static final String[] SPACES = { " ", "\t", "\n", "\r\n", "\r", "  ", "\n\t\t" };

		private static final String[] NAMED_ESCAPES = new String[0x20];

		static {
			NAMED_ESCAPES['\b'] = "\\b";
			NAMED_ESCAPES['\f'] = "\\f";
			NAMED_ESCAPES['\n'] = "\\n";
			NAMED_ESCAPES['\r'] = "\\r";
			NAMED_ESCAPES['\t'] = "\\t";
		}

		/**
		 * Numbers at the edges of doubles and of the engine's fast path (at most 2^53,
		 * 10^22, 18 digits).
		 */
		private static final String[] EDGE_NUMBERS = { "0", "-0", "0.0", "-0.0", "0e0", "-0E-0", "0e400", "1e22",
				"1e23", "-1e22", "9007199254740992", "9007199254740993", "-9007199254740993", "99999999999999999",
				"999999999999999999", "9999999999999999999", "18446744073709551616", "1.7976931348623157e308",
				"1.7976931348623158e308", "1.7976931348623159e308", "4.9e-324", "2.4703282292062328e-324",
				"2.4703282292062327e-324", "2.2250738585072011e-308", "2.2250738585072012e-308", "1e-400", "1e400",
				"-1e400", "123456789012345678901234567890e-10", "0.1", "0.30000000000000004",
				"1.000000000000000000000000001", "100000000000000000000000.5", "1E+2", "1e-2", "1E007",
				"12345678901234567e-22", "1234567890123456.7e-300", };

		final Random random;

		private StringBuilder out;

		Documents(long seed) {
			this.random = new Random(seed);
		}

		Doc next() {
			out = new StringBuilder();
			space();
			Object tree = value(0, random.nextInt(5) != 0);
			space();
			return new Doc(out.toString(), tree);
		}

		private Object value(int depth, boolean container) {
			int kind = container ? 6 + random.nextInt(2) : random.nextInt(depth < MAX_DEPTH ? 8 : 6);
			switch (kind) {
				case 0, 1:
					String s = text(12);
					quote(s);
					return s;
				case 2, 3:
					return number();
				case 4:
					boolean b = random.nextBoolean();
					out.append(b);
					return b;
				case 5:
					out.append("null");
					return null;
				case 6:
					return object(depth);
				default:
					return array(depth);
			}
		}

		private Obj object(int depth) {
			out.append('{');
			space();
			int n = random.nextInt(6);
			Set<String> names = new HashSet<>();
			List<Member> members = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				if (i > 0) {
					out.append(',');
					space();
				}
				String name;
				do {
					name = text(6);
				}
				while (!names.add(name));
				quote(name);
				space();
				out.append(':');
				space();
				members.add(new Member(name, value(depth + 1, false)));
				space();
			}
			out.append('}');
			return new Obj(members);
		}

		private List<Object> array(int depth) {
			out.append('[');
			space();
			int n = random.nextInt(6);
			List<Object> items = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				if (i > 0) {
					out.append(',');
					space();
				}
				items.add(value(depth + 1, false));
				space();
			}
			out.append(']');
			return items;
		}

		private void space() {
			if (random.nextInt(3) == 0) {
				for (int i = random.nextInt(2); i >= 0; i--) {
					out.append(SPACES[random.nextInt(SPACES.length)]);
				}
			}
		}

		/** Up to {@code max} UTF-16 units, each at most one code point. */
		String text(int max) {
			StringBuilder s = new StringBuilder();
			for (int i = random.nextInt(max + 1); i > 0; i--) {
				switch (random.nextInt(20)) {
					case 0, 1, 2, 3, 4, 5, 6, 7 -> s.append((char) (0x20 + random.nextInt(0x5F)));
					case 8 -> s.append((char) random.nextInt(0x20));
					case 9 -> s.append("\"\\/".charAt(random.nextInt(3)));
					case 10 -> s.append((char) (0x7F + random.nextInt(0x21)));
					case 11 -> s.append((char) (0xA0 + random.nextInt(0xE0)));
					case 12 -> s.append((char) (0x800 + random.nextInt(0xD800 - 0x800)));
					case 13 -> s.append((char) (0xE000 + random.nextInt(0xFFFE - 0xE000)));
					case 14 -> s.append(random.nextBoolean() ? '\u2028' : '\u2029');
					case 15, 16 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
					case 17 -> s.appendCodePoint(0x1F600 + random.nextInt(0x50));
					case 18 -> s.append((char) (0xD800 + random.nextInt(0x400)));
					default -> s.append((char) (0xDC00 + random.nextInt(0x400)));
				}
			}
			return s.toString();
		}

		/**
		 * A string literal for {@code s}, each character raw or escaped in one of the
		 * ways JSON allows.
		 */
		void quote(String s) {
			out.append('"');
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				boolean escape = random.nextInt(8) == 0;
				if (c == '"' || c == '\\') {
					if (escape) {
						unicode(c);
					}
					else {
						out.append('\\').append(c);
					}
				}
				else if (c == '/') {
					if (escape) {
						unicode(c);
					}
					else {
						out.append(random.nextBoolean() ? "\\/" : "/");
					}
				}
				else if (c < 0x20) {
					if (NAMED_ESCAPES[c] != null && random.nextInt(4) != 0) {
						out.append(NAMED_ESCAPES[c]);
					}
					else {
						unicode(c);
					}
				}
				else if (escape) {
					// Either half of a surrogate pair may be escaped alone: JSON escapes
					// UTF-16 units.
					unicode(c);
				}
				else {
					out.append(c);
				}
			}
			out.append('"');
		}

		private void unicode(char c) {
			out.append("\\u");
			for (int shift = 12; shift >= 0; shift -= 4) {
				char h = HEX[c >> shift & 0xF];
				out.append(random.nextBoolean() ? Character.toLowerCase(h) : h);
			}
		}

		/**
		 * Appends a number and returns the double its decimal rounds to, negative zero as
		 * zero.
		 */
		private Double number() {
			String text = switch (random.nextInt(12)) {
				case 0 -> Integer.toString(random.nextInt(2001) - 1000);
				case 1 -> Integer.toString(random.nextInt());
				case 2 -> Long.toString(random.nextLong());
				case 3 -> sign() + (1 + random.nextInt(9)) + digits(18 + random.nextInt(23));
				case 4 -> sign() + integerPart() + "." + digits(1 + random.nextInt(20));
				case 5 -> sign() + integerPart() + (random.nextBoolean() ? "." + digits(1 + random.nextInt(8)) : "")
						+ (random.nextBoolean() ? "e" : "E")
						+ (random.nextInt(3) == 0 ? "" : random.nextBoolean() ? "+" : "-")
						+ digits(1 + random.nextInt(3));
				case 6 -> {
					double d;
					do {
						d = Double.longBitsToDouble(random.nextLong());
					}
					while (!Double.isFinite(d));
					yield Double.toString(d);
				}
				case 7 -> Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
				case 8 -> EDGE_NUMBERS[random.nextInt(EDGE_NUMBERS.length)];
				case 9 -> random.nextInt(100_000) + "." + digits(1 + random.nextInt(6));
				case 10 -> random.nextInt(100_000) + "e" + (random.nextInt(61) - 30);
				default -> JsonWriter.number(random.nextInt(10_000_000) / 100.0);
			};
			out.append(text);
			return new BigDecimal(text).doubleValue() + 0.0;
		}

		private String sign() {
			return random.nextBoolean() ? "-" : "";
		}

		private String integerPart() {
			return random.nextInt(4) == 0 ? "0" : (1 + random.nextInt(9)) + digits(random.nextInt(10));
		}

		private String digits(int n) {
			StringBuilder b = new StringBuilder(n);
			for (int i = 0; i < n; i++) {
				b.append((char) ('0' + random.nextInt(10)));
			}
			return b.toString();
		}

		/**
		 * A tree written with members in random order, random whitespace and escapes, and
		 * numbers in any notation that rounds to the same double, or as
		 * {@link JsonWriter} writes them.
		 */
		String render(Object tree, boolean canonicalNumbers) {
			return render(tree, canonicalNumbers, null, null);
		}

		/**
		 * The same with one syntax fault in the container {@code target} (compared by
		 * identity).
		 */
		String render(Object tree, boolean canonicalNumbers, Object target, Fault fault) {
			out = new StringBuilder();
			space();
			write(tree, canonicalNumbers, target, fault);
			space();
			return out.toString();
		}

		private void write(Object value, boolean canonicalNumbers, Object target, Fault fault) {
			if (value instanceof Map<?, ?> || value instanceof List<?>) {
				boolean isMap = value instanceof Map<?, ?>;
				List<Object> items = new ArrayList<>(isMap ? ((Map<?, ?>) value).entrySet() : (List<?>) value);
				if (isMap) {
					Collections.shuffle(items, random);
				}
				Fault f = value == target ? fault.in(isMap, items.size()) : null;
				out.append(isMap ? '{' : '[');
				space();
				if (f == Fault.LEADING_COMMA) {
					out.append(',');
				}
				for (int i = 0; i < items.size(); i++) {
					if (i > 0) {
						out.append(f == Fault.MISSING_COMMA && i == 1 ? ""
								: f == Fault.DOUBLE_COMMA && i == 1 ? ",," : ",");
						space();
					}
					Object item = items.get(i);
					if (isMap) {
						Map.Entry<?, ?> member = (Map.Entry<?, ?>) item;
						String name = (String) member.getKey();
						if (i == 0 && f == Fault.UNQUOTED_NAME) {
							out.append(name);
						}
						else if (i == 0 && f == Fault.SINGLE_QUOTES) {
							out.append('\'').append(name).append('\'');
						}
						else {
							quote(name);
						}
						space();
						out.append(i == 0 && f == Fault.MISSING_COLON ? "" : ":");
						space();
						item = member.getValue();
					}
					write(item, canonicalNumbers, target, fault);
					space();
				}
				if (f == Fault.TRAILING_COMMA || f == Fault.DOUBLE_COMMA && items.size() < 2) {
					out.append(f == Fault.DOUBLE_COMMA ? ",," : ",");
				}
				if (f != Fault.UNCLOSED) {
					out.append(isMap == (f != Fault.WRONG_CLOSE) ? '}' : ']');
				}
			}
			else if (value instanceof String s) {
				quote(s);
			}
			else if (value instanceof Number number) {
				double d = number.doubleValue();
				out.append(canonicalNumbers ? JsonWriter.number(d) : notation(d));
			}
			else {
				out.append(value);
			}
		}

		/** Another decimal for a double: every one of them rounds back to it. */
		private String notation(double d) {
			// The shortest decimal that rounds to d; any decimal of the same value rounds
			// to d too.
			BigDecimal exact = new BigDecimal(Double.toString(d));
			switch (random.nextInt(6)) {
				case 0:
					return JsonWriter.number(d);
				case 1:
					return Double.toString(d);
				case 2:
					return exact.toPlainString() + (exact.scale() > 0 ? "000" : ".000");
				case 3:
					int exponent = -exact.scale();
					return exact.unscaledValue() + (random.nextBoolean() ? "e" : "E")
							+ (exponent >= 0 && random.nextBoolean() ? "+" : "") + exponent;
				case 4:
					if (d == 0) {
						return new String[] { "-0", "-0.0", "0e9", "0.000E-3" }[random.nextInt(4)];
					}
					return exact.stripTrailingZeros().toString();
				default:
					return exact.movePointLeft(5).toPlainString() + "e5";
			}
		}

		/**
		 * The assessment with some of its texts replaced by random ones, within the
		 * schema's lengths.
		 */
		Assessment withTexts(Assessment assessment) {
			Assessment.Builder builder = assessment.toBuilder();
			for (Fact fact : assessment.model().facts()) {
				if (fact.type() == FactType.STRING && assessment.has(fact.index()) && random.nextInt(4) != 0) {
					builder.set(fact.path(), text(40));
				}
			}
			return builder.build();
		}

		/**
		 * One fault of the kinds the reader must report, anywhere in an assessment tree.
		 */
		@SuppressWarnings("unchecked")
		void spoil(Map<String, Object> root) {
			List<String> sections = new ArrayList<>(List.of("entity", "project", "hosting", "data", "commitments"));
			String name = sections.get(random.nextInt(sections.size()));
			Object section = root.get(name);
			switch (random.nextInt(12)) {
				case 0 -> root.put(name, random.nextBoolean() ? List.of() : "x");
				case 1 -> root.put(random.nextBoolean() ? "personal" : "extra", true);
				case 2 -> root.put("schema", random.nextBoolean() ? "nuage.assessment/v2" : 1);
				default -> {
					Map<String, Object> members = section instanceof Map<?, ?> ? (Map<String, Object>) section
							: new LinkedHashMap<>();
					root.put(name, members);
					FactModel model = FactModel.assessmentV1();
					List<Fact> facts = model.facts().stream().filter(f -> f.path().startsWith(name + ".")).toList();
					Fact fact = facts.get(random.nextInt(facts.size()));
					members.put(random.nextInt(10) == 0 ? fact.name() + "s" : fact.name(), wrongValue(fact));
				}
			}
		}

		private Object wrongValue(Fact fact) {
			Object[] wrong = switch (fact.type()) {
				case BOOLEAN -> new Object[] { "true", "false", 1, 0, null, List.of(), Map.of() };
				case NUMBER -> fact.maximum() != null ? new Object[] { -1, 1.5, 2, -0.01, "0.5", true, null }
						: new Object[] { -1, -0.5, -1e300, "12", "1 000", false, null, List.of(1) };
				case STRING -> new Object[] { 12, true, null, List.of("a"), Map.of(), longText(fact.maxLength() + 1) };
				case ENUM -> new Object[] { fact.values().get(0).toLowerCase(Locale.ROOT), "X", "", 3, null,
						List.of(fact.values().get(0)), fact.values().get(0) + " " };
				default -> new Object[] { List.of(fact.values().get(0), fact.values().get(0)), List.of("X"), List.of(1),
						fact.values().get(0), Map.of(), null, java.util.Arrays.asList(fact.values().get(0), null) };
			};
			return wrong[random.nextInt(wrong.length)];
		}

		/**
		 * Code points beyond the BMP, so that a length in UTF-16 units would count twice
		 * as many.
		 */
		private String longText(int codePoints) {
			StringBuilder s = new StringBuilder();
			for (int i = 0; i < codePoints; i++) {
				s.appendCodePoint(random.nextBoolean() ? 'a' : 0x1F600 + random.nextInt(0x50));
			}
			return s.toString();
		}

		/**
		 * Snippets an edit may insert: JSON's punctuation, and what looks like it but is
		 * not.
		 */
		private static final String[] SNIPPETS = { ",", ":", "[", "]", "{", "}", "\"", "\\", "0", "1", "-", "+", ".",
				"e", "E", "x", "'", "/", " ", "\n", "\u0000", "\u0001", "\u000b", "\u000c", "\u00a0", "\u2028",
				"\ud800", "\u00e9", "true", "nul", "NaN", "//", "/*", "\\u", "\\x", "\\u00g0", "\\u00e9", ",]", ",}",
				"\"\":0,", };

		/**
		 * One or two random edits of a text: cut it, delete, insert or replace a
		 * character. A byte order mark is inserted only after the first character (see
		 * {@link #knownDifferences()}).
		 */
		String mutate(String text) {
			StringBuilder b = new StringBuilder(text);
			int edits = random.nextInt(4) == 0 ? 2 : 1;
			for (int e = 0; e < edits && b.length() > 0; e++) {
				int at = random.nextInt(b.length());
				switch (random.nextInt(5)) {
					case 0 -> b.setLength(at);
					case 1 -> b.deleteCharAt(at);
					case 2 -> b.replace(at, at + 1, snippet());
					default -> b.insert(at, at > 0 && random.nextInt(40) == 0 ? "\uFEFF" : snippet());
				}
			}
			return b.toString();
		}

		private String snippet() {
			return SNIPPETS[random.nextInt(SNIPPETS.length)];
		}

	}

}
