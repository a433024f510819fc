package fr.gouv.nuage.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.Fact;
import fr.gouv.nuage.doctrine.FactModel;

/**
 * Seeded random assessments over the fact model. The distributions follow what ministries
 * actually submit (mostly State bodies, new projects, costs spread over three orders of magnitude)
 * but over-weight the edges where a doctrine implementation can go wrong: costs on the 1 M€ and
 * 9 M€ thresholds, an evolution share of exactly 0.5, classified and restricted markings, personal
 * data on commercial clouds, and, for partial assessments, the UNDECIDED values that the pack
 * treats as absent.
 */
public final class AssessmentGenerator {

    private static final String[] MINISTRIES = {
        "Intérieur", "Armées", "Économie et Finances", "Justice", "Santé", "Éducation nationale",
        "Travail", "Culture", "Agriculture", "Transition écologique"
    };

    private static final String[] PROJECTS = {
        "état civil", "portail usagers", "gestion des agents", "messagerie", "paie", "dossier patient",
        "subventions", "contrôle fiscal", "archives", "téléservice", "data lake", "GED"
    };

    private final FactModel model;
    private final SplittableRandom random;
    private final List<Fact> facts;

    public AssessmentGenerator(FactModel model, long seed) {
        this.model = model;
        this.random = new SplittableRandom(seed);
        this.facts = model.facts();
    }

    /** Every fact of the model set to a value the pack does not read as absent. */
    public Assessment complete() {
        return fill(Assessment.builder(model), false).build();
    }

    /**
     * Random facts absent, each assessment with its own density of gaps so that both almost
     * complete and almost empty ones are frequent; UNDECIDED appears where the schema allows it.
     */
    public Assessment partial() {
        Assessment.Builder b = fill(Assessment.builder(model), true);
        double drop = pick(0.03, 0.1, 0.25, 0.5, 0.85);
        for (Fact fact : facts) {
            if (random.nextDouble() < drop) {
                b.unset(fact.path());
            }
        }
        // Whole objects go missing together when a form section was never opened.
        for (String object : model.objectNames()) {
            if (random.nextDouble() < 0.04) {
                for (Fact fact : facts) {
                    if (fact.path().startsWith(object + ".")) {
                        b.unset(fact.path());
                    }
                }
            }
        }
        return b.build();
    }

    /** A complete assessment with probability {@code completeShare}, else a partial one. */
    public Assessment next(double completeShare) {
        return random.nextDouble() < completeShare ? complete() : partial();
    }

    public List<Assessment> complete(int count) {
        List<Assessment> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(complete());
        }
        return out;
    }

    public List<Assessment> partial(int count) {
        List<Assessment> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(partial());
        }
        return out;
    }

    private Assessment.Builder fill(Assessment.Builder b, boolean undecidedAllowed) {
        String kind = weighted(new String[] {
            "STATE_ADMINISTRATION", "STATE_OPERATOR", "PUBLIC_INTEREST_GROUP", "LOCAL_AUTHORITY",
            "OTHER_PUBLIC", "PRIVATE"}, 45, 25, 7, 13, 6, 4);
        b.set("entity.kind", kind);
        b.set("entity.name", "Entité " + random.nextInt(5000));
        b.set("entity.ministry", MINISTRIES[random.nextInt(MINISTRIES.length)]);

        b.set("project.name", PROJECTS[random.nextInt(PROJECTS.length)] + " " + random.nextInt(100));
        b.set("project.stage", weighted(new String[] {"NEW", "EVOLUTION", "RUN"}, 50, 35, 15));
        b.set("project.evolutionShare", random.nextDouble() < 0.08 ? 0.5
            : Math.round(random.nextDouble() * 100) / 100.0);
        b.set("project.contractorChange", random.nextDouble() < 0.25);
        b.set("project.fullCostEur", cost());
        b.set("project.solution", undecidedAllowed && random.nextDouble() < 0.08 ? "UNDECIDED"
            : weighted(new String[] {"SAAS", "CLOUD", "ON_PREMISES"}, 35, 45, 20));
        b.set("project.equivalentSolutionExists", random.nextDouble() < 0.3);
        b.set("project.collaborativeTool", random.nextDouble() < 0.15);

        String hosting = undecidedAllowed && random.nextDouble() < 0.08 ? "UNDECIDED"
            : weighted(new String[] {"INTERNAL_PI", "INTERNAL_NUBO", "COMMERCIAL_TRUSTED", "COMMERCIAL",
                "ON_PREMISES"}, 20, 15, 20, 30, 15);
        b.set("hosting.class", hosting);
        b.set("hosting.dataLocation", weighted(new String[] {"FRANCE", "EU", "ADEQUATE_COUNTRY", "OTHER"},
            60, 25, 8, 7));
        boolean health = random.nextDouble() < 0.12;
        b.set("hosting.hdsCertified", random.nextDouble() < (health ? 0.7 : 0.2));

        b.set("data.personal", random.nextDouble() < 0.55);
        b.set("data.publicAgents", random.nextDouble() < 0.25);
        b.set("data.companiesEconomic", random.nextDouble() < 0.2);
        b.set("data.health", health);
        b.set("data.legalSecrets", subset("data.legalSecrets", 0.6, 3));
        b.set("data.essentialStateMission", random.nextDouble() < 0.15);
        b.set("data.breachImpacts", subset("data.breachImpacts", 0.55, 2));
        b.set("data.marking", weighted(new String[] {"NONE", "DIFFUSION_RESTREINTE", "CLASSIFIED"}, 88, 9, 3));
        b.set("data.transfersOutsideEu", random.nextDouble() < 0.08);

        b.set("commitments.productMode", random.nextDouble() < 0.7);
        b.set("commitments.reversibilityPlan", random.nextDouble() < 0.8);
        b.set("commitments.reversibilityFunded", random.nextDouble() < 0.75);
        b.set("commitments.multiZoneResilience", random.nextDouble() < 0.8);
        b.set("commitments.compromiseDetection", random.nextDouble() < 0.8);
        b.set("commitments.portabilityChecked", random.nextDouble() < 0.8);
        b.set("commitments.comparativeStudy", random.nextDouble() < 0.5);
        b.set("commitments.gdprCompliant", random.nextDouble() < 0.9);
        b.set("commitments.immuneToExtraEuAccess", random.nextDouble() < 0.6);
        b.set("commitments.trainingPlan", random.nextDouble() < 0.6);
        return b;
    }

    /** Log-uniform from 20 k€ to 40 M€, with a fifth of the draws on or next to a threshold. */
    private double cost() {
        if (random.nextDouble() < 0.2) {
            return pick(999_999.99, 1_000_000, 1_000_000.01, 8_999_999.99, 9_000_000, 9_000_000.01, 0);
        }
        double log = Math.log(20_000) + random.nextDouble() * (Math.log(40_000_000) - Math.log(20_000));
        return Math.round(Math.exp(log));
    }

    private List<String> subset(String path, double emptyShare, int max) {
        if (random.nextDouble() < emptyShare) {
            return List.of();
        }
        List<String> values = model.fact(path).orElseThrow().values();
        int n = 1 + random.nextInt(max);
        List<String> out = new ArrayList<>(n);
        while (out.size() < n) {
            String v = values.get(random.nextInt(values.size()));
            if (!out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    private String weighted(String[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    private double pick(double... values) {
        return values[random.nextInt(values.length)];
    }
}
