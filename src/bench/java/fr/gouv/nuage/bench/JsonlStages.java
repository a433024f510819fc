package fr.gouv.nuage.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
 * Where a jsonl line's time goes, on one thread: reading the line, parsing the assessment,
 * evaluating, writing the compact decision, and encoding it to UTF-8 as the CLI's output writer
 * does. JMH measures the middle three on warm inputs; this adds the two edges that only a stream
 * has, to explain the gap between the JMH numbers and {@code bench/jsonl.sh}.
 *
 * <p>Arguments: {@code [FILE] [PASSES]}, by default {@code target/bench/assessments.jsonl 2}; the
 * last pass is the warm one.
 */
public final class JsonlStages {

    private JsonlStages() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/bench/assessments.jsonl");
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        FactModel model = FactModel.assessmentV1();
        RulePack pack = RulePacks.shipped().latest();
        AssessmentReader reader = new AssessmentReader(model);
        for (int pass = 1; pass <= passes; pass++) {
            long line = 0;
            long parse = 0;
            long evaluate = 0;
            long write = 0;
            long encode = 0;
            long chars = 0;
            int count = 0;
            StringBuilder json = new StringBuilder(4096);
            Writer out = new OutputStreamWriter(new BufferedOutputStream(OutputStream.nullOutputStream(), 1 << 16),
                StandardCharsets.UTF_8);
            long start = System.nanoTime();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                while (true) {
                    long t0 = System.nanoTime();
                    String text = in.readLine();
                    if (text == null) {
                        break;
                    }
                    long t1 = System.nanoTime();
                    ReadResult read = reader.read(file.toString(), count + 1, text);
                    long t2 = System.nanoTime();
                    Decision decision = pack.evaluate(((ReadResult.Ok) read).assessment());
                    long t3 = System.nanoTime();
                    json.setLength(0);
                    DecisionJson.write(decision, Lang.FR, DecisionJson.Form.COMPACT, new JsonWriter(json, false));
                    json.append('\n');
                    long t4 = System.nanoTime();
                    out.append(json);
                    long t5 = System.nanoTime();
                    line += t1 - t0;
                    parse += t2 - t1;
                    evaluate += t3 - t2;
                    write += t4 - t3;
                    encode += t5 - t4;
                    chars += json.length();
                    count++;
                }
            }
            out.flush();
            long total = System.nanoTime() - start;
            System.out.printf("pass %d: %d lines, %.0f lines/s on one thread, %.0f characters of output per line%n",
                pass, count, count * 1e9 / total, chars / (double) count);
            System.out.printf("  µs per line: readLine %.2f, parse %.2f, evaluate %.2f, write JSON %.2f,"
                    + " encode UTF-8 %.2f, total %.2f%n", line / 1e3 / count, parse / 1e3 / count,
                evaluate / 1e3 / count, write / 1e3 / count, encode / 1e3 / count, total / 1e3 / count);
        }
    }
}
