package fr.gouv.nuage.bench.drools;

/** Inferred: the entity is subject to the doctrine. Its absence means it is not. */
public final class Subject {
}
