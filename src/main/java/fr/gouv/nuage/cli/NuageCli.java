package fr.gouv.nuage.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nuage}: the doctrine engine for pipelines and pack authors. It starts no Spring
 * context, so that a pipeline can call it on every commit.
 */
@Command(name = "nuage", mixinStandardHelpOptions = true, versionProvider = Version.class,
		description = "Nuage: the State's \"Cloud au centre\" doctrine as working software.",
		subcommands = { EvaluateCommand.class, CompareCommand.class, PacksCommand.class, OffersCommand.class,
				AuditCommand.class })
public final class NuageCli implements Runnable {

	/** Usage errors and invalid input. */
	static final int INVALID = 2;

	/**
	 * The process's standard output as bytes, when the CLI runs as a process (not in a
	 * test).
	 */
	private static OutputStream stdout;

	static OutputStream stdout() {
		return stdout;
	}

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		// A large buffer, flushed once: the jsonl form writes gigabytes for a large
		// portfolio, as
		// bytes encoded by the workers that compute them.
		stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 20);
		PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
		PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
		int status = run(args, out, err);
		out.flush();
		try {
			stdout.flush();
		}
		catch (java.io.IOException ex) {
			err.println("nuage: cannot write the output: " + ex.getMessage());
			status = INVALID;
		}
		err.flush();
		System.exit(status);
	}

	/** Runs a command line with the given output streams; returns the exit status. */
	static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new NuageCli());
		commandLine.setOut(out);
		commandLine.setErr(err);
		// Input that cannot be used is reported in one line that names the file and what
		// is wrong.
		commandLine.setExecutionExceptionHandler((ex, line, parsed) -> {
			line.getErr()
				.println(ex instanceof Inputs.InvalidInput ? "nuage: " + ex.getMessage()
						: "nuage: internal error: " + ex);
			line.getErr().flush();
			return INVALID;
		});
		try {
			return commandLine.execute(args);
		}
		catch (OutOfMemoryError | StackOverflowError ex) {
			// Never the exit status of a verdict: 1 would read as NON_COMPLIANT.
			err.println(
					"nuage: internal error: " + (ex instanceof OutOfMemoryError ? "out of memory" : "stack overflow")
							+ "; please report it with the input that caused it");
			err.flush();
			return INVALID;
		}
	}

	@Override
	public void run() {
		throw new CommandLine.ParameterException(spec.commandLine(), "name a command: evaluate, compare or packs");
	}

}
