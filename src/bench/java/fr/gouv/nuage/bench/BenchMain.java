package fr.gouv.nuage.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The benchmark in one command: the differential check first (exit 1 if the implementations
 * disagree, since timing wrong answers proves nothing), then JMH, then a summary of the numbers
 * BENCHMARKS.md reports.
 *
 * <p>Arguments: {@code [differential check arguments] [-- JMH arguments]}; {@code --no-jmh} stops
 * after the check. Without JMH arguments, every benchmark of {@link EngineBenchmark} runs and
 * the results go to {@code target/bench/jmh-result.json}.
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
        if (jmhArgs.isEmpty()) {
            new File("target/bench").mkdirs();
            jmhArgs.addAll(Arrays.asList(EngineBenchmark.class.getSimpleName(),
                "-rf", "json", "-rff", "target/bench/jmh-result.json"));
        }
        Collection<RunResult> results = new Runner(new CommandLineOptions(jmhArgs.toArray(new String[0]))).run();
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
            switch (run.getParams().getMode()) {
                case Throughput:
                    row[0] = primary.getScore() * 1e6;
                    break;
                case AverageTime:
                    row[1] = primary.getScore();
                    break;
                case SampleTime:
                    row[2] = primary.getStatistics().getPercentile(50);
                    row[3] = primary.getStatistics().getPercentile(99);
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
}
