package fr.gouv.nuage.directory;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.gouv.nuage.doctrine.Suggestions;
import fr.gouv.nuage.http.ApiDocs;
import fr.gouv.nuage.http.ApiErrors;
import fr.gouv.nuage.http.Pages;
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
 * The directory as the caller reaches it: who they are and their roles; the
 * organisations, which everyone signed in reads and DINUM adds to; the people, which
 * DINUM sees all of and grants roles to, and a ministry controller sees within their
 * ministry's tree. Who may do what is the directory's to say ({@link Directory}); this
 * only reads the requests and writes the answers.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = ApiDocs.DIRECTORY)
class DirectoryController {

	/** The claims of the ProConnect scopes Nuage asks for. */
	private static final List<String> CLAIMS = List.of("sub", "given_name", "usual_name", "email", "uid", "siret",
			"idp_id");

	private final Directory directory;

	DirectoryController(Directory directory) {
		this.directory = directory;
	}

	@Operation(operationId = "me", summary = "Who the caller is",
			description = "**Who:** anyone signed in. Their name, organisation and roles, and the claims ProConnect gave.")
	@ApiResponse(responseCode = "200", description = "The caller",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Me.class)))
	@GetMapping("/me")
	DirectorySchemas.Me me(Perimeter caller, @AuthenticationPrincipal OidcUser user) {
		Person person = caller.person();
		DirectorySchemas.Organisation organisation = person.organisation() == null ? null
				: directory.organisation(person.organisation()).map(DirectorySchemas.Organisation::of).orElse(null);
		Map<String, Object> claims = null;
		if (user != null) {
			claims = new LinkedHashMap<>();
			for (String claim : CLAIMS) {
				Object value = user.getClaims().get(claim);
				if (value != null) {
					claims.put(claim, value);
				}
			}
		}
		return new DirectorySchemas.Me(person.email(), person.givenName(), person.usualName(), person.displayName(),
				organisation, DirectorySchemas.RoleGrant.of(person.grants()), claims);
	}

	@Operation(operationId = "listOrganisations", summary = "List the organisations",
			description = "**Who:** anyone signed in. Every organisation of the directory, in tree order.")
	@ApiResponse(responseCode = "200", description = "The organisations",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.OrganisationList.class)))
	@GetMapping("/organisations")
	DirectorySchemas.OrganisationList organisations(Perimeter caller) {
		return DirectorySchemas.OrganisationList.of(directory.tree());
	}

	@Operation(operationId = "getOrganisation", summary = "Read an organisation",
			description = "**Who:** anyone signed in.")
	@ApiResponse(responseCode = "200", description = "The organisation",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Organisation.class)))
	@GetMapping("/organisations/{id}")
	DirectorySchemas.Organisation organisation(Perimeter caller, @PathVariable String id) {
		return directory.organisation(id)
			.map(DirectorySchemas.Organisation::of)
			.orElseThrow(() -> new ApiErrors.Missing(Directory.said("organisation.unknown", id)));
	}

	@Operation(operationId = "addOrganisation", summary = "Add an organisation",
			description = "**Who:** DINUM. A ministry, a directorate or operator under one, a local authority or a "
					+ "provider; with its SIRET, the people who sign in under it become its agents (or its provider).")
	@ApiResponse(responseCode = "201", description = "The organisation, added",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Organisation.class)))
	@PostMapping(path = "/organisations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DirectorySchemas.Organisation> add(Perimeter caller,
			@RequestBody DirectorySchemas.NewOrganisation body) {
		Organisation added = directory.add(caller, body.id(), body.name(), body.kind(), body.parent(), body.siret());
		return ResponseEntity.created(URI.create("/api/v1/organisations/" + added.id()))
			.body(DirectorySchemas.Organisation.of(added));
	}

	@Operation(operationId = "listPeople", summary = "List the people of the directory",
			description = "**Who:** DINUM, who sees everyone with all their roles, and the ministry controllers, who see "
					+ "the people holding a role within their ministry's tree, with those roles only.")
	@ApiResponse(responseCode = "200", description = "A page of people",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.PersonPage.class)))
	@GetMapping("/people")
	ResponseEntity<?> people(Perimeter caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		// Asked first, so that someone outside the perimeter learns nothing, not even
		// that the page is wrong.
		List<Person> people = directory.people(caller);
		if (!Pages.valid(page, size)) {
			return Pages.invalid();
		}
		return ResponseEntity.ok(new DirectorySchemas.PersonPage(page, size, people.size(),
				Pages.slice(people, page, size).stream().map(DirectorySchemas.Person::of).toList()));
	}

	/** Grants a role; granting one already held changes nothing and says so with 200. */
	@Operation(operationId = "grantRole", summary = "Grant a role",
			description = "**Who:** DINUM. Grants the role on the organisation to someone who has signed in once; "
					+ "granting a role already held changes nothing.")
	@ApiResponse(responseCode = "200", description = "The role was held already; the person",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Person.class)))
	@ApiResponse(responseCode = "201", description = "The role, granted; the person",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Person.class)))
	@PutMapping("/people/{email}/roles/{role}/{organisation}")
	ResponseEntity<DirectorySchemas.Person> grant(Perimeter caller,
			@PathVariable @Parameter(description = "The person's e-mail.") String email,
			@PathVariable @Parameter(description = "The role, in any case.",
					schema = @Schema(implementation = Role.class)) String role,
			@PathVariable @Parameter(description = "The id of the organisation it is held on.") String organisation) {
		Role granted = role(role);
		Directory.Granted outcome = directory.grant(caller, email, granted, organisation);
		DirectorySchemas.Person person = DirectorySchemas.Person.of(outcome.person());
		if (!outcome.changed()) {
			return ResponseEntity.ok(person);
		}
		return ResponseEntity
			.created(URI.create("/api/v1/people/" + person.email() + "/roles/" + granted.name() + "/" + organisation))
			.body(person);
	}

	@Operation(operationId = "revokeRole", summary = "Revoke a role",
			description = "**Who:** DINUM. 404 when the person does not hold the role on the organisation.")
	@ApiResponse(responseCode = "200", description = "The role, revoked; the person",
			content = @Content(schema = @Schema(implementation = DirectorySchemas.Person.class)))
	@DeleteMapping("/people/{email}/roles/{role}/{organisation}")
	DirectorySchemas.Person revoke(Perimeter caller,
			@PathVariable @Parameter(description = "The person's e-mail.") String email,
			@PathVariable @Parameter(description = "The role, in any case.",
					schema = @Schema(implementation = Role.class)) String role,
			@PathVariable @Parameter(description = "The id of the organisation it is held on.") String organisation) {
		return DirectorySchemas.Person.of(directory.revoke(caller, email, role(role), organisation));
	}

	/**
	 * The role a path names, in any case; refused as the field {@code role} when it names
	 * none.
	 */
	private static Role role(String role) {
		String value = role.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(Role.values()).filter(r -> r.name().equals(value)).findFirst().orElseThrow(() -> {
			List<String> roles = Arrays.stream(Role.values()).map(Enum::name).toList();
			String closest = Suggestions.closest(role, roles);
			return new Directory.Refused("role",
					closest == null ? Directory.said("role.unknown", role, String.join(", ", roles))
							: Directory.said("role.unknown.closest", role, String.join(", ", roles), closest));
		});
	}

}
