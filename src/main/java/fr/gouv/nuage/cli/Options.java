package fr.gouv.nuage.cli;

import java.time.LocalDate;

import fr.gouv.nuage.doctrine.Lang;
import picocli.CommandLine.Option;

/** Options several commands share. */
final class Options {

	private Options() {
	}

	/** {@code --lang fr|en}. */
	static final class Language {

		@Option(names = "--lang", paramLabel = "LANG", defaultValue = "fr",
				description = "fr or en. Default: ${DEFAULT-VALUE}.")
		String code;

		Lang get() {
			return Inputs.lang(code);
		}

	}

	/** {@code --as-of DATE} for the catalogue. */
	static final class AsOf {

		@Option(names = "--as-of", paramLabel = "DATE", description = "The date (YYYY-MM-DD; default: today).")
		String text;

		LocalDate get() {
			return Inputs.date(text);
		}

	}

}
