package fr.gouv.nuage.catalogue;

/**
 * The catalogue in force: the reference amended by the declarations and reviews DINUM has
 * made.
 */
@FunctionalInterface
public interface CatalogueSource {

	Catalogue current();

	/**
	 * An offer's version in the catalogue in force, which changes each time it is
	 * amended: the ETag a change of the offer names in {@code If-Match}. The reference
	 * alone never changes: 1.
	 */
	default int offerVersion(String offerId) {
		return 1;
	}

}
