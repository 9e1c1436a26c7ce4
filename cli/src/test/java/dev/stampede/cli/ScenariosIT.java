package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.Testbed;
import dev.stampede.testbed.TestbedSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The users' scenarios in {@code scenarios/}, each run against the testbed on a recording of its
 * simulated users: as written (the daily replay), or time-compressed (minutes become seconds) where
 * the scenario plays for minutes. The files themselves are read unchanged but for those durations.
 */
@Tag("slow")
@Timeout(300)
class ScenariosIT {

    private static final Path SCENARIOS =
            Path.of("..", "scenarios").toAbsolutePath().normalize();

    @TempDir
    static Path dir;

    @BeforeAll
    static void recordParseAndModel() {
        cli(
                0,
                "testbed",
                "--port",
                "0",
                "--simulate-users",
                "150",
                "--duration",
                "12s",
                "--log",
                dir.resolve("peak.log").toString(),
                "--accounts-out",
                dir.resolve("accounts.csv").toString());
        cli(
                0,
                "parse",
                "--format",
                "stampede",
                dir.resolve("peak.log").toString(),
                "-o",
                dir.resolve("store").toString());
        cli(
                0,
                "model",
                dir.resolve("store").toString(),
                "-o",
                dir.resolve("model").toString(),
                "--session-key",
                "cookie:SESSION,field:upstream_cookie_SESSION");
    }

    /** The scenario file {@code name}, copied beside the store and model with {@code from -> to} replaced. */
    private static Path scenario(String name, String... replacements) throws Exception {
        String text = Files.readString(SCENARIOS.resolve(name), StandardCharsets.UTF_8);
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(text).as(name).contains(replacements[i]);
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    private static List<JsonNode> intervals(Path result) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(result.resolve("intervals.jsonl"), StandardCharsets.UTF_8)) {
            lines.add(new ObjectMapper().readTree(line));
        }
        return lines;
    }

    @Test
    void dailyPrereleaseReplaysThePeakWithItsGatesAndComparesWithTheBaseline() throws Exception {
        // The testbed shares this process's two cores: the generator's own gate is relaxed for the test.
        Path file = scenario("daily-prerelease.yaml", "above: 20ms", "above: 500ms");
        try (Testbed testbed = Testbed.start(TestbedSettings.defaults().withLbPort(0), NanoClock.system())) {
            Path baseline = dir.resolve("daily-baseline");
            Path today = dir.resolve("daily-today");
            run(file, testbed, baseline);
            run(file, testbed, today);
            String junit = Files.readString(today.resolve("junit.xml"), StandardCharsets.UTF_8);
            assertThat(junit).contains("p99", "errors", "generator");
            assertThat(json(today.resolve("run.json")).get("slo")).hasSize(3);
            String compared = cli(0, "compare", baseline.toString(), today.toString());
            assertThat(compared).doesNotContain("regression:");
            assertThat(today.resolve("compare.json")).isRegularFile();
            assertThat(Files.readString(today.resolve("report.html"), StandardCharsets.UTF_8))
                    .as("the comparison is the candidate report's last section")
                    .contains("<!-- stampede-compare:begin -->");
        }
    }

    @Test
    void monthlyDrillRampsInStepsToOneAndAHalfUnderItsSafetyRules() throws Exception {
        Path file = scenario(
                "monthly-drill.yaml",
                "duration: 14m",
                "duration: 14s",
                "every: 2m",
                "every: 2s",
                "for: 2m",
                "for: 2s",
                "window: 30s",
                "window: 2s");
        try (Testbed testbed = Testbed.start(TestbedSettings.defaults().withLbPort(0), NanoClock.system())) {
            Path result = dir.resolve("drill");
            String output = run(file, testbed, result);
            assertThat(output).contains("ceiling maxRate 1.5 x");
            List<Double> targets = intervals(result).stream()
                    .filter(i -> i.get("endSeconds").asDouble() < 14) // the profile's 14 s: 0 after it
                    .map(i -> i.get("targetRate").asDouble())
                    .toList();
            assertThat(targets.get(0)).isEqualTo(1.0);
            assertThat(targets).contains(1.5).allMatch(t -> t >= 1.0 && t <= 1.5);
            assertThat(testbed.core().live().writes()).isZero();
        }
        // Outside its allowlist, the drill does not start.
        String refused = cli(
                2,
                "run",
                file.toString(),
                "--target",
                "http://10.0.0.1:8080",
                "-o",
                dir.resolve("refused").toString());
        assertThat(refused).contains("target: http://10.0.0.1:8080 is not in the allowlist");
    }

    @Test
    void ipoSpikeMultipliesSubscriptionsTenfoldForItsWindow() throws Exception {
        Path file = scenario("ipo-spike.yaml", "duration: 6m", "duration: 12s", "for: 2m", "for: 4s");
        try (Testbed testbed = Testbed.start(TestbedSettings.defaults().withLbPort(0), NanoClock.system())) {
            Path result = dir.resolve("ipo");
            String output = run(file, testbed, result);
            assertThat(output).contains("endpoint factor on /^POST /api/ipo/subscribe/");
            long before = 0;
            long during = 0;
            for (JsonNode interval : intervals(result)) {
                JsonNode subscribe = interval.get("endpoints").get("POST /api/ipo/subscribe");
                long count = 0;
                for (JsonNode c : subscribe) {
                    count += c.asLong();
                }
                double start = interval.get("startSeconds").asDouble();
                if (start >= 1 && start < 4) {
                    before += count;
                } else if (start >= 4.5 && start < 7.5) {
                    during += count;
                }
            }
            assertThat(during).as("subscriptions in the spike vs before").isGreaterThan(4 * Math.max(before, 1));
            assertThat(json(result.resolve("run.json")).get("events").toString())
                    .contains("copies added");
        }
    }

    @Test
    void capacitySearchFindsTheChainsLimitAndWritesTheKneeReport() throws Exception {
        Path file = scenario(
                "capacity-search.yaml",
                "duration: 30m",
                "duration: 200s",
                "stepFor: 30s",
                "stepFor: 14s",
                "settle: 15s",
                "settle: 10s",
                "confirmFor: 1m",
                "confirmFor: 14s",
                "step: 100",
                "step: 500",
                "window: 10s",
                "window: 2s",
                "resolution: 5%",
                "resolution: 15%");
        try (Testbed testbed = Testbed.start(
                TestbedSettings.defaults().withLbPort(0).withCore(150, 8, 0, "lognormal:0.5"), NanoClock.system())) {
            Path result = dir.resolve("capacity");
            String output = run(file, testbed, result);
            JsonNode capacity = json(result.resolve("capacity.json"));
            assertThat(capacity.get("outcome").asText()).as(output).isIn("kneeFound", "notConfirmed");
            assertThat(capacity.get("steps").size()).isGreaterThanOrEqualTo(3);
            assertThat(Files.readString(result.resolve("report.html"), StandardCharsets.UTF_8))
                    .contains("apacity");
        }
    }

    /** Runs scenario {@code file} against {@code testbed}, results in {@code result}; it must succeed. */
    private static String run(Path file, Testbed testbed, Path result) {
        return cli(
                0, "run", file.toString(), "--target", testbed.url(), "--control-port", "0", "-o", result.toString());
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
