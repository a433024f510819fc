package fr.gouv.nuage.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What every command reads is capped, strict UTF-8 from a file as from standard input,
 * and any input or I/O error exits 2 (never 1, which means NON_COMPLIANT) with a message
 * that names the file, the line and the limit.
 */
class InputLimitsTest extends CliTestSupport {

	private static final String TOWN = "{\"schema\":\"nuage.assessment/v1\",\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"}}";

	/** A JSON document just over the limit: spaces after a valid assessment. */
	private static byte[] overLimit(int limit) {
		byte[] bytes = new byte[limit + 1];
		java.util.Arrays.fill(bytes, (byte) ' ');
		byte[] start = TOWN.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(start, 0, bytes, 0, start.length);
		return bytes;
	}

	private String bytes(String name, byte[] content) throws IOException {
		Path path = dir.resolve(name);
		Files.write(path, content);
		return path.toString();
	}

	private int runWithStdin(byte[] stdin, String... args) {
		InputStream saved = System.in;
		System.setIn(new ByteArrayInputStream(stdin));
		try {
			return run(args);
		}
		finally {
			System.setIn(saved);
		}
	}

	@Test
	void aDocumentOverTheLimitExitsTwoNamingFileAndLimit() throws IOException {
		byte[] big = overLimit(Inputs.MAX_DOCUMENT_BYTES);
		String path = bytes("big.json", big);
		assertThat(run("evaluate", file("ok.json", TOWN))).isZero();
		assertThat(run("evaluate", path)).isEqualTo(2);
		assertThat(err).contains("`" + path + "` is larger than the limit of 1 MiB (1048576 bytes)");
		assertThat(runWithStdin(big, "evaluate", "--format", "json", "-")).isEqualTo(2);
		assertThat(err).contains("`<stdin>` is larger than the limit of 1 MiB");
		assertThat(run("compare", "--from", "6282-SG", path)).isEqualTo(2);
		assertThat(err).contains("is larger than the limit");
		assertThat(run("offers", "eligible", path)).isEqualTo(2);
		assertThat(err).contains("is larger than the limit");
		assertThat(run("evaluate", "--pack", path, file("ok2.json", TOWN))).isEqualTo(2);
		assertThat(err).contains("`" + path + "` is larger than the limit");
		assertThat(run("packs", "check", path)).isEqualTo(2);
		assertThat(err).contains("`" + path + "` is larger than the limit");
	}

	@Test
	void aDocumentJustAtTheLimitIsRead() throws IOException {
		byte[] exact = java.util.Arrays.copyOf(overLimit(Inputs.MAX_DOCUMENT_BYTES), Inputs.MAX_DOCUMENT_BYTES);
		assertThat(run("evaluate", bytes("exact.json", exact))).as(err).isZero();
	}

	@Test
	void aCatalogueOverItsLimitExitsTwo() throws IOException {
		String path = bytes("offers.yaml", overLimit(Inputs.MAX_CATALOGUE_BYTES));
		assertThat(run("offers", "check", path)).isEqualTo(2);
		assertThat(err).contains("`" + path + "` is larger than the limit of 4 MiB");
	}

	@Test
	void invalidUtf8IsRefusedFromStandardInputAsFromAFileNamingLineAndByte() throws IOException {
		byte[] latin1 = "{\"schema\":\"nuage.assessment/v1\",\n\"entity\":{\"kind\":\"LOCAL_AUTHORITY\"},\"x\":\"\u00e9\"}"
			.getBytes(StandardCharsets.ISO_8859_1);
		int offset = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('\u00e9');
		String message = "is not UTF-8 text: line 2, byte offset " + offset + " (0xe9)";
		assertThat(runWithStdin(latin1, "evaluate", "-")).isEqualTo(2);
		assertThat(err).contains("`<stdin>` " + message);
		String path = bytes("latin1.json", latin1);
		assertThat(run("evaluate", path)).isEqualTo(2);
		assertThat(err).contains("`" + path + "` " + message);
		assertThat(runWithStdin(latin1, "compare", "--from", "6282-SG", "-")).isEqualTo(2);
		assertThat(err).contains("`<stdin>` " + message);
		// a genuine U+FFFD is text like any other
		assertThat(run("evaluate", file("fffd.json", TOWN.replace("LOCAL_AUTHORITY", "\uFFFD")))).isEqualTo(2);
		assertThat(err).contains("\uFFFD").doesNotContain("UTF-8");
	}

	@Test
	void aJsonLinesLineThatIsNotUtf8GetsAnErrorInItsPlace() throws IOException {
		byte[] bad = (TOWN + "\n{\"schema\":\"nuage.assessment/v1\",\"a\":\"\u00ff\"}\n" + TOWN + "\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(runWithStdin(bad, "evaluate", "--format", "jsonl", "-")).isEqualTo(2);
		String[] lines = out.split("\n");
		assertThat(lines).hasSize(3);
		assertThat(lines[0]).contains("NOT_SUBJECT");
		assertThat(lines[1]).contains("\"line\":2").contains("not UTF-8 text: byte offset 37 (0xff)");
		assertThat(lines[2]).contains("NOT_SUBJECT");
		assertThat(err).contains("<stdin>:2: not UTF-8 text: byte offset 37 (0xff)");
	}

	@Test
	void aJsonLinesLineOverTheLimitStopsTheReadingThereAndExitsTwo() throws IOException {
		byte[] tooLong = overLimit(Inputs.MAX_LINE_BYTES);
		byte[] first = (TOWN + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] stream = new byte[first.length + tooLong.length + first.length];
		System.arraycopy(first, 0, stream, 0, first.length);
		System.arraycopy(tooLong, 0, stream, first.length, tooLong.length);
		stream[first.length + tooLong.length] = '\n';
		System.arraycopy(first, 0, stream, first.length + tooLong.length, first.length);
		String path = bytes("long.jsonl", stream);
		assertThat(run("evaluate", "--format", "jsonl", path)).isEqualTo(2);
		assertThat(out.split("\n")).hasSize(1);
		assertThat(out).contains("NOT_SUBJECT");
		assertThat(err).contains(path + ":2: the line is longer than the limit of 1 MiB (1048576 bytes)");
	}

	@Test
	void linesAreSplitWithinTheLimitWhateverTheReadsGive() throws IOException {
		byte[] text = "ab\r\n\ncdef\nghijk\nlm".getBytes(StandardCharsets.US_ASCII);
		// one byte per read, as a slow pipe gives them
		InputStream trickle = new ByteArrayInputStream(text) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 1));
			}
		};
		EvaluateCommand.Lines lines = new EvaluateCommand.Lines(trickle, 4);
		List<String> read = new ArrayList<>();
		lines.next(10).forEach(line -> read.add(new String(line, StandardCharsets.US_ASCII)));
		assertThat(read).containsExactly("ab", "", "cdef");
		assertThat(lines.tooLong()).isTrue();
		EvaluateCommand.Lines fitting = new EvaluateCommand.Lines(new ByteArrayInputStream(text), 5);
		List<String> all = new ArrayList<>();
		fitting.next(2).forEach(line -> all.add(new String(line, StandardCharsets.US_ASCII)));
		fitting.next(10).forEach(line -> all.add(new String(line, StandardCharsets.US_ASCII)));
		assertThat(all).containsExactly("ab", "", "cdef", "ghijk", "lm");
		assertThat(fitting.tooLong()).isFalse();
		EvaluateCommand.Lines lastTooLong = new EvaluateCommand.Lines(new ByteArrayInputStream(text), 4);
		assertThat(lastTooLong.next(2)).hasSize(2);
		assertThat(lastTooLong.next(10)).hasSize(1);
		assertThat(lastTooLong.tooLong()).isTrue();
		EvaluateCommand.Lines crlf = new EvaluateCommand.Lines(trickle(text), 4);
		assertThat(crlf.next(3)).hasSize(3);
		EvaluateCommand.Lines atLimit = new EvaluateCommand.Lines(trickle("abcd\r\nefgh".getBytes()), 4);
		assertThat(atLimit.next(10)).hasSize(2);
		assertThat(atLimit.tooLong()).isFalse();
	}

	private static InputStream trickle(byte[] text) {
		return new ByteArrayInputStream(text) {
			@Override
			public synchronized int read(byte[] b, int off, int len) {
				return super.read(b, off, Math.min(len, 1));
			}
		};
	}

	@Test
	void aRecursiveAliasOrAnAliasBombInAPackExitsTwoWithItsPosition() throws IOException {
		String recursive = file("loop.yaml", "pack:\n  id: &a [*a]\n");
		assertThat(run("packs", "check", recursive)).isEqualTo(2);
		assertThat(err).contains(recursive + ":2:11: error: the alias `*a` refers to a value that contains it");
		assertThat(run("evaluate", "--pack", recursive, file("town.json", TOWN))).isEqualTo(2);
		assertThat(err).contains("is refused").contains(":2:11:");
		StringBuilder bomb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
		for (char level = 'b'; level <= 'j'; level++) {
			char below = (char) (level - 1);
			bomb.append(level).append(": &").append(level).append(" [");
			for (int i = 0; i < 9; i++) {
				bomb.append('*').append(below).append(", ");
			}
			bomb.append("]\n");
		}
		String bombPath = file("lol.yaml", bomb.toString());
		assertThat(run("packs", "check", bombPath)).isEqualTo(2);
		assertThat(err).contains(bombPath + ":3:").contains("more than 10 aliases to a list or a map");
	}

	@Test
	void testsThatCannotBeReadExitTwoNotOne() throws IOException {
		String pack = Files.readString(Path.of("src/main/resources/doctrine/packs/6404-SG.yaml"));
		String packPath = file("p.yaml", pack);
		String tests = file("p.tests.yaml", "cases: &c [*c]\n");
		assertThat(run("packs", "test", packPath, "--tests", tests)).isEqualTo(2);
		assertThat(err).contains(tests + ":1:12: error: the alias `*c` refers to a value that contains it");
		assertThat(run("packs", "test", packPath, "--tests", dir.resolve("absent.yaml").toString())).isEqualTo(2);
		assertThat(err).contains("no such file");
	}

	@Test
	void aDirectoryOrAnUnreadableFileExitsTwo() {
		assertThat(run("evaluate", dir.toString())).isEqualTo(2);
		assertThat(err).contains("cannot read `" + dir + "`: it is a directory");
		assertThat(run("evaluate", "--format", "jsonl", dir.toString())).isEqualTo(2);
		assertThat(err).contains("it is a directory");
	}

}
