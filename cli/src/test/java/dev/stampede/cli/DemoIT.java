package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stampede demo}, shortened: it records, parses, models and replays, every request of the replay
 * ends with an outcome, its marked orders land in the shadow store only, and it says where the files are.
 */
@Tag("slow")
@Timeout(240)
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void theDemoRunsThePipelineEndToEndAndSaysWhereTheFilesAre() throws Exception {
        Path demo = dir.resolve("demo");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute("demo", "-o", demo.toString(), "--users", "120", "--record", "10s");
        assertThat(exit).as(out + "\n" + err).isZero();
        String text = out.toString();
        assertThat(text)
                .contains(
                        "== 1/4 record",
                        "$ stampede testbed --port 0 --simulate-users 120 --duration 10s",
                        "== 2/4 parse",
                        "== 3/4 build the behaviour model",
                        "== 4/4 replay the model's peak window at 2x",
                        "recorded  " + demo.resolve("peak.log"),
                        "replayed  " + demo.resolve("result"))
                .containsPattern(
                        "marks +[1-9][0-9,]* orders in the trading core's shadow store, 0 writes in its live store");
        assertThat(demo.resolve("model").resolve("model.json")).isRegularFile();
        JsonNode run = new ObjectMapper()
                .readTree(demo.resolve("result").resolve("run.json").toFile());
        JsonNode totals = run.get("totals");
        long outcomes = 0;
        for (JsonNode count : totals.get("byOutcome")) {
            outcomes += count.asLong();
        }
        assertThat(outcomes).isEqualTo(totals.get("scheduled").asLong()).isPositive();
        assertThat(totals.get("byOutcome").get("ok").asLong()).isGreaterThan(outcomes * 9 / 10);
    }
}
