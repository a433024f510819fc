package fr.gouv.nuage.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.PackComparison;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nuage compare}: what changes for one project between two circulars. */
@Command(name = "compare", mixinStandardHelpOptions = true,
		description = "Show what changes for an assessment between two doctrine packs.")
final class CompareCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--from", required = true, paramLabel = "ID", description = "The pack compared from, e.g. 6282-SG.")
	String from;

	@Option(names = "--to", paramLabel = "ID", description = "The pack compared to (default: the latest).")
	String to;

	@Option(names = "--to-pack", paramLabel = "PATH", description = "Compare to a pack file being written (a draft).")
	String toPack;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text or json. Default: ${DEFAULT-VALUE}.")
	String format;

	@Mixin
	Options.Language lang;

	@Parameters(paramLabel = "FILE", description = "The assessment (JSON), or - for standard input.")
	String file;

	@Override
	public Integer call() {
		PrintWriter err = spec.commandLine().getErr();
		if (!List.of("text", "json").contains(format)) {
			throw new Inputs.InvalidInput("unknown format `" + format + "`, expected `text` or `json`");
		}
		Lang language = lang.get();
		RulePack before = Inputs.pack(from, null);
		RulePack after = Inputs.pack(to, toPack);
		ReadResult read = new AssessmentReader(before.facts()).read(Inputs.name(file), Inputs.read(file));
		if (read instanceof ReadResult.Invalid invalid) {
			invalid.errors().forEach(error -> err.println(error.format()));
			return NuageCli.INVALID;
		}
		PackComparison comparison = PackComparison.of(((ReadResult.Ok) read).assessment(), before, after);
		PrintWriter out = spec.commandLine().getOut();
		out.print(format.equals("json") ? comparison.toJson(language, true) + "\n" : comparison.toText(language));
		out.flush();
		return 0;
	}

}
