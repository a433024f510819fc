package fr.gouv.nuage.doctrine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule packs shipped in {@code doctrine/packs/} (listed in its {@code index.txt},
 * oldest circular first). A pack is loaded and planned the first time it is asked for,
 * then kept.
 */
public final class RulePacks {

	private static final String FOLDER = "/doctrine/packs/";

	private final FactModel facts;

	private final List<String> ids;

	private final Map<String, RulePack> loaded = new ConcurrentHashMap<>();

	private RulePacks(FactModel facts, List<String> ids) {
		this.facts = facts;
		this.ids = ids;
	}

	public static RulePacks shipped() {
		return Holder.SHIPPED;
	}

	private static final class Holder {

		static final RulePacks SHIPPED = new RulePacks(FactModel.assessmentV1(), readIndex());

	}

	/** The ids of the shipped packs, oldest circular first. */
	public List<String> ids() {
		return ids;
	}

	/** The id of the default pack: the latest circular. */
	public String defaultId() {
		return ids.get(ids.size() - 1);
	}

	public boolean has(String id) {
		return ids.contains(id);
	}

	/** The planned pack; an unknown id gets a message that lists the known ones. */
	public RulePack get(String id) {
		if (!ids.contains(id)) {
			throw new IllegalArgumentException("unknown doctrine `" + id + "`" + Suggestions.didYouMean(id, ids)
					+ " (known: " + String.join(", ", ids) + ")");
		}
		return loaded.computeIfAbsent(id, this::load);
	}

	public RulePack latest() {
		return get(defaultId());
	}

	/** The text of a shipped pack file. */
	public String source(String id) {
		return read(FOLDER + id + ".yaml");
	}

	/** The text of a shipped pack's tests. */
	public String tests(String id) {
		return read(FOLDER + id + ".tests.yaml");
	}

	private RulePack load(String id) {
		String source = source(id);
		RulePack planned = PlanCache.load(id, facts, PackLoader.digest(source));
		if (planned != null) {
			return planned;
		}
		PackLoader.Result result = new PackLoader(facts).load(id + ".yaml", source);
		if (result instanceof PackLoader.Loaded loaded) {
			return loaded.pack();
		}
		StringBuilder message = new StringBuilder("the shipped pack " + id + " is refused:");
		result.issues().forEach(issue -> message.append('\n').append(issue.format()));
		throw new IllegalStateException(message.toString());
	}

	private static List<String> readIndex() {
		List<String> ids = new ArrayList<>();
		for (String line : read(FOLDER + "index.txt").split("\n")) {
			String id = line.strip();
			if (!id.isEmpty() && !id.startsWith("#")) {
				ids.add(id);
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("doctrine/packs/index.txt lists no pack");
		}
		return List.copyOf(ids);
	}

	private static String read(String resource) {
		try (InputStream in = RulePacks.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource.substring(1) + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
