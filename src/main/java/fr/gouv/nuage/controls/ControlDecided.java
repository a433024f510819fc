package fr.gouv.nuage.controls;

import java.util.UUID;

/**
 * A control reached its outcome; under the ministry's procedure DINUM is to be informed.
 */
public record ControlDecided(UUID project, UUID control, Control.Procedure procedure, Control.Outcome outcome,
		boolean deemedBySilence, boolean informDinum) {
}
