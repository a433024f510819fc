/**
 * Derogations to a rule of the doctrine: requested by the project, approved by the
 * minister, then by the Prime Minister for R9; ended 12 months after an acceptable offer
 * exists, with reminders.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "projects", "documents", "directory", "audit", "doctrine", "http" })
package fr.gouv.nuage.derogations;
