/**
 * What every HTTP endpoint of Nuage shares: problem+json refusals, strict bodies,
 * versions as ETags with If-Match, pagination, and the OpenAPI description written from
 * the handlers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "doctrine" })
package fr.gouv.nuage.http;
