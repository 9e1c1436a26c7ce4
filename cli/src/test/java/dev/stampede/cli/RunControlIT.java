package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run against the testbed changed live by {@code stampede ctl}: the control API refuses a caller
 * without the token (401), a rate change shows in the achieved rate within a second, and the change is
 * an event of run.json naming the caller, with the old and new rate.
 */
@Tag("slow")
@Timeout(120)
class RunControlIT {

    @TempDir
    Path dir;

    @Test
    void ctlChangesTheRateOfARunningRunWithinASecondAndOnlyWithTheToken() throws Exception {
        try (Testbed testbed = Testbed.start(TestbedSettings.defaults().withLbPort(0), NanoClock.system())) {
            Path result = dir.resolve("run");
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> cli(
                    0,
                    "run",
                    "--target",
                    testbed.url() + "/api/quote/600519",
                    "--rate",
                    "200",
                    "--duration",
                    "8s",
                    "--control-port",
                    "0",
                    "--no-warmup",
                    "-o",
                    result.toString()));
            Path controlJson = result.resolve(RunControl.CONTROL_JSON);
            awaitFile(controlJson);
            URI url = URI.create(
                    new ObjectMapper().readTree(controlJson.toFile()).get("url").asText());
            assertThat(url.getHost()).isEqualTo("127.0.0.1");

            // No token, a wrong token: 401, and nothing changes.
            HttpResponse<String> anonymous = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(url.resolve("/rate"))
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"value\": 5000}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            Path wrong = Files.writeString(dir.resolve("wrong.token"), "not-the-token\n", StandardCharsets.UTF_8);
            String refused = cli(1, "ctl", "--url", url.toString(), "--token-file", wrong.toString(), "rate", "5000");
            assertThat(refused).contains("HTTP 401");

            awaitElapsed(result, 3.0);
            String changed = cli(0, "ctl", "--run", result.toString(), "rate", "600");
            assertThat(changed).contains("\"mode\" : \"manual\"", "600");
            run.get(60, TimeUnit.SECONDS);

            JsonNode runJson =
                    new ObjectMapper().readTree(result.resolve("run.json").toFile());
            JsonNode change = null;
            for (JsonNode event : runJson.get("events")) {
                if (event.get("text").asText().matches("ctl 127\\.0\\.0\\.1: rate 200 -> 600 req/s")) {
                    change = event;
                }
            }
            assertThat(change).as(runJson.get("events").toString()).isNotNull();
            double changedAt = change.get("epochMillis").asLong() / 1000.0;

            List<double[]> before = new ArrayList<>();
            List<double[]> afterASecond = new ArrayList<>();
            for (double[] interval : overallIntervals(result.resolve("latency.hlog"))) {
                double start = interval[0];
                double end = interval[1];
                double rate = interval[2] / (end - start);
                if (end <= changedAt && start >= interval0(result) + 1) {
                    before.add(new double[] {start, rate});
                } else if (start >= changedAt + 1.0 && end <= lastFullSecond(result)) {
                    afterASecond.add(new double[] {start, rate});
                }
            }
            assertThat(before).as("intervals before the change").isNotEmpty();
            assertThat(afterASecond).as("intervals a second after the change").isNotEmpty();
            before.forEach(r -> assertThat(r[1]).as("before, at %.1f", r[0]).isBetween(180.0, 220.0));
            afterASecond.forEach(
                    r -> assertThat(r[1]).as("after, at %.1f", r[0]).isBetween(540.0, 660.0));
        }
    }

    @Test
    void anAbortGuardStopsTheRunWritesItsResultsAndFailsTheCommand() throws Exception {
        Path result = dir.resolve("aborted");
        Path scenario = Files.writeString(dir.resolve("abort.yaml"), """
                target: http://127.0.0.1:1
                duration: 60s
                interval: 500ms
                connectTimeout: 200ms
                source:
                  url: {path: /nothing-listens-here, rate: 200}
                guards:
                  - {name: errors, metric: errorRatio, above: 5%, window: 1s, minRequests: 20, action: abort}
                """, StandardCharsets.UTF_8);
        String output =
                cli(1, "run", scenario.toString(), "--no-warmup", "--control-port", "0", "-o", result.toString());
        assertThat(output).contains("aborted by guard errors", "guard errors (", "FAILED");
        JsonNode run = new ObjectMapper().readTree(result.resolve("run.json").toFile());
        assertThat(run.get("durationMillis").asLong()).isLessThan(20_000);
        assertThat(run.get("events").toString()).contains("guard errors: ");
        JsonNode totals = run.get("totals");
        long outcomes = 0;
        for (JsonNode count : totals.get("byOutcome")) {
            outcomes += count.asLong();
        }
        assertThat(outcomes).isEqualTo(totals.get("scheduled").asLong()).isPositive();
        assertThat(result.resolve("latency.hlog")).isNotEmptyFile();
    }

    /** Each overall latency interval of the log: {start, end (epoch seconds), count}. */
    private static List<double[]> overallIntervals(Path hlog) throws Exception {
        List<double[]> intervals = new ArrayList<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            if (h.getTag() == null) { // the overall latency: the log's untagged intervals
                org.HdrHistogram.Histogram histogram = (org.HdrHistogram.Histogram) h;
                intervals.add(new double[] {
                    h.getStartTimeStamp() / 1000.0, h.getEndTimeStamp() / 1000.0, histogram.getTotalCount()
                });
            }
        }
        return intervals;
    }

    private static double interval0(Path result) throws Exception {
        return new ObjectMapper()
                        .readTree(result.resolve("run.json").toFile())
                        .get("startEpochMillis")
                        .asLong()
                / 1000.0;
    }

    private static double lastFullSecond(Path result) throws Exception {
        JsonNode run = new ObjectMapper().readTree(result.resolve("run.json").toFile());
        return run.get("startEpochMillis").asLong() / 1000.0 + 7.0; // the 8 s run's last whole second ends here
    }

    private static void awaitFile(Path file) {
        long deadline = NanoClock.system().nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isRegularFile(file) && NanoClock.system().nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        assertThat(file).isRegularFile();
    }

    /** Waits until the run's status says at least {@code seconds} have passed. */
    private static void awaitElapsed(Path result, double seconds) throws Exception {
        long deadline = NanoClock.system().nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (NanoClock.system().nanoTime() < deadline) {
            String status = cli(0, "ctl", "--run", result.toString(), "status");
            JsonNode run = new ObjectMapper().readTree(status).get("run");
            if (run.has("elapsedSeconds") && run.get("elapsedSeconds").asDouble() >= seconds) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new AssertionError("the run did not reach " + seconds + " s");
    }

    private static String cli(int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + out + err).isEqualTo(expectedExit);
        return out.toString() + err;
    }
}
