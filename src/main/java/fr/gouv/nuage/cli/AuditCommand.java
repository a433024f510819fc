package fr.gouv.nuage.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import fr.gouv.nuage.audit.AuditChain;
import fr.gouv.nuage.audit.AuditStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nuage audit verify}: checks that no entry of the audit log was edited or
 * deleted.
 */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log.",
		subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command: verify");
	}

	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = "Check the audit log's hash chain. Exit 0 when intact, 1 when an entry was edited or deleted.")
	static final class Verify implements Callable<Integer> {

		/**
		 * The embedded default database of `./mvnw spring-boot:run`, opened only if it
		 * exists.
		 */
		static final String EMBEDDED = "jdbc:h2:file:./data/nuage;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
				+ "DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE";

		@Spec
		CommandSpec spec;

		@Option(names = "--db", paramLabel = "JDBC_URL", defaultValue = EMBEDDED,
				description = "The database (default: the embedded one in ./data).")
		String url;

		@Option(names = "--user", paramLabel = "USER", defaultValue = "nuage",
				description = "Default: ${DEFAULT-VALUE}.")
		String user;

		@Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "", description = "Default: empty.")
		String password;

		@Override
		public Integer call() {
			PrintWriter out = spec.commandLine().getOut();
			AuditChain.Verification verification;
			try (Connection connection = DriverManager.getConnection(url, user, password)) {
				verification = AuditStore.verify(connection);
			}
			catch (SQLException ex) {
				throw new Inputs.InvalidInput("cannot read the audit log at `" + url + "`: " + ex.getMessage());
			}
			if (verification.intact()) {
				out.println("intact: " + verification.entries() + " entries, every hash and link checked");
				out.flush();
				return 0;
			}
			out.println("BROKEN at entry " + verification.brokenAt() + ": " + verification.reason());
			out.flush();
			return 1;
		}

	}

}
