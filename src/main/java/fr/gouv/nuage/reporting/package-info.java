/**
 * Adoption of the doctrine per ministry and State-wide, catalogue reuse, funding and purchasing,
 * with exports. May depend on: projects, catalogue, funding.
 */
package fr.gouv.nuage.reporting;
