package fr.gouv.nuage.bench.drools;

/** Inferred: the project is concerned (new, major evolution or change of contractor). */
public final class Concerned {
}
