/**
 * Applications to the FTAP "Adoption du cloud de confiance" window, prefilled from a
 * project and its decision, and their instruction.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "projects", "doctrine", "directory", "audit", "http" })
package fr.gouv.nuage.funding;
