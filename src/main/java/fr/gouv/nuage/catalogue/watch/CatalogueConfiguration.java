package fr.gouv.nuage.catalogue.watch;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock the catalogue reads dates from (replaced in tests), and the daily schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CatalogueConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		// Ticks in microseconds, as PostgreSQL stores time: what is returned is what is
		// read back.
		return Clock.tick(Clock.systemDefaultZone(), java.time.Duration.ofNanos(1_000));
	}

}
