/**
 * Organisations and people: ministries, their directorates, State operators, local authorities and
 * providers; people known by their professional e-mail, mapped from ProConnect's claims; roles
 * granted on an organisation, which make each person's perimeter.
 */
@org.springframework.modulith.NamedInterface("directory")
package fr.gouv.nuage.projects.directory;
