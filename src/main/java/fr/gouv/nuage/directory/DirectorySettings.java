package fr.gouv.nuage.directory;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the directory starts: the e-mails of the DINUM agents who administer it, granted
 * the DINUM role when they sign in, so that a new installation has someone to grant the
 * other roles.
 */
@ConfigurationProperties("nuage.directory")
public record DirectorySettings(List<String> administrators) {

	public DirectorySettings {
		administrators = administrators == null ? List.of() : administrators.stream().map(Person::normalise).toList();
	}
}
