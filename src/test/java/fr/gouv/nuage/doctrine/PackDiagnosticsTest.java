package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files pin how a broken pack is reported: each {@code broken/X.yaml} is refused
 * with exactly the diagnostics of {@code broken/X.expected} (file:line:column, message,
 * source line and caret).
 */
class PackDiagnosticsTest {

	private static final Path FOLDER = Path.of("src/test/resources/doctrine/broken");

	static Stream<String> brokenPacks() throws IOException {
		try (Stream<Path> files = Files.list(FOLDER)) {
			return files.map(p -> p.getFileName().toString())
				.filter(n -> n.endsWith(".yaml"))
				.map(n -> n.substring(0, n.length() - ".yaml".length()))
				.sorted()
				.toList()
				.stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenPacks")
	void brokenPackIsRefusedWithItsGoldenDiagnostics(String name) throws IOException {
		String text = Files.readString(FOLDER.resolve(name + ".yaml"), StandardCharsets.UTF_8);
		PackLoader.Result result = new PackLoader().load("broken/" + name + ".yaml", text);
		assertThat(result).isInstanceOf(PackLoader.Refused.class);
		String actual = result.issues().stream().map(SourceIssue::format).collect(Collectors.joining("\n")) + "\n";
		Path golden = FOLDER.resolve(name + ".expected");
		if (Boolean.getBoolean("nuage.updateGolden")) {
			Files.writeString(golden, actual, StandardCharsets.UTF_8);
		}
		assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
	}

	@Test
	void theMinimalPackLoadsWithoutIssues() throws IOException {
		String text = Files.readString(Path.of("src/test/resources/doctrine/minimal.yaml"), StandardCharsets.UTF_8);
		PackLoader.Result result = new PackLoader().load("minimal.yaml", text);
		assertThat(result.issues()).isEmpty();
		assertThat(result).isInstanceOf(PackLoader.Loaded.class);
	}

	@Test
	void theShippedPacksLoadWithoutIssues() {
		RulePacks packs = RulePacks.shipped();
		for (String id : packs.ids()) {
			PackLoader.Result result = new PackLoader().load(id + ".yaml", packs.source(id));
			assertThat(result.issues()).as(id).isEmpty();
			assertThat(((PackLoader.Loaded) result).pack().rules()).as(id).hasSize(15);
		}
	}

}
