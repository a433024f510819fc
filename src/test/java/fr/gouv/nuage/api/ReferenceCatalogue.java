package fr.gouv.nuage.api;

import fr.gouv.nuage.catalogue.Catalogue;
import fr.gouv.nuage.catalogue.CatalogueSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** For the web slices: the reference catalogue in force, without a database of declarations. */
@TestConfiguration(proxyBeanMethods = false)
class ReferenceCatalogue {

	@Bean
	CatalogueSource catalogueSource() {
		return Catalogue::reference;
	}
}
