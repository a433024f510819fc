package fr.gouv.nuage.documents;

import fr.gouv.nuage.projects.Projects;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import fr.gouv.nuage.audit.AuditLog;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.http.PlainText;
import fr.gouv.nuage.projects.NoSuchProject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores the documents of a project (comparative studies, proofs of equivalent
 * guarantees, reversibility documents) once their size, name and type hold. The type is
 * the one found in the bytes, never the one declared or the file's extension: a declared
 * type that the bytes contradict is refused, and the name is stored with the extension of
 * the type found ({@link #named}). An archived project takes no new document. Each stored
 * document is audited with its digest. Who may act is decided here: the project's agents
 * store, whoever sees the project reads, and the readers another workflow names
 * ({@link DocumentReaders}) read its proofs of guarantees.
 */
@Service
@Transactional
public class Documents {

	/**
	 * A document that cannot be stored; the message names the field. Nothing was stored.
	 */
	public static final class Refused extends Refusal {

		private static final long serialVersionUID = 1L;

		/**
		 * @param field the field refused: {@code project}, {@code purpose},
		 * {@code filename} or {@code content}
		 */
		Refused(String field, Said said) {
			this(field, said, false);
		}

		/**
		 * @param tooLarge true when the content is above the size limit (413)
		 */
		Refused(String field, Said said, boolean tooLarge) {
			super(tooLarge ? Kind.TOO_LARGE : Kind.INVALID, field, said);
		}

	}

	/** A text of the documents' bundle ({@code documents/refusals}). */
	static Said said(String key, Object... values) {
		return Said.of("documents/refusals", key, values);
	}

	static final String PDF = "application/pdf";

	static final String ODT = "application/vnd.oasis.opendocument.text";

	static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String DOCM = "application/vnd.ms-word.document.macroenabled.12";

	static final String XLSM = "application/vnd.ms-excel.sheet.macroenabled.12";

	static final String PNG = "image/png";

	static final String JPEG = "image/jpeg";

	static final String CSV = "text/csv";

	static final String TEXT = "text/plain";

	/**
	 * Reading a ZIP's entry names means inflating the entries before them: past this many
	 * inflated bytes, or this many entries, the archive is not recognised rather than
	 * expanded further.
	 */
	static final long MAX_INFLATED = 256L * 1024 * 1024;

	static final int MAX_ENTRIES = 10_000;

	private static final int MAX_FILENAME = 255;

	private static final String COLUMNS = "id, project_id, purpose, filename, media_type, size_bytes, sha256, stored_at, stored_by";

	/** How messages name each type: alone in a list, and in a sentence. */
	private static final Map<String, Name> NAMES = Map.ofEntries(name(PDF, "PDF", "type.pdf"),
			name(ODT, "ODT", "type.odt"), name(ODS, "ODS", "type.ods"), name(DOCX, "DOCX", "type.docx"),
			name(XLSX, "XLSX", "type.xlsx"), name(DOCM, "DOCM", "type.docm"), name(XLSM, "XLSM", "type.xlsm"),
			name(PNG, "PNG", "type.png"), name(JPEG, "JPEG", "type.jpeg"), name(CSV, "CSV", "type.csv"),
			name(TEXT, "plain text", "type.text"));

	/**
	 * Other names browsers send for accepted types: Windows declares a CSV file as an
	 * Excel one when Excel is installed.
	 */
	private static final Map<String, String> ALIASES = Map.of("image/jpg", JPEG, "image/pjpeg", JPEG,
			"application/vnd.ms-excel", CSV, "application/csv", CSV, "text/x-csv", CSV, "text/comma-separated-values",
			CSV);

	/**
	 * The extensions of each type a document may be stored as, the one a name is given
	 * first.
	 */
	static final Map<String, List<String>> EXTENSIONS = Map.of(PDF, List.of("pdf"), ODT, List.of("odt"), ODS,
			List.of("ods"), DOCX, List.of("docx"), XLSX, List.of("xlsx"), PNG, List.of("png"), JPEG,
			List.of("jpg", "jpeg"), CSV, List.of("csv"), TEXT, List.of("txt"));

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final JdbcClient jdbc;

	private final Projects projects;

	private final AuditLog audit;

	private final Clock clock;

	private final DocumentSettings settings;

	/**
	 * Looked up when asked, so that the workflows that name readers may depend on the
	 * documents.
	 */
	private final ObjectProvider<DocumentReaders> readers;

	Documents(JdbcClient jdbc, Projects projects, AuditLog audit, Clock clock, DocumentSettings settings,
			ObjectProvider<DocumentReaders> readers) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.audit = audit;
		this.clock = clock;
		this.settings = settings;
		this.readers = readers;
	}

	/**
	 * Stores a document for the caller, an agent of the project's organisation.
	 * @throws NoSuchProject when there is no such project
	 * @throws NotAllowed when the caller is not one of its agents
	 * @throws Projects.Archived when the project is archived
	 * @throws Refused when the document cannot be stored
	 */
	public StoredDocument store(Perimeter caller, UUID project, DocumentPurpose purpose, String filename,
			String declaredMediaType, byte[] content) {
		Projects.checkAgent(caller, projects.owner(project).organisation(), "documents");
		return store(project, purpose, filename, declaredMediaType, content, caller.person().email());
	}

	/**
	 * The project's documents the caller reads, oldest first: all of them when they see
	 * the project, its proofs of guarantees when another workflow lets them read those.
	 * @throws NoSuchProject when there is no such project
	 * @throws NotAllowed when they read none
	 */
	@Transactional(readOnly = true)
	public List<StoredDocument> of(Perimeter caller, UUID project) {
		if (caller.sees(projects.owner(project).organisation())) {
			return of(project);
		}
		if (readsProofsOf(caller, project)) {
			return of(project).stream().filter(d -> d.purpose() == DocumentPurpose.PROOF_OF_GUARANTEES).toList();
		}
		throw new NotAllowed(said("outside.project", project));
	}

	/**
	 * The document, if the caller reads it; empty when there is none.
	 * @throws NotAllowed when it is outside their perimeter
	 */
	@Transactional(readOnly = true)
	public Optional<StoredDocument> find(Perimeter caller, UUID id) {
		Optional<StoredDocument> document = find(id);
		document.ifPresent(d -> {
			boolean proofForTheReader = d.purpose() == DocumentPurpose.PROOF_OF_GUARANTEES
					&& readsProofsOf(caller, d.project());
			if (!caller.sees(projects.owner(d.project()).organisation()) && !proofForTheReader) {
				throw new NotAllowed(said("outside.document", id));
			}
		});
		return document;
	}

	/**
	 * Someone outside the project's perimeter whom another workflow lets read its proofs
	 * (the Prime Minister's office).
	 */
	private boolean readsProofsOf(Perimeter caller, UUID project) {
		return readers.orderedStream().anyMatch(reader -> reader.readsProofsOf(caller, project));
	}

	/**
	 * Stores a document for the project. {@code declaredMediaType} is what the sender
	 * said the file is; {@code null}, blank or {@code application/octet-stream} say
	 * nothing. Who stores it is not checked: for the application itself and its fixtures.
	 * @throws Projects.Archived when the project is archived
	 */
	public StoredDocument store(UUID project, DocumentPurpose purpose, String filename, String declaredMediaType,
			byte[] content, String actor) {
		if (project == null || !projects.exists(project)) {
			throw new Refused("project", said("project.unknown", project));
		}
		projects.checkNotArchived(project, "document");
		if (purpose == null) {
			throw new Refused("purpose", said("purpose"));
		}
		checkFilename(filename);
		String name = quoted(filename);
		if (content == null || content.length == 0) {
			throw new Refused("content", said("content.empty", name));
		}
		long limit = settings.maxSize().toBytes();
		if (content.length > limit) {
			Said size = size(content.length);
			Said max = size(limit);
			if (size.equals(max)) {
				size = said("size.bytes", content.length);
				max = said("size.bytes", limit);
			}
			throw new Refused("content", said("content.too-large", name, size, max), true);
		}
		String mediaType = mediaType(name, filename, declaredMediaType, content);
		String stored = named(filename, mediaType);
		StoredDocument document = new StoredDocument(UUID.randomUUID(), project, purpose, stored, mediaType,
				content.length, sha256(content), clock.instant().truncatedTo(ChronoUnit.MICROS), actor);
		jdbc.sql(
				"""
						insert into project_document (id, project_id, purpose, filename, media_type, size_bytes, sha256, content,
						    stored_at, stored_by)
						values (:id, :project, :purpose, :filename, :type, :size, :sha256, :content, :at, :by)""")
			.param("id", document.id())
			.param("project", project)
			.param("purpose", purpose.name())
			.param("filename", stored)
			.param("type", mediaType)
			.param("size", document.sizeBytes())
			.param("sha256", document.sha256())
			.param("content", content)
			.param("at", Timestamp.from(document.storedAt()))
			.param("by", actor)
			.update();
		List<String> state = new ArrayList<>(List.of("document", document.id().toString(), "purpose", purpose.name(),
				"filename", stored, "mediaType", mediaType, "size", Long.toString(document.sizeBytes()), "sha256",
				document.sha256()));
		if (!stored.equals(filename)) {
			state.addAll(List.of("sentAs", filename));
		}
		audit.append(actor, "DOCUMENT_STORED", "project:" + project, null,
				AuditLog.state(state.toArray(String[]::new)));
		return document;
	}

	/**
	 * The name a document is stored under: the one it was sent with, trimmed, ending with
	 * an extension of the type found in its bytes — in place of one that says another
	 * type ({@code poly.html} that is a PDF is stored as {@code poly.pdf}), or added when
	 * it has none — so that a downloaded document opens as what it is. An extension is
	 * what follows the last dot, when it is letters and digits with a letter:
	 * {@code v1.2} has none; dots and spaces that end a name are dropped before an
	 * extension is added. A name that would grow beyond the limit loses the end of what
	 * comes before its extension.
	 */
	static String named(String filename, String mediaType) {
		List<String> extensions = EXTENSIONS.get(mediaType);
		if (extensions == null) {
			throw new IllegalStateException("no extension is known for `" + mediaType + "`");
		}
		String name = filename.strip();
		String base = name;
		int dot = name.lastIndexOf('.');
		if (dot > 0 && name.substring(dot + 1).matches("[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*")) {
			if (extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))) {
				return name;
			}
			base = name.substring(0, dot);
		}
		String trimmed = base.replaceAll("[. ]+$", "");
		base = trimmed.isEmpty() ? base : trimmed;
		String extension = "." + extensions.get(0);
		int room = MAX_FILENAME - extension.length();
		if (base.length() > room) {
			base = base.substring(0, Character.isHighSurrogate(base.charAt(room - 1)) ? room - 1 : room);
		}
		return base + extension;
	}

	@Transactional(readOnly = true)
	public Optional<StoredDocument> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from project_document where id = :id")
			.param("id", id)
			.query((rs, n) -> document(rs))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> content(UUID id) {
		return jdbc.sql("select content from project_document where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes("content"))
			.optional();
	}

	/** The project's documents, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredDocument> of(UUID project) {
		return jdbc
			.sql("select " + COLUMNS + " from project_document where project_id = :project order by stored_at, id")
			.param("project", project)
			.query((rs, n) -> document(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public boolean belongsTo(UUID document, UUID project) {
		return jdbc.sql("select count(*) from project_document where id = :id and project_id = :project")
			.param("id", document)
			.param("project", project)
			.query(Long.class)
			.single() > 0;
	}

	public DocumentSettings settings() {
		return settings;
	}

	private static StoredDocument document(ResultSet rs) throws SQLException {
		return new StoredDocument(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
				DocumentPurpose.valueOf(rs.getString("purpose")), rs.getString("filename"), rs.getString("media_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getTimestamp("stored_at").toInstant(),
				rs.getString("stored_by"));
	}

	/**
	 * The type to store: the one found in the bytes, when it is accepted and agrees with
	 * the declared one.
	 */
	private String mediaType(String name, String filename, String declaredMediaType, byte[] content) {
		String declared = declared(declaredMediaType);
		String wanted = declared == null ? null : ALIASES.getOrDefault(declared, declared);
		String found = detect(content);
		if (TEXT.equals(found)) {
			// The bytes cannot tell CSV from other text: the declared type or the
			// extension does.
			boolean csv = wanted == null ? filename.toLowerCase(Locale.ROOT).endsWith(".csv") : CSV.equals(wanted);
			found = csv ? CSV : TEXT;
		}
		if (wanted != null) {
			if (!settings.allows(wanted)) {
				throw new Refused("content",
						said("content.declared-refused", name, declaredMediaType.strip(), accepted()));
			}
			if (!wanted.equals(found)) {
				throw new Refused("content",
						said("content.declared-other", name, declaredMediaType.strip(), describe(wanted)));
			}
		}
		if (found == null) {
			throw new Refused("content", said("content.unknown-type", name, accepted()));
		}
		if (!settings.allows(found)) {
			throw new Refused("content", said("content.refused-type", name, describe(found), accepted()));
		}
		return found;
	}

	/** The declared type without its parameters, or {@code null} when it says nothing. */
	private static String declared(String mediaType) {
		if (mediaType == null) {
			return null;
		}
		int semicolon = mediaType.indexOf(';');
		String type = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
		return type.isEmpty() || type.equals("application/octet-stream") ? null : type;
	}

	private static void checkFilename(String filename) {
		if (filename == null || filename.isBlank()) {
			throw new Refused("filename", said("filename.missing"));
		}
		if (filename.length() > MAX_FILENAME) {
			throw new Refused("filename", said("filename.long", quoted(filename), filename.length(), MAX_FILENAME));
		}
		if (filename.indexOf('/') >= 0 || filename.indexOf('\\') >= 0) {
			throw new Refused("filename", said("filename.path", quoted(filename)));
		}
		if (filename.chars().anyMatch(Documents::isControl)) {
			throw new Refused("filename", said("filename.control", quoted(filename)));
		}
		if (filename.strip().equals(".") || filename.strip().equals("..")) {
			throw new Refused("filename", said("filename.dots", quoted(filename)));
		}
	}

	/**
	 * Control characters, and the bidirectional ones that make `exe.pdf` read as
	 * `fdp.exe`.
	 */
	private static boolean isControl(int c) {
		return Character.isISOControl(c) || PlainText.Check.bidiControl(c);
	}

	/**
	 * A user value for a message: in backticks, on one line, and not too long to read.
	 */
	private static String quoted(String value) {
		StringBuilder out = new StringBuilder("`");
		value.codePoints().limit(60).forEach(c -> {
			if (isControl(c)) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		if (value.codePointCount(0, value.length()) > 60) {
			out.append('…');
		}
		return out.append('`').toString();
	}

	private String accepted() {
		return settings.allowedTypes()
			.stream()
			.map(t -> NAMES.containsKey(t) ? NAMES.get(t).alone() : "`" + t + "`")
			.collect(Collectors.joining(", "));
	}

	/** The type as a sentence names it, such as "a PDF". */
	private static Said describe(String mediaType) {
		return NAMES.containsKey(mediaType) ? said(NAMES.get(mediaType).inSentence()) : said("type.other", mediaType);
	}

	private static Map.Entry<String, Name> name(String mediaType, String alone, String inSentence) {
		return Map.entry(mediaType, new Name(alone, inSentence));
	}

	/**
	 * @param alone the type's name in a list
	 * @param inSentence the key of the type's name in a sentence
	 */
	private record Name(String alone, String inSentence) {
	}

	static Said size(long bytes) {
		if (bytes < 1024) {
			return said(bytes == 1 ? "size.byte" : "size.bytes", bytes);
		}
		double kilobytes = bytes / 1024.0;
		return kilobytes < 1024 ? said("size.kilobytes", decimal(kilobytes))
				: said("size.megabytes", decimal(kilobytes / 1024));
	}

	private static String decimal(double value) {
		String text = String.format(Locale.ROOT, "%.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/**
	 * The media type the bytes are, from their signature, or {@code null} when they are
	 * none known. Text is {@code text/plain}: valid UTF-8 without control characters
	 * other than tab and line ends.
	 */
	static String detect(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return PDF;
		}
		if (startsWith(content, PNG_SIGNATURE)) {
			return PNG;
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return JPEG;
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return zipped(content);
		}
		return isText(content) ? TEXT : null;
	}

	private static boolean startsWith(byte[] content, byte[] signature) {
		return content.length >= signature.length
				&& Arrays.equals(content, 0, signature.length, signature, 0, signature.length);
	}

	/**
	 * OpenDocument names its type in a first entry {@code mimetype}; Office Open XML
	 * keeps a document under {@code word/} and a workbook under {@code xl/}, with its
	 * macros, if any, in a {@code vbaProject.bin}.
	 */
	private static String zipped(byte[] content) {
		try (BoundedZip zip = new BoundedZip(new ByteArrayInputStream(content))) {
			ZipEntry entry = zip.getNextEntry();
			if (entry == null) {
				return null;
			}
			if (entry.getName().equals("mimetype")) {
				String mimetype = new String(zip.readNBytes(100), StandardCharsets.US_ASCII);
				// Another OpenDocument type is named, so that the refusal can say which.
				return mimetype.matches("application/vnd\\.oasis\\.opendocument\\.[a-z.-]{1,40}") ? mimetype : null;
			}
			String found = null;
			boolean macros = false;
			for (int entries = 1; entry != null; entry = zip.getNextEntry()) {
				if (entries++ > MAX_ENTRIES) {
					return null;
				}
				String name = entry.getName();
				if (found == null && name.startsWith("word/")) {
					found = DOCX;
				}
				else if (found == null && name.startsWith("xl/")) {
					found = XLSX;
				}
				macros |= name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin");
			}
			return macros && found != null ? (found.equals(DOCX) ? DOCM : XLSM) : found;
		}
		catch (IOException | IllegalArgumentException ex) {
			// Malformed, or expanding beyond the bound: not a document this service can
			// vouch for.
			return null;
		}
	}

	private static boolean isText(byte[] content) {
		CharBuffer chars;
		try {
			chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content));
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		for (int i = 0; i < chars.length(); i++) {
			char c = chars.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Moving to the next entry inflates the rest of the current one through
	 * {@link #read}, so counting there bounds the whole walk.
	 */
	private static final class BoundedZip extends ZipInputStream {

		private long inflated;

		BoundedZip(InputStream in) {
			super(in);
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0 && (inflated += n) > MAX_INFLATED) {
				throw new ZipException("the archive expands beyond " + MAX_INFLATED + " bytes");
			}
			return n;
		}

	}

}
