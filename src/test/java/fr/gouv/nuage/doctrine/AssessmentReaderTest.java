package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class AssessmentReaderTest {

	private static final FactModel MODEL = FactModel.assessmentV1();

	private static final String V1 = "\"schema\": \"nuage.assessment/v1\"";

	private final AssessmentReader reader = new AssessmentReader(MODEL);

	private Assessment ok(String text) {
		ReadResult result = reader.read("a.json", text);
		if (result instanceof ReadResult.Invalid) {
			throw new AssertionError(((ReadResult.Invalid) result).errors());
		}
		return ((ReadResult.Ok) result).assessment();
	}

	private List<String> errors(String text) {
		return errors(reader.read("a.json", text));
	}

	private static List<String> errors(ReadResult result) {
		assertThat(result).isInstanceOf(ReadResult.Invalid.class);
		List<String> lines = new ArrayList<>();
		for (InputError e : ((ReadResult.Invalid) result).errors()) {
			lines.add(e.format());
		}
		return lines;
	}

	/** A valid document with {@code member} added to the {@code data} object. */
	private static String inData(String member) {
		return "{" + V1 + ", \"data\": {" + member + "}}";
	}

	// --- the happy path

	@Test
	void readsEveryKindOfFact() {
		Assessment a = ok("{\n" + "  \"schema\": \"nuage.assessment/v1\",\n"
				+ "  \"entity\": {\"name\": \"Direction \\\"interministérielle\\\"\", \"kind\": \"STATE_ADMINISTRATION\"},\n"
				+ "  \"project\": {\"stage\": \"EVOLUTION\", \"evolutionShare\": 0.25, \"fullCostEur\": 1.2e6,"
				+ " \"contractorChange\": false},\n"
				+ "  \"data\": {\"personal\": true, \"legalSecrets\": [\"PRIVACY\", \"MEDICAL_SECRECY\"],"
				+ " \"breachImpacts\": []}\n" + "}\n");

		assertThat(a.get("entity.name")).isEqualTo("Direction \"interministérielle\"");
		assertThat(a.get("project.evolutionShare")).isEqualTo(0.25);
		assertThat(a.get("project.fullCostEur")).isEqualTo(1_200_000.0);
		assertThat(a.get("project.contractorChange")).isEqualTo(false);
		assertThat(a.get("data.personal")).isEqualTo(true);
		assertThat(a.get("data.breachImpacts")).isEqualTo(List.of());
		assertThat(a.get("data.health")).isNull();

		Fact kind = MODEL.fact("entity.kind").orElseThrow();
		assertThat(a.get(kind.index())).isSameAs(kind.values().get(0));
		assertThat(a.has(kind.index())).isTrue();
		assertThat(a.has(MODEL.fact("hosting.class").orElseThrow().index())).isFalse();

		Fact secrets = MODEL.fact("data.legalSecrets").orElseThrow();
		@SuppressWarnings("unchecked")
		List<String> items = (List<String>) a.get(secrets.index());
		assertThat(items).containsExactly("PRIVACY", "MEDICAL_SECRECY");
		assertThat(items.get(0)).isSameAs(secrets.values().get(6));
		assertThat(items.get(1)).isSameAs(secrets.values().get(7));
		assertThatThrownBy(() -> items.add("OTHER_LEGAL_SECRET")).isInstanceOf(UnsupportedOperationException.class);

		assertThat(a.values()).hasSize(MODEL.size());
		assertThat(a.values()[kind.index()]).isSameAs(a.get(kind.index()));
		assertThat(a.model()).isSameAs(MODEL);
	}

	@Test
	void readsTheSmallestAssessmentAndEscapedNames() {
		assertThat(ok("{\"schema\":\"nuage.assessment/v1\"}").toJson())
			.isEqualTo("{\"schema\":\"nuage.assessment/v1\"}");
		Assessment escaped = ok(
				"\uFEFF{\"sch\\u0065ma\":\"nuage.assessment\\/v1\",\"d\\u0061ta\":{\"m\\u0061rking\":\"N\\u004fNE\"}}");
		assertThat(escaped.get("data.marking")).isSameAs(MODEL.fact("data.marking").orElseThrow().values().get(0));
	}

	@Test
	void turnsNegativeZeroIntoZero() {
		Assessment a = ok("{" + V1 + ", \"project\": {\"fullCostEur\": -0}}");
		assertThat(a.get("project.fullCostEur")).isEqualTo(0.0);
		assertThat(a.toJson()).contains("\"fullCostEur\":0");
	}

	@Test
	void writesJsonInSchemaOrderLeavingOutWhatIsUnknown() {
		Assessment a = ok("{\"data\": {\"breachImpacts\": [\"HEALTH_OR_LIFE\"], \"personal\": false}, \"project\": {},"
				+ " \"entity\": {\"kind\": \"PRIVATE\"}, \"commitments\": {}, " + V1 + "}");

		assertThat(a.toJson()).isEqualTo("{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"PRIVATE\"},"
				+ "\"data\":{\"personal\":false,\"breachImpacts\":[\"HEALTH_OR_LIFE\"]}}");
		assertThat(a).hasToString(a.toJson());
	}

	// --- errors, one kind at a time

	/**
	 * {@code line:column} of the {@code occurrence}-th (0-based) {@code token} in
	 * {@code doc}: the position every error must point at.
	 */
	private static String at(String doc, String token, int occurrence) {
		int index = doc.indexOf(token);
		for (int i = 0; i < occurrence; i++) {
			index = doc.indexOf(token, index + 1);
		}
		assertThat(index).as("position of %s", token).isNotNegative();
		int line = 1;
		for (int i = 0; i < index; i++) {
			if (doc.charAt(i) == '\n') {
				line++;
			}
		}
		return line + ":" + (index - (doc.lastIndexOf('\n', index - 1) + 1) + 1);
	}

	private static String at(String doc, String token) {
		return at(doc, token, 0);
	}

	@Test
	void reportsMalformedJson() {
		String doc = "{" + V1 + ",\n  \"data\": {\"personal\": tru}}";
		assertThat(errors(doc))
			.containsExactly("a.json:" + at(doc, "tru") + ": at `data.personal`: expected a value, found `tru`");
		doc = "{" + V1 + " \"data\": {}}";
		assertThat(errors(doc))
			.containsExactly("a.json:" + at(doc, "\"data") + ": expected `,` or `}` after a member, found a string");
		doc = "{" + V1 + ", \"data\": {\"personal\": true,}}";
		assertThat(errors(doc))
			.containsExactly("a.json:" + at(doc, "}") + ": at `data`: expected a quoted property name, found `}`");
		doc = inData("\"legalSecrets\": [\"PRIVACY\" \"STATE_SECURITY\"]");
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"STATE_SECURITY")
				+ ": at `data.legalSecrets`: expected `,` or `]` after an array item, found a string");
		doc = "{" + V1 + "} trailing";
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "trailing") + ": expected end of input after the assessment, found `trailing`");
		assertThat(errors("")).containsExactly("a.json:1:1: expected an assessment object, found end of input");
		assertThat(errors("\n  ")).containsExactly("a.json:2:3: expected an assessment object, found end of input");
	}

	@Test
	void keepsErrorsFoundBeforeASyntaxError() {
		String doc = "{" + V1 + ", \"data\": {\"health\": 1, \"personal\": yes}}";
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "1,") + ": at `data.health`: expected a boolean, found the number `1`",
				"a.json:" + at(doc, "yes") + ": at `data.personal`: expected a value, found `yes`");
	}

	@Test
	void reportsATopLevelThatIsNotAnObject() {
		assertThat(errors("[1, 2]")).containsExactly("a.json:1:1: expected an assessment object, found an array");
		assertThat(errors(" \"assessment\""))
			.containsExactly("a.json:1:2: expected an assessment object, found the string `assessment`");
	}

	@Test
	void reportsAMissingOrWrongSchema() {
		assertThat(errors("{\"data\": {\"personal\": true}}"))
			.containsExactly("a.json:1:1: missing property `schema`; expected `\"schema\": \"nuage.assessment/v1\"`");
		assertThat(errors("{\"schema\": \"nuage.assessment/v2\"}")).containsExactly(
				"a.json:1:12: at `schema`: expected `nuage.assessment/v1`, found the string `nuage.assessment/v2`");
		assertThat(errors("{\"schema\": 1}"))
			.containsExactly("a.json:1:12: at `schema`: expected `nuage.assessment/v1`, found the number `1`");
	}

	@Test
	void reportsUnknownPropertiesWithASuggestion() {
		String doc = "{" + V1 + ", \"entty\": {}}";
		assertThat(errors(doc))
			.containsExactly("a.json:" + at(doc, "\"entty") + ": unknown property `entty`; did you mean `entity`?");
		doc = inData("\"persnal\": true");
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "\"persnal") + ": at `data`: unknown property `persnal`; did you mean `personal`?");
		doc = "{" + V1 + ", \"project\": {\"personal\": true}}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"personal")
				+ ": at `project`: unknown property `personal`; did you mean `data.personal`?");
		doc = "{" + V1 + ", \"personal\": true}";
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "\"personal") + ": unknown property `personal`; did you mean `data.personal`?");
		doc = "{" + V1 + ", \"entity\": {\"budget\": {\"x\": [1]}}}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"budget")
				+ ": at `entity`: unknown property `budget`; expected one of `name`, `kind`, `ministry`");
		doc = "{" + V1 + ", \"zzz\": 1}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"zzz") + ": unknown property `zzz`; "
				+ "expected one of `schema`, `entity`, `project`, `hosting`, `data`, `commitments`");
	}

	@Test
	void reportsWrongJsonTypes() {
		String doc = inData("\"personal\": \"yes\"");
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "\"yes") + ": at `data.personal`: expected a boolean, found the string `yes`");
		doc = inData("\"personal\": \"true\"");
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"true")
				+ ": at `data.personal`: expected a boolean, found the string `true`; did you mean `true` without quotes?");
		doc = inData("\"personal\": null");
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "null")
				+ ": at `data.personal`: expected a boolean, found `null` (leave the property out when the fact is unknown)");
		doc = "{" + V1 + ", \"project\": {\"fullCostEur\": \"12\", \"name\": 3, \"stage\": [\"NEW\"]}}";
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "\"12") + ": at `project.fullCostEur`: expected a number of at least 0, "
						+ "found the string `12`; did you mean `12` without quotes?",
				"a.json:" + at(doc, "3") + ": at `project.name`: expected a string, found the number `3`",
				"a.json:" + at(doc, "[")
						+ ": at `project.stage`: expected one of `NEW`, `EVOLUTION`, `RUN`, found an array");
		doc = inData("\"breachImpacts\": \"PUBLIC_ORDER\"");
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"PUBLIC_ORDER")
				+ ": at `data.breachImpacts`: expected an array of distinct values among `PUBLIC_ORDER`, "
				+ "`PUBLIC_SECURITY`, `HEALTH_OR_LIFE`, `INTELLECTUAL_PROPERTY`, found the string `PUBLIC_ORDER`; "
				+ "did you mean `[\"PUBLIC_ORDER\"]`?");
		doc = "{" + V1 + ", \"data\": true}";
		assertThat(errors(doc))
			.containsExactly("a.json:" + at(doc, "true") + ": at `data`: expected an object, found `true`");
	}

	@Test
	void reportsEnumValuesNotAllowed() {
		String doc = "{" + V1 + ", \"project\": {\"stage\": \"new\"}}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"new")
				+ ": at `project.stage`: expected one of `NEW`, `EVOLUTION`, `RUN`, found the string `new`; "
				+ "did you mean `NEW`?");
		doc = "{" + V1 + ", \"hosting\": {\"class\": \"CLOUD\"}}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"CLOUD")
				+ ": at `hosting.class`: expected one of `INTERNAL_PI`, `INTERNAL_NUBO`, `COMMERCIAL_TRUSTED`, "
				+ "`COMMERCIAL`, `ON_PREMISES`, `UNDECIDED`, found the string `CLOUD`");
	}

	@Test
	void reportsNumbersOutOfBounds() {
		String doc = "{" + V1 + ", \"project\": {\"evolutionShare\": 1.5, \"fullCostEur\": -1e3}}";
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "1.5")
						+ ": at `project.evolutionShare`: expected a number from 0 to 1, found `1.5`",
				"a.json:" + at(doc, "-1e3")
						+ ": at `project.fullCostEur`: expected a number of at least 0, found `-1e3`");
		doc = "{" + V1 + ", \"project\": {\"fullCostEur\": 1e999}}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "1e999")
				+ ": at `project.fullCostEur`: expected a number of at least 0, found `1e999`");
	}

	@Test
	void reportsStringsTooLong() {
		String doc = "{" + V1 + ", \"entity\": {\"name\": \"" + "é".repeat(301) + "\"}}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"é")
				+ ": at `entity.name`: expected a string of at most 300 characters, found 301 characters");
		// Characters, not UTF-16 units: 300 emoji are 600 units.
		assertThat(ok("{" + V1 + ", \"entity\": {\"name\": \"" + "😀".repeat(300) + "\"}}").get("entity.name"))
			.isEqualTo("😀".repeat(300));
	}

	@Test
	void reportsArrayItemsNotAllowed() {
		String doc = inData("\"legalSecrets\": [\"PRIVACY\", \"PRIVACYY\", 3]");
		String allowed = "`GOVERNMENT_DELIBERATIONS`, `NATIONAL_DEFENCE`, `FOREIGN_POLICY`, `STATE_SECURITY`, "
				+ "`PUBLIC_SAFETY`, `JUDICIAL_PROCEEDINGS`, `PRIVACY`, `MEDICAL_SECRECY`, `BUSINESS_SECRECY`, "
				+ "`OTHER_LEGAL_SECRET`";
		assertThat(errors(doc)).containsExactly(
				"a.json:" + at(doc, "\"PRIVACYY") + ": at `data.legalSecrets[1]`: expected one of " + allowed
						+ ", found the string `PRIVACYY`; did you mean `PRIVACY`?",
				"a.json:" + at(doc, "3") + ": at `data.legalSecrets[2]`: expected one of " + allowed
						+ ", found the number `3`");
	}

	@Test
	void reportsDuplicateArrayItems() {
		String doc = inData("\"breachImpacts\": [\"PUBLIC_ORDER\", \"HEALTH_OR_LIFE\", \"PUBLIC_ORDER\"]");
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"PUBLIC_ORDER", 1)
				+ ": at `data.breachImpacts[2]`: duplicate item `PUBLIC_ORDER`, already at `data.breachImpacts[0]`");
	}

	@Test
	void reportsDuplicateKeys() {
		String doc = inData("\"health\": true, \"health\": false");
		assertThat(errors(doc))
			.containsExactly("a.json:" + at(doc, "\"health", 1) + ": at `data`: duplicate property `health`");
		doc = "{" + V1 + ", " + V1 + "}";
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"schema", 1) + ": duplicate property `schema`");
	}

	@Test
	void collectsEveryErrorOfADocumentInOrder() {
		String doc = "{\n" + "  \"data\": {\"personal\": \"no\", \"marking\": \"SECRET\"},\n" + "  \"hostng\": {}\n"
				+ "}";
		assertThat(errors(doc)).containsExactly(
				"a.json:1:1: missing property `schema`; expected `\"schema\": \"nuage.assessment/v1\"`",
				"a.json:2:24: at `data.personal`: expected a boolean, found the string `no`",
				"a.json:2:41: at `data.marking`: expected one of `NONE`, `DIFFUSION_RESTREINTE`, `CLASSIFIED`, "
						+ "found the string `SECRET`",
				"a.json:3:3: unknown property `hostng`; did you mean `hosting`?");
		assertThat(at(doc, "\"no")).isEqualTo("2:24");
		assertThat(at(doc, "\"SECRET")).isEqualTo("2:41");
	}

	@Test
	void stopsAfterTooManyErrors() {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < 150; i++) {
			items.append(i == 0 ? "" : ",").append("\"X\"");
		}
		List<String> errors = errors(inData("\"legalSecrets\": [" + items + "]"));
		assertThat(errors).hasSize(AssessmentReader.MAX_ERRORS + 1);
		assertThat(errors.get(errors.size() - 1))
			.endsWith("at `data.legalSecrets`: too many errors: stopping after 100");
	}

	@Test
	void clipsLongValuesAndEscapesControlCharacters() {
		String doc = inData("\"personal\": \"a\\n" + "b".repeat(100) + "\"");
		assertThat(errors(doc)).containsExactly("a.json:" + at(doc, "\"a\\n")
				+ ": at `data.personal`: expected a boolean, found the string `a\\n" + "b".repeat(57) + "…`");
	}

	// --- positions

	@Test
	void offsetsLinesForJsonl() {
		String line = "{" + V1 + ", \"data\": {\"personal\": 1}}";
		assertThat(errors(reader.read("in.jsonl", 7, line))).containsExactly("in.jsonl:7:" + at(line, "1}").substring(2)
				+ ": at `data.personal`: expected a boolean, found the number `1`");
		assertThat(errors(reader.read("in.jsonl", 12, "{" + V1 + ",\n\"data\": {\"x\": 1}}")))
			.containsExactly("in.jsonl:13:10: at `data`: unknown property `x`; expected one of `personal`, "
					+ "`publicAgents`, `companiesEconomic`, `health`, `legalSecrets`, `essentialStateMission`, "
					+ "`breachImpacts`, `marking`, `transfersOutsideEu`");
		assertThat(errors(reader.read("in.jsonl", 3, "{")))
			.containsExactly("in.jsonl:3:2: expected a quoted property name or `}`, found end of input");
	}

	@Test
	void formatsErrors() {
		assertThat(new InputError("f.json", 3, 7, "data.legalSecrets[1]", "m").format())
			.isEqualTo("f.json:3:7: at `data.legalSecrets[1]`: m");
		assertThat(new InputError("f.json", 3, 7, "", "m").format()).isEqualTo("f.json:3:7: m");
		assertThat(new InputError("f.json", 3, 0, "entity.kind", "m").format())
			.isEqualTo("f.json:3: at `entity.kind`: m");
		assertThat(new InputError("f.json", 0, 0, "", "m").format()).isEqualTo("f.json: m");
		assertThat(new InputError("", 0, 0, "", "m").format()).isEqualTo("m");
	}

	// --- the builder

	@Test
	void buildsAndValidatesLikeTheReader() {
		Assessment a = Assessment.builder(MODEL)
			.set("data.personal", true)
			.set("project.fullCostEur", 12)
			.set("hosting.class", new String("COMMERCIAL"))
			.set("data.legalSecrets", Set.of("PRIVACY"))
			.set("entity.name", "x")
			.unset("entity.name")
			.set("project.stage", "RUN")
			.set("project.stage", null)
			.build();

		assertThat(a.toJson()).isEqualTo("{\"schema\":\"nuage.assessment/v1\",\"project\":{\"fullCostEur\":12},"
				+ "\"hosting\":{\"class\":\"COMMERCIAL\"},\"data\":{\"personal\":true,\"legalSecrets\":[\"PRIVACY\"]}}");
		assertThat(a.get("hosting.class")).isSameAs(MODEL.fact("hosting.class").orElseThrow().values().get(3));
		assertThat(a).isEqualTo(ok(a.toJson())).hasSameHashCodeAs(ok(a.toJson()));
		assertThat(a.toBuilder().set("data.personal", false).build()).isNotEqualTo(a);
		assertThat(a.toBuilder().build()).isEqualTo(a);

		Assessment.Builder b = Assessment.builder(MODEL);
		assertRefused(() -> b.set("data.persnal", true), "unknown fact `data.persnal`; did you mean `data.personal`?");
		assertRefused(() -> a.get("nope"), "unknown fact `nope`");
		assertRefused(() -> b.set("data.personal", "yes"),
				"at `data.personal`: expected a boolean, found the string `yes`");
		assertRefused(() -> b.set("project.evolutionShare", 2),
				"at `project.evolutionShare`: expected a number from 0 to 1, found `2`");
		assertRefused(() -> b.set("project.fullCostEur", Double.NaN),
				"at `project.fullCostEur`: expected a number of at least 0, found `NaN`");
		assertRefused(() -> b.set("entity.name", "x".repeat(301)),
				"at `entity.name`: expected a string of at most 300 characters, found 301 characters");
		assertRefused(() -> b.set("project.stage", "RUNN"),
				"at `project.stage`: expected one of `NEW`, `EVOLUTION`, `RUN`, found the string `RUNN`; did you mean `RUN`?");
		assertRefused(() -> b.set("data.breachImpacts", List.of("PUBLIC_ORDER", "PUBLIC_ORDER")),
				"at `data.breachImpacts[1]`: duplicate item `PUBLIC_ORDER`, already at `data.breachImpacts[0]`");
		assertRefused(() -> b.set("data.breachImpacts", "PUBLIC_ORDER"),
				"at `data.breachImpacts`: expected an array of distinct values among `PUBLIC_ORDER`, `PUBLIC_SECURITY`, "
						+ "`HEALTH_OR_LIFE`, `INTELLECTUAL_PROPERTY`, found the string `PUBLIC_ORDER`");
	}

	private static void assertRefused(Runnable action, String message) {
		assertThatThrownBy(action::run).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
	}

	// --- round trip

	@Test
	void roundTripsRandomAssessments() {
		Random random = new Random(20240617);
		for (int i = 0; i < 2_000; i++) {
			Assessment original = randomAssessment(random);
			String json = original.toJson();

			Assessment read = ok(json);

			assertThat(read).as(json).isEqualTo(original);
			assertThat(read.hashCode()).isEqualTo(original.hashCode());
			assertThat(read.toJson()).isEqualTo(json);
			assertThat(Json.parse(json)).isInstanceOf(java.util.Map.class);
			if (i % 10 == 0) {
				StringBuilder pretty = new StringBuilder();
				new JsonWriter(pretty, true).value(Json.parse(json));
				assertThat(ok(pretty.toString())).isEqualTo(original);
			}
		}
	}

	static Assessment randomAssessment(Random random) {
		Assessment.Builder b = Assessment.builder(MODEL);
		for (Fact f : MODEL.facts()) {
			if (random.nextInt(3) == 0) {
				continue;
			}
			switch (f.type()) {
				case BOOLEAN:
					b.set(f.path(), random.nextBoolean());
					break;
				case NUMBER: {
					double min = f.minimum() == null ? -1e9 : f.minimum();
					double max = f.maximum() == null ? 1e12 : f.maximum();
					double d = random.nextBoolean() ? min + random.nextDouble() * (max - min)
							: Math.floor(min + random.nextDouble() * (max - min));
					b.set(f.path(), random.nextInt(10) == 0 ? min : d);
					break;
				}
				case STRING: {
					StringBuilder s = new StringBuilder(JsonWriterTest.randomString(random));
					if (random.nextInt(20) == 0) {
						s.setLength(0);
						s.append("😀".repeat(f.maxLength()));
					}
					b.set(f.path(), s.toString());
					break;
				}
				case ENUM:
					b.set(f.path(), f.values().get(random.nextInt(f.values().size())));
					break;
				default: {
					List<String> values = new ArrayList<>(f.values());
					Collections.shuffle(values, random);
					b.set(f.path(), values.subList(0, random.nextInt(values.size() + 1)));
				}
			}
		}
		return b.build();
	}

}
