package fr.gouv.nuage.bench.drools;

/** Inferred: the sensitivity of the data; the rules insert exactly one. */
public final class Sensitivity {

    private final String level;

    public Sensitivity(String level) {
        this.level = level;
    }

    public String getLevel() {
        return level;
    }
}
