package fr.gouv.nuage.http;

import java.net.URI;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;

/**
 * Optimistic locking over HTTP: a resource's version is its strong ETag, and a change
 * names the version it was made on in {@code If-Match}; without it the change is refused
 * with 428, with an older one with 412. If-Match compares strongly (RFC 9110, 13.1.1): a
 * weak tag ({@code W/"1"}) matches no version, and is refused with 412 saying so.
 */
public final class Versions {

	private Versions() {
	}

	public static String etag(int version) {
		return "\"" + version + "\"";
	}

	/** 200 with the resource at {@code version}, its ETag. */
	public static <T> ResponseEntity<T> ok(int version, T body) {
		return ResponseEntity.ok().eTag(etag(version)).body(body);
	}

	/**
	 * 201 with the resource created at {@code location}, its first version as its ETag.
	 */
	public static <T> ResponseEntity<T> created(String location, int version, T body) {
		return ResponseEntity.created(URI.create(location)).eTag(etag(version)).body(body);
	}

	/** The version an {@code If-Match} header names. */
	public static int ifMatch(String header) {
		if (header == null || header.isBlank()) {
			throw new ApiErrors.VersionRequired(
					"say which version you changed with the header If-Match, the ETag you read");
		}
		String value = header.strip();
		if (value.startsWith("W/")) {
			throw new OptimisticLockingFailureException("If-Match `" + header
					+ "` is a weak tag: If-Match compares strongly; name the ETag you read, such as `"
					+ value.substring(2) + "`");
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new OptimisticLockingFailureException("If-Match `" + header + "` names no version of this resource");
		}
	}

}
