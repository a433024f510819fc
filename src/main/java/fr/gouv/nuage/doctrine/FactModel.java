package fr.gouv.nuage.doctrine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The compiled assessment schema: the facts a doctrine can ask about, each with its type
 * and allowed values. Only the subset of JSON Schema that the assessment contract uses is
 * understood (type, enum, const, properties, required, additionalProperties, minimum,
 * maximum, maxLength, items, uniqueItems and annotations); anything else is refused
 * rather than silently not enforced. Immutable and thread-safe.
 */
public final class FactModel {

	static final String V1_RESOURCE = "/doctrine/schema/assessment-v1.schema.json";

	private static final Set<String> ANNOTATIONS = Set.of("description", "title", "$schema", "$id", "$comment",
			"default", "examples");

	private static final Set<String> OBJECT_KEYWORDS = Set.of("type", "properties", "required", "additionalProperties");

	private static final Set<String> LEAF_KEYWORDS = Set.of("type", "enum", "minimum", "maximum", "maxLength", "items",
			"uniqueItems");

	private static final Set<String> ITEM_KEYWORDS = Set.of("type", "enum");

	private static final Set<String> CONST_KEYWORDS = Set.of("const", "type");

	private final String schemaId;

	private final Node root;

	private final List<Fact> facts;

	private final Fact[] factArray;

	private final Map<String, Fact> byPath;

	private final Names[] enumNames;

	private final List<String> objectNames;

	private FactModel(String schemaId, Node root, List<Fact> facts) {
		this.schemaId = schemaId;
		this.root = root;
		this.facts = List.copyOf(facts);
		this.factArray = facts.toArray(new Fact[0]);
		Map<String, Fact> paths = new LinkedHashMap<>();
		this.enumNames = new Names[factArray.length];
		for (Fact f : factArray) {
			paths.put(f.path(), f);
			if (f.type() == FactType.ENUM || f.type() == FactType.ENUM_LIST) {
				enumNames[f.index()] = new Names(f.values());
			}
		}
		this.byPath = Collections.unmodifiableMap(paths);
		List<String> objects = new ArrayList<>();
		for (int i = 0; i < root.members.length; i++) {
			if (root.members[i] instanceof Node) {
				objects.add(root.names.get(i));
			}
		}
		this.objectNames = List.copyOf(objects);
	}

	/**
	 * Compiles a schema; throws {@link IllegalArgumentException} when it goes beyond the
	 * supported subset.
	 */
	public static FactModel fromSchema(String schemaJson) {
		Object tree;
		try {
			tree = Json.parse(schemaJson);
		}
		catch (JsonException e) {
			throw new IllegalArgumentException(
					"assessment schema:" + e.line() + ":" + e.column() + ": " + e.getMessage(), e);
		}
		Compiler compiler = new Compiler();
		Node root = compiler.object(asMap(tree, ""), "", "");
		if (compiler.schemaId == null) {
			throw bad("", "expected a `schema` property with a `const` naming the schema version");
		}
		return new FactModel(compiler.schemaId, root, compiler.facts);
	}

	/** The model of {@value #V1_RESOURCE}, loaded once. */
	public static FactModel assessmentV1() {
		return V1.MODEL;
	}

	public String schemaId() {
		return schemaId;
	}

	public List<Fact> facts() {
		return facts;
	}

	public Optional<Fact> fact(String path) {
		return Optional.ofNullable(byPath.get(path));
	}

	public int size() {
		return factArray.length;
	}

	/**
	 * The top-level objects, in schema order: entity, project, hosting, data,
	 * commitments.
	 */
	public List<String> objectNames() {
		return objectNames;
	}

	@Override
	public String toString() {
		return schemaId + " (" + factArray.length + " facts)";
	}

	Node root() {
		return root;
	}

	Fact factAt(int index) {
		return factArray[index];
	}

	Fact factOrNull(String path) {
		return byPath.get(path);
	}

	Set<String> paths() {
		return byPath.keySet();
	}

	/** Lookup of the allowed values of an enum fact, or {@code null} for other facts. */
	Names enumNames(int index) {
		return enumNames[index];
	}

	private static final class V1 {

		static final FactModel MODEL = load();

