package fr.gouv.nuage.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The benchmark in one command: the differential check first (exit 1 if the implementations
 * disagree, since timing wrong answers proves nothing), then JMH, then a summary of the numbers
 * BENCHMARKS.md reports.
 *
 * <p>Arguments: {@code [differential check arguments] [-- JMH arguments]}; {@code --no-jmh} stops
 * after the check. Without JMH arguments, every benchmark of {@link EngineBenchmark} runs twice,
 * for throughput then for time per decision, with results in {@code target/bench/jmh-*.json}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> checkArgs = new ArrayList<>();
        List<String> jmhArgs = new ArrayList<>();
        boolean jmh = true;
        boolean afterSeparator = false;
        for (String arg : args) {
            if (afterSeparator) {
                jmhArgs.add(arg);
            } else if (arg.equals("--")) {
                afterSeparator = true;
            } else if (arg.equals("--no-jmh")) {
                jmh = false;
            } else {
                checkArgs.add(arg);
            }
        }
        if (!DifferentialCheck.run(checkArgs.toArray(new String[0]))) {
            System.exit(1);
        }
        if (!jmh) {
            return;
        }
        Collection<RunResult> results = new ArrayList<>();
        if (jmhArgs.isEmpty()) {
            new File("target/bench").mkdirs();
            // Two passes so that each mode reads in its natural unit: decisions per second, and
            // microseconds per decision with the percentiles of SampleTime.
            Options base = new CommandLineOptions(EngineBenchmark.class.getSimpleName());
            results.addAll(new Runner(new OptionsBuilder().parent(base)
                .mode(Mode.Throughput).timeUnit(TimeUnit.SECONDS)
                .resultFormat(ResultFormatType.JSON).result("target/bench/jmh-throughput.json").build()).run());
            results.addAll(new Runner(new OptionsBuilder().parent(base)
                .mode(Mode.AverageTime).mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
                .resultFormat(ResultFormatType.JSON).result("target/bench/jmh-time.json").build()).run());
        } else {
            results.addAll(new Runner(new CommandLineOptions(jmhArgs.toArray(new String[0]))).run());
        }
        summarize(results);
    }

    /** Per benchmark: mean and median time per decision, and decisions per second. */
    static void summarize(Collection<RunResult> results) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (RunResult run : results) {
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double[] row = rows.computeIfAbsent(name, k -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
            Result<?> primary = run.getPrimaryResult();
            String unit = primary.getScoreUnit();
            switch (run.getParams().getMode()) {
                case Throughput:
                    row[0] = primary.getScore() * perSecond(unit.substring(unit.indexOf('/') + 1));
                    break;
                case AverageTime:
                    row[1] = primary.getScore() / perSecond(unit.substring(0, unit.indexOf('/'))) * 1e6;
                    break;
                case SampleTime:
                    double toMicros = 1e6 / perSecond(unit.substring(0, unit.indexOf('/')));
                    row[2] = primary.getStatistics().getPercentile(50) * toMicros;
                    row[3] = primary.getStatistics().getPercentile(99) * toMicros;
                    break;
                default:
                    break;
            }
        }
        System.out.println();
        System.out.println("summary (µs per decision, decisions per second, one thread)");
        System.out.printf("%-14s %14s %10s %10s %10s%n", "benchmark", "decisions/s", "mean µs", "p50 µs", "p99 µs");
        rows.forEach((name, r) -> System.out.printf("%-14s %14.0f %10.3f %10.3f %10.3f%n", name, r[0], r[1], r[2], r[3]));
        double[] engine = rows.get("engine");
        double[] drools = rows.get("drools");
        if (engine != null && drools != null) {
            System.out.printf("throughput engine / Drools: %.1f×%n", engine[0] / drools[0]);
        }
    }

    /** How many of a JMH time unit make a second. */
    private static double perSecond(String unit) {
        switch (unit) {
            case "ns":
                return 1e9;
            case "us":
                return 1e6;
            case "ms":
                return 1e3;
            case "s":
                return 1;
            case "min":
                return 1 / 60.0;
            default:
                throw new IllegalArgumentException("unexpected JMH unit `" + unit + "`");
        }
    }
}
