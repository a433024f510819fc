package fr.gouv.nuage.decisions;

import java.util.List;
import java.util.Map;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * An assessment document (maps and lists, as the packs' test cases write it) as the query
 * parameters the portal takes: each fact named by its path, a list by repetition, an
 * empty list as one empty value.
 */
final class AssessmentQueries {

	private AssessmentQueries() {
	}

	static MultiValueMap<String, String> parameters(Map<String, Object> assessment) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		flatten("", assessment, parameters);
		return parameters;
	}

	@SuppressWarnings("unchecked")
	private static void flatten(String prefix, Map<String, Object> node, MultiValueMap<String, String> parameters) {
		node.forEach((name, value) -> {
			String path = prefix + name;
			if (value instanceof Map<?, ?> child) {
				flatten(path + ".", (Map<String, Object>) child, parameters);
			}
			else if (value instanceof List<?> list) {
				if (list.isEmpty()) {
					parameters.add(path, "");
				}
				list.forEach(item -> parameters.add(path, String.valueOf(item)));
			}
			else {
				parameters.add(path, String.valueOf(value));
			}
		});
	}

}