		private static FactModel load() {
			try (InputStream in = FactModel.class.getResourceAsStream(V1_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("resource " + V1_RESOURCE + " is missing from the classpath");
				}
				return fromSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

	}

	/**
	 * An object of the schema; its members are {@link Fact}s, nested {@link Node}s or a
	 * {@link Const}.
	 */
	static final class Node {

		final String path;

		final List<String> names;

		final Object[] members;

		final Names lookup;

		/** The dotted path of each member. */
		final String[] paths;

		/** Each member's name as a JSON string, for writing. */
		final String[] quotedNames;

		final int[] required;

		/**
		 * The facts below this object are the contiguous range [firstFact, endFact) of
		 * the model.
		 */
		final int firstFact;

		final int endFact;

		Node(String path, List<String> names, Object[] members, int[] required, int firstFact, int endFact) {
			this.path = path;
			this.names = List.copyOf(names);
			this.members = members;
			this.lookup = new Names(this.names);
			this.paths = new String[members.length];
			this.quotedNames = new String[members.length];
			for (int i = 0; i < members.length; i++) {
				paths[i] = path.isEmpty() ? this.names.get(i) : path + "." + this.names.get(i);
				quotedNames[i] = JsonWriter.quote(this.names.get(i));
			}
			this.required = required;
			this.firstFact = firstFact;
			this.endFact = endFact;
		}

	}

	/** A property that must hold one given string: the {@code schema} version marker. */
	static final class Const {

		final String value;

		Const(String value) {
			this.value = value;
		}

	}

	/**
	 * A small open-addressing table from names to their position, that matches a region
	 * of a larger string without allocating, and returns the position so that callers get
	 * the canonical instance back.
	 */
	static final class Names {

		final List<String> names;

		/** Each name as a JSON string, for writing. */
		final String[] quoted;

		private final String[] table;

		private final char[][] chars;

		private final int[] ids;

		private final int[] hashes;

		private final int mask;

		Names(List<String> names) {
			this.names = names;
			this.quoted = new String[names.size()];
			for (int i = 0; i < quoted.length; i++) {
				quoted[i] = JsonWriter.quote(names.get(i));
			}
			int capacity = 8;
			while (capacity < names.size() * 2) {
				capacity <<= 1;
			}
			table = new String[capacity];
			chars = new char[capacity][];
			ids = new int[capacity];
			hashes = new int[capacity];
			mask = capacity - 1;
			for (int i = 0; i < names.size(); i++) {
				String name = names.get(i);
				int slot = spread(name.hashCode()) & mask;
				while (table[slot] != null) {
					slot = (slot + 1) & mask;
				}
				table[slot] = name;
				ids[slot] = i;
				hashes[slot] = name.hashCode();
				chars[slot] = name.toCharArray();
			}
		}

		/**
		 * Position of the name equal to {@code s[from, to)}, whose
		 * {@link String#hashCode()} is {@code h}, or -1.
		 */
		int find(String s, int from, int to, int h) {
			int length = to - from;
			int slot = spread(h) & mask;
			String candidate;
			while ((candidate = table[slot]) != null) {
				if (hashes[slot] == h && candidate.length() == length && s.startsWith(candidate, from)) {
					return ids[slot];
				}
				slot = (slot + 1) & mask;
			}
			return -1;
		}

		/** As {@link #find(String, int, int, int)}, on an array of characters. */
		int find(char[] b, int from, int to, int h) {
			int length = to - from;
			int slot = spread(h) & mask;
			char[] candidate;
			while ((candidate = chars[slot]) != null) {
				if (hashes[slot] == h && candidate.length == length
						&& Arrays.equals(b, from, to, candidate, 0, length)) {
					return ids[slot];
				}
				slot = (slot + 1) & mask;
			}
			return -1;
		}

		int find(String s, int from, int to) {
			int h = 0;
			for (int i = from; i < to; i++) {
				h = 31 * h + s.charAt(i);
			}
			return find(s, from, to, h);
		}

		int find(String s) {
			return find(s, 0, s.length(), s.hashCode());
		}

		/**
		 * Position of a name, found by identity first since assessments hold the
		 * canonical instances.
		 */
		int indexOf(String s) {
			int h = s.hashCode();
			int slot = spread(h) & mask;
			String candidate;
			while ((candidate = table[slot]) != null) {
				if (candidate == s || (hashes[slot] == h && candidate.equals(s))) {
					return ids[slot];
				}
				slot = (slot + 1) & mask;
			}
			return -1;
		}

		private static int spread(int h) {
			return h ^ (h >>> 16);
		}

	}

	private static final class Compiler {

		final List<Fact> facts = new ArrayList<>();

		String schemaId;

		Node object(Map<String, Object> def, String path, String where) {
			checkKeywords(def, where, OBJECT_KEYWORDS);
			if (!"object".equals(def.get("type"))) {
				throw bad(where, "expected `\"type\": \"object\"`");
			}
			if (!Boolean.FALSE.equals(def.get("additionalProperties"))) {
				// A misspelt fact must be rejected, never silently ignored.
				throw bad(where, "expected `\"additionalProperties\": false`");
			}
			Map<String, Object> properties = def.containsKey("properties")
					? asMap(def.get("properties"), where + "/properties") : Map.of();
			int first = facts.size();
			List<String> names = new ArrayList<>();
			List<Object> members = new ArrayList<>();
			for (Map.Entry<String, Object> e : properties.entrySet()) {
				String name = e.getKey();
				if (name.isEmpty() || name.indexOf('.') >= 0 || name.indexOf('[') >= 0) {
					throw bad(where, "property `" + name + "` cannot be named in a dotted path");
				}
				String childPath = path.isEmpty() ? name : path + "." + name;
				String childWhere = where + "/properties/" + name;
				Map<String, Object> child = asMap(e.getValue(), childWhere);
				names.add(name);
				if (child.containsKey("const")) {
					members.add(constant(child, name, path, childWhere));
				}
				else if ("object".equals(child.get("type"))) {
					members.add(object(child, childPath, childWhere));
				}
				else {
					members.add(leaf(child, childPath, childWhere));
				}
			}
			int[] required = new int[0];
			if (def.containsKey("required")) {
				List<String> list = strings(def.get("required"), where + "/required");
				required = new int[list.size()];
				for (int i = 0; i < list.size(); i++) {
					required[i] = names.indexOf(list.get(i));
					if (required[i] < 0) {
						throw bad(where, "required property `" + list.get(i) + "` is not among the properties");
					}
				}
			}
			return new Node(path, names, members.toArray(), required, first, facts.size());
		}

		Const constant(Map<String, Object> def, String name, String parentPath, String where) {
			checkKeywords(def, where, CONST_KEYWORDS);
			if (!parentPath.isEmpty() || !name.equals("schema") || schemaId != null) {
				throw bad(where, "a `const` is only understood on the top-level `schema` property");
			}
			if (!(def.get("const") instanceof String)) {
				throw bad(where, "expected a string `const`");
			}
			schemaId = (String) def.get("const");
			return new Const(schemaId);
		}

		Fact leaf(Map<String, Object> def, String path, String where) {
			checkKeywords(def, where, LEAF_KEYWORDS);
			Object type = def.get("type");
			FactType factType;
			List<String> values = List.of();
			if (def.containsKey("enum")) {
				if (type != null && !"string".equals(type)) {
					throw bad(where, "an `enum` is only understood on strings");
				}
				factType = FactType.ENUM;
				values = enumValues(def.get("enum"), where + "/enum");
			}
			else if ("boolean".equals(type)) {
				factType = FactType.BOOLEAN;
			}
			else if ("number".equals(type)) {
				factType = FactType.NUMBER;
			}
			else if ("string".equals(type)) {
				factType = FactType.STRING;
			}
			else if ("array".equals(type)) {
				factType = FactType.ENUM_LIST;
				// An array fact is a set: order and repetition must carry no meaning.
				if (!Boolean.TRUE.equals(def.get("uniqueItems"))) {
					throw bad(where, "expected `\"uniqueItems\": true` on an array");
				}
				Map<String, Object> items = asMap(def.get("items"), where + "/items");
				checkKeywords(items, where + "/items", ITEM_KEYWORDS);
				if (items.get("type") != null && !"string".equals(items.get("type"))) {
					throw bad(where + "/items", "expected string items");
				}
				values = enumValues(items.get("enum"), where + "/items/enum");
			}
			else {
				throw bad(where, "expected a `type` among `boolean`, `number`, `string`, `array` and `object`, "
						+ "or an `enum`, found " + (type == null ? "none" : "`" + type + "`"));
			}
			Double minimum = number(def, "minimum", factType, where);
			Double maximum = number(def, "maximum", factType, where);
			Integer maxLength = null;
			if (def.containsKey("maxLength")) {
				Object v = def.get("maxLength");
				if (factType != FactType.STRING || !(v instanceof Double) || (Double) v < 0
						|| (Double) v != Math.rint((Double) v) || (Double) v > Integer.MAX_VALUE) {
					throw bad(where, "`maxLength` must be a non-negative integer on a string");
				}
				maxLength = ((Double) v).intValue();
			}
			if (factType != FactType.ENUM_LIST && (def.containsKey("items") || def.containsKey("uniqueItems"))) {
				throw bad(where, "`items` and `uniqueItems` are only understood on arrays");
			}
			Object description = def.get("description");
			Fact fact = new Fact(facts.size(), path, factType, values,
					description instanceof String ? (String) description : null, minimum, maximum, maxLength);
			facts.add(fact);
			return fact;
		}

		private static Double number(Map<String, Object> def, String keyword, FactType type, String where) {
			if (!def.containsKey(keyword)) {
				return null;
			}
			if (type != FactType.NUMBER || !(def.get(keyword) instanceof Double)) {
				throw bad(where, "`" + keyword + "` must be a number on a number");
			}
			return (Double) def.get(keyword);
		}

		private static List<String> enumValues(Object value, String where) {
			List<String> values = strings(value, where);
			if (values.isEmpty() || Set.copyOf(values).size() != values.size()) {
				throw bad(where, "expected a non-empty list of distinct strings");
			}
			return values;
		}

	}

	private static void checkKeywords(Map<String, Object> def, String where, Set<String> allowed) {
		for (String keyword : def.keySet()) {
			if (!allowed.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
				throw bad(where, "unsupported keyword `" + keyword + "`");
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value, String where) {
		if (!(value instanceof Map)) {
			throw bad(where, "expected an object");
		}
		return (Map<String, Object>) value;
	}

	private static List<String> strings(Object value, String where) {
		if (!(value instanceof List)) {
			throw bad(where, "expected an array of strings");
		}
		List<String> out = new ArrayList<>();
		for (Object item : (List<?>) value) {
			if (!(item instanceof String)) {
				throw bad(where, "expected an array of strings");
			}
			out.add((String) item);
		}
		return out;
	}

	private static IllegalArgumentException bad(String where, String message) {
		return new IllegalArgumentException(
				"assessment schema: at `" + (where.isEmpty() ? "/" : where) + "`: " + message);
	}

}
