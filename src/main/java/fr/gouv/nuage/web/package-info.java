/**
 * The web portal and who may reach it: sign-in with ProConnect (OpenID Connect), public pages
 * for visitors. May depend on every module's API.
 */
package fr.gouv.nuage.web;
