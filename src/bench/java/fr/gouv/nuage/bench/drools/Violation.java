package fr.gouv.nuage.bench.drools;

/** Inferred: a check of an applicable rule is violated. */
public final class Violation {

    private final String rule;
    private final String check;

    public Violation(String rule, String check) {
        this.rule = rule;
        this.check = check;
    }

    public String getRule() {
        return rule;
    }

    public String getCheck() {
        return check;
    }
}
