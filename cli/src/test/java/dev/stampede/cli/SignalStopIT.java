package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    @TempDir
    Path dir;

    @Test
    void sigtermStopsSendingAndStillWritesEveryResultFile() throws Exception {
        try (LoopbackHttpServer server = new LoopbackHttpServer()) {
            Path result = dir.resolve("run");
            try (BackgroundRun run = BackgroundRun.start(dir, server.port(), result)) {
                run.awaitSeconds(2);
                run.process().destroy(); // SIGTERM
                assertThat(run.process().waitFor(30, TimeUnit.SECONDS))
                        .as("exited after SIGTERM")
                        .isTrue();
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
}
