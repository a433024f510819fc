/**
 * The JSON API under {@code /api/v1}: the doctrine's decisions for any caller, with the same
 * validation and the same decision object as the CLI; errors as problem+json.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "doctrine", "catalogue" })
package fr.gouv.nuage.api;
