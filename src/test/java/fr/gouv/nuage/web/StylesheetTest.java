package fr.gouv.nuage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The site's own stylesheet is well formed: a rule left open swallows every rule after
 * it, silently, in every browser.
 */
class StylesheetTest {

	@Test
	void everyRuleOfTheSitesStylesheetIsClosed() throws IOException {
		String css = Files.readString(Path.of("src/main/resources/static/css/nuage.css"))
			.replaceAll("(?s)/\\*.*?\\*/", "")
			.replaceAll("\"[^\"]*\"", "\"\"");
		int depth = 0;
		int line = 1;
		for (char c : css.toCharArray()) {
			if (c == '\n') {
				line++;
			}
			else if (c == '{') {
				depth++;
				assertThat(depth).as("a rule opened inside another, line %d (comments left out)", line)
					.isLessThanOrEqualTo(2);
			}
			else if (c == '}') {
				depth--;
				assertThat(depth).as("a closing brace without its rule, line %d", line).isNotNegative();
			}
		}
		assertThat(depth).as("rules left open").isZero();
	}

}
