package dev.stampede.report.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.engine.measure.HlogTags;
import dev.stampede.engine.measure.Metric;
import dev.stampede.report.model.ResultFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.HdrHistogram.HistogramLogProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's {@code latency.hlog} read by HdrHistogram's own {@link HistogramLogProcessor}, the tool
 * its users already have: it reads every interval, tagged and untagged, and its {@code .hgrm} output is
 * ours, line for line.
 */
class HdrHistogramCompatibilityTest {

    @TempDir
    Path dir;

    @Test
    void hdrHistogramsLogProcessorReadsTheLogAndAgreesWithOurHgrmFiles() throws IOException {
        ResultFixture.write(dir);
        ResultFiles.writeAll(dir);

        Path overall = process("overall");
        assertThat(table(overall.resolveSibling("overall.hgrm")))
                .isEqualTo(Files.readString(dir.resolve("latency.hgrm"), StandardCharsets.UTF_8));
        // Its interval log: one line per interval of the untagged (overall) latency, with the counts of each.
        Path csv = process("overall-csv", "-csv");
        List<String> intervals = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.startsWith("\""))
                .toList();
        assertThat(intervals).extracting(line -> line.split(",")[1]).containsExactly("200", "199", "200", "100");

        String tag = HlogTags.endpointTag(Metric.LATENCY, "GET /search?q=a b,c");
        assertThat(tag).isEqualTo("latency:GET%20/search?q=a%20b%2Cc");
        Path endpoint = process("endpoint", "-tag", tag);
        assertThat(table(endpoint.resolveSibling("endpoint.hgrm")))
                .isEqualTo(Files.readString(dir.resolve("GET_search_q_a_b_c.hgrm"), StandardCharsets.UTF_8));
    }

    @Test
    void itListsEveryTagTheEngineWrites() throws IOException {
        ResultFixture.write(dir);

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8)); // -listtags prints there
        try {
            process("tags", "-listtags");
        } finally {
            System.setOut(stdout);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8).lines())
                .contains(
                        "[NO TAG (default)]",
                        "service",
                        "send-lag",
                        "latency:GET%20/api/quote/{code}",
                        "service:POST%20/api/order",
                        "send-lag:GET%20/search?q=a%20b%2Cc");
    }

    /** Runs the processor on the log: interval output to {@code name}, the distribution to {@code name.hgrm}. */
    private Path process(String name, String... more) throws IOException {
        Path out = dir.resolve("processed").resolve(name);
        Files.createDirectories(out.getParent());
        List<String> args = new java.util.ArrayList<>(
                List.of("-i", dir.resolve("latency.hlog").toString(), "-o", out.toString()));
        args.addAll(List.of(more));
        new HistogramLogProcessor(args.toArray(String[]::new)).run();
        return out;
    }

    /** The processor's {@code .hgrm} without the two lines it puts first (the log's time range). */
    private static String table(Path hgrm) throws IOException {
        return Files.readAllLines(hgrm, StandardCharsets.UTF_8).stream()
                .filter(line ->
                        !line.startsWith("#[Overall percentile distribution") && !line.startsWith("#[StartTime:"))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
