package fr.gouv.nuage.web;

import java.util.List;
import java.util.Optional;

import fr.gouv.nuage.projects.Projects;
import fr.gouv.nuage.directory.Directory;
import fr.gouv.nuage.directory.Identity;
import fr.gouv.nuage.directory.OrganisationKind;
import fr.gouv.nuage.directory.Person;
import fr.gouv.nuage.directory.Role;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code demo} profile's organisations and named accounts, one per role, seeded once:
 * fictitious people on demo e-mail addresses, so that every perimeter can be tried
 * without ProConnect. Never active unless the profile is.
 */
@Component
@Profile("demo")
class DemoAccounts {

	/** The password of every demo account, for API clients using HTTP Basic. */
	static final String PASSWORD = "demo";

	/** A demo account: who, with which role on which organisation. */
	record Account(String email, String givenName, String usualName, Role role, String organisation,
			String description) {
	}

	static final List<Account> ACCOUNTS = List.of(
			new Account("camille.martin@demo.example", "Camille", "Martin", Role.AGENT, "dnum-interieur",
					"agente, direction du numérique de l'Intérieur"),
			new Account("louis.bernard@demo.example", "Louis", "Bernard", Role.AGENT, "ants",
					"agent, opérateur sous tutelle de l'Intérieur"),
			new Account("ines.petit@demo.example", "Inès", "Petit", Role.AGENT, "bnf",
					"agente, opérateur de la Culture"),
			new Account("marc.girard@demo.example", "Marc", "Girard", Role.AGENT, "ville-exemple",
					"agent, collectivité territoriale (conseil seulement)"),
			new Account("hugo.robert@demo.example", "Hugo", "Robert", Role.MINISTRY_CONTROLLER, "ministere-interieur",
					"contrôleur ministériel, Intérieur"),
			new Account("sarah.durand@demo.example", "Sarah", "Durand", Role.MINISTRY_CONTROLLER, "ministere-culture",
					"contrôleuse ministérielle, Culture"),
			new Account("nadia.lefevre@demo.example", "Nadia", "Lefèvre", Role.DINUM, Directory.DINUM, "DINUM"),
			new Account("paul.moreau@demo.example", "Paul", "Moreau", Role.PRIME_MINISTER_OFFICE,
					"services-premier-ministre", "cabinet du Premier ministre"),
			new Account("julie.fournier@demo.example", "Julie", "Fournier", Role.PROVIDER, "ovhcloud",
					"fournisseur, OVHcloud"));

	private record Org(String id, String name, OrganisationKind kind, String parent) {
	}

	private static final List<Org> ORGANISATIONS = List.of(
			new Org("services-premier-ministre", "Services du Premier ministre", OrganisationKind.MINISTRY, null),
			new Org(Directory.DINUM, "Direction interministérielle du numérique (DINUM)", OrganisationKind.DIRECTORATE,
					"services-premier-ministre"),
			new Org("ministere-interieur", "Ministère de l'Intérieur (démo)", OrganisationKind.MINISTRY, null),
			new Org("dnum-interieur", "Direction du numérique de l'Intérieur (démo)", OrganisationKind.DIRECTORATE,
					"ministere-interieur"),
			new Org("ants", "Agence nationale des titres sécurisés (démo)", OrganisationKind.STATE_OPERATOR,
					"ministere-interieur"),
			new Org("ministere-culture", "Ministère de la Culture (démo)", OrganisationKind.MINISTRY, null),
			new Org("bnf", "Bibliothèque nationale de France (démo)", OrganisationKind.STATE_OPERATOR,
					"ministere-culture"),
			new Org("ville-exemple", "Ville d'Exemple-sur-Loire (démo)", OrganisationKind.LOCAL_AUTHORITY, null),
			// The id the catalogue's OVHcloud offers name (`providerId`): its provider
			// declares for them.
			new Org("ovhcloud", "OVHcloud", OrganisationKind.PROVIDER, null));

	private static final String PORTAL = """
			{"schema":"nuage.assessment/v1",
			 "entity":{"name":"Direction du numérique de l'Intérieur","kind":"STATE_ADMINISTRATION","ministry":"Intérieur"},
			 "project":{"name":"Portail des démarches (démo)","stage":"NEW","fullCostEur":2500000,"solution":"CLOUD",
			  "equivalentSolutionExists":false},
			 "hosting":{"class":"COMMERCIAL","dataLocation":"FRANCE","hdsCertified":false},
			 "data":{"personal":true,"publicAgents":false,"health":false,"companiesEconomic":false,
			  "legalSecrets":["PRIVACY"],"essentialStateMission":false,"breachImpacts":["PUBLIC_ORDER"],"marking":"NONE",
			  "transfersOutsideEu":false},
			 "commitments":{"reversibilityPlan":true,"reversibilityFunded":true,"multiZoneResilience":true,
			  "compromiseDetection":true,"portabilityChecked":true,"comparativeStudy":true,"gdprCompliant":true,
			  "immuneToExtraEuAccess":false}}
			""";

	private final Directory directory;

	private final Projects projects;

	DemoAccounts(Directory directory, Projects projects) {
		this.directory = directory;
		this.projects = projects;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	void seed() {
		org.slf4j.LoggerFactory.getLogger(DemoAccounts.class)
			.warn("the demo profile is active: fictitious accounts sign in at /demo without ProConnect");
		if (directory.person(ACCOUNTS.get(0).email()).isPresent()) {
			return;
		}
		for (Org org : ORGANISATIONS) {
			if (directory.organisation(org.id()).isEmpty()) {
				directory.add("demo", org.id(), org.name(), org.kind(), org.parent(), null);
			}
		}
		for (Account account : ACCOUNTS) {
			directory
				.signIn(new Identity(account.email(), account.givenName(), account.usualName(), null, null, "demo"));
			directory.grant("demo", account.email(), account.role(), account.organisation());
		}
		projects.register(ACCOUNTS.get(0).email(), "dnum-interieur", PORTAL);
	}

	static boolean isAccount(String email) {
		return ACCOUNTS.stream().anyMatch(a -> a.email().equalsIgnoreCase(email));
	}

	/**
	 * The demo account's person; empty for anyone else (the directory is not asked) or
	 * before the seeding.
	 */
	static Optional<Person> person(Directory directory, String email) {
		return isAccount(email) ? directory.person(email) : Optional.empty();
	}

}
