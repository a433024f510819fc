package fr.gouv.nuage.doctrine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads a rule pack through its phases — load, check, plan — and either returns the
 * planned pack or refuses it with every issue found, each pointing at its line and
 * column.
 */
public final class PackLoader {

	/** The outcome of loading a pack. */
	public sealed interface Result permits Loaded, Refused {

		List<SourceIssue> issues();

	}

	public record Loaded(RulePack pack, List<SourceIssue> issues) implements Result {
	}

	public record Refused(List<SourceIssue> issues) implements Result {
	}

	private final FactModel facts;

	public PackLoader(FactModel facts) {
		this.facts = facts;
	}

	public PackLoader() {
		this(FactModel.assessmentV1());
	}

	public Result load(String file, String text) {
		List<SourceIssue> issues = new ArrayList<>();
		PackParser parser = new PackParser(file, text, facts, issues);
		PackDefinition definition = parser.parse();
		RulePack pack = null;
		if (definition != null) {
			pack = new PackCompiler(file, definition, facts, issues, parser).compile(digest(text));
		}
		issues.sort(Comparator.comparingInt(SourceIssue::line).thenComparingInt(SourceIssue::column));
		List<SourceIssue> sorted = List.copyOf(issues);
		if (pack == null || sorted.stream().anyMatch(SourceIssue::isError)) {
			return new Refused(sorted);
		}
		return new Loaded(pack, sorted);
	}

	/** The content hash that stamps every decision of a pack. */
	static String digest(String text) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return "sha256:" + HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

}
