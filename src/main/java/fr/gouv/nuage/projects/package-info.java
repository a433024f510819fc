/**
 * Projects, each assessment with its decision stored with the pack that made it, decided
 * again when their offer's qualification changes or the doctrine does; the API other
 * workflows use to find a project, check who sees it and decide it again.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "doctrine", "catalogue", "directory", "audit", "http" })
package fr.gouv.nuage.projects;
