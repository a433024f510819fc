package fr.gouv.nuage.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.PackLoader;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;

/** Reading files and choosing packs, with errors that name the file. */
final class Inputs {

	/**
	 * Input that cannot be used: the message names the file and what is wrong; exit
	 * status 2.
	 */
	static final class InvalidInput extends RuntimeException {

		InvalidInput(String message) {
			super(message, null, false, false);
		}

	}

	private Inputs() {
	}

	/** The name a file is reported under ({@code -} is standard input). */
	static String name(String file) {
		return file.equals("-") ? "<stdin>" : file;
	}

	static String read(String file) {
		try {
			if (file.equals("-")) {
				return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
			}
			return Files.readString(Path.of(file), StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new InvalidInput("cannot read `" + file + "`: no such file");
		}
		catch (java.nio.charset.MalformedInputException ex) {
			throw new InvalidInput("cannot read `" + file + "`: it is not UTF-8 text");
		}
		catch (IOException ex) {
			throw new InvalidInput("cannot read `" + file + "`: " + ex.getMessage());
		}
	}

	/** The bytes of a file, or of standard input for {@code -}. */
	static InputStream stream(String file) {
		try {
			return file.equals("-") ? System.in : Files.newInputStream(Path.of(file));
		}
		catch (NoSuchFileException ex) {
			throw new InvalidInput("cannot read `" + file + "`: no such file");
		}
		catch (IOException ex) {
			throw new InvalidInput("cannot read `" + file + "`: " + ex.getMessage());
		}
	}

	/** A shipped pack by id, or a pack file being written (a draft to simulate). */
	static RulePack pack(String doctrine, String packFile) {
		if (packFile != null) {
			PackLoader.Result result = new PackLoader().load(Path.of(packFile).getFileName().toString(),
					read(packFile));
			if (result instanceof PackLoader.Loaded loaded) {
				return loaded.pack();
			}
			StringBuilder message = new StringBuilder("the pack `" + packFile + "` is refused:");
			result.issues().forEach(issue -> message.append('\n').append(issue.format()));
			throw new InvalidInput(message.toString());
		}
		RulePacks packs = RulePacks.shipped();
		try {
			return packs.get(doctrine == null ? packs.defaultId() : doctrine);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(ex.getMessage());
		}
	}

	/** A date written YYYY-MM-DD, or today. */
	static LocalDate date(String text) {
		if (text == null) {
			return LocalDate.now();
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new Inputs.InvalidInput("`" + text + "` is not a date; write it YYYY-MM-DD");
		}
	}

	static Lang lang(String code) {
		try {
			return Lang.parse(code);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(ex.getMessage());
		}
	}

}
