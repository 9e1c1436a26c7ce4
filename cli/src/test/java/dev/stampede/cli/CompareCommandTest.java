package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.engine.measure.GcUse;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.RingUse;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.engine.measure.RunMetrics;
import dev.stampede.engine.measure.RunMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CompareCommandTest {

    private static final long SECOND = 1_000_000_000L;

    private final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    /**
     * A result directory written through the engine's writers on a manual clock: two endpoints, 1,000
     * requests each per second; 98% take 3-7 ms, 2% take 30-50 ms times {@code tailFactor}.
     */
    private Path result(String name, long seed, int intervals, double tailFactor) throws IOException {
        Path result = Files.createDirectories(dir.resolve(name));
        List<String> endpoints = List.of("GET /api/quote/{code}", "POST /api/order");
        ManualNanoClock clock = new ManualNanoClock();
        RunMetrics metrics = new RunMetrics(endpoints);
        IntervalRecorder recorder = IntervalRecorder.create(metrics, clock, result, "test");
        SplittableRandom random = new SplittableRandom(seed);
        try (IntervalLog log = IntervalLog.create(result)) {
            for (int interval = 0; interval < intervals; interval++) {
                for (int k = 0; k < 1_000; k++) {
                    long intended = interval * SECOND + k * 1_000_000L;
                    for (int e = 0; e < endpoints.size(); e++) {
                        long took = random.nextDouble() < 0.98
                                ? 3_000_000L + random.nextLong(4_000_000L)
                                : Math.round((30_000_000L + random.nextLong(20_000_000L)) * tailFactor);
                        metrics.record(e, intended, intended + 10_000, intended + took, Outcome.OK);
                    }
                }
                clock.advanceTo((interval + 1) * SECOND);
                log.append(recorder.tick(), 2_000, 0);
            }
        }
        recorder.close();
        GeneratorUse use = new GeneratorUse(RingUse.NOT_MEASURED, GcUse.NOT_MEASURED, -1, -1, intervals * SECOND);
        RunJsonWriter.write(
                RunInfo.of(
                        name,
                        "test",
                        "http://127.0.0.1:1/",
                        Map.of(),
                        0,
                        intervals * 1_000L,
                        List.of(),
                        recorder.latest(),
                        1_000_000L,
                        RunMode.FIXED_RATE,
                        use),
                result);
        return result;
    }

    @Test
    void sameRunsExitZeroAndWriteJsonAndHtmlToTheCandidate() throws IOException {
        Path baseline = result("baseline", 1, 30, 1.0);
        Path candidate = result("candidate", 2, 30, 1.0);

        assertThat(cli.run("compare", baseline.toString(), candidate.toString()))
                .as(cli.err.toString())
                .isEqualTo(0);

        assertThat(cli.out.toString())
                .contains("baseline   " + baseline + "  run baseline, 30 intervals")
                .containsPattern("GET /api/quote/\\{code\\} +no change")
                .contains("verdict: no change")
                .contains("wrote " + candidate.resolve("compare.json") + " and " + candidate.resolve("compare.html"));
        assertThat(Files.readString(candidate.resolve("compare.json"), StandardCharsets.UTF_8))
                .contains("\"verdict\": \"no-change\"");
        assertThat(Files.readString(candidate.resolve("compare.html"), StandardCharsets.UTF_8))
                .contains("<section class=\"stampede-compare\">");
        assertThat(cli.err.toString()).isEmpty();
    }

    @Test
    void aRegressionExitsOne() throws IOException {
        Path baseline = result("baseline", 1, 30, 1.0);
        Path candidate = result("candidate", 2, 30, 2.0);
        Path json = dir.resolve("reports/ci.json");
        Files.createDirectories(json.getParent());

        int code = cli.run("compare", baseline.toString(), candidate.toString(), "--out", json.toString());

        assertThat(code).as(cli.err.toString()).isEqualTo(ExitCode.REGRESSION).isEqualTo(1);
        assertThat(cli.out.toString()).contains("verdict: REGRESSION: p99 of (all endpoints)");
        assertThat(json).exists();
        assertThat(dir.resolve("reports/ci.html")).exists();
        assertThat(candidate.resolve("compare.json")).doesNotExist();
    }

    @Test
    void aLooserThresholdLetsTheSameChangePass() throws IOException {
        Path baseline = result("baseline", 1, 30, 1.0);
        Path candidate = result("candidate", 2, 30, 2.0);

        assertThat(cli.run("compare", baseline.toString(), candidate.toString(), "--threshold", "150%"))
                .as(cli.err.toString())
                .isEqualTo(0);
        assertThat(cli.out.toString()).contains("verdict: no change");
    }

    @Test
    void inconclusiveFailsOnlyWhenAsked() throws IOException {
        Path baseline = result("baseline", 1, 4, 1.0);
        Path candidate = result("candidate", 2, 4, 2.0);

        assertThat(cli.run("compare", baseline.toString(), candidate.toString()))
                .isEqualTo(0);
        assertThat(cli.out.toString()).contains("verdict: inconclusive");
        assertThat(cli.run("compare", baseline.toString(), candidate.toString(), "--fail-on-inconclusive"))
                .isEqualTo(1);
    }

    @Test
    void missingOrNonResultDirectoriesAreUsageErrorsNamingThePath() throws IOException {
        Path candidate = result("candidate", 2, 2, 1.0);
        Path missing = dir.resolve("nope");

        assertThat(cli.run("compare", missing.toString(), candidate.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString())
                .contains("stampede: BASELINE_DIR: " + missing + ": no such directory")
                .contains("Try 'stampede compare --help'");

        Path notAResult = Files.createDirectories(dir.resolve("logs"));
        assertThat(cli.run("compare", candidate.toString(), notAResult.toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(cli.err.toString())
                .contains("CANDIDATE_DIR: " + notAResult + " is not a result directory: it has no latency.hlog");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void badRulesAreUsageErrors() throws IOException {
        Path run = result("run", 1, 2, 1.0);

        assertThat(cli.run("compare", run.toString(), run.toString(), "--threshold", "p95=10%"))
                .isEqualTo(2);
        assertThat(cli.err.toString()).contains("unknown metric 'p95'");
        assertThat(cli.run("compare", run.toString(), run.toString(), "--alpha", "2"))
                .isEqualTo(2);
        assertThat(cli.err.toString()).contains("alpha must be above 0 and below 1");
        assertThat(cli.run("compare", run.toString())).isEqualTo(2);
        assertThat(cli.err.toString()).contains("Missing required parameter: 'CANDIDATE_DIR'");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        assertThat(cli.run("compare", "--help")).isEqualTo(0);
        assertThat(cli.out.toString())
                .contains("Usage: stampede compare")
                .contains("  1  a regression")
                .contains("  2  no comparison");
        cli.out.getBuffer().setLength(0);
        cli.run("--help");
        assertThat(cli.out.toString()).containsPattern("(?m)^  compare\\s");
    }
}
