package fr.gouv.nuage.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Lists served a page at a time: {@code page} counts from 0, a page holds 1 to 200 items.
 */
public final class Pages {

	private Pages() {
	}

	/** Whether {@code page} and {@code size} name a page. */
	public static boolean valid(int page, int size) {
		return page >= 0 && size >= 1 && size <= 200;
	}

	/** The refusal of what {@link #valid} refuses. */
	public static ResponseEntity<ProblemDetail> invalid() {
		return Problems.invalidParameter("size", "`page` is 0 or more and `size` from 1 to 200");
	}

	/** The items of the page, out of a whole list. */
	public static <T> List<T> slice(List<T> all, int page, int size) {
		// In long: a far page times its size is beyond an int.
		int from = (int) Math.min(all.size(), (long) page * size);
		int to = (int) Math.min(all.size(), ((long) page + 1) * size);
		return all.subList(from, to);
	}

	/**
	 * A page of a list: where it stands, the list's total and the page's items under
	 * {@code name}.
	 */
	public static Map<String, Object> body(int page, int size, long total, String name, List<?> items) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("page", page);
		body.put("size", size);
		body.put("total", total);
		body.put(name, items);
		return body;
	}

}
