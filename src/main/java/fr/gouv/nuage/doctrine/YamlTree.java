package fr.gouv.nuage.doctrine;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

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
	 * The most characters a pack may hold: the shipped ones hold about 60 000, and parse
	 * time grows faster than the size (SnakeYAML's plain scalars).
	 */
	static final int MAX_CHARS = 1 << 20;

	/**
	 * The most aliases to a list or a map: each may multiply what the pack expands to.
	 */
	static final int MAX_COLLECTION_ALIASES = 10;

	/** The deepest nesting of lists and maps (the shipped packs go 6 deep). */
	static final int MAX_DEPTH = 40;

	/** The most values a pack may expand to once its aliases are followed. */
	static final int MAX_VALUES = 500_000;

	/** A limit reached at a place of the text. */
	private static final class Refusal extends RuntimeException {

		private final Pos pos;

		Refusal(Pos pos, String message) {
			super(message, null, false, false);
			this.pos = pos;
		}

	}

	private int values;

	/**
	 * Parses the text, split into {@code lines} by the caller; a syntax error, or a limit
	 * reached (size, nesting, aliases), is reported in {@code issues} and gives
	 * {@code null}.
	 */
	static YNode parse(String file, String text, String[] lines, List<SourceIssue> issues) {
		YamlTree tree = new YamlTree(file, lines, issues);
		if (text.length() > MAX_CHARS) {
			issues.add(SourceIssue.error(file, Pos.START,
					"the file holds " + text.length() + " characters, more than the limit of " + MAX_CHARS,
					tree.line(1)));
			return null;
		}
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(true); // reported below with a position instead
		// SnakeYAML's own limits stay as a second line, above those checked with a
		// position.
		options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES + 1);
		options.setNestingDepthLimit(MAX_DEPTH + 10);
		options.setCodePointLimit(MAX_CHARS + 1);
		Guard guard = new Guard(new ParserImpl(new StreamReader(new StringReader(text)), options));
		try {
			Node root = new Composer(guard, new Resolver(), options).getSingleNode();
			if (root == null) {
				issues.add(SourceIssue.error(file, Pos.START, "the pack is empty", tree.line(1)));
				return null;
			}
			return tree.convert(root);
		}
		catch (Refusal ex) {
			issues.add(SourceIssue.error(file, ex.pos, ex.getMessage(), tree.line(ex.pos.line())));
			return null;
		}
		catch (MarkedYAMLException ex) {
			Mark mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			Pos pos = mark == null ? Pos.START : pos(mark);
			String problem = ex.getProblem() == null ? "malformed yaml" : ex.getProblem();
			issues.add(SourceIssue.error(file, pos, "yaml syntax: " + problem, tree.line(pos.line())));
			return null;
		}
		catch (RuntimeException ex) {
			Pos pos = guard.last == null ? Pos.START : pos(guard.last.getStartMark());
			issues.add(SourceIssue.error(file, pos, "yaml syntax: " + ex.getMessage(), tree.line(pos.line())));
			return null;
		}
	}

	/**
	 * Watches the events the composer takes, so that an alias that refers to a value it
	 * is part of (which SnakeYAML builds as a cycle), too many aliases or too deep a
	 * nesting is refused where it is written, before anything is built from it.
	 */
	private static final class Guard implements Parser {

		private final Parser parser;

		/**
		 * The anchors of the lists and maps being read, outermost first ({@code null}:
		 * none).
		 */
		private final List<String> open = new ArrayList<>();

		/** Every anchor met: whether it names a list or a map. */
		private final Map<String, Boolean> collections = new HashMap<>();

		private int collectionAliases;

		private Event last;

		Guard(Parser parser) {
			this.parser = parser;
		}

		@Override
		public boolean checkEvent(Event.ID choice) {
			return parser.checkEvent(choice);
		}

		@Override
		public Event peekEvent() {
			return parser.peekEvent();
		}

		@Override
		public Event getEvent() {
			Event event = parser.getEvent();
			last = event;
			if (event instanceof CollectionStartEvent start) {
				if (open.size() >= MAX_DEPTH) {
					throw new Refusal(pos(event.getStartMark()),
							"lists and maps are nested more than " + MAX_DEPTH + " deep");
				}
				open.add(start.getAnchor());
				if (start.getAnchor() != null) {
					collections.put(start.getAnchor(), true);
				}
			}
			else if (event instanceof CollectionEndEvent) {
				open.remove(open.size() - 1);
			}
			else if (event instanceof ScalarEvent scalar && scalar.getAnchor() != null) {
				collections.put(scalar.getAnchor(), false);
			}
			else if (event instanceof AliasEvent alias) {
				String anchor = alias.getAnchor();
				if (open.contains(anchor)) {
					throw new Refusal(pos(event.getStartMark()),
							"the alias `*" + anchor + "` refers to a value that contains it");
				}
				if (Boolean.TRUE.equals(collections.get(anchor)) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
					throw new Refusal(pos(event.getStartMark()), "more than " + MAX_COLLECTION_ALIASES
							+ " aliases to a list or a map (`*" + anchor + "`): write the values out");
				}
			}
			return event;
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
		if (++values > MAX_VALUES) {
			throw new Refusal(pos, "the pack expands to more than " + MAX_VALUES + " values");
		}
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
