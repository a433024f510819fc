package fr.gouv.nuage.documents;

import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.CallerLanguage;
import fr.gouv.nuage.http.Refusal;
import fr.gouv.nuage.http.Said;
import fr.gouv.nuage.http.Problems;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import fr.gouv.nuage.doctrine.Suggestions;
import fr.gouv.nuage.directory.Perimeter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The documents of projects: stored by the project's agents as
 * {@code multipart/form-data} (the part {@code file} and the field {@code purpose}),
 * listed and downloaded by whoever sees the project; the Prime Minister's office reads
 * the proofs of guarantees of projects with an R9 derogation before it. Who reads and
 * stores what is {@link Documents}' to say. A document is sent back as it was stored, as
 * an attachment of the type found in its bytes, never sniffed by the browser, and
 * sandboxed should a browser show it anyway (an HTML or SVG document runs no script,
 * loads nothing, posts no form); its ETag is its SHA-256.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.DOCUMENTS)
class DocumentController {

	private static final String SHA256 = "The document's SHA-256, quoted: `If-None-Match` takes it.";

	/**
	 * The Content-Security-Policy of a document's bytes, in place of the pages': a unique
	 * origin that may load and run nothing.
	 */
	private static final String SANDBOX = "sandbox; default-src 'none'; base-uri 'none'; form-action 'none'; "
			+ "frame-ancestors 'none'";

	private static final String FILE = "file";

	private static final String PURPOSE = "purpose";

	private static final String TAKES = "this request takes the part `file` and the field `purpose`";

	private final Documents documents;

	DocumentController(Documents documents) {
		this.documents = documents;
	}

