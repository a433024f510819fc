package fr.gouv.nuage.documents;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the documents' bodies: the upload, a multipart form read by the handler
 * itself, and the document it answers, field for field, as {@code /v3/api-docs} describes
 * them; the enumerations are the domain's.
 */
final class DocumentSchemas {

	private DocumentSchemas() {
	}

	@Schema(name = "DocumentUpload", requiredProperties = { "file", "purpose" })
	record DocumentUpload(@Schema(type = "string", format = "binary", contentMediaType = "application/octet-stream",
			description = "The document, one part; its type is found in its bytes (PDF, office documents, "
					+ "images, UTF-8 text), and it is at most `nuage.documents.max-size` (10 MB unless set).") String file,
			@Schema(description = "What the document is for.") DocumentPurpose purpose) {
	}

	@Schema(name = "Document")
	record DocumentView(UUID id, UUID project, DocumentPurpose purpose, String filename,
			@Schema(description = "The type found in the document's bytes.") String mediaType, long sizeBytes,
			@Schema(description = "The SHA-256 of the bytes, lowercase hexadecimal; the document's ETag.") String sha256,
			Instant storedAt, String storedBy, @Schema(description = "Where to download it.") String href) {

		static DocumentView of(StoredDocument d) {
			return new DocumentView(d.id(), d.project(), d.purpose(), d.filename(), d.mediaType(), d.sizeBytes(),
					d.sha256(), d.storedAt(), d.storedBy(), "/api/v1/documents/" + d.id());
		}
	}

}
