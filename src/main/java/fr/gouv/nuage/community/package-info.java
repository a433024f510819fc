/**
 * The public agents' community, events with their programme, registrations and
 * satisfaction survey, and the newsletter.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "catalogue", "directory", "http" })
package fr.gouv.nuage.community;
