/**
 * Organisations and people: ministries, their directorates, State operators, local
 * authorities and providers; people known by their professional e-mail, mapped from
 * ProConnect's claims; roles granted on an organisation, which make each person's
 * perimeter, given to every handler that takes one.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "audit", "doctrine", "http" })
package fr.gouv.nuage.directory;
