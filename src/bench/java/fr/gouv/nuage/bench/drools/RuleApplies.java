package fr.gouv.nuage.bench.drools;

/** Inferred: a rule of project scope applies to this subject, concerned project. */
public final class RuleApplies {

    private final String rule;

    public RuleApplies(String rule) {
        this.rule = rule;
    }

    public String getRule() {
        return rule;
    }
}
