package fr.gouv.nuage.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What a document's bytes are, found from the bytes alone, and the settings that limit
 * them.
 */
class DocumentContentTest {

	@Test
	void signaturesNameTheirType() {
		assertThat(Documents.detect("%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("application/pdf");
		assertThat(Documents.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0 }))
			.isEqualTo("image/png");
		assertThat(Documents.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10 }))
			.isEqualTo("image/jpeg");
	}

	@Test
	void aSignatureCutShortOrMisplacedIsNotEnough() {
		assertThat(Documents.detect("%PDF".getBytes(StandardCharsets.US_ASCII))).isEqualTo("text/plain");
		assertThat(Documents.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isNull();
		assertThat(Documents.detect(new byte[] { 0, '%', 'P', 'D', 'F', '-' })).isNull();
		assertThat(Documents.detect(new byte[] { (byte) 0xFF, (byte) 0xD8 })).isNull();
	}

	@Test
	void openDocumentIsKnownByItsMimetypeEntry() throws IOException {
		assertThat(Documents.detect(DocumentsTest.odt())).isEqualTo("application/vnd.oasis.opendocument.text");
		assertThat(Documents
			.detect(DocumentsTest.zip(new String[] { "mimetype", "application/vnd.oasis.opendocument.spreadsheet" },
					new String[] { "content.xml", "<x/>" })))
			.isEqualTo("application/vnd.oasis.opendocument.spreadsheet");
		// Named, so that the refusal can say what it is.
		assertThat(Documents
			.detect(DocumentsTest.zip(new String[] { "mimetype", "application/vnd.oasis.opendocument.presentation" })))
			.isEqualTo("application/vnd.oasis.opendocument.presentation");
		assertThat(Documents.detect(DocumentsTest.zip(new String[] { "mimetype", "application/x-msdownload" })))
			.isNull();
		// The mimetype entry counts only in first place.
		assertThat(Documents.detect(DocumentsTest.zip(new String[] { "content.xml", "<x/>" },
				new String[] { "mimetype", "application/vnd.oasis.opendocument.text" })))
			.isNull();
	}

	@Test
	void officeOpenXmlIsKnownByItsWordOrSpreadsheetPart() throws IOException {
		assertThat(Documents.detect(DocumentsTest.docx()))
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertThat(Documents.detect(DocumentsTest.zip(new String[] { "[Content_Types].xml", "<Types/>" },
				new String[] { "xl/workbook.xml", "<workbook/>" })))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(Documents.detect(DocumentsTest.zip(new String[] { "xl/workbook.xml", "<workbook/>" },
				new String[] { "xl/vbaProject.bin", "macro" })))
			.isEqualTo("application/vnd.ms-excel.sheet.macroenabled.12");
		assertThat(Documents.detect(DocumentsTest.zip(new String[] { "ppt/presentation.xml", "<p/>" }))).isNull();
		assertThat(Documents.detect(DocumentsTest.zip(new String[] { "worddocument.xml", "<w/>" }))).isNull();
	}

	@Test
	void aBrokenArchiveIsNotRecognised() throws IOException {
		byte[] docx = DocumentsTest.docx();
		byte[] cut = java.util.Arrays.copyOf(docx, 40);
		assertThat(Documents.detect(cut)).isNull();
		assertThat(Documents.detect(new byte[] { 'P', 'K', 3, 4 })).isNull();
		assertThat(Documents.detect(DocumentsTest.zip())).isNull();
	}

	@Test
	void anArchiveIsNotExpandedBeyondItsBound() throws IOException {
		// A small archive whose first entry inflates past the bound before the part that
		// would make
		// it a Word document: walking it stops there.
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("padding.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (long written = 0; written <= Documents.MAX_INFLATED; written += zeros.length) {
				zip.write(zeros);
			}
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		assertThat(bytes.size()).isLessThan(1024 * 1024);
		assertThat(Documents.detect(bytes.toByteArray())).isNull();
	}

	@Test
	void textIsValidUtf8WithoutControlCharactersButTabsAndLineEnds() {
		assertThat(Documents.detect("offre;prix\r\nA;12\tHT\n".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("text/plain");
		assertThat(Documents.detect("\uFEFFÉtude — coûts".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
		assertThat(Documents.detect("a\u0000b".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(Documents.detect("a\u001Bb".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(Documents.detect("a\u0085b".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(Documents.detect("coût".getBytes(StandardCharsets.ISO_8859_1))).isNull();
		assertThat(Documents.detect(new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0 })).isNull();
		assertThat(Documents.detect(new byte[] { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0 })).isNull();
	}

	@Test
	void sizesReadAsPeopleWriteThem() {
		assertThat(Documents.size(1).in(Locale.ENGLISH)).isEqualTo("1 byte");
		assertThat(Documents.size(1023).in(Locale.ENGLISH)).isEqualTo("1023 bytes");
		assertThat(Documents.size(1536).in(Locale.ENGLISH)).isEqualTo("1.5 KB");
		assertThat(Documents.size(DataSize.ofMegabytes(10).toBytes()).in(Locale.ENGLISH)).isEqualTo("10 MB");
		assertThat(Documents.size((long) (2.3 * 1024 * 1024)).in(Locale.ENGLISH)).isEqualTo("2.3 MB");
		assertThat(Documents.size(1023).in(Locale.FRENCH)).isEqualTo("1023 octets");
	}

	@Test
	void settingsDefaultToTenMegabytesAndTheRecognisedTypes() {
		DocumentSettings defaults = new DocumentSettings(null, null);
		assertThat(defaults.maxSize()).isEqualTo(DataSize.ofMegabytes(10));
		assertThat(defaults.allowedTypes()).isEqualTo(DocumentSettings.RECOGNISED);
		assertThat(new DocumentSettings(null, List.of(" Application/PDF ")).allowedTypes())
			.containsExactly("application/pdf");
	}

	@Test
	void aTypeTheBytesCannotShowCannotBeAllowed() {
		assertThatThrownBy(() -> new DocumentSettings(null, List.of("application/pdf", "image/gif")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(
					"nuage.documents.allowed-types: `image/gif` cannot be recognised from a document's bytes");
		assertThatThrownBy(() -> new DocumentSettings(DataSize.ofBytes(0), null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("nuage.documents.max-size: `0B` must be above zero");
	}

}
