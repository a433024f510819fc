package fr.gouv.nuage.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.FactModel;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;

/**
 * Runs the engine (6404-SG pack), the hand-written oracle and Drools on the same generated
 * assessments and fails on the first disagreements, printing each assessment with both results.
 * Complete assessments go to all three; partial ones to the engine and the oracle only, where
 * missing facts are compared too. A benchmark of implementations that disagree would measure
 * nothing, hence this runs before JMH.
 *
 * <p>Arguments: {@code [--complete N] [--partial N] [--seed S] [--show K]}.
 */
public final class DifferentialCheck {

    private final FactModel model = FactModel.assessmentV1();
    private final RulePack pack = RulePacks.shipped().get("6404-SG");
    private final Oracle oracle = new Oracle(model);
    private final DroolsDecision drools = new DroolsDecision();
    private final AssessmentReader reader = new AssessmentReader(model);
    private final List<String> reports = new ArrayList<>();
    private final Map<String, Integer> verdicts = new TreeMap<>();
    private final Map<String, Integer> disagreementsByField = new TreeMap<>();
    private int disagreements;
    private int show = 5;

    public static void main(String[] args) {
        System.exit(run(args) ? 0 : 1);
    }

    /** True when every implementation agrees on every assessment. */
    public static boolean run(String[] args) {
        int complete = 10_000;
        int partial = 20_000;
        long seed = 20230531L;
        DifferentialCheck check = new DifferentialCheck();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--complete":
                    complete = Integer.parseInt(args[++i]);
                    break;
                case "--partial":
                    partial = Integer.parseInt(args[++i]);
                    break;
                case "--seed":
                    seed = Long.parseLong(args[++i]);
                    break;
                case "--show":
                    check.show = Integer.parseInt(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument `" + args[i]
                        + "`, expected --complete N, --partial N, --seed S or --show K");
            }
        }
        return check.check(complete, partial, seed);
    }

    boolean check(int completeCount, int partialCount, long seed) {
        long start = System.nanoTime();
        AssessmentGenerator generator = new AssessmentGenerator(model, seed);
        for (int i = 0; i < completeCount; i++) {
            Assessment a = generator.complete();
            DecisionView engine = engine(a);
            DecisionView reference = DecisionView.of(oracle.decide(a), model);
            DecisionView rules = DecisionView.of(drools.decide(a));
            compare("complete", a, "engine", engine, "oracle", reference);
            compare("complete", a, "engine", engine, "drools", rules);
            compare("complete", a, "oracle", reference, "drools", rules);
            count("complete " + engine.verdict());
        }
        for (int i = 0; i < partialCount; i++) {
            Assessment a = generator.partial();
            DecisionView engine = engine(a);
            compare("partial", a, "engine", engine, "oracle", DecisionView.of(oracle.decide(a), model));
            count("partial " + engine.verdict());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("differential check (seed %d): %d complete assessments (engine, oracle, Drools)"
            + " and %d partial ones (engine, oracle) in %d ms%n", seed, completeCount, partialCount, millis);
        verdicts.forEach((k, v) -> System.out.printf("  %-28s %6d%n", k, v));
        if (disagreements == 0) {
            System.out.printf("all agree on %d assessments%n", completeCount + partialCount);
            return true;
        }
        System.out.printf("%d DISAGREEMENTS; by field: %s%n", disagreements, disagreementsByField);
        System.out.printf("first %d:%n", reports.size());
        reports.forEach(System.out::println);
        return false;
    }

    private DecisionView engine(Assessment a) {
        Decision d = pack.evaluate(a);
        if (!d.errors().isEmpty()) {
            throw new IllegalStateException("the engine met errors " + d.errors() + " on " + a.toJson());
        }
        // The JSON form is what the CLI and the jsonl benchmark read: it must carry the same facts.
        ReadResult read = reader.read("generated", a.toJson());
        if (!(read instanceof ReadResult.Ok) || !((ReadResult.Ok) read).assessment().equals(a)) {
            throw new IllegalStateException("the assessment does not read back from its JSON: " + a.toJson()
                + " -> " + read);
        }
        return DecisionView.of(d);
    }

    private void compare(String kind, Assessment a, String leftName, DecisionView left, String rightName,
                         DecisionView right) {
        List<String> fields = left.differences(right);
        if (fields.isEmpty()) {
            return;
        }
        disagreements++;
        for (String field : fields) {
            disagreementsByField.merge(leftName + "/" + rightName + " " + field, 1, Integer::sum);
        }
        if (reports.size() < show) {
            reports.add("- " + kind + " assessment, " + leftName + " vs " + rightName + " differ on " + fields
                + "\n  assessment: " + a.toJson()
                + "\n  " + leftName + ": " + left
                + "\n  " + rightName + ": " + right);
        }
    }

    private void count(String key) {
        verdicts.merge(key, 1, Integer::sum);
    }
}
