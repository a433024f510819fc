package fr.gouv.nuage.derogations;

import java.time.LocalDate;
import java.util.UUID;

/** What happens to derogations, for the modules that notify people. */
public final class DerogationEvents {

	private DerogationEvents() {
	}

	public record DerogationGranted(UUID derogation, UUID project, String rule) {
	}

	public record DerogationRefused(UUID derogation, UUID project, String rule, String reason) {
	}

	/**
	 * Its end approaches: sent once at 90, 30 and 7 days before, with the days really
	 * left (fewer when the day was missed and caught up).
	 */
	public record DerogationEndApproaching(UUID derogation, UUID project, String rule, LocalDate end, int daysLeft) {
	}

	/** It ended: the project is decided again. */
	public record DerogationExpired(UUID derogation, UUID project, String rule) {
	}

}
