package fr.gouv.nuage.catalogue.api;

import fr.gouv.nuage.http.StrictBodies;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body a step may be sent without: Spring hands the handler {@code null} when none
 * came, and it is then read as {@code {}}, strictly, so that a required field is named
 * missing as in any other body.
 */
@Component
class AbsentBodies {

	private final StrictBodies bodies;

	AbsentBodies(JsonMapper json, Validator validator) {
		this.bodies = new StrictBodies(json, validator);
	}

	<T> T orEmpty(T body, Class<T> type) {
		return body != null ? body : bodies.read(type, (String) null);
	}

}
