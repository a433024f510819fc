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

class JsonTest {

	@Test
	void parsesIntoGenericTree() {
		Object tree = Json.parse("{\"b\": [1, -2.5, true, false, null, \"x\"], \"a\": {}, \"c\": []}");

		assertThat(tree).isInstanceOf(LinkedHashMap.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> map = (Map<String, Object>) tree;
		assertThat(map.keySet()).containsExactly("b", "a", "c");
		assertThat(map.get("b")).isInstanceOf(ArrayList.class)
			.isEqualTo(Arrays.asList(1.0, -2.5, true, false, null, "x"));
		assertThat(map.get("a")).isEqualTo(Map.of());
		assertThat(map.get("c")).isEqualTo(List.of());
	}

	@Test
	void parsesTopLevelScalars() {
		assertThat(Json.parse(" 42 ")).isEqualTo(42.0);
		assertThat(Json.parse("\"s\"")).isEqualTo("s");
		assertThat(Json.parse("true")).isEqualTo(true);
		assertThat(Json.parse("null")).isNull();
	}

	@Test
	void decodesEscapes() {
		assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""))
			.isEqualTo("a\"b\\c/d\b\f\n\r\té😀");
	}

	@Test
	void skipsByteOrderMark() {
		assertThat(Json.parse("\uFEFF[1]")).isEqualTo(List.of(1.0));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "0|0", "-0|-0.0", "7|7", "-12|-12", "1.5|1.5", "0.1|0.1", "1e3|1000", "1E-2|0.01", "2.5e+2|250",
					"123456789012345678901234567890|1.2345678901234568E29", "0.000000000000000000000000001|1e-27",
					"9007199254740993|9007199254740992", "1.7976931348623157e308|1.7976931348623157E308",
					"1e400|Infinity", "4.9e-324|4.9E-324" })
	void parsesNumbersExactly(String text, String expected) {
		assertThat((Double) Json.parse(text)).isEqualTo(Double.parseDouble(expected));
	}

	@Test
	void parsesNumbersLikeParseDouble() {
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			String text;
			switch (i % 4) {
				case 0:
					text = Double.toString(Double.longBitsToDouble(random.nextLong()) % 1e12);
					break;
				case 1:
					text = (random.nextInt(2_000_000) - 1_000_000) + "." + random.nextInt(1_000_000);
					break;
				case 2:
					text = random.nextInt(100_000) + "e" + (random.nextInt(60) - 30);
					break;
				default:
					text = Long.toString(random.nextLong());
			}
			if (text.contains("NaN") || text.contains("Infinity")) {
				continue;
			}
			assertThat((Double) Json.parse(text)).as(text).isEqualTo(Double.parseDouble(text));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
			"{\"a\":1 \"b\":2}|1|8|expected `,` or `}` after a member, found a string",
			"{\"a\":1 x}|1|8|expected `,` or `}` after a member, found `x`",
			"{\"a\" 1}|1|6|expected `:` after a property name, found `1`",
			"{a:1}|1|2|expected a quoted property name or `}`, found `a`",
			"{\"a\":1,}|1|8|expected a quoted property name, found `}`", "[1,]|1|4|expected a value, found `]`",
			"[1 2]|1|4|expected `,` or `]` after an array item, found `2`", "[}|1|2|expected a value or `]`, found `}`",
			"'   '|1|4|expected a value, found end of input",
			"{\"a\":1} x|1|9|expected end of input after the JSON value, found `x`",
			"{\"a\":1,\"a\":2}|1|8|duplicate key `a`",
			"\"abc|1|5|unterminated string: expected `\"`, found end of input",
			"\"a\\x\"|1|3|invalid escape `\\x` in a string: expected one of `\\\"` `\\\\` `\\/` `\\b` `\\f` `\\n` `\\r` `\\t` `\\uXXXX`",
			"\"\\u12g4\"|1|2|expected 4 hex digits after `\\u`, found `12g4`",
			"01|1|1|invalid number `01`: leading zeros are not allowed",
			"1.|1|3|expected a digit after `.`, found end of input",
			"1e+|1|4|expected a digit in the exponent, found end of input",
			"-x|1|2|expected a digit after `-`, found `x`", "tru|1|1|expected a value, found `tru`",
			"[yes]|1|2|expected a value or `]`, found `yes`", "{\"a\":True}|1|6|expected a value, found `True`", })
	void reportsSyntaxErrors(String text, int line, int column, String message) {
		assertThatThrownBy(() -> Json.parse(text)).isInstanceOfSatisfying(JsonException.class, e -> {
			assertThat(e.getMessage()).isEqualTo(message);
			assertThat(e.line()).as("line").isEqualTo(line);
			assertThat(e.column()).as("column").isEqualTo(column);
		});
	}

	@Test
	void reportsControlCharactersInStrings() {
		assertThatThrownBy(() -> Json.parse("\"a\nb\""))
			.hasMessage("unterminated string: expected `\"` before the end of the line");
		assertThatThrownBy(() -> Json.parse("\"a\tb\""))
			.hasMessage("unescaped control character U+0009 in a string: write it as `\\u0009`");
	}

	@Test
	void locatesErrorsOnLaterLines() {
		assertThatThrownBy(() -> Json.parse("{\n  \"a\": [1,\r\n   2,,]\n}"))
			.isInstanceOfSatisfying(JsonException.class, e -> {
				assertThat(e.getMessage()).isEqualTo("expected a value, found `,`");
				assertThat(e.line()).isEqualTo(3);
				assertThat(e.column()).isEqualTo(6);
			});
	}

	@Test
	void limitsNesting() {
		assertThat(Json.parse("[".repeat(500) + "]".repeat(500))).isInstanceOf(List.class);
		assertThatThrownBy(() -> Json.parse("[".repeat(600) + "]".repeat(600)))
			.hasMessage("expected at most 512 levels of nesting, found more");
	}

}