	@Operation(operationId = "storeDocument", summary = "Store a document of a project",
			description = "**Who:** the agents of the project's organisation. One document, as the part `file`, and "
					+ "what it is for, as the field `purpose`; its type is found in its bytes and it is at most "
					+ "`nuage.documents.max-size` (10 MB unless set).",
			requestBody = @RequestBody(required = true,
					content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(implementation = DocumentSchemas.DocumentUpload.class))))
	@ApiResponse(responseCode = "201", description = "The document, stored",
			headers = @Header(name = "ETag", description = SHA256, schema = @Schema(type = "string")),
			content = @Content(schema = @Schema(implementation = DocumentSchemas.DocumentView.class)))
	@PostMapping(path = "/projects/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> store(Perimeter caller, @PathVariable UUID id, MultipartHttpServletRequest request)
			throws IOException {
		List<Map<String, Object>> errors = new ArrayList<>();
		for (String name : request.getParameterMap().keySet()) {
			if (!name.equals(PURPOSE)) {
				errors.add(Problems.field(name,
						"unknown field: " + TAKES + Suggestions.didYouMean(name, List.of(FILE, PURPOSE))));
			}
		}
		for (String name : request.getMultiFileMap().keySet()) {
			if (!name.equals(FILE)) {
				errors.add(Problems.field(name,
						"unknown part: " + TAKES + Suggestions.didYouMean(name, List.of(FILE, PURPOSE))));
			}
		}
		List<MultipartFile> files = request.getFiles(FILE);
		if (files.size() != 1) {
			errors.add(Problems.field(FILE, files.isEmpty() ? "missing: send the document as the part `file`"
					: "send one document at a time, not " + files.size()));
		}
		String[] purposes = request.getParameterValues(PURPOSE);
		DocumentPurpose purpose = null;
		if (purposes == null || purposes.length != 1) {
			errors.add(Problems.field(PURPOSE,
					purposes == null ? "missing: say what the document is for, one of " + purposes()
							: "say one purpose, not " + purposes.length));
		}
		else {
			try {
				purpose = DocumentPurpose.valueOf(purposes[0]);
			}
			catch (IllegalArgumentException ex) {
				errors.add(Problems.field(PURPOSE, "`" + purposes[0] + "` is not one of " + purposes() + Suggestions
					.didYouMean(purposes[0], Arrays.stream(DocumentPurpose.values()).map(Enum::name).toList())));
			}
		}
		if (!errors.isEmpty()) {
			return Problems.invalidInput(errors);
		}
		MultipartFile file = files.get(0);
		StoredDocument document;
		try {
			document = documents.store(caller, id, purpose, file.getOriginalFilename(), file.getContentType(),
					file.getBytes());
		}
		catch (Documents.Refused ex) {
			return refused(ex, CallerLanguage.of(request));
		}
		return ResponseEntity.created(URI.create("/api/v1/documents/" + document.id()))
			.eTag(etag(document))
			.body(DocumentSchemas.DocumentView.of(document));
	}

	@Operation(operationId = "listDocuments", summary = "List the documents of a project",
			description = "**Who:** whoever sees the project; the Prime Minister's office sees the proofs of guarantees "
					+ "of a project whose derogation from R9 it has to validate or validated.")
	@ApiResponse(responseCode = "200", description = "The documents, without their bytes",
			content = @Content(
					array = @ArraySchema(schema = @Schema(implementation = DocumentSchemas.DocumentView.class))))
	@GetMapping("/projects/{id}/documents")
	List<DocumentSchemas.DocumentView> list(Perimeter caller, @PathVariable UUID id) {
		return documents.of(caller, id).stream().map(DocumentSchemas.DocumentView::of).toList();
	}

	@Operation(operationId = "downloadDocument", summary = "Download a document",
			description = "**Who:** whoever sees the document's project; the Prime Minister's office, a proof of "
					+ "guarantees of a project whose derogation from R9 it has to validate or validated. The bytes as "
					+ "stored, as an attachment of the type found in them.")
	@ApiResponse(responseCode = "200", description = "The document's bytes", headers = {
			@Header(name = "ETag", description = SHA256, schema = @Schema(type = "string")),
			@Header(name = HttpHeaders.CONTENT_DISPOSITION, description = "`attachment`, with the document's name.",
					schema = @Schema(type = "string")) },
			content = @Content(mediaType = MediaType.ALL_VALUE, schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "304", description = "Not modified: `If-None-Match` names the document's ETag.",
			headers = @Header(name = "ETag", description = SHA256, schema = @Schema(type = "string")),
			content = @Content)
	@GetMapping(path = "/documents/{id}", produces = MediaType.ALL_VALUE)
	ResponseEntity<byte[]> download(Perimeter caller, @PathVariable UUID id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		StoredDocument document = documents.find(caller, id)
			.orElseThrow(() -> new ApiErrors.Missing(Said.of("documents/refusals", "no-document", id)));
		if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
			.map(String::strip)
			.anyMatch(tag -> tag.equals(etag(document)) || tag.equals("W/" + etag(document)) || tag.equals("*"))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag(document)).build();
		}
		byte[] content = documents.content(id)
			.orElseThrow(() -> new ApiErrors.Missing(Said.of("documents/refusals", "no-document", id)));
		MediaType type = MediaType.parseMediaType(document.mediaType());
		if (type.getType().equals("text")) {
			// Text is stored only when it is UTF-8.
			type = new MediaType(type, StandardCharsets.UTF_8);
		}
		return ResponseEntity.ok()
			.contentType(type)
			.eTag(etag(document))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(document.filename(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", SANDBOX)
			.body(content);
	}

	/**
	 * A refusal names its field: 413 when the document is above the size limit, 400
	 * otherwise.
	 */
	private static ResponseEntity<ProblemDetail> refused(Documents.Refused ex, Locale language) {
		// The document's name and bytes come in the part `file`.
		String sent = ex.field().equals("content") || ex.field().equals("filename") ? FILE : ex.field();
		if (ex.kind() == Refusal.Kind.TOO_LARGE) {
			return Problems.tooLarge(sent, ex.text(language));
		}
		return Problems.invalidInput(List.of(Problems.field(sent, ex.text(language))));
	}

	private static String etag(StoredDocument document) {
		return "\"" + document.sha256() + "\"";
	}

	private static String purposes() {
		return String.join(", ", Arrays.stream(DocumentPurpose.values()).map(p -> "`" + p.name() + "`").toList());
	}

}
