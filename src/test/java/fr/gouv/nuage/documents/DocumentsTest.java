package fr.gouv.nuage.documents;

import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.projects.Projects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.gouv.nuage.audit.AuditEntry;
import fr.gouv.nuage.audit.AuditLog;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import fr.gouv.nuage.directory.Grant;
import fr.gouv.nuage.directory.NotAllowed;
import fr.gouv.nuage.directory.Perimeter;
import fr.gouv.nuage.directory.Person;
import fr.gouv.nuage.directory.Role;
import fr.gouv.nuage.projects.NoSuchProject;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * A project's documents: stored byte for byte with their digest, or refused with nothing
 * stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Transactional
@Tag("database")
class DocumentsTest {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	private static final String ACCEPTED = "PDF, ODT, ODS, DOCX, XLSX, PNG, JPEG, CSV, plain text";

	@Autowired
	Projects projects;

	@Autowired
	Documents documents;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Projects projectRepository;

	@Autowired
	Clock clock;

	@Autowired
	ObjectProvider<DocumentReaders> readers;

	private UUID project() {
		return ((Projects.Decided) projects.register("alice", null, """
				{"schema":"nuage.assessment/v1","entity":{"name":"DNUM","kind":"STATE_OPERATOR"},
				 "project":{"name":"Archives","stage":"NEW"},"hosting":{"class":"COMMERCIAL"}}
				""")).project().id();
	}

	@Test
	void aDocumentIsStoredAndReadBackByteForByteWithItsDigest() throws Exception {
		UUID project = project();
		UUID other = project();
		StoredDocument stored = documents.store(project, DocumentPurpose.COMPARATIVE_STUDY, "étude comparative.pdf",
				"application/pdf", PDF, "alice");

		String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
		assertThat(stored.sha256()).isEqualTo(digest).hasSize(64);
		assertThat(stored.mediaType()).isEqualTo("application/pdf");
		assertThat(stored.sizeBytes()).isEqualTo(PDF.length);
		assertThat(documents.find(stored.id())).contains(stored);
		assertThat(documents.content(stored.id())).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(PDF));
		assertThat(documents.of(project)).containsExactly(stored);
		assertThat(documents.belongsTo(stored.id(), project)).isTrue();
		assertThat(documents.belongsTo(stored.id(), other)).isFalse();
		assertThat(documents.find(UUID.randomUUID())).isEmpty();
		assertThat(documents.content(UUID.randomUUID())).isEmpty();

