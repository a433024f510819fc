package fr.gouv.nuage.doctrine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document as a small tree that remembers where each value starts, so that every
 * diagnostic can point at the pack's line and column. Only maps, lists and scalars exist
 * in a pack.
 */
final class YamlTree {

	sealed interface YNode permits YScalar, YMap, YList {

		Pos pos();

	}

	/**
	 * A scalar; {@code contentPos} is where its text starts (after a quote, or on the
	 * next line of a block).
	 */
	record YScalar(String value, Pos pos, Pos contentPos, boolean plain, boolean block) implements YNode {
	}

	record YEntry(String key, Pos keyPos, YNode value) {
	}

	record YMap(Map<String, YEntry> entries, Pos pos) implements YNode {

		YNode get(String key) {
			YEntry entry = entries.get(key);
			return entry == null ? null : entry.value();
		}

		boolean has(String key) {
			return entries.containsKey(key);
		}
	}

	record YList(List<YNode> items, Pos pos) implements YNode {
	}

	private final String file;

	private final String[] lines;

	private final List<SourceIssue> issues;

	private YamlTree(String file, String[] lines, List<SourceIssue> issues) {
		this.file = file;
		this.lines = lines;
		this.issues = issues;
	}

	/**
	 * Parses the text, split into {@code lines} by the caller; a syntax error is reported
	 * in {@code issues} and gives {@code null}.
	 */
	static YNode parse(String file, String text, String[] lines, List<SourceIssue> issues) {
		YamlTree tree = new YamlTree(file, lines, issues);
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true); // reported below with a position instead
		options.setMaxAliasesForCollections(10);
		try {
			Node root = new Yaml(options).compose(new StringReader(text));
			if (root == null) {
				issues.add(SourceIssue.error(file, Pos.START, "the pack is empty", tree.line(1)));
				return null;
			}
			return tree.convert(root);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			Pos pos = mark == null ? Pos.START : pos(mark);
			String problem = ex.getProblem() == null ? "malformed yaml" : ex.getProblem();
			issues.add(SourceIssue.error(file, pos, "yaml syntax: " + problem, tree.line(pos.line())));
			return null;
		}
		catch (RuntimeException ex) {
			issues.add(SourceIssue.error(file, Pos.START, "yaml syntax: " + ex.getMessage(), tree.line(1)));
			return null;
		}
	}

	String line(int number) {
		return number >= 1 && number <= lines.length ? lines[number - 1] : "";
	}

	private static Pos pos(Mark mark) {
		return new Pos(mark.getLine() + 1, mark.getColumn() + 1);
	}

	private YNode convert(Node node) {
		Pos pos = pos(node.getStartMark());
		if (node instanceof ScalarNode scalar) {
			ScalarStyle style = scalar.getScalarStyle();
			boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
			Pos content = pos;
			if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
				content = pos.plusColumns(1);
			}
			else if (block) {
				content = blockContentStart(pos.line());
			}
			return new YScalar(scalar.getValue(), pos, content, style == ScalarStyle.PLAIN, block);
		}
		if (node instanceof SequenceNode sequence) {
			List<YNode> items = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				items.add(convert(item));
			}
			return new YList(Collections.unmodifiableList(items), pos);
		}
		MappingNode mapping = (MappingNode) node;
		Map<String, YEntry> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			Pos keyPos = pos(tuple.getKeyNode().getStartMark());
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				issues.add(SourceIssue.error(file, keyPos, "a key must be a plain name", line(keyPos.line())));
				continue;
			}
			if (entries.containsKey(key.getValue())) {
				issues.add(
						SourceIssue.error(file, keyPos, "duplicate key `" + key.getValue() + "`", line(keyPos.line())));
				continue;
			}
			entries.put(key.getValue(), new YEntry(key.getValue(), keyPos, convert(tuple.getValueNode())));
		}
		return new YMap(Collections.unmodifiableMap(entries), pos);
	}

	private Pos blockContentStart(int indicatorLine) {
		for (int n = indicatorLine + 1; n <= lines.length; n++) {
			String text = line(n);
			if (!text.isBlank()) {
				int indent = 0;
				while (indent < text.length() && text.charAt(indent) == ' ') {
					indent++;
				}
				return new Pos(n, indent + 1);
			}
		}
		return new Pos(indicatorLine, 1);
	}

}
