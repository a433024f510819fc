package fr.gouv.nuage.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import fr.gouv.nuage.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations, people mapped from ProConnect's claims, roles and the perimeters they
 * make.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = { "nuage.directory.administrators=Admin@Numerique.Gouv.Fr",
		"nuage.directory.administrators-idp=" + DirectoryTest.DINUM_IDP })
@Transactional
@Tag("database")
class DirectoryTest {

	/** The identity provider the administrators sign in through. */
	static final String DINUM_IDP = "71144ab3-ee1a-4401-b7b3-79b44f7daeeb";

	@Autowired
	Directory directory;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void organisations() {
		directory.add("dinum-admin", "min-a", "Ministère A", OrganisationKind.MINISTRY, null, null);
		directory.add("dinum-admin", "dir-a", "Direction A", OrganisationKind.DIRECTORATE, "min-a", "11000000000011");
		directory.add("dinum-admin", "op-a", "Opérateur A", OrganisationKind.STATE_OPERATOR, "dir-a", "11000000000022");
		directory.add("dinum-admin", "min-b", "Ministère B", OrganisationKind.MINISTRY, null, null);
		directory.add("dinum-admin", "dir-b", "Direction B", OrganisationKind.DIRECTORATE, "min-b", "11000000000033");
		directory.add("dinum-admin", "hoster", "Hébergeur", OrganisationKind.PROVIDER, null, "22000000000011");
	}

	@Test
	void aNewcomerWhoseSiretIsKnownBecomesItsAgent() {
		Person person = directory
			.signIn(new Identity("Ana.Dupont@A.gouv.fr", "Ana", "Dupont", "11000000000011", "u1", "idp"));
		assertThat(person.email()).isEqualTo("ana.dupont@a.gouv.fr");
		assertThat(person.organisation()).isEqualTo("dir-a");
		assertThat(person.grants()).containsExactly(new Grant(Role.AGENT, "dir-a", Directory.PROCONNECT));
		Perimeter perimeter = directory.perimeter(person);
		assertThat(perimeter.sees("dir-a")).isTrue();
		assertThat(perimeter.edits("dir-a")).isTrue();
		assertThat(perimeter.sees("op-a")).isFalse();
		assertThat(perimeter.sees("dir-b")).isFalse();
		assertThat(perimeter.sees(null)).isFalse();
	}

	@Test
	void aProviderSiretMakesAProviderAndAnUnknownSiretNoRole() {
		Person provider = directory.signIn(new Identity("p@hoster.fr", "P", "Q", "22000000000011", null, null));
		assertThat(provider.grants()).extracting(Grant::role).containsExactly(Role.PROVIDER);
		assertThat(directory.perimeter(provider).providers()).containsExactly("hoster");
		// A provider is known by its organisation's id: one whose name reads alike is
		// another.
		directory.add("dinum-admin", "hoster-bis", " HÉBERGEUR ", OrganisationKind.PROVIDER, null, "22000000000012");
		Person lookalike = directory.signIn(new Identity("l@hoster-bis.fr", "L", "M", "22000000000012", null, null));
		assertThat(directory.perimeter(lookalike).providers()).containsExactly("hoster-bis");
		Person stranger = directory.signIn(new Identity("s@ailleurs.fr", "S", "T", "99999999999999", null, null));
		assertThat(stranger.grants()).isEmpty();
		assertThat(stranger.organisation()).isNull();
		assertThat(directory.perimeter(stranger).visible()).isEmpty();
	}

	@Test
	void movingToAnotherOrganisationRevokesWhatTheOldSiretGaveButKeepsWhatDinumGranted() {
		directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", "11000000000011", null, null));
		directory.grant("dinum-admin", "ana@a.gouv.fr", Role.MINISTRY_CONTROLLER, "min-a");
		Person moved = directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", "11000000000033", null, null));
		assertThat(moved.organisation()).isEqualTo("dir-b");
		assertThat(moved.grants()).containsExactlyInAnyOrder(new Grant(Role.AGENT, "dir-b", Directory.PROCONNECT),
				new Grant(Role.MINISTRY_CONTROLLER, "min-a", "dinum-admin"));
		assertThat(audit.entries()).extracting(e -> e.action()).contains("ROLE_REVOKED");
	}

