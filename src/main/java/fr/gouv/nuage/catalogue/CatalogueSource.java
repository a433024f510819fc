package fr.gouv.nuage.catalogue;

/** The catalogue in force: the reference amended by the declarations DINUM has accepted. */
@FunctionalInterface
public interface CatalogueSource {

	Catalogue current();
}
