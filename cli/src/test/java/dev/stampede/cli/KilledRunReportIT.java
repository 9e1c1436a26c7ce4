package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.common.time.NanoClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a running {@code stampede run} leaves no {@code run.json}; {@code stampede report}
 * still writes every report file from what the directory holds, up to the last complete interval, and
 * says the run did not end. The counts are checked against the files read independently: the complete
 * lines of {@code intervals.jsonl}, and HdrHistogram's own log reader for the latencies.
 */
@Tag("slow")
@Timeout(120)
class KilledRunReportIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void reportAfterSigkillCoversTheCompleteIntervals() throws Exception {
        Path result = dir.resolve("run");
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            Process process = new ProcessBuilder(List.of(
                            ProcessRun.javaExecutable(),
                            "@" + TARGET.resolve("stampede.jvm-args"),
                            "-jar",
                            TARGET.resolve("stampede.jar").toString(),
                            "run",
                            "--target",
                            "http://127.0.0.1:" + server.port() + "/hello",
                            "--rate",
                            "300",
                            "--duration",
                            "60s",
                            "--control-port",
                            "0",
                            "--no-warmup",
                            "-o",
                            result.toString()))
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile())
                    .start();
            try {
                awaitSeconds(process, dir.resolve("err.txt"), 3);
            } finally {
                process.destroyForcibly(); // SIGKILL: no shutdown hook, no run.json
                assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(result.resolve("run.json")).doesNotExist();

        ProcessRun report = ProcessRun.of(
                dir,
                Map.of(),
                List.of(
                        ProcessRun.javaExecutable(),
                        "@" + TARGET.resolve("stampede.jvm-args"),
                        "-jar",
                        TARGET.resolve("stampede.jar").toString(),
                        "report",
                        result.toString()));

        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(report.stdout())
                .contains("note: no run.json: the run did not end (killed?)")
                .contains(result + ": run did not end, ")
                .contains("FAILED  every scheduled request ended: the run did not end")
                .contains("reports: summary.json, junit.xml, latency.hgrm, GET_hello.hgrm");
        List<JsonNode> intervals = completeIntervals(result.resolve("intervals.jsonl"));
        assertThat(intervals.size()).isGreaterThanOrEqualTo(3);
        double lastEnd = intervals.get(intervals.size() - 1).get("endSeconds").asDouble();

        JsonNode summary =
                new ObjectMapper().readTree(result.resolve("summary.json").toFile());
        assertThat(summary.get("complete").asBoolean()).isFalse();
        assertThat(summary.get("measurement").get("endSeconds").asDouble()).isEqualTo(lastEnd, within());
        JsonNode requests = summary.get("overall").get("requests");
        long scheduled = 0;
        for (JsonNode interval : intervals) {
            for (JsonNode count : interval.get("overall")) {
                scheduled += count.asLong();
            }
        }
        assertThat(requests.get("scheduled").asLong()).isEqualTo(scheduled).isGreaterThanOrEqualTo(3 * 250);
        assertThat(summary.get("overall").get("latencyNanos").get("count").asLong())
                .as("HdrHistogram's reader over the same intervals")
                .isEqualTo(latenciesBefore(result.resolve("latency.hlog"), lastEnd));
        assertThat(Files.readString(result.resolve("junit.xml"), StandardCharsets.UTF_8))
                .contains("<property name=\"complete\" value=\"false\"/>")
                .contains("<failure type=\"run check failed\" message=\"the run did not end (no run.json)");
        assertThat(result.resolve("latency.hgrm")).isNotEmptyFile();
        assertThat(result.resolve("GET_hello.hgrm")).isNotEmptyFile();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.0005);
    }

    /** The lines of {@code intervals.jsonl} that end with a line feed. */
    private static List<JsonNode> completeIntervals(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String complete = text.substring(0, text.lastIndexOf('\n') + 1);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> intervals = new java.util.ArrayList<>();
        for (String line : complete.split("\n")) {
            if (!line.isBlank()) {
                intervals.add(json.readTree(line));
            }
        }
        return intervals;
    }

    /** The overall latencies of the log's intervals that start before {@code endSeconds}, by HdrHistogram. */
    private static long latenciesBefore(Path hlog, double endSeconds) throws Exception {
        long count = 0;
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            // Its range is relative to the log's start time; it stops at the first interval after it.
            EncodableHistogram histogram;
            while ((histogram = reader.nextIntervalHistogram(0.0, endSeconds - 0.0005)) != null) {
                if (histogram.getTag() == null) {
                    count += ((org.HdrHistogram.Histogram) histogram).getTotalCount();
                }
            }
        }
        return count;
    }

    /** Waits until the run has printed {@code seconds} interval lines. */
    private static void awaitSeconds(Process process, Path err, int seconds) throws Exception {
        long deadline = NanoClock.system().nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String marker = String.format(java.util.Locale.ROOT, "[%4ds", seconds); // "[   3s]" or "[   3s/1m]"
        while (NanoClock.system().nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(err, StandardCharsets.UTF_8).contains(marker)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        throw new AssertionError(
                "the run did not reach " + seconds + " s: " + Files.readString(err, StandardCharsets.UTF_8));
    }
}
