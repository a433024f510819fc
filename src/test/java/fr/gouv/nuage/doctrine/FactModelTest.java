package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FactModelTest {

	private final FactModel model = FactModel.assessmentV1();

	@Test
	void knowsTheSchemaVersionAndObjects() {
		assertThat(model.schemaId()).isEqualTo("nuage.assessment/v1");
		assertThat(model.objectNames()).containsExactly("entity", "project", "hosting", "data", "commitments");
		assertThat(model.size()).isEqualTo(model.facts().size()).isEqualTo(35);
		assertThat(FactModel.assessmentV1()).isSameAs(model);
	}

	@Test
	void everySchemaLeafIsAFactWithItsTypeAndValues() throws IOException {
		Map<?, ?> schema = (Map<?, ?>) Json.parse(schemaText());
		List<String> expectedPaths = new ArrayList<>();
		Map<?, ?> objects = (Map<?, ?>) schema.get("properties");
		for (Map.Entry<?, ?> object : objects.entrySet()) {
			if (object.getKey().equals("schema")) {
				continue;
			}
			Map<?, ?> leaves = (Map<?, ?>) ((Map<?, ?>) object.getValue()).get("properties");
			for (Map.Entry<?, ?> leaf : leaves.entrySet()) {
				String path = object.getKey() + "." + leaf.getKey();
				Map<?, ?> def = (Map<?, ?>) leaf.getValue();
				expectedPaths.add(path);
				Fact fact = model.fact(path).orElseThrow(() -> new AssertionError("no fact " + path));

				assertThat(fact.path()).isEqualTo(path);
				assertThat(fact.description()).as(path).isEqualTo(def.get("description"));
				if (def.containsKey("enum")) {
					assertThat(fact.type()).as(path).isEqualTo(FactType.ENUM);
					assertThat(fact.values()).as(path).isEqualTo(def.get("enum"));
				}
				else if (def.get("type").equals("array")) {
					assertThat(fact.type()).as(path).isEqualTo(FactType.ENUM_LIST);
					assertThat(fact.values()).as(path).isEqualTo(((Map<?, ?>) def.get("items")).get("enum"));
				}
				else {
					assertThat(fact.type().name().toLowerCase(Locale.ROOT)).as(path).isEqualTo(def.get("type"));
					assertThat(fact.values()).as(path).isEmpty();
				}
				assertThat(fact.minimum()).as(path).isEqualTo(def.get("minimum"));
				assertThat(fact.maximum()).as(path).isEqualTo(def.get("maximum"));
				assertThat(fact.maxLength() == null ? null : fact.maxLength().doubleValue()).as(path)
					.isEqualTo(def.get("maxLength"));
			}
		}
		assertThat(model.facts()).extracting(Fact::path).containsExactlyElementsOf(expectedPaths);
		for (int i = 0; i < model.size(); i++) {
			assertThat(model.facts().get(i).index()).isEqualTo(i);
		}
	}

	@Test
	void spotChecksFacts() {
		assertThat(model.fact("data.personal").orElseThrow().type()).isEqualTo(FactType.BOOLEAN);
		assertThat(model.fact("hosting.class").orElseThrow().values()).containsExactly("INTERNAL_PI", "INTERNAL_NUBO",
				"COMMERCIAL_TRUSTED", "COMMERCIAL", "ON_PREMISES", "UNDECIDED");
		Fact share = model.fact("project.evolutionShare").orElseThrow();
		assertThat(share.type()).isEqualTo(FactType.NUMBER);
		assertThat(share.minimum()).isEqualTo(0.0);
		assertThat(share.maximum()).isEqualTo(1.0);
		assertThat(model.fact("entity.name").orElseThrow().maxLength()).isEqualTo(300);
		assertThat(model.fact("data.breachImpacts").orElseThrow().type()).isEqualTo(FactType.ENUM_LIST);
		assertThat(model.fact("schema")).isEmpty();
		assertThat(model.fact("data")).isEmpty();
		assertThat(model.fact("data.nope")).isEmpty();
	}

	@Test
	void factsAreImmutable() {
		assertThatThrownBy(() -> model.facts().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> model.fact("data.marking").orElseThrow().values().clear())
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void compilesNestedObjectsAndRequiredFacts() {
		FactModel nested = FactModel.fromSchema("{\"type\":\"object\",\"additionalProperties\":false,"
				+ "\"required\":[\"schema\"],\"properties\":{\"schema\":{\"const\":\"t/1\"},"
				+ "\"a\":{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{"
				+ "\"b\":{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"c\":{\"type\":\"boolean\"}}},"
				+ "\"d\":{\"type\":\"string\",\"enum\":[\"X\",\"Y\"]}}}," + "\"top\":{\"type\":\"number\"}}}");

		assertThat(nested.schemaId()).isEqualTo("t/1");
		assertThat(nested.facts()).extracting(Fact::path).containsExactly("a.b.c", "a.d", "top");
		assertThat(nested.objectNames()).containsExactly("a");
	}

	@Test
	void refusesWhatItDoesNotUnderstand() {
		assertRefused("{\"type\":\"object\",\"properties\":{\"schema\":{\"const\":\"x\"}}}",
				"assessment schema: at `/`: expected `\"additionalProperties\": false`");
		assertRefused(object("\"schema\":{\"const\":\"x\"},\"a\":{\"type\":\"string\",\"pattern\":\"^a\"}"),
				"assessment schema: at `/properties/a`: unsupported keyword `pattern`");
		assertRefused(object("\"a\":{\"type\":\"boolean\"}"),
				"assessment schema: at `/`: expected a `schema` property with a `const` naming the schema version");
		assertRefused(object("\"schema\":{\"const\":\"x\"},\"a\":{\"type\":\"array\",\"items\":{\"enum\":[\"A\"]}}"),
				"assessment schema: at `/properties/a`: expected `\"uniqueItems\": true` on an array");
		assertRefused(object("\"schema\":{\"const\":\"x\"},\"a\":{\"type\":\"integer\"}"),
				"assessment schema: at `/properties/a`: expected a `type` among `boolean`, `number`, `string`, "
						+ "`array` and `object`, or an `enum`, found `integer`");
		assertRefused(object("\"schema\":{\"const\":\"x\"},\"a\":{\"type\":\"string\",\"minimum\":1}"),
				"assessment schema: at `/properties/a`: `minimum` must be a number on a number");
		assertRefused(object("\"schema\":{\"const\":\"x\"},\"a\":{\"enum\":[\"A\",\"A\"]}"),
				"assessment schema: at `/properties/a/enum`: expected a non-empty list of distinct strings");
		assertRefused("{\"type\":\"object\",",
				"assessment schema:1:18: expected a quoted property name, found end of input");
	}

	private static String object(String properties) {
		return "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + properties + "}}";
	}

	private static void assertRefused(String schema, String message) {
		assertThatThrownBy(() -> FactModel.fromSchema(schema)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage(message);
	}

	private static String schemaText() throws IOException {
		try (InputStream in = FactModelTest.class.getResourceAsStream(FactModel.V1_RESOURCE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
