/**
 * The catalogue of cloud offers (internal clouds, SecNumCloud-qualified and other commercial
 * offers) with their qualifications over time; it supplies hosting facts to the doctrine engine.
 * May depend on: doctrine.
 */
package fr.gouv.nuage.catalogue;
