package fr.gouv.nuage.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import fr.gouv.nuage.bench.drools.Outcome;
import fr.gouv.nuage.bench.drools.ProjectFacts;
import fr.gouv.nuage.doctrine.Assessment;
import fr.gouv.nuage.doctrine.AssessmentReader;
import fr.gouv.nuage.doctrine.Decision;
import fr.gouv.nuage.doctrine.DecisionJson;
import fr.gouv.nuage.doctrine.FactModel;
import fr.gouv.nuage.doctrine.JsonWriter;
import fr.gouv.nuage.doctrine.Lang;
import fr.gouv.nuage.doctrine.ReadResult;
import fr.gouv.nuage.doctrine.RulePack;
import fr.gouv.nuage.doctrine.RulePacks;

/**
 * One decision, four ways: the engine on typed assessments, Drools on the same facts as
 * JavaBeans, the hand-written oracle, and the engine behind its JSON edges (read, evaluate, write
 * compact) as {@code nuage evaluate --format jsonl} does per line. Each invocation takes the next
 * of 16 384 pre-built assessments, so that branch predictors and caches see a realistic mix
 * rather than one assessment learnt by heart. {@code jsonRead} and {@code jsonWrite} split the
 * round trip in its two edges.
 *
 * <p>Sized for a 2-core machine: one fork, 3 warm-up (Drools: 6) and 5 measured iterations of 2 s
 * per mode.
 */
@BenchmarkMode({Mode.Throughput, Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class EngineBenchmark {

    static final int COUNT = 1 << 14;
    static final long SEED = 42L;

    /** The inputs, built once per fork; the index is per thread. */
    @State(Scope.Thread)
    public static class Inputs {
        RulePack pack;
        Oracle oracle;
        DroolsDecision drools;
        AssessmentReader reader;
        Assessment[] complete;
        Assessment[] partial;
        ProjectFacts[] beans;
        String[] json;
        Decision[] decisions;
        StringBuilder out;
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            FactModel model = FactModel.assessmentV1();
            pack = RulePacks.shipped().get("6404-SG");
            oracle = new Oracle(model);
            drools = new DroolsDecision();
            reader = new AssessmentReader(model);
            AssessmentGenerator generator = new AssessmentGenerator(model, SEED);
            List<Assessment> all = generator.complete(COUNT);
            complete = all.toArray(new Assessment[0]);
            partial = generator.partial(COUNT).toArray(new Assessment[0]);
            beans = new ProjectFacts[COUNT];
            json = new String[COUNT];
            decisions = new Decision[COUNT];
            for (int i = 0; i < COUNT; i++) {
                beans[i] = DroolsDecision.toFacts(complete[i]);
                json[i] = complete[i].toJson();
                decisions[i] = pack.evaluate(complete[i]);
            }
            out = new StringBuilder(4096);
        }

        int next() {
            int i = next;
            next = (i + 1) & (COUNT - 1);
            return i;
        }
    }

    @Benchmark
    public Decision engine(Inputs in) {
        return in.pack.evaluate(in.complete[in.next()]);
    }

    /** Partial assessments: three-valued evaluation and missing facts, which Drools cannot do. */
    @Benchmark
    public Decision enginePartial(Inputs in) {
        return in.pack.evaluate(in.partial[in.next()]);
    }

    /**
     * Drools compiles its constraints to bytecode only after they have been evaluated many times:
     * with the engine's warm-up it still runs them interpreted at first, so it gets twice as long.
     */
    @Benchmark
    @Warmup(iterations = 6, time = 2)
    public Outcome drools(Inputs in) {
        return in.drools.decide(in.beans[in.next()]);
    }

    @Benchmark
    public Oracle.Result oracle(Inputs in) {
        return in.oracle.decide(in.complete[in.next()]);
    }

    @Benchmark
    public int jsonRoundTrip(Inputs in) {
        ReadResult read = in.reader.read("bench", in.json[in.next()]);
        Decision decision = in.pack.evaluate(((ReadResult.Ok) read).assessment());
        StringBuilder sb = in.out;
        sb.setLength(0);
        DecisionJson.write(decision, Lang.FR, DecisionJson.Form.COMPACT, new JsonWriter(sb, false));
        return sb.length();
    }

    /** The reading part of {@link #jsonRoundTrip}, to tell where its time goes. */
    @Benchmark
    public ReadResult jsonRead(Inputs in) {
        return in.reader.read("bench", in.json[in.next()]);
    }

    /** The writing part of {@link #jsonRoundTrip}: explanations rendered in French, compact form. */
    @Benchmark
    public int jsonWrite(Inputs in) {
        StringBuilder sb = in.out;
        sb.setLength(0);
        DecisionJson.write(in.decisions[in.next()], Lang.FR, DecisionJson.Form.COMPACT, new JsonWriter(sb, false));
        return sb.length();
    }
}
