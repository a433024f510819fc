/**
 * Adoption of the doctrine per ministry and State-wide, catalogue reuse, funding and
 * purchasing, with exports.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "projects", "catalogue", "funding", "directory", "http" })
package fr.gouv.nuage.reporting;
