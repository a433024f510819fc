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
	 * Records an error of {@code field} unless the document is one of the project's,
	 * stored for that purpose.
	 */
	public static void stored(Documents documents, Body in, String field, UUID document, UUID project,
			DocumentPurpose purpose) {
		Optional<StoredDocument> stored = documents.find(document).filter(d -> d.project().equals(project));
		if (stored.isEmpty()) {
			in.error(field,
					"`" + document + "` is not a document of this project: store it first with POST /api/v1/projects/"
							+ project + "/documents");
		}
		else if (stored.get().purpose() != purpose) {
			in.error(field,
					"`" + document + "` was not stored as a " + purpose + ": store it with `purpose` " + purpose);
		}
	}

}
