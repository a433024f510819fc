package fr.gouv.nuage.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.gouv.nuage.doctrine.FactModel;

/**
 * Writes generated assessments one per line, for timing {@code nuage evaluate --format jsonl}.
 * Half are complete and half partial by default, so the stream exercises both the settled and the
 * three-valued paths.
 *
 * <p>Arguments: {@code [FILE] [COUNT] [SEED] [COMPLETE_SHARE]}, by default
 * {@code target/bench/assessments.jsonl 1000000 7 0.5}.
 */
public final class GenerateJsonl {

    private GenerateJsonl() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/assessments.jsonl");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 7L;
        double completeShare = args.length > 3 ? Double.parseDouble(args[3]) : 0.5;
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        AssessmentGenerator generator = new AssessmentGenerator(FactModel.assessmentV1(), seed);
        long start = System.nanoTime();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write(generator.next(completeShare).toJson());
                out.write('\n');
            }
        }
        System.out.printf("wrote %d assessments (%.0f%% complete) to %s, %d MB, in %d ms%n", count,
            completeShare * 100, file, Files.size(file) >> 20, (System.nanoTime() - start) / 1_000_000);
    }
}
