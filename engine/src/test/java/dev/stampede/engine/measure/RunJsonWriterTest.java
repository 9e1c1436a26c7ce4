package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.control.guard.SloResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJsonWriterTest {

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long SEC = 1_000_000_000L;

    @TempDir
    Path dir;

    /** A short run on a fixed clock: 2026-01-01T00:00:00Z, two endpoints, one stop event. */
    private static RunInfo fixedRun(long sendLagNanos) {
        ManualNanoClock clock = new ManualNanoClock();
        RunMetrics metrics = new RunMetrics(List.of("GET /api/quote/{code}", "POST /api/order"));
        IntervalRecorder intervals = new IntervalRecorder(metrics, clock, new ByteArrayOutputStream(), null);
        RunEvents events = new RunEvents(clock);
        long start = clock.epochMillis();
        events.add("run started at 100 req/s");
        for (int i = 0; i < 100; i++) {
            long intended = i * 10 * MS;
            Outcome outcome = i % 10 == 9 ? Outcome.HTTP_5XX : Outcome.OK;
            metrics.record(i % 2, intended, intended + sendLagNanos, intended + 2 * MS, outcome);
        }
        metrics.record(1, SEC, SEC + 5 * US, SEC + 30 * SEC, Outcome.TIMEOUT);
        metrics.record(1, SEC, 0, 0, Outcome.UNSENT_STOPPED);
        clock.advance(1_500 * MS);
        events.add("stop requested: \"Ctrl-C\"");
        intervals.close();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("stampede", "0.1.0-SNAPSHOT");
        versions.put("java", "17.0.15");
        return RunInfo.of(
                "20261121-120000-abcdef",
                "ipo-morning",
                "https://trade.test.example",
                versions,
                start,
                clock.epochMillis(),
                events.list(),
                intervals.latest(),
                GeneratorHealth.DEFAULT_THRESHOLD_NANOS,
                RunMode.FIXED_RATE,
                USE);
    }

    /** What the generator used in the fixed run: 101 requests attempted in 1.5 s of sending. */
    private static final GeneratorUse USE = new GeneratorUse(
            new RingUse(4096, 12, 3, 0, 0, 102), new GcUse(2, 15, 9, true), 1_234_000_000L, 2_500_000_000L, 1_500 * MS);

    /**
     * After a deliberate format change, regenerate with {@code
     * -Dstampede.regenerateGolden=engine/src/test/resources/dev/stampede/engine/measure/run-golden.json}
     * (an absolute path) and review the diff.
     */
    @Test
    void runJsonMatchesTheGoldenFile() throws IOException {
        String json = RunJsonWriter.toJson(fixedRun(2 * MS)
                .withSlo(List.of(
                        new SloResult("p99", "p99 latency above 500ms over 10s", true, false, 6.12e8, "612ms", 2),
                        new SloResult("errors", "error ratio above 1% over 5s", false, true, Double.NaN, "-", 0))));
        String regenerate = System.getProperty("stampede.regenerateGolden");
        if (regenerate != null) {
            Files.writeString(Path.of(regenerate), json, StandardCharsets.UTF_8);
        }
        assertThat(json).isEqualTo(golden("run-golden.json"));
    }

    @Test
    void theSameRunGivesTheSameBytes() {
        assertThat(RunJsonWriter.toJson(fixedRun(2 * MS))).isEqualTo(RunJsonWriter.toJson(fixedRun(2 * MS)));
    }

    @Test
    void aGeneratorThatKeptUpIsNotFlagged() throws IOException {
        JsonNode json = new ObjectMapper().readTree(RunJsonWriter.toJson(fixedRun(20 * US)));
        assertThat(json.get("generatorFellBehind").asBoolean()).isFalse();
        assertThat(json.get("generatorFellBehindReason").isNull()).isTrue();
        assertThat(json.get("sendLag").get("p99Nanos").asLong()).isBetween(20 * US, 20_020L);
    }

    @Test
    void countsInTheFileAddUpToTheSchedule() throws IOException {
        Path file = RunJsonWriter.write(fixedRun(2 * MS), dir);
        assertThat(file).isEqualTo(dir.resolve("run.json"));
        assertThat(dir.resolve("run.json.tmp")).doesNotExist();
        JsonNode json = new ObjectMapper().readTree(file.toFile());

        JsonNode totals = json.get("totals");
        long byOutcome = 0;
        for (Outcome outcome : Outcome.ALL) {
            byOutcome += totals.get("byOutcome").get(outcome.code()).asLong();
        }
        assertThat(byOutcome).isEqualTo(totals.get("scheduled").asLong()).isEqualTo(102);
        long perEndpoint = 0;
        for (JsonNode endpoint : json.get("endpoints")) {
            perEndpoint += endpoint.get("totals").get("scheduled").asLong();
        }
        assertThat(perEndpoint).isEqualTo(102);
        assertThat(totals.get("unsent").asLong()).isEqualTo(1);
        assertThat(json.get("generatorFellBehind").asBoolean()).isTrue();
        assertThat(json.get("generatorFellBehindReason").asText()).contains("2.001 ms", "1.000 ms threshold");
        assertThat(json.get("formatVersion").asInt()).isEqualTo(RunJsonWriter.FORMAT_VERSION);
    }

    @Test
    void theGeneratorObjectSaysWhatTheGeneratorUsed() throws IOException {
        JsonNode json = new ObjectMapper().readTree(RunJsonWriter.toJson(fixedRun(20 * US)));

        assertThat(json.get("mode").asText()).isEqualTo("fixed-rate");
        assertThat(json.get("sendingMillis").asLong()).isEqualTo(1_500);
        assertThat(json.get("achievedRatePerSec").asDouble()).isEqualTo(101 / 1.5, within(0.1));
        JsonNode generator = json.get("generator");
        assertThat(generator.get("ring").get("maxOccupied").asLong()).isEqualTo(12);
        assertThat(generator.get("ring").get("p99Occupied").asLong()).isEqualTo(3);
        assertThat(generator.get("gc").get("totalPauseMillis").asLong()).isEqualTo(15);
        assertThat(generator.get("gc").get("maxPauseMillis").asLong()).isEqualTo(9);
        assertThat(generator.get("gc").get("shareOfSending").asDouble()).isEqualTo(0.01);
        assertThat(generator.get("cpu").get("runSeconds").asDouble()).isEqualTo(1.234);
        assertThat(generator.get("cpu").get("processSeconds").asDouble()).isEqualTo(2.5);
        // 1.234 CPU-s for 101 requests: 1221.8 CPU-s per 100k.
        assertThat(generator.get("cpu").get("runSecondsPer100kRequests").asDouble())
                .isEqualTo(1.234 * 100_000 / 101, within(0.001));
        assertThat(json.get("generatorFellBehind").asBoolean()).isFalse();
    }

    @Test
    void unknownFiguresAreNull() throws IOException {
        ManualNanoClock clock = new ManualNanoClock();
        RunMetrics metrics = new RunMetrics(List.of("GET /"));
        IntervalRecorder intervals = new IntervalRecorder(metrics, clock, new ByteArrayOutputStream(), null);
        intervals.close();
        RunInfo info = RunInfo.of("r", "s", "http://t", Map.of(), 0, 0, List.of(), intervals.latest(), MS);

        JsonNode generator =
                new ObjectMapper().readTree(RunJsonWriter.toJson(info)).get("generator");

        assertThat(generator.get("cpu").get("runSeconds").isNull()).isTrue();
        assertThat(generator.get("cpu").get("runSecondsPer100kRequests").isNull())
                .isTrue();
        assertThat(generator.get("gc").get("pauses").isNull()).isTrue();
    }

    @Test
    void lateArrivalsAndLongGcPausesAreReasonsToo() {
        GeneratorUse fullRing =
                new GeneratorUse(new RingUse(1024, 1024, 1024, 7, 0, 100), GcUse.NOT_MEASURED, -1, -1, SEC);
        assertThat(GeneratorHealth.assess(20 * US, 20 * US, MS, fullRing, 100).fellBehind())
                .as("a full ring only capped the look-ahead")
                .isFalse();
        GeneratorUse late = new GeneratorUse(new RingUse(1024, 3, 2, 0, 5, 100), GcUse.NOT_MEASURED, -1, -1, SEC);
        GeneratorHealth ring = GeneratorHealth.assess(20 * US, 20 * US, MS, late, 100);
        assertThat(ring.fellBehind()).isTrue();
        assertThat(ring.reason())
                .isEqualTo("5 requests reached the ring after their intended time (by more than the threshold):"
                        + " the source could not read and prepare requests as fast as they came due, so they"
                        + " went out late");

        GeneratorUse gc = new GeneratorUse(RingUse.NOT_MEASURED, new GcUse(3, 1_001, 900, true), -1, -1, 10 * SEC);
        GeneratorHealth paused = GeneratorHealth.assess(2 * MS, 20 * US, MS, gc, 100);
        assertThat(paused.fellBehind()).isTrue();
        assertThat(paused.reason())
                .startsWith("send-lag p99 was 2.000 ms")
                .contains("; garbage-collection pauses took 1001 ms, 10% of the 10.0 s of sending (above 10%;"
                        + " longest 900 ms)");

        GeneratorUse gcAtTheLimit =
                new GeneratorUse(RingUse.NOT_MEASURED, new GcUse(3, 1_000, 900, true), -1, -1, 10 * SEC);
        assertThat(GeneratorHealth.assess(20 * US, 20 * US, MS, gcAtTheLimit, 100)
                        .fellBehind())
                .isFalse();
    }

    @Test
    void healthVerdictAtTheThreshold() {
        assertThat(GeneratorHealth.assess(MS, MS, MS).fellBehind()).isFalse();
        GeneratorHealth behind = GeneratorHealth.assess(MS + 1, 3 * MS, MS);
        assertThat(behind.fellBehind()).isTrue();
        assertThat(behind.reason()).startsWith("send-lag p99 was 1.000 ms, above the 1.000 ms threshold");
        assertThat(GeneratorHealth.assess(500 * US, 10 * MS, 250 * US).reason()).contains("0.500 ms", "0.250 ms");
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = RunJsonWriterTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
