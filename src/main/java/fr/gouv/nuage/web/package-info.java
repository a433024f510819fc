/**
 * The web portal and who may reach it: sign-in with ProConnect (OpenID Connect), the demo
 * profile's accounts and its safeguards, public pages for visitors; and what browsers are
 * told: no change signed in by the session cookie from another site, strict security
 * headers on every answer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "directory", "projects", "doctrine", "http" })
package fr.gouv.nuage.web;
