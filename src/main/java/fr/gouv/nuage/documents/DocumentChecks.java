package fr.gouv.nuage.documents;

import java.util.Optional;
import java.util.UUID;

import fr.gouv.nuage.http.Body;

/**
 * What a workflow checks of a document it is given: that the project stored it, for that
 * purpose.
 */
public final class DocumentChecks {

	private DocumentChecks() {
	}

	/**
	 * Refuses {@code field} of a body unless the document is one of the project's, stored
	 * for that purpose.
	 */
	public static void stored(Documents documents, String field, UUID document, UUID project, DocumentPurpose purpose) {
		Optional<StoredDocument> stored = documents.find(document).filter(d -> d.project().equals(project));
		if (stored.isEmpty()) {
			throw Body.refused(field,
					"`" + document + "` is not a document of this project: store it first with POST /api/v1/projects/"
							+ project + "/documents");
		}
		if (stored.get().purpose() != purpose) {
			throw Body.refused(field,
					"`" + document + "` was not stored as a " + purpose + ": store it with `purpose` " + purpose);
		}
	}

}
