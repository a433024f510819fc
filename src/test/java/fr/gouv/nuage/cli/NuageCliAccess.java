package fr.gouv.nuage.cli;

import java.io.PrintWriter;

/** Lets tests of other packages run the CLI in process. */
public final class NuageCliAccess {

	private NuageCliAccess() {
	}

	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		return NuageCli.run(args, out, err);
	}

}
