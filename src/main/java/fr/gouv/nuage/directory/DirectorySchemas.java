package fr.gouv.nuage.directory;

import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Role;
import fr.gouv.nuage.http.Schemas;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import static io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue.FALSE;
import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * The shapes of the directory bodies, for {@code /v3/api-docs}: each record names what a handler reads or
 * writes, field for field; the enumerations are the domain's.
 */
final class DirectorySchemas {

	private DirectorySchemas() {
	}

	@Schema(name = "NewOrganisation", additionalProperties = FALSE)
	record NewOrganisation(
			@Schema(requiredMode = REQUIRED, pattern = "^[a-z0-9][a-z0-9-]{1,59}$", example = "dir-a") String id,
			@Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 300) String name,
			@Schema(requiredMode = REQUIRED, description = "A DIRECTORATE or a STATE_OPERATOR sits under a MINISTRY or a "
					+ "DIRECTORATE; the others sit under nothing.") OrganisationKind kind,
			@Schema(description = "The id of the organisation it sits under.") String parent,
			@Schema(pattern = "^[0-9]{14}$", description = "Its SIRET, by which people signing in with ProConnect are "
					+ "found to belong to it.") String siret) {
	}

	@Schema(name = "Organisation")
	record Organisation(String id, String name, OrganisationKind kind, String parent,
			@Schema(description = "The ministry at the top of its tree.") String ministry, String siret) {
	}

	@Schema(name = "OrganisationList", description = "Every organisation, in tree order: each ministry (or standalone "
			+ "organisation) followed by what sits under it.")
	record OrganisationList(int total, List<Organisation> organisations) {
	}

	@Schema(name = "RoleGrant")
	record RoleGrant(Role role, @Schema(description = "The organisation the role is held on.") String organisation,
			@Schema(description = "Who granted it; `proconnect` when the SIRET did.") String grantedBy) {
	}

	@Schema(name = "Person")
	record Person(String email, String givenName, String usualName, String organisation, List<RoleGrant> roles) {
	}

	@Schema(name = "PersonPage")
	record PersonPage(int page, int size, long total, List<Person> people) {
	}

	@Schema(name = "Me")
	record Me(String email, String givenName, String usualName, String displayName, Organisation organisation,
			List<RoleGrant> roles,
			@Schema(description = "The claims ProConnect gave at sign-in (sub, given_name, usual_name, email, uid, "
					+ "siret, idp_id); absent for other sign-ins.") Map<String, Object> proconnect) {
	}
}
