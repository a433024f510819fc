package fr.gouv.nuage.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.doctrine.SourceIssue;
import fr.gouv.nuage.doctrine.PackLoader;
import fr.gouv.nuage.doctrine.PackTests;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nuage packs}: the pack author's tools. */
@Command(name = "packs", mixinStandardHelpOptions = true, description = "List, check and test rule packs.",
		subcommands = { PacksCommand.ListPacks.class, PacksCommand.CheckPack.class, PacksCommand.TestPack.class })
final class PacksCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command: list, check or test");
	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List the shipped packs.")
	static final class ListPacks implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			RulePacks packs = RulePacks.shipped();
			for (String id : packs.ids()) {
				RulePack pack = packs.get(id);
				PackInfo info = pack.info();
				out.printf("%-10s %-8s %-10s %-10s %2d rules  %s%s%n", info.id(), info.version(), info.circularNumber(),
						info.circularDate(), pack.rules().size(), info.digest(),
						id.equals(packs.defaultId()) ? "  (default)" : "");
			}
			out.flush();
			return 0;
		}

	}

	@Command(name = "check", mixinStandardHelpOptions = true,
			description = "Check a pack file: every issue with file:line:column. Exit 2 when the pack is refused.")
	static final class CheckPack implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "PATH", description = "The pack file (YAML).")
		String path;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			PackLoader.Result result = new PackLoader().load(Path.of(path).toString(), Inputs.read(path));
			for (SourceIssue issue : result.issues()) {
				err.println(issue.format());
			}
			if (result instanceof PackLoader.Loaded loaded) {
				PackInfo info = loaded.pack().info();
				out.println("ok: " + info.id() + " " + info.version() + ", " + loaded.pack().rules().size() + " rules, "
						+ info.digest());
				out.flush();
				return 0;
			}
			long errors = result.issues().stream().filter(SourceIssue::isError).count();
			err.println("refused: " + errors + (errors == 1 ? " error" : " errors"));
			err.flush();
			return NuageCli.INVALID;
		}

	}

	@Command(name = "test", mixinStandardHelpOptions = true,
			description = "Run a pack's tests (<pack>.tests.yaml beside it). Exit 1 when a case fails, 2 when the pack or the tests cannot be read.")
	static final class TestPack implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "PATH", description = "The pack file (YAML).")
		String path;

		@Option(names = "--tests", paramLabel = "PATH", description = "The tests file (default: beside the pack).")
		String tests;

		@Option(names = "--verbose", description = "List every case, not only the failed ones.")
		boolean verbose;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			PrintWriter err = spec.commandLine().getErr();
			RulePack pack = Inputs.pack(null, path);
			String testsPath = tests != null ? tests : path.replaceFirst("\\.ya?ml$", "") + ".tests.yaml";
			String testsText = Inputs.read(testsPath);
			List<SourceIssue> unreadable = PackTests.check(testsPath, testsText);
			if (!unreadable.isEmpty()) {
				unreadable.forEach(issue -> err.println(issue.format()));
				err.println("refused: the tests cannot be read");
				err.flush();
				return NuageCli.INVALID;
			}
			List<PackTests.CaseResult> results = PackTests.run(pack, testsPath, testsText);
			int failed = 0;
			for (PackTests.CaseResult result : results) {
				if (!result.passed()) {
					failed++;
					out.println("FAIL " + result.name());
					result.failures().forEach(failure -> out.println("     " + failure));
				}
				else if (verbose) {
					out.println("ok   " + result.name());
				}
			}
			out.println(pack.id() + ": " + (results.size() - failed) + " passed, " + failed + " failed");
			out.flush();
			return failed == 0 ? 0 : 1;
		}

	}

}
