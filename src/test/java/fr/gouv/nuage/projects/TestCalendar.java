package fr.gouv.nuage.projects;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the tests set or move forward, in place of the system's. Public for the tests
 * of other packages; read from the threads that deliver after a commit, hence volatile.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCalendar {

	@Bean
	@Primary
	MovableClock movableClock() {
		return new MovableClock();
	}

	public static final class MovableClock extends Clock {

		private volatile Instant now = Instant.parse("2026-03-10T09:00:00Z");

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

		public void advance(Duration duration) {
			now = now.plus(duration);
		}

		public void set(Instant instant) {
			now = instant;
		}

	}

}
