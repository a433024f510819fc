package fr.gouv.nuage.doctrine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Planned packs stored by the build beside the pack files ({@code <ID>.plan}), so that a
 * process that evaluates one assessment — the CLI in a pipeline — does not start CEL's
 * compiler. A plan is used only when it was made from the very same pack text (same
 * digest), the same fact model and the same plan format; otherwise the pack is loaded,
 * checked and planned from its source.
 */
final class PlanCache {

	/**
	 * Raised whenever the planned classes change shape, so that an old plan is never
	 * read.
	 */
	private static final int FORMAT = 3;

	private static final ObjectInputFilter ONLY_PLANS = ObjectInputFilter.Config
		.createFilter("fr.gouv.nuage.doctrine.*;java.lang.*;java.util.*;[Ljava.lang.*;[Lfr.gouv.nuage.doctrine.*;!*");

	private PlanCache() {
	}

	/**
	 * The planned pack stored for {@code id}, or {@code null} when there is none or it is
	 * stale.
	 */
	static RulePack load(String id, FactModel facts, String digest) {
		try (InputStream in = PlanCache.class.getResourceAsStream("/doctrine/packs/" + id + ".plan")) {
			if (in == null) {
				return null;
			}
			return read(in.readAllBytes(), facts, digest);
		}
		catch (IOException ex) {
			return null;
		}
	}

	static RulePack read(byte[] bytes, FactModel facts, String digest) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			in.setObjectInputFilter(ONLY_PLANS);
			if (in.readInt() != FORMAT || !signature(facts).equals(in.readUTF())) {
				return null;
			}
			RulePack.Plan plan = (RulePack.Plan) in.readObject();
			return plan.info().digest().equals(digest) ? new RulePack(plan, facts) : null;
		}
		catch (IOException | ClassNotFoundException | ClassCastException ex) {
			return null;
		}
	}

	static byte[] write(RulePack pack) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeInt(FORMAT);
			out.writeUTF(signature(pack.facts()));
			out.writeObject(pack.plan());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The facts a plan's indexes refer to. */
	private static String signature(FactModel facts) {
		return facts.facts().stream().map(f -> f.path() + ":" + f.type() + f.values()).collect(Collectors.joining("|"));
	}

	/**
	 * Run by the build: plans every shipped pack from its source into {@code args[0]}.
	 */
	public static void main(String[] args) throws IOException {
		Path folder = Path.of(args[0]);
		Files.createDirectories(folder);
		RulePacks packs = RulePacks.shipped();
		for (String id : packs.ids()) {
			PackLoader.Result result = new PackLoader(FactModel.assessmentV1()).load(id + ".yaml", packs.source(id));
			if (!(result instanceof PackLoader.Loaded loaded)) {
				result.issues().forEach(issue -> System.err.println(issue.format()));
				throw new IllegalStateException("the shipped pack " + id + " is refused");
			}
			Files.write(folder.resolve(id + ".plan"), write(loaded.pack()));
		}
	}

}
