package fr.gouv.nuage.directory;

import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.gouv.nuage.http.PlainText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The bodies of the directory's endpoints: what a handler reads, checked as it is read
 * (the constraints are the directory's own, so that a bad body is refused naming every
 * field before anything is looked up), and what it answers, field for field;
 * {@code /v3/api-docs} is written from them.
 */
final class DirectorySchemas {

	private DirectorySchemas() {
	}

	/**
	 * An organisation to add; whether its parent exists and fits, and its id and SIRET
	 * are free, the directory says.
	 */
	@Schema(name = "NewOrganisation", additionalProperties = FALSE)
	record NewOrganisation(
			@Schema(requiredMode = REQUIRED, pattern = Directory.ID_FORMAT, example = "dir-a") @NotNull(
					message = "`id` is required: " + Directory.ID_RULE) @Pattern(regexp = Directory.ID_FORMAT,
							message = "`${validatedValue}` is not an identifier: " + Directory.ID_RULE) String id,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = Directory.NAME_MAX)
			// A name of spaces only is the directory's to refuse: @NotBlank would name
			// the field twice with @Size.
			@NotNull(message = Directory.NAME_RULE) @Size(min = 1, max = Directory.NAME_MAX,
					message = Directory.NAME_RULE) @PlainText(line = true) String name,
			@Schema(requiredMode = REQUIRED,
					description = "A DIRECTORATE or a STATE_OPERATOR sits under a MINISTRY or a "
							+ "DIRECTORATE; the others sit under nothing.") @NotNull(
									message = Directory.KIND_RULE) OrganisationKind kind,
			@Schema(description = "The id of the organisation it sits under.") String parent,
			@Schema(pattern = Directory.SIRET_FORMAT,
					description = "Its SIRET, by which people signing in with ProConnect are "
							+ "found to belong to it.") @Pattern(regexp = Directory.SIRET_FORMAT,
									message = "`${validatedValue}` is not a SIRET: 14 digits") String siret) {
	}

	@Schema(name = "Organisation")
	record Organisation(String id, String name, OrganisationKind kind, String parent,
			@Schema(description = "The ministry at the top of its tree.") String ministry, String siret) {

		static Organisation of(fr.gouv.nuage.directory.Organisation o) {
			return new Organisation(o.id(), o.name(), o.kind(), o.parent(), o.ministry(), o.siret());
		}
	}

	@Schema(name = "OrganisationList", description = "Every organisation, in tree order: each ministry (or standalone "
			+ "organisation) followed by what sits under it.")
	record OrganisationList(int total, List<Organisation> organisations) {

		static OrganisationList of(List<fr.gouv.nuage.directory.Organisation> tree) {
			return new OrganisationList(tree.size(), tree.stream().map(Organisation::of).toList());
		}
	}

	@Schema(name = "RoleGrant")
	record RoleGrant(Role role, @Schema(description = "The organisation the role is held on.") String organisation,
			@Schema(description = "Who granted it; `proconnect` when the SIRET did.") String grantedBy) {

		static List<RoleGrant> of(List<Grant> grants) {
			return grants.stream().map(g -> new RoleGrant(g.role(), g.organisation(), g.grantedBy())).toList();
		}
	}

	@Schema(name = "Person")
	record Person(String email, String givenName, String usualName, String organisation, List<RoleGrant> roles) {

		static Person of(fr.gouv.nuage.directory.Person p) {
			return new Person(p.email(), p.givenName(), p.usualName(), p.organisation(), RoleGrant.of(p.grants()));
		}
	}

	@Schema(name = "PersonPage")
	record PersonPage(int page, int size, long total, List<Person> people) {
	}

	/**
	 * The caller; {@code proconnect} is left out, not {@code null}, for a sign-in other
	 * than ProConnect's.
	 */
	@Schema(name = "Me")
	record Me(String email, String givenName, String usualName, String displayName, Organisation organisation,
			List<RoleGrant> roles,
			@Schema(description = "The claims ProConnect gave at sign-in (sub, given_name, usual_name, email, uid, "
					+ "siret, idp_id); absent for other sign-ins.") @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> proconnect) {
	}

}
