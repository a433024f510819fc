/**
 * Applications to the FTAP "Adoption du cloud de confiance" window, prefilled from a project and
 * its decision, and their instruction. May depend on: projects, doctrine.
 */
package fr.gouv.nuage.funding;
