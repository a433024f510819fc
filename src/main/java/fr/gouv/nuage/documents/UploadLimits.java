package fr.gouv.nuage.documents;

import fr.gouv.nuage.http.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload above the multipart limits, refused while the request is read: before a
 * handler is chosen, when the API's advice, bound to its controllers, is not consulted.
 * This one answers for every path, and leaves those outside the API to the default
 * handling.
 */
@RestControllerAdvice
class UploadLimits {

	/** Looked up when needed, so that slices without the documents still start. */
	private final ObjectProvider<Documents> documents;

	UploadLimits(ObjectProvider<Documents> documents) {
		this.documents = documents;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request)
			throws MaxUploadSizeExceededException {
		if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			throw ex;
		}
		Documents store = documents.getIfAvailable();
		String message = store == null ? "the upload is above the size this server reads"
				: "the upload is above the size this server reads: a document is at most "
						+ megabytes(store.settings().maxSize().toBytes());
		return Problems.tooLarge("file", message);
	}

	private static String megabytes(long bytes) {
		return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
				: bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
	}

}
