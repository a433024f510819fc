package fr.gouv.nuage.cli;

import picocli.CommandLine.IVersionProvider;

/** The version of the build, from the jar's manifest when there is one. */
final class Version implements IVersionProvider {

	@Override
	public String[] getVersion() {
		String version = NuageCli.class.getPackage().getImplementationVersion();
		return new String[] { "nuage " + (version == null ? "(development build)" : version) };
	}

}
