package fr.gouv.nuage.directory;

import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Pages;
import fr.gouv.nuage.http.Problems;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.gouv.nuage.doctrine.Json;
import fr.gouv.nuage.doctrine.JsonException;
import fr.gouv.nuage.doctrine.Suggestions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The directory as the caller reaches it: who they are and their roles; the organisations, which
 * everyone signed in reads and DINUM adds to; the people, which DINUM sees all of and grants roles
 * to, and a ministry controller sees within their ministry's tree.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.DIRECTORY)
class DirectoryController {

	/** The claims of the ProConnect scopes Nuage asks for. */
	private static final List<String> CLAIMS = List.of("sub", "given_name", "usual_name", "email", "uid", "siret", "idp_id");

	private static final List<String> ORGANISATION_FIELDS = List.of("id", "name", "kind", "parent", "siret");

	private static final List<String> ORGANISATION_REQUIRED = List.of("id", "name", "kind");

	private final Directory directory;

	DirectoryController(Directory directory) {
		this.directory = directory;
	}

	@Operation(operationId = "me", summary = "Who the caller is",
			description = "**Who:** anyone signed in. Their name, organisation and roles, and the claims ProConnect gave.")
	@ApiResponse(responseCode = "200", description = "The caller",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Me.class)))
	@GetMapping("/me")
	Map<String, Object> me(Perimeter caller, @AuthenticationPrincipal OidcUser user) {
		Person person = caller.person();
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("email", person.email());
		me.put("givenName", person.givenName());
		me.put("usualName", person.usualName());
		me.put("displayName", person.displayName());
		me.put("organisation", person.organisation() == null ? null
				: directory.organisation(person.organisation()).map(DirectoryController::organisation).orElse(null));
		me.put("roles", person.grants().stream().map(DirectoryController::role).toList());
		if (user != null) {
			Map<String, Object> claims = new LinkedHashMap<>();
			for (String claim : CLAIMS) {
				Object value = user.getClaims().get(claim);
				if (value != null) {
					claims.put(claim, value);
				}
			}
			me.put("proconnect", claims);
		}
		return me;
	}

	/** The organisations in tree order: each ministry (or standalone organisation) followed by what sits under it. */
	@Operation(operationId = "listOrganisations", summary = "List the organisations",
			description = "**Who:** anyone signed in. Every organisation of the directory, in tree order.")
	@ApiResponse(responseCode = "200", description = "The organisations",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.OrganisationList.class)))
	@GetMapping("/organisations")
	Map<String, Object> organisations(Perimeter caller) {
		List<Organisation> all = directory.organisations();
		List<Map<String, Object>> tree = new ArrayList<>(all.size());
		all.stream().filter(o -> o.parent() == null || all.stream().noneMatch(p -> p.id().equals(o.parent())))
			.sorted(Comparator.comparing(Organisation::id))
			.forEach(root -> walk(root, all, tree, 0));
		return Map.of("total", tree.size(), "organisations", tree);
	}

	private static void walk(Organisation organisation, List<Organisation> all, List<Map<String, Object>> out, int depth) {
		out.add(organisation(organisation));
		if (depth > 64) {
			return;
		}
		all.stream().filter(o -> organisation.id().equals(o.parent())).sorted(Comparator.comparing(Organisation::id))
			.forEach(child -> walk(child, all, out, depth + 1));
	}

	@Operation(operationId = "getOrganisation", summary = "Read an organisation",
			description = "**Who:** anyone signed in.")
	@ApiResponse(responseCode = "200", description = "The organisation",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Organisation.class)))
	@GetMapping("/organisations/{id}")
	Map<String, Object> organisation(Perimeter caller, @PathVariable String id) {
		return directory.organisation(id).map(DirectoryController::organisation)
			.orElseThrow(() -> new ApiErrors.Missing("no organisation `" + id + "`"));
	}

	@Operation(operationId = "addOrganisation", summary = "Add an organisation",
			description = "**Who:** DINUM. A ministry, a directorate or operator under one, a local authority or a "
					+ "provider; with its SIRET, the people who sign in under it become its agents (or its provider).")
	@ApiResponse(responseCode = "201", description = "The organisation, added",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Organisation.class)))
	@PostMapping(path = "/organisations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> add(Perimeter caller,
			@RequestBody @Schema(implementation = DirectorySchemas.NewOrganisation.class) String body) {
		administrator(caller, "adds organisations");
		Map<?, ?> fields;
		try {
			Object json = Json.parse(body);
			if (!(json instanceof Map<?, ?> object)) {
				return Problems.invalidInput(List.of(Map.of("message",
						"send an object with `id`, `name`, `kind` and, if it has them, `parent` and `siret`")));
			}
			fields = object;
		}
		catch (JsonException ex) {
			return Problems.invalidJson(ex);
		}
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Object key : fields.keySet()) {
			if (!ORGANISATION_FIELDS.contains(key)) {
				errors.add(Problems.field(String.valueOf(key), "unknown field `" + key + "`"
						+ Suggestions.didYouMean(String.valueOf(key), ORGANISATION_FIELDS)));
			}
		}
		for (String name : ORGANISATION_FIELDS) {
			Object value = fields.get(name);
			if (value == null && ORGANISATION_REQUIRED.contains(name)) {
				errors.add(Problems.field(name, "`" + name + "` is required"));
			}
			else if (value != null && !(value instanceof String)) {
				errors.add(Problems.field(name, "`" + name + "` is text"));
			}
		}
		OrganisationKind kind = null;
		if (fields.get("kind") instanceof String text) {
			kind = Arrays.stream(OrganisationKind.values()).filter(k -> k.name().equals(text)).findFirst().orElse(null);
			if (kind == null) {
				List<String> kinds = Arrays.stream(OrganisationKind.values()).map(Enum::name).toList();
				errors.add(Problems.field("kind", "unknown kind `" + text + "`, expected "
						+ String.join(", ", kinds) + Suggestions.didYouMean(text, kinds)));
			}
		}
		if (!errors.isEmpty()) {
			return Problems.invalidInput(errors);
		}
		Organisation added = directory.add(caller.person().email(), (String) fields.get("id"), (String) fields.get("name"),
				kind, (String) fields.get("parent"), (String) fields.get("siret"));
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + added.id())).body(organisation(added));
	}

	@Operation(operationId = "listPeople", summary = "List the people of the directory",
			description = "**Who:** DINUM, who sees everyone with all their roles, and the ministry controllers, who see "
					+ "the people holding a role within their ministry's tree, with those roles only.")
	@ApiResponse(responseCode = "200", description = "A page of people",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.PersonPage.class)))
	@GetMapping("/people")
	ResponseEntity<?> people(Perimeter caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		boolean controller = caller.person().has(Role.MINISTRY_CONTROLLER);
		if (!caller.dinum() && !controller) {
			throw new ApiErrors.OutOfPerimeter("only DINUM and the ministry controllers see the people of the directory");
		}
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		List<Map<String, Object>> people = new ArrayList<>();
		for (Person person : directory.people()) {
			// A controller sees the roles held within their ministry's tree, not the person's others.
			List<Grant> grants = caller.dinum() ? person.grants()
					: person.grants().stream().filter(g -> caller.controlled().contains(g.organisation())).toList();
			if (caller.dinum() || !grants.isEmpty()) {
				people.add(person(person, grants));
			}
		}
		return ResponseEntity.ok(Pages.body(page, size, people.size(), "people", Pages.slice(people, page, size)));
	}

	/** Grants a role; granting one already held changes nothing and says so with 200. */
	@Operation(operationId = "grantRole", summary = "Grant a role",
			description = "**Who:** DINUM. Grants the role on the organisation to someone who has signed in once; "
					+ "granting a role already held changes nothing.")
	@ApiResponse(responseCode = "200", description = "The role was held already; the person", content = @Content(
			schema = @Schema(implementation = DirectorySchemas.Person.class)))
	@ApiResponse(responseCode = "201", description = "The role, granted; the person",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Person.class)))
	@PutMapping("/people/{email}/roles/{role}/{organisation}")
	ResponseEntity<?> grant(Perimeter caller, @PathVariable @Parameter(description = "The person's e-mail.") String email,
			@PathVariable @Parameter(description = "The role, in any case.", schema = @Schema(implementation = Role.class))
			String role, @PathVariable @Parameter(description = "The id of the organisation it is held on.") String organisation) {
		administrator(caller, "grants roles");
		Role granted = role(role);
		if (granted == null) {
			return badRole(role);
		}
		Person person = known(email);
		if (holds(person, granted, organisation)) {
			return ResponseEntity.ok(person(person, person.grants()));
		}
		Person changed = directory.grant(caller.person().email(), person.email(), granted, organisation);
		return ResponseEntity
			.created(URI.create("/api/v1/people/" + changed.email() + "/roles/" + granted.name() + "/" + organisation))
			.body(person(changed, changed.grants()));
	}

	@Operation(operationId = "revokeRole", summary = "Revoke a role",
			description = "**Who:** DINUM. 404 when the person does not hold the role on the organisation.")
	@ApiResponse(responseCode = "200", description = "The role, revoked; the person",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Person.class)))
	@DeleteMapping("/people/{email}/roles/{role}/{organisation}")
	ResponseEntity<?> revoke(Perimeter caller, @PathVariable @Parameter(description = "The person's e-mail.") String email,
			@PathVariable @Parameter(description = "The role, in any case.", schema = @Schema(implementation = Role.class))
			String role, @PathVariable @Parameter(description = "The id of the organisation it is held on.") String organisation) {
		administrator(caller, "revokes roles");
		Role revoked = role(role);
		if (revoked == null) {
			return badRole(role);
		}
		Person person = known(email);
		if (!holds(person, revoked, organisation)) {
			throw new ApiErrors.Missing("`" + person.email() + "` is not " + revoked.name() + " on `" + organisation + "`");
		}
		Person changed = directory.revoke(caller.person().email(), person.email(), revoked, organisation);
		return ResponseEntity.ok(person(changed, changed.grants()));
	}

	private static void administrator(Perimeter caller, String what) {
		if (!caller.dinum()) {
			throw new ApiErrors.OutOfPerimeter("only DINUM " + what);
		}
	}

	private Person known(String email) {
		Optional<Person> person = directory.person(email);
		return person.orElseThrow(() -> new ApiErrors.Missing("no one with the e-mail `" + email + "` has signed in yet"));
	}

	private static boolean holds(Person person, Role role, String organisation) {
		return person.grants().stream().anyMatch(g -> g.role() == role && g.organisation().equals(organisation));
	}

	private static Role role(String role) {
		String value = role.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(Role.values()).filter(r -> r.name().equals(value)).findFirst().orElse(null);
	}

	private static ResponseEntity<?> badRole(String role) {
		List<String> roles = Arrays.stream(Role.values()).map(Enum::name).toList();
		return Problems.invalidInput(List.of(Problems.field("role",
				"unknown role `" + role + "`, expected " + String.join(", ", roles) + Suggestions.didYouMean(role, roles))));
	}

	private static Map<String, Object> organisation(Organisation o) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("id", o.id());
		out.put("name", o.name());
		out.put("kind", o.kind());
		out.put("parent", o.parent());
		out.put("ministry", o.ministry());
		out.put("siret", o.siret());
		return out;
	}

	private static Map<String, Object> person(Person p, List<Grant> grants) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("email", p.email());
		out.put("givenName", p.givenName());
		out.put("usualName", p.usualName());
		out.put("organisation", p.organisation());
		out.put("roles", grants.stream().map(DirectoryController::role).toList());
		return out;
	}

	private static Map<String, Object> role(Grant g) {
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("role", g.role());
		out.put("organisation", g.organisation());
		out.put("grantedBy", g.grantedBy());
		return out;
	}
}
