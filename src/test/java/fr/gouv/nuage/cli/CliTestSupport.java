package fr.gouv.nuage.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

/** Runs the CLI in process with captured output, and writes input files. */
abstract class CliTestSupport {

	@TempDir
	Path dir;

	String out;

	String err;

	int run(String... args) {
		StringWriter stdout = new StringWriter();
		StringWriter stderr = new StringWriter();
		int status = NuageCli.run(args, new PrintWriter(stdout), new PrintWriter(stderr));
		out = stdout.toString();
		err = stderr.toString();
		return status;
	}

	String file(String name, String content) throws IOException {
		Path path = dir.resolve(name);
		Files.writeString(path, content);
		return path.toString();
	}

}
