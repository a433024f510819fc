package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

	private static String compact(java.util.function.Consumer<JsonWriter> writes) {
		StringBuilder out = new StringBuilder();
		writes.accept(new JsonWriter(out, false));
		return out.toString();
	}

	@Test
	void placesCommasAutomatically() {
		String json = compact(w -> w.beginObject()
			.name("a")
			.value(1L)
			.name("b")
			.beginArray()
			.value(true)
			.nullValue()
			.value("x")
			.beginArray()
			.endArray()
			.endArray()
			.name("c")
			.beginObject()
			.endObject()
			.name("d")
			.value((String) null)
			.endObject());

		assertThat(json).isEqualTo("{\"a\":1,\"b\":[true,null,\"x\",[]],\"c\":{},\"d\":null}");
	}

	@Test
	void writesTopLevelValues() {
		assertThat(compact(w -> w.value(false))).isEqualTo("false");
		assertThat(compact(w -> w.beginArray().value(1.5).value(2.0).endArray())).isEqualTo("[1.5,2]");
	}

	@Test
	void prettyPrintsWithTwoSpaces() {
		StringBuilder out = new StringBuilder();
		new JsonWriter(out, true).beginObject()
			.name("a")
			.value(1L)
			.name("b")
			.beginArray()
			.value("x")
			.value("y")
			.endArray()
			.name("c")
			.beginObject()
			.endObject()
			.name("d")
			.beginArray()
			.endArray()
			.name("e")
			.beginObject()
			.name("f")
			.value(true)
			.endObject()
			.endObject();

		assertThat(out).hasToString("{\n" + "  \"a\": 1,\n" + "  \"b\": [\n" + "    \"x\",\n" + "    \"y\"\n" + "  ],\n"
				+ "  \"c\": {},\n" + "  \"d\": [],\n" + "  \"e\": {\n" + "    \"f\": true\n" + "  }\n" + "}");
	}

	@Test
	void escapesWhatJsonRequires() {
		assertThat(JsonWriter.quote("a\"b\\c/\n\r\t\b\f\u0001\u001f é\u2028\u2029😀"))
			.isEqualTo("\"a\\\"b\\\\c/\\n\\r\\t\\b\\f\\u0001\\u001f é\u2028\u2029😀\"");
		assertThat(JsonWriter.quote("")).isEqualTo("\"\"");
		assertThat(JsonWriter.quote("plain")).isEqualTo("\"plain\"");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "1000000|1000000", "0|0", "-0.0|0", "-3|-3", "0.1|0.1", "1.5|1.5", "-2.25|-2.25", "1.5e-7|1.5E-7",
					"123456789012.5|1.234567890125E11", "1e20|1.0E20", "999999999999999999|1.0E18",
					"123456789012345|123456789012345" })
	void writesNumbers(double value, String expected) {
		assertThat(compact(w -> w.value(value))).isEqualTo(expected);
		assertThat((Double) Json.parse(expected)).isEqualTo(value == 0 ? 0.0 : value);
	}

	@Test
	void refusesNumbersJsonCannotHold() {
		assertThatThrownBy(() -> compact(w -> w.value(Double.NaN))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> compact(w -> w.value(Double.POSITIVE_INFINITY)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void writesLongs() {
		assertThat(compact(w -> w.value(Long.MIN_VALUE))).isEqualTo("-9223372036854775808");
	}

	@Test
	void writesGenericTrees() {
		Map<String, Object> tree = new LinkedHashMap<>();
		tree.put("n", 3);
		tree.put("f", 0.5f);
		tree.put("list", Arrays.asList("a", null, true, List.of()));
		tree.put("nested", Map.of("k", 7L));
		tree.put("array", new Object[] { 1, "two" });
		tree.put("kind", FactType.ENUM_LIST);

		assertThat(compact(w -> w.value((Object) tree)))
			.isEqualTo("{\"n\":3,\"f\":0.5,\"list\":[\"a\",null,true,[]],\"nested\":{\"k\":7},\"array\":[1,\"two\"],"
					+ "\"kind\":\"ENUM_LIST\"}");
	}

	@Test
	void roundTripsRandomTreesThroughTheParser() {
		Random random = new Random(42);
		for (int i = 0; i < 500; i++) {
			Object tree = randomValue(random, 0);
			boolean pretty = random.nextBoolean();
			StringBuilder out = new StringBuilder();
			new JsonWriter(out, pretty).value(tree);
			assertThat(Json.parse(out.toString())).as(out.toString()).isEqualTo(tree);
		}
	}

	private static Object randomValue(Random random, int depth) {
		int kind = random.nextInt(depth > 3 ? 4 : 6);
		switch (kind) {
			case 0:
				return random.nextBoolean();
			case 1:
				return random.nextBoolean() ? (double) random.nextInt() : random.nextDouble() * 1e6 - 5e5;
			case 2:
				return randomString(random);
			case 3:
				return null;
			case 4: {
				List<Object> list = new ArrayList<>();
				for (int i = random.nextInt(4); i > 0; i--) {
					list.add(randomValue(random, depth + 1));
				}
				return list;
			}
			default: {
				Map<String, Object> map = new LinkedHashMap<>();
				for (int i = random.nextInt(4); i > 0; i--) {
					map.put(randomString(random), randomValue(random, depth + 1));
				}
				return map;
			}
		}
	}

	static String randomString(Random random) {
		String alphabet = "ab\"\\/\n\t\u0000\u001fé\u2028€ ";
		StringBuilder b = new StringBuilder();
		for (int i = random.nextInt(8); i > 0; i--) {
			if (random.nextInt(10) == 0) {
				b.append("😀");
			}
			else {
				b.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		return b.toString();
	}

}