	@Test
	void leavingForAnOrganisationTheDirectoryDoesNotKnowStillEndsWhatTheOldSiretGave() {
		directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", "11000000000011", null, null));
		Person unchanged = directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", null, null, null));
		assertThat(unchanged.grants()).extracting(Grant::organisation).containsExactly("dir-a");
		Person left = directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", "99999999999999", null, null));
		assertThat(left.organisation()).isNull();
		assertThat(left.grants()).isEmpty();
		assertThat(directory.perimeter(left).sees("dir-a")).isFalse();
	}

	@Test
	void aControllerSeesTheWholeTreeOfTheirMinistryButEditsNothing() {
		directory.signIn(new Identity("c@a.gouv.fr", "C", "D", null, null, null));
		Person controller = directory.grant("dinum-admin", "c@a.gouv.fr", Role.MINISTRY_CONTROLLER, "min-a");
		Perimeter perimeter = directory.perimeter(controller);
		assertThat(perimeter.visible()).containsExactlyInAnyOrder("min-a", "dir-a", "op-a");
		assertThat(perimeter.controls("op-a")).isTrue();
		assertThat(perimeter.edits("op-a")).isFalse();
		assertThat(perimeter.sees("dir-b")).isFalse();
		assertThat(directory.holders(Role.MINISTRY_CONTROLLER, "op-a")).containsExactly("c@a.gouv.fr");
		assertThat(directory.holders(Role.MINISTRY_CONTROLLER, "dir-b")).isEmpty();
	}

