package fr.gouv.nuage.catalogue.declarations;

import java.time.Instant;

/** One step of a declaration's history: who did what, when, and why. */
public record DeclarationEvent(int seq, Instant at, String actor, Actor.Role role, String action, String comment) {
}
