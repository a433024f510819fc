package fr.gouv.nuage.catalogue;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For the web slices: the reference catalogue in force, without a database of
 * declarations.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ReferenceCatalogue {

	@Bean
	CatalogueSource catalogueSource() {
		return Catalogue::reference;
	}

}
