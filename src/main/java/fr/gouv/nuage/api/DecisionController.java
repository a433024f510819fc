package fr.gouv.nuage.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.InputError;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.PackInfo;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions for an assessment, without sign-in: the body is read by the engine's own reader, so
 * the API refuses exactly what the CLI refuses, with the same messages.
 */
@RestController
@RequestMapping("/api/v1")
class DecisionController {

	private final RulePacks packs = RulePacks.shipped();

	@PostMapping(path = "/decisions", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> decide(@RequestBody String body, @RequestParam(required = false) String doctrine,
			@RequestParam(defaultValue = "fr") String lang, @RequestParam(defaultValue = "false") boolean trace) {
		List<Map<String, Object>> errors = new ArrayList<>();
		Lang language = null;
		try {
			language = Lang.parse(lang);
		}
		catch (IllegalArgumentException ex) {
			errors.add(Map.of("parameter", "lang", "message", ex.getMessage()));
		}
		String id = doctrine == null ? packs.defaultId() : doctrine;
		if (!packs.has(id)) {
			errors.add(Map.of("parameter", "doctrine", "message", "unknown doctrine `" + id + "` (known: "
					+ String.join(", ", packs.ids()) + ")"));
		}
		if (!errors.isEmpty()) {
			return problem("invalid parameters", errors);
		}
		RulePack pack = packs.get(id);
		ReadResult read = new AssessmentReader(pack.facts()).read("request body", body);
		if (read instanceof ReadResult.Invalid invalid) {
			for (InputError error : invalid.errors()) {
				errors.add(Map.of("path", error.path(), "line", error.line(), "column", error.column(), "message",
						error.message()));
			}
			return problem("the assessment is not valid", errors);
		}
		String json = DecisionJson.write(pack.evaluate(((ReadResult.Ok) read).assessment(), trace), language,
				DecisionJson.Form.FULL, false);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
	}

	@GetMapping(path = "/packs", produces = MediaType.APPLICATION_JSON_VALUE)
	List<Map<String, Object>> packs() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (String id : packs.ids()) {
			PackInfo info = packs.get(id).info();
			list.add(Map.of("id", info.id(), "version", info.version(), "digest", info.digest(), "circular",
					info.circularNumber(), "date", String.valueOf(info.circularDate()), "default",
					id.equals(packs.defaultId())));
		}
		return list;
	}

	private static ResponseEntity<ProblemDetail> problem(String detail, List<Map<String, Object>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(URI.create("/problems/invalid-assessment"));
		problem.setTitle("Invalid assessment");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