	@Test
	void anAdministratorIsGrantedDinumAtSignIn() {
		Person admin = directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, DINUM_IDP));
		assertThat(admin.grants()).extracting(Grant::role).containsExactly(Role.DINUM);
		assertThat(directory.perimeter(admin).dinum()).isTrue();
		assertThat(directory.perimeter(admin).sees("dir-b")).isTrue();
		assertThat(directory.organisation(Directory.DINUM)).get()
			.extracting(Organisation::ministry)
			.isEqualTo("services-premier-ministre");
	}

	@Test
	void anAdministratorsEmailAssertedByAnotherIdentityProviderIsRefusedAndRecordsNothing() {
		for (String idp : new String[] { "fia-autre", null }) {
			assertThatThrownBy(
					() -> directory.signIn(new Identity("Admin@numerique.gouv.fr", "A", "B", null, null, idp)))
				.isInstanceOf(Directory.Refused.class)
				.hasMessageStartingWith("idp_id: ")
				.hasMessageContaining("nuage.directory.administrators-idp")
				.extracting(e -> ((Directory.Refused) e).field())
				.isEqualTo("idp_id");
		}
		assertThat(directory.person("admin@numerique.gouv.fr")).isEmpty();
		assertThat(audit.entries()).noneMatch(e -> e.subject().equals("person:admin@numerique.gouv.fr"));
	}

	@Test
	void anAdministratorGrantedDinumIsStillRefusedThroughAnotherIdentityProvider() {
		directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, DINUM_IDP));
		assertThatThrownBy(
				() -> directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, "fia-autre")))
			.isInstanceOf(Directory.Refused.class);
		Person again = directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, DINUM_IDP));
		assertThat(again.grants()).extracting(Grant::role).containsExactly(Role.DINUM);
	}

	@Test
	void othersSignInThroughAnyIdentityProviderWithoutTheDinumRole() {
		Person other = directory
			.signIn(new Identity("someone@numerique.gouv.fr", "S", "O", "11000000000011", null, DINUM_IDP));
		assertThat(other.grants()).extracting(Grant::role).containsExactly(Role.AGENT);
	}

	@Test
	void administratorsNamedWithoutTheirIdentityProviderStopTheStart() {
		assertThatThrownBy(() -> new Binder(
				new MapConfigurationPropertySource(Map.of("nuage.directory.administrators", "admin@numerique.gouv.fr")))
			.bind("nuage.directory", DirectorySettings.class)).rootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("nuage.directory.administrators-idp: name the ProConnect identity provider")
			.hasMessageContaining("[admin@numerique.gouv.fr]");
		DirectorySettings named = new Binder(new MapConfigurationPropertySource(Map.of("nuage.directory.administrators",
				"admin@numerique.gouv.fr", "nuage.directory.administrators-idp", " " + DINUM_IDP + " ")))
			.bind("nuage.directory", DirectorySettings.class)
			.get();
		assertThat(named.administrator("admin@numerique.gouv.fr", DINUM_IDP)).isTrue();
		assertThat(named.administrator("admin@numerique.gouv.fr", "fia-autre")).isFalse();
	}

	@Test
	void onlyDinumAddsOrganisationsAndGrantsAndRevokesRoles() {
		Perimeter dinum = directory
			.perimeter(directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, DINUM_IDP)));
		Perimeter agent = directory
			.perimeter(directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", "11000000000011", null, null)));
		directory.signIn(new Identity("c@a.gouv.fr", "C", "D", null, null, null));
		Perimeter controller = directory
			.perimeter(directory.grant("dinum-admin", "c@a.gouv.fr", Role.MINISTRY_CONTROLLER, "min-a"));
		long rows = count();
		int entries = audit.entries().size();
		for (Perimeter caller : List.of(agent, controller)) {
			assertThatThrownBy(() -> directory.add(caller, "dir-c", "C", OrganisationKind.DIRECTORATE, "min-a", null))
				.isInstanceOf(NotAllowed.class)
				.hasMessage("only DINUM adds organisations");
			assertThatThrownBy(() -> directory.grant(caller, "ana@a.gouv.fr", Role.AGENT, "op-a"))
				.isInstanceOf(NotAllowed.class)
				.hasMessage("only DINUM grants roles");
			// Refused before the directory is read: no one outside learns whether someone
			// signed in.
			assertThatThrownBy(() -> directory.revoke(caller, "nobody@a.gouv.fr", Role.AGENT, "dir-a"))
				.isInstanceOf(NotAllowed.class)
				.hasMessage("only DINUM revokes roles");
		}
		assertThat(count()).isEqualTo(rows);
		assertThat(audit.entries()).hasSize(entries);

		assertThat(directory.add(dinum, "dir-c", "C", OrganisationKind.DIRECTORATE, "min-a", null).ministry())
			.isEqualTo("min-a");
		Directory.Granted granted = directory.grant(dinum, "Ana@A.gouv.fr", Role.AGENT, "op-a");
		assertThat(granted.changed()).isTrue();
		assertThat(granted.person().grants()).contains(new Grant(Role.AGENT, "op-a", "admin@numerique.gouv.fr"));
		int afterGrant = audit.entries().size();
		assertThat(directory.grant(dinum, "ana@a.gouv.fr", Role.AGENT, "op-a").changed()).isFalse();
		assertThat(audit.entries()).hasSize(afterGrant);
		assertThat(directory.revoke(dinum, "ana@a.gouv.fr", Role.AGENT, "op-a").grants())
			.doesNotContain(new Grant(Role.AGENT, "op-a", "admin@numerique.gouv.fr"));
		assertThatThrownBy(() -> directory.revoke(dinum, "ana@a.gouv.fr", Role.AGENT, "op-a"))
			.isInstanceOf(Directory.Unknown.class)
			.hasMessage("`ana@a.gouv.fr` is not AGENT on `op-a`");
		assertThatThrownBy(() -> directory.grant(dinum, "nobody@a.gouv.fr", Role.AGENT, "op-a"))
			.isInstanceOf(Directory.Unknown.class)
			.hasMessage("no one with the e-mail `nobody@a.gouv.fr` has signed in yet");
	}

	@Test
	void theRolesThatReachEveryProjectAreGrantedOnTheirOwnOrganisationOnly() {
		// The administrator's sign-in adds DINUM under the Prime Minister's services.
		directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, DINUM_IDP));
		directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", null, null, null));
		long rows = count();
		int entries = audit.entries().size();
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.DINUM, "dir-a"))
			.isInstanceOf(Directory.Refused.class)
			.hasMessage("organisation: the role DINUM reaches every project: it is granted on `dinum` only, "
					+ "not on `dir-a`");
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.DINUM, "min-a"))
			.hasMessageStartingWith("organisation: the role DINUM reaches every project");
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.DINUM, Directory.PRIME_MINISTER_SERVICES))
			.hasMessageStartingWith("organisation: the role DINUM reaches every project");
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.PRIME_MINISTER_OFFICE, "min-b"))
			.isInstanceOf(Directory.Refused.class)
			.hasMessage("organisation: the role PRIME_MINISTER_OFFICE reaches every project: it is granted on "
					+ "`services-premier-ministre` only, not on `min-b`");
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.PRIME_MINISTER_OFFICE, Directory.DINUM))
			.hasMessageStartingWith("organisation: the role PRIME_MINISTER_OFFICE reaches every project");
		assertThat(count()).isEqualTo(rows);
		assertThat(audit.entries()).hasSize(entries);

		assertThat(directory.grant("x", "ana@a.gouv.fr", Role.DINUM, Directory.DINUM).grants())
			.contains(new Grant(Role.DINUM, Directory.DINUM, "x"));
		assertThat(directory.grant("x", "ana@a.gouv.fr", Role.PRIME_MINISTER_OFFICE, Directory.PRIME_MINISTER_SERVICES)
			.grants()).contains(new Grant(Role.PRIME_MINISTER_OFFICE, Directory.PRIME_MINISTER_SERVICES, "x"));
	}

	@Test
	void aRoleThatReachesEveryProjectStoredOnAnotherOrganisationGivesNothing() {
		directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, DINUM_IDP));
		directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", null, null, null));
		// Written around the directory, as a grant stored before it refused them would
		// be.
		for (Object[] grant : new Object[][] { { Role.DINUM, "min-a" }, { Role.PRIME_MINISTER_OFFICE, "dinum" } }) {
			jdbc.sql("""
					insert into person_role (email, role, organisation_id, granted_by, granted_at)
					values ('ana@a.gouv.fr', :role, :organisation, 'earlier', current_timestamp)""")
				.param("role", ((Role) grant[0]).name())
				.param("organisation", grant[1])
				.update();
		}
		Perimeter ana = directory.perimeter(directory.person("ana@a.gouv.fr").orElseThrow());
		assertThat(ana.person().grants()).extracting(Grant::role).contains(Role.DINUM, Role.PRIME_MINISTER_OFFICE);
		assertThat(ana.dinum()).isFalse();
		assertThat(ana.primeMinisterOffice()).isFalse();
		assertThat(ana.sees("min-b")).isFalse();
	}

	@Test
	void dinumSeesEveryoneAndAControllerOnlyTheRolesHeldWithinTheirMinistry() {
		Perimeter dinum = directory
			.perimeter(directory.signIn(new Identity("admin@numerique.gouv.fr", "A", "B", null, null, DINUM_IDP)));
		directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", "11000000000011", null, null));
		directory.grant("dinum-admin", "ana@a.gouv.fr", Role.AGENT, "dir-b");
		directory.signIn(new Identity("bob@b.gouv.fr", "Bob", "Durand", "11000000000033", null, null));
		directory.signIn(new Identity("c@a.gouv.fr", "C", "D", null, null, null));
		Perimeter controller = directory
			.perimeter(directory.grant("dinum-admin", "c@a.gouv.fr", Role.MINISTRY_CONTROLLER, "min-a"));
		assertThat(directory.people(dinum)).extracting(Person::email)
			.contains("admin@numerique.gouv.fr", "ana@a.gouv.fr", "bob@b.gouv.fr", "c@a.gouv.fr");
		assertThat(directory.people(controller)).extracting(Person::email)
			.containsExactlyInAnyOrder("ana@a.gouv.fr", "c@a.gouv.fr");
		assertThat(directory.people(controller)).filteredOn(p -> p.email().equals("ana@a.gouv.fr"))
			.singleElement()
			.extracting(Person::grants)
			.isEqualTo(List.of(new Grant(Role.AGENT, "dir-a", Directory.PROCONNECT)));
		Perimeter agent = directory.perimeter(directory.person("bob@b.gouv.fr").orElseThrow());
		assertThatThrownBy(() -> directory.people(agent)).isInstanceOf(NotAllowed.class)
			.hasMessage("only DINUM and the ministry controllers see the people of the directory");
	}

	@Test
	void theOrganisationsComeInTreeOrder() {
		assertThat(directory.tree()).extracting(Organisation::id)
			.containsSubsequence("hoster", "min-a", "dir-a", "op-a", "min-b", "dir-b");
	}

	@Test
	void eachRefusalNamesItsFieldAndChangesNothing() {
		directory.signIn(new Identity("ana@a.gouv.fr", "Ana", "Dupont", null, null, null));
		long rows = count();
		int entries = audit.entries().size();
		assertThatThrownBy(() -> directory.add("x", "Bad Id", "N", OrganisationKind.MINISTRY, null, null))
			.hasMessageStartingWith("id: `Bad Id` is not an identifier");
		assertThatThrownBy(() -> directory.add("x", "min-a", "N", OrganisationKind.MINISTRY, null, null))
			.hasMessage("id: the organisation `min-a` already exists");
		assertThatThrownBy(() -> directory.add("x", "dir-c", "N", OrganisationKind.DIRECTORATE, null, null))
			.hasMessageStartingWith("parent: a DIRECTORATE sits under a ministry");
		assertThatThrownBy(() -> directory.add("x", "dir-c", "N", OrganisationKind.DIRECTORATE, "hoster", null))
			.hasMessage("parent: a DIRECTORATE cannot sit under the PROVIDER `hoster`");
		assertThatThrownBy(() -> directory.add("x", "dir-c", "N", OrganisationKind.DIRECTORATE, "min-a", "123"))
			.hasMessage("siret: `123` is not a SIRET: 14 digits");
		assertThatThrownBy(
				() -> directory.add("x", "dir-c", "N", OrganisationKind.DIRECTORATE, "min-a", "11000000000011"))
			.hasMessage("siret: the SIRET `11000000000011` is already the organisation `dir-a`'s");
		assertThatThrownBy(() -> directory.grant("x", "nobody@a.gouv.fr", Role.AGENT, "dir-a"))
			.hasMessage("email: no one with the e-mail `nobody@a.gouv.fr` has signed in yet");
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.MINISTRY_CONTROLLER, "dir-a"))
			.hasMessage("organisation: the role MINISTRY_CONTROLLER is not granted on a DIRECTORATE");
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.PROVIDER, "dir-a"))
			.hasMessage("organisation: the role PROVIDER is not granted on a DIRECTORATE");
		assertThatThrownBy(() -> directory.grant("x", "ana@a.gouv.fr", Role.AGENT, "nowhere"))
			.hasMessage("organisation: no organisation `nowhere`");
		assertThatThrownBy(() -> directory.revoke("x", "ana@a.gouv.fr", Role.AGENT, "dir-a"))
			.hasMessage("role: `ana@a.gouv.fr` is not AGENT on `dir-a`");
		assertThatThrownBy(() -> directory.signIn(new Identity("not-an-email", null, null, null, null, null)))
			.hasMessage("email: `not-an-email` is not an e-mail address");
		assertThat(count()).isEqualTo(rows);
		assertThat(audit.entries()).hasSize(entries);
	}

	private long count() {
		return jdbc
			.sql("select (select count(*) from organisation) + (select count(*) from person) "
					+ "+ (select count(*) from person_role)")
			.query(Long.class)
			.single();
	}

}
