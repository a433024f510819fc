package fr.gouv.nuage.bench.drools;

/** Inferred: a point of vigilance of an applicable rule holds (TO_CONFIRM unless violated). */
public final class Vigilance {

    private final String rule;
    private final String check;

    public Vigilance(String rule, String check) {
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
