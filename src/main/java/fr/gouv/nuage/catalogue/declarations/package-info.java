/**
 * Offers declared by providers and reviewed by DINUM: a declaration is pending until
 * DINUM accepts it, and then amends the catalogue in force; every step is kept with who
 * did it and when.
 */
@org.springframework.modulith.NamedInterface("declarations")
package fr.gouv.nuage.catalogue.declarations;
