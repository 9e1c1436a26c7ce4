package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.common.time.NanoClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what {@code kill} and a CI runner's cancel send; Ctrl-C's SIGINT takes the same path) stops a
 * running {@code stampede run} at once, and every result file is still written, with counts that add
 * up and the stop on record.
 */
@Tag("slow")
@Timeout(120)
class SignalStopIT {

    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void sigtermStopsSendingAndStillWritesEveryResultFile() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            Path result = dir.resolve("run");
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
                awaitSeconds(process, result, dir.resolve("err.txt"), 2);
                process.destroy(); // SIGTERM
                assertThat(process.waitFor(30, TimeUnit.SECONDS))
                        .as("exited after SIGTERM")
                        .isTrue();
            } finally {
                process.destroyForcibly();
            }
            String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
            JsonNode run =
                    new ObjectMapper().readTree(result.resolve("run.json").toFile());
            assertThat(run.get("durationMillis").asLong()).as(out).isLessThan(30_000);
            JsonNode totals = run.get("totals");
            long scheduled = totals.get("scheduled").asLong();
            assertThat(scheduled).isGreaterThan(300);
            long outcomes = 0;
            for (JsonNode count : totals.get("byOutcome")) {
                outcomes += count.asLong();
            }
            assertThat(outcomes).isEqualTo(scheduled);
            assertThat(run.get("events").toString()).contains("stopped by a signal (Ctrl-C or SIGTERM)");
            assertThat(result.resolve("latency.hlog")).isNotEmptyFile();
            assertThat(out).contains("results: " + result);
        }
    }

    /** Waits until the run has printed {@code seconds} interval lines. */
    private static void awaitSeconds(Process process, Path result, Path err, int seconds) throws Exception {
        long deadline = NanoClock.system().nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String marker = String.format(java.util.Locale.ROOT, "[%4ds/", seconds);
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