		List<AuditEntry> entries = audit.entries();
		AuditEntry last = entries.get(entries.size() - 1);
		assertThat(last.action()).isEqualTo("DOCUMENT_STORED");
		assertThat(last.subject()).isEqualTo("project:" + project);
		assertThat(last.actor()).isEqualTo("alice");
		assertThat(last.after()).contains("\"document\":\"" + stored.id() + "\"", "\"purpose\":\"COMPARATIVE_STUDY\"",
				"\"mediaType\":\"application/pdf\"", "\"size\":\"" + PDF.length + "\"",
				"\"sha256\":\"" + digest + "\"");
	}

	@Test
	void aProjectsDocumentsAreListedInTheOrderTheyWereStored() throws IOException {
		UUID project = project();
		StoredDocument first = documents.store(project, DocumentPurpose.PROOF_OF_GUARANTEES, "preuve.odt", null, odt(),
				"alice");
		StoredDocument second = documents.store(project, DocumentPurpose.REVERSIBILITY_PLAN, "sortie.docx",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx(), "bob");
		StoredDocument third = documents.store(project, DocumentPurpose.OTHER, "flux.csv", "application/octet-stream",
				"offre;prix\nA;12\n".getBytes(StandardCharsets.UTF_8), "bob");
		assertThat(documents.of(project)).extracting(StoredDocument::id)
			.containsExactlyInAnyOrder(first.id(), second.id(), third.id());
		assertThat(documents.of(project)).isSortedAccordingTo((a, b) -> a.storedAt().equals(b.storedAt())
				? a.id().compareTo(b.id()) : a.storedAt().compareTo(b.storedAt()));
		assertThat(documents.of(project())).isEmpty();
	}

	@Test
	void anOpenDocumentTextAndAWordDocumentBuiltHereAreRecognised() throws IOException {
		UUID project = project();
		assertThat(documents
			.store(project, DocumentPurpose.PROOF_OF_GUARANTEES, "preuve.odt",
					"application/vnd.oasis.opendocument.text", odt(), "alice")
			.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
		assertThat(
				documents.store(project, DocumentPurpose.COMPARATIVE_STUDY, "etude", null, docx(), "alice").mediaType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(documents
			.store(project, DocumentPurpose.OTHER, "notes.txt", "text/plain; charset=UTF-8",
					"Réunion du 3 mars\r\n\tordre du jour".getBytes(StandardCharsets.UTF_8), "alice")
			.mediaType()).isEqualTo("text/plain");
		// Windows declares a CSV file as an Excel one: the bytes are text, so it is CSV.
		assertThat(documents
			.store(project, DocumentPurpose.OTHER, "flux.csv", "application/vnd.ms-excel",
					"a;b\n".getBytes(StandardCharsets.UTF_8), "alice")
			.mediaType()).isEqualTo("text/csv");
	}

	@Test
	void theLimitIsTenMegabytesAndTheUsualOfficeTypesUnlessConfigured() {
		assertThat(documents.settings().maxSize()).isEqualTo(DataSize.ofMegabytes(10));
		assertThat(documents.settings().allowedTypes()).containsExactly("application/pdf",
				"application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg",
				"text/csv", "text/plain");
	}

	@Test
	void aDocumentAboveTheLimitIsRefused() {
		UUID project = project();
		Documents small = new Documents(jdbc, projectRepository, audit, clock,
				new DocumentSettings(DataSize.ofBytes(PDF.length - 1), null), readers);
		assertRefused(() -> small.store(project, DocumentPurpose.COMPARATIVE_STUDY, "etude.pdf", null, PDF, "alice"),
				"content: `etude.pdf` is " + PDF.length + " bytes, above the limit of " + (PDF.length - 1) + " bytes");
		Documents tenMegabytes = new Documents(jdbc, projectRepository, audit, clock, new DocumentSettings(null, null),
				readers);
		byte[] big = new byte[(int) (2.3 * 1024 * 1024) + 10 * 1024 * 1024];
		assertRefused(
				() -> tenMegabytes.store(project, DocumentPurpose.COMPARATIVE_STUDY, "etude.exe", null, big, "alice"),
				"content: `etude.exe` is 12.3 MB, above the limit of 10 MB");
	}

	@Test
	void anEmptyDocumentIsRefused() {
		UUID project = project();
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "vide.pdf", null, new byte[0], "alice"),
				"content: `vide.pdf` is empty");
	}

	@Test
	void bytesThatContradictTheDeclaredTypeAreRefused() {
		UUID project = project();
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "x.pdf", "application/pdf", PNG, "alice"),
				"content: `x.pdf` is declared `application/pdf` but its bytes are not a PDF");
		assertRefused(
				() -> documents.store(project, DocumentPurpose.OTHER, "x.pdf", "application/pdf",
						"just text".getBytes(StandardCharsets.UTF_8), "alice"),
				"content: `x.pdf` is declared `application/pdf` but its bytes are not a PDF");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "x.csv", "text/csv", PDF, "alice"),
				"content: `x.csv` is declared `text/csv` but its bytes are not CSV text");
	}

	@Test
	void programsAreRefusedWhateverTheyAreDeclaredOrNamed() {
		UUID project = project();
		byte[] windows = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0 };
		byte[] linux = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 };
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "etude.exe", null, windows, "alice"),
				"content: `etude.exe` is not a document of an accepted type (" + ACCEPTED + ")");
		assertRefused(
				() -> documents.store(project, DocumentPurpose.OTHER, "etude.pdf", "application/pdf", windows, "alice"),
				"content: `etude.pdf` is declared `application/pdf` but its bytes are not a PDF");
		assertRefused(
				() -> documents.store(project, DocumentPurpose.OTHER, "etude.exe", "application/x-msdownload", windows,
						"alice"),
				"content: `etude.exe` is declared `application/x-msdownload`, which is not accepted (accepted: "
						+ ACCEPTED + ")");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "etude.txt", null, linux, "alice"),
				"content: `etude.txt` is not a document of an accepted type (" + ACCEPTED + ")");
	}

	@Test
	void anArchiveThatIsNeitherOpenDocumentNorOfficeOpenXmlIsRefused() throws IOException {
		UUID project = project();
		byte[] zip = zip(new String[] { "setup.exe", "MZ" }, new String[] { "readme.txt", "hello" });
		assertRefused(
				() -> documents.store(project, DocumentPurpose.OTHER, "etude.docx",
						"application/vnd.openxmlformats-officedocument.wordprocessingml.document", zip, "alice"),
				"content: `etude.docx` is declared "
						+ "`application/vnd.openxmlformats-officedocument.wordprocessingml.document` but its bytes are not "
						+ "a Word document (DOCX)");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "etude.zip", null, zip, "alice"),
				"content: `etude.zip` is not a document of an accepted type (" + ACCEPTED + ")");
		byte[] macros = zip(new String[] { "[Content_Types].xml", "<Types/>" },
				new String[] { "word/document.xml", "<w:document/>" },
				new String[] { "word/vbaProject.bin", "\u0001" });
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "etude.docm", null, macros, "alice"),
				"content: `etude.docm` is a Word document with macros (DOCM), which is not accepted (accepted: "
						+ ACCEPTED + ")");
	}

	@Test
	void aTypeLeftOutOfTheAllowedOnesIsRefused() {
		UUID project = project();
		Documents pdfOnly = new Documents(jdbc, projectRepository, audit, clock,
				new DocumentSettings(null, List.of("application/pdf")), readers);
		assertRefused(() -> pdfOnly.store(project, DocumentPurpose.OTHER, "schema.png", null, PNG, "alice"),
				"content: `schema.png` is a PNG image, which is not accepted (accepted: PDF)");
	}

	@Test
	void aFileNameThatIsAPathOrHasControlCharactersIsRefused() {
		UUID project = project();
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "../../etc/passwd.pdf", null, PDF, "alice"),
				"filename: `../../etc/passwd.pdf` contains a path separator: give the file's name alone");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "C:\\temp\\etude.pdf", null, PDF, "alice"),
				"filename: `C:\\temp\\etude.pdf` contains a path separator: give the file's name alone");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "etude\n.pdf", null, PDF, "alice"),
				"filename: `etude\\u000a.pdf` contains a control character");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "etude\u202Efdp.exe", null, PDF, "alice"),
				"filename: `etude\\u202efdp.exe` contains a control character");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, " ", null, PDF, "alice"),
				"filename: the document needs a file name");
		assertRefused(() -> documents.store(project, DocumentPurpose.OTHER, "..", null, PDF, "alice"),
				"filename: `..` is not a file name");
		assertRefused(
				() -> documents.store(project, DocumentPurpose.OTHER, "a".repeat(252) + ".pdf", null, PDF, "alice"),
				"filename: `" + "a".repeat(60) + "…` is 256 characters long, above the limit of 255");
	}

	@Test
	void whoStoresAndReadsIsDecidedFromThePerimeter() {
		UUID project = project();
		StoredDocument study = documents.store(project, DocumentPurpose.COMPARATIVE_STUDY, "etude.pdf", null, PDF,
				"alice");
		StoredDocument proof = documents.store(project, DocumentPurpose.PROOF_OF_GUARANTEES, "preuve.pdf", null, PDF,
				"alice");
		Perimeter office = perimeter(Role.PRIME_MINISTER_OFFICE);
		Perimeter dinum = perimeter(Role.DINUM);
		DocumentReaders theOffice = (caller, of) -> caller.primeMinisterOffice() && of.equals(project);
		Documents withReaders = new Documents(jdbc, projectRepository, audit, clock, documents.settings(),
				new StaticListableBeanFactory(Map.of("office", theOffice)).getBeanProvider(DocumentReaders.class));

		assertThatThrownBy(() -> documents.store(dinum, project, DocumentPurpose.OTHER, "x.pdf", null, PDF))
			.isInstanceOf(NotAllowed.class)
			.hasMessage("only the agents of `null` store its documents");
		assertThat(documents.of(dinum, project)).containsExactly(study, proof);
		assertThat(withReaders.of(office, project)).containsExactly(proof);
		assertThat(withReaders.find(office, proof.id())).contains(proof);
		assertThatThrownBy(() -> withReaders.find(office, study.id())).isInstanceOf(NotAllowed.class)
			.hasMessage("the document " + study.id() + " is outside your perimeter");
		assertThatThrownBy(() -> documents.of(office, project)).isInstanceOf(NotAllowed.class);
		assertThat(documents.find(dinum, UUID.randomUUID())).isEmpty();
		assertThatThrownBy(() -> documents.of(dinum, UUID.randomUUID())).isInstanceOf(NoSuchProject.class);
	}

	private static Perimeter perimeter(Role role) {
		return new Perimeter(
				new Person("someone@gouv.fr", null, null, null,
						List.of(new Grant(role, role.onlyOn() == null ? "spm" : role.onlyOn(), "test"))),
				Set.of(), Set.of(), Set.of());
	}

	@Test
	void aDocumentIsStoredUnderTheExtensionOfTheTypeFoundInItsBytes() throws IOException {
		UUID project = project();
		StoredDocument pdf = documents.store(project, DocumentPurpose.OTHER, "poly.html", null, PDF, "alice");
		assertThat(pdf.filename()).isEqualTo("poly.pdf");
		assertThat(documents.find(pdf.id())).hasValueSatisfying(d -> assertThat(d.filename()).isEqualTo("poly.pdf"));
		List<AuditEntry> entries = audit.entries();
		assertThat(entries.get(entries.size() - 1).after()).contains("\"filename\":\"poly.pdf\"",
				"\"sentAs\":\"poly.html\"");

		assertThat(documents.store(project, DocumentPurpose.OTHER, "etude", null, docx(), "alice").filename())
			.isEqualTo("etude.docx");
		assertThat(documents
			.store(project, DocumentPurpose.OTHER, "page.html", null,
					"<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "alice")
			.filename()).isEqualTo("page.txt");
		assertThat(documents
			.store(project, DocumentPurpose.OTHER, "flux.txt", "text/csv", "a;b\n".getBytes(StandardCharsets.UTF_8),
					"alice")
			.filename()).isEqualTo("flux.csv");
		StoredDocument kept = documents.store(project, DocumentPurpose.OTHER, "Preuve.PDF", null, PDF, "alice");
		assertThat(kept.filename()).isEqualTo("Preuve.PDF");
		entries = audit.entries();
		assertThat(entries.get(entries.size() - 1).after()).doesNotContain("sentAs");
	}

	@Test
	void aNameGivenItsTypesExtensionKeepsWhatIsNoExtensionAndStaysWithinTheLimit() {
		assertThat(Documents.named("photo.jpeg", Documents.JPEG)).isEqualTo("photo.jpeg");
		assertThat(Documents.named("photo.png", Documents.JPEG)).isEqualTo("photo.jpg");
		assertThat(Documents.named("rapport v1.2", Documents.PDF)).isEqualTo("rapport v1.2.pdf");
		assertThat(Documents.named("poly.", Documents.PDF)).isEqualTo("poly.pdf");
		assertThat(Documents.named(" poly.html ", Documents.PDF)).isEqualTo("poly.pdf");
		assertThat(Documents.named(".html", Documents.PDF)).isEqualTo(".html.pdf");
		assertThat(Documents.named("etude.pdf.exe", Documents.PDF)).isEqualTo("etude.pdf.pdf");
		assertThat(Documents.named("a".repeat(255), Documents.PDF)).isEqualTo("a".repeat(251) + ".pdf");
		String emoji = "a".repeat(250) + "\uD83D\uDE00" + "b";
		assertThat(Documents.named(emoji, Documents.PDF)).isEqualTo("a".repeat(250) + ".pdf");
		assertThat(DocumentSettings.RECOGNISED).allSatisfy(type -> assertThat(Documents.EXTENSIONS).containsKey(type));
	}

	@Test
	void anArchivedProjectTakesNoDocument() {
		UUID project = project();
		projects.archive(project, "alice");
		long rows = jdbc.sql("select count(*) from project_document").query(Long.class).single();
		int entries = audit.entries().size();
		assertThatThrownBy(() -> documents.store(project, DocumentPurpose.OTHER, "etude.pdf", null, PDF, "alice"))
			.isInstanceOf(Projects.Archived.class)
			.hasMessage("the project `Archives` is archived: it takes no new document");
		assertThat(jdbc.sql("select count(*) from project_document").query(Long.class).single()).isEqualTo(rows);
		assertThat(audit.entries()).hasSize(entries);
		assertThat(documents.of(project)).isEmpty();
	}

	@Test
	void aDocumentForAnUnknownProjectIsRefused() {
		UUID unknown = UUID.randomUUID();
		assertRefused(() -> documents.store(unknown, DocumentPurpose.OTHER, "etude.pdf", null, PDF, "alice"),
				"project: no project `" + unknown + "`");
	}

	private void assertRefused(ThrowingCallable store, String message) {
		long rows = jdbc.sql("select count(*) from project_document").query(Long.class).single();
		int entries = audit.entries().size();
		assertThatThrownBy(store).isInstanceOf(Documents.Refused.class).hasMessage(message);
		assertThat(jdbc.sql("select count(*) from project_document").query(Long.class).single()).isEqualTo(rows);
		assertThat(audit.entries()).hasSize(entries);
	}

	/**
	 * An OpenDocument text as LibreOffice writes it: first an uncompressed
	 * {@code mimetype}.
	 */
	static byte[] odt() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
			ZipEntry entry = new ZipEntry("mimetype");
			entry.setMethod(ZipEntry.STORED);
			entry.setSize(mimetype.length);
			CRC32 crc = new CRC32();
			crc.update(mimetype);
			entry.setCrc(crc.getValue());
			zip.putNextEntry(entry);
			zip.write(mimetype);
			zip.closeEntry();
			put(zip, "content.xml", """
					<?xml version="1.0" encoding="UTF-8"?>
					<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
					    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">
					  <office:body><office:text><text:p>Garanties équivalentes</text:p></office:text></office:body>
					</office:document-content>""");
			put(zip, "META-INF/manifest.xml",
					"""
							<?xml version="1.0" encoding="UTF-8"?>
							<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
							  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
							  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
							</manifest:manifest>""");
		}
		return bytes.toByteArray();
	}

	static byte[] docx() throws IOException {
		return zip(new String[] { "[Content_Types].xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				  <Override PartName="/word/document.xml"
				      ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
				</Types>""" }, new String[] { "_rels/.rels", """
				<?xml version="1.0" encoding="UTF-8"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				  <Relationship Id="rId1" Target="word/document.xml"
				      Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
				</Relationships>""" }, new String[] { "word/document.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
				  <w:body><w:p><w:r><w:t>Plan de réversibilité</w:t></w:r></w:p></w:body>
				</w:document>""" });
	}

	static byte[] zip(String[]... entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String[] entry : entries) {
				put(zip, entry[0], entry[1]);
			}
		}
		return bytes.toByteArray();
	}

	private static void put(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

}
