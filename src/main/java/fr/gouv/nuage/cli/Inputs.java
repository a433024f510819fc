package fr.gouv.nuage.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.MalformedUtf8;
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

	/**
	 * The most a document may weigh: an assessment, a pack, a pack's tests (the shipped
	 * ones weigh a few dozen kilobytes). The server takes the same 1 MiB by default.
	 */
	static final int MAX_DOCUMENT_BYTES = 1 << 20;

	/** The most a catalogue file may weigh (the reference one weighs about 120 kB). */
	static final int MAX_CATALOGUE_BYTES = 4 << 20;

	/** The most one line of a jsonl stream may weigh; the stream itself has no limit. */
	static final int MAX_LINE_BYTES = 1 << 20;

	/** A document of at most {@link #MAX_DOCUMENT_BYTES}, as UTF-8 text. */
	static String read(String file) {
		return read(file, MAX_DOCUMENT_BYTES);
	}

	/**
	 * The text of a file, or of standard input for {@code -}: at most {@code limit}
	 * bytes, read no further than one byte past it (so that {@code /dev/zero} is refused
	 * at once), and well-formed UTF-8 from either.
	 */
	static String read(String file, int limit) {
		byte[] bytes;
		try (InputStream in = stream(file)) {
			bytes = in.readNBytes(limit + 1);
		}
		catch (IOException ex) {
			throw cannotRead(file, ex);
		}
		if (bytes.length > limit) {
			throw new InvalidInput("`" + name(file) + "` is larger than the limit of " + size(limit));
		}
		return decode(name(file), bytes, 0, bytes.length);
	}

	/** {@code 1 MiB (1048576 bytes)}, or {@code 1000 bytes}. */
	static String size(int bytes) {
		return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB (" + bytes + " bytes)" : bytes + " bytes";
	}

	/**
	 * Strict UTF-8: a byte that is not part of a well-formed sequence is refused where it
	 * is, never replaced by U+FFFD (which would change what the document says).
	 */
	static String decode(String source, byte[] bytes, int offset, int length) {
		MalformedUtf8 where = MalformedUtf8.find(bytes, offset, length);
		if (where != null) {
			throw new InvalidInput("`" + source + "` is not UTF-8 text: line " + where.line() + ", " + where);
		}
		return new String(bytes, offset, length, StandardCharsets.UTF_8);
	}

	/** The bytes of a file, or of standard input for {@code -} (left open on close). */
	static InputStream stream(String file) {
		if (file.equals("-")) {
			return new FilterInputStream(System.in) {
				@Override
				public void close() {
					// standard input belongs to the process, not to the command
				}
			};
		}
		Path path = Path.of(file);
		if (Files.isDirectory(path)) {
			throw new InvalidInput("cannot read `" + file + "`: it is a directory");
		}
		try {
			return Files.newInputStream(path);
		}
		catch (IOException ex) {
			throw cannotRead(file, ex);
		}
	}

	static InvalidInput cannotRead(String file, IOException ex) {
		if (ex instanceof NoSuchFileException) {
			return new InvalidInput("cannot read `" + name(file) + "`: no such file");
		}
		if (ex instanceof AccessDeniedException) {
			return new InvalidInput("cannot read `" + name(file) + "`: permission denied");
		}
		return new InvalidInput("cannot read `" + name(file) + "`: " + ex.getMessage());
	}

	/** A shipped pack by id, or a pack file being written (a draft to simulate). */
	static RulePack pack(String doctrine, String packFile) {
		if (packFile != null) {
			PackLoader.Result result = new PackLoader().load(Path.of(packFile).getFileName().toString(),
					read(packFile, MAX_DOCUMENT_BYTES));
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
