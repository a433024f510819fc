package fr.gouv.nuage.doctrine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * A pack (or a pack's tests) that would take the parser's time, memory or stack is
 * refused with a position, before anything is built from it; the golden files
 * {@code broken/recursive-alias}, {@code alias-bomb} and {@code too-deep} pin the
 * diagnostics.
 */
class PackLimitsTest {

	@Test
	void aPackLargerThanTheLimitIsRefusedBeforeItIsParsed() {
		String oneValue = "pack: {id: " + "a".repeat(YamlTree.MAX_CHARS) + "}\n";
		long start = System.nanoTime();
		PackLoader.Result result = new PackLoader().load("big.yaml", oneValue);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		assertThat(result).isInstanceOf(PackLoader.Refused.class);
		assertThat(result.issues()).singleElement()
			.satisfies(issue -> assertThat(issue.headline()).isEqualTo("big.yaml:1:1: error: the file holds "
					+ oneValue.length() + " characters, more than the limit of " + YamlTree.MAX_CHARS));
	}

	@Test
	void aLongSourceLineIsShownAroundTheColumnNotWhole() {
		String line = "x".repeat(100_000) + "!" + "y".repeat(100_000);
		String shown = SourceIssue.error("f.yaml", 1, 100_001, "here", line).format();
		String[] lines = shown.split("\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).hasSizeLessThan(200).startsWith(" | …").endsWith("…").contains("!");
		assertThat(lines[2].indexOf('^')).isEqualTo(lines[1].indexOf('!'));
		assertThat(SourceIssue.error("f.yaml", 1, 3, "here", "ab!cd").format()).endsWith(" | ab!cd\n |   ^");
	}

	@Test
	void theTestsOfAPackAreReadUnderTheSameLimits() {
		String recursive = "pack: X\ncases: &cases\n  - name: loop\n    assessment: *cases\n";
		assertThat(PackTests.check("x.tests.yaml", recursive)).singleElement()
			.satisfies(issue -> assertThat(issue.headline())
				.isEqualTo("x.tests.yaml:4:17: error: the alias `*cases` refers to a value that contains it"));
		RulePack pack = RulePacks.shipped().get("6404-SG");
		assertThat(PackTests.run(pack, "x.tests.yaml", recursive)).singleElement()
			.satisfies(result -> assertThat(result.passed()).isFalse());
		assertThat(PackTests.check("ok.tests.yaml", "cases: []\n")).isEmpty();
	}

	@Test
	void anAliasToAScalarIsNotCountedAgainstTheLimit() {
		StringBuilder text = new StringBuilder("a: &a x\nb: [");
		for (int i = 0; i < 50; i++) {
			text.append("*a, ");
		}
		text.append("]\n");
		java.util.List<SourceIssue> issues = new java.util.ArrayList<>();
		String source = text.toString();
		assertThat(YamlTree.parse("s.yaml", source, source.split("\n", -1), issues)).isNotNull();
		assertThat(issues).isEmpty();
	}

}
