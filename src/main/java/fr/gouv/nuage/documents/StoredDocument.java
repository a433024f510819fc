package fr.gouv.nuage.documents;

import java.time.Instant;
import java.util.UUID;

/**
 * A document stored for a project, without its bytes: {@code mediaType} is the type found
 * in the bytes, {@code filename} the name it was sent with, ending with that type's
 * extension, {@code sha256} their digest in lowercase hexadecimal.
 */
public record StoredDocument(UUID id, UUID project, DocumentPurpose purpose, String filename, String mediaType,
		long sizeBytes, String sha256, Instant storedAt, String storedBy) {
}
