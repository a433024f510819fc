/**
 * The web portal in the State design system (DSFR), French by default and English; it renders
 * what the other modules decide. May depend on every module's API.
 */
package fr.gouv.nuage.web;
