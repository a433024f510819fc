/**
 * The catalogue of cloud offers (internal clouds, the State's services,
 * SecNumCloud-qualified and other commercial offers, DINUM's support) with their
 * qualifications over time; providers' declarations and DINUM's reviews; it supplies
 * hosting facts to the doctrine engine.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "doctrine", "directory", "audit", "http" })
package fr.gouv.nuage.catalogue;
