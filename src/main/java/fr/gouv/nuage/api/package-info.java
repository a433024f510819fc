/**
 * The JSON API under {@code /api/v1}: the doctrine's decisions for any caller, with the same
 * validation and the same decision object as the CLI; the public catalogue; and, for people signed
 * in, the projects, workflows, declarations and directory of their perimeter. Errors as problem+json.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "doctrine", "catalogue",
		"catalogue :: declarations", "projects", "projects :: directory" })
package fr.gouv.nuage.api;
