/**
 * A project's reversibility plan (R4): exit terms, export formats, the budget and staff
 * reserved.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "projects", "directory", "audit", "http" })
package fr.gouv.nuage.reversibility;
