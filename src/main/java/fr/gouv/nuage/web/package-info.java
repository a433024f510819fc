/**
 * The web portal and who may reach it: sign-in with ProConnect (OpenID Connect), the demo
 * profile's accounts, public pages for visitors.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "directory", "projects", "http" })
package fr.gouv.nuage.web;
