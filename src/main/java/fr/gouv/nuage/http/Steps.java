package fr.gouv.nuage.http;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step of a workflow's history as the API shows it, the same for a control and a
 * derogation.
 */
public final class Steps {

	private Steps() {
	}

	public static Map<String, Object> step(Instant at, String actor, Enum<?> role, Enum<?> status, String detail) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("at", at);
		out.put("actor", actor);
		out.put("role", role);
		out.put("status", status);
		out.put("detail", detail);
		return out;
	}

}
