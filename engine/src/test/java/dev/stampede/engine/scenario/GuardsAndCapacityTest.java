package dev.stampede.engine.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.control.IntervalStats;
import dev.stampede.control.capacity.CapacitySettings;
import dev.stampede.control.capacity.Resolution;
import dev.stampede.control.guard.GuardAction;
import dev.stampede.control.guard.GuardMetric;
import dev.stampede.control.guard.GuardRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code guards} and {@code capacity} sections: typed values, the controller's rules, and every problem. */
class GuardsAndCapacityTest {

    private static final String URL_SOURCE = """
            target: http://127.0.0.1:8080
            duration: 1h
            source:
              url: {path: /api/quote, rate: 100}
            """;

    @TempDir
    Path tmp;

    private ScenarioFiles files;

    @BeforeEach
    void files() {
        files = new ScenarioFiles(tmp);
    }

    private Scenario load(String yaml) throws ScenarioException {
        return files.load(yaml);
    }

    private List<String> problems(String yaml) {
        return files.problems("drill.yaml", yaml);
    }

    @Test
    void guardsBecomeTheControllersRules() throws ScenarioException {
        Scenario s = load(URL_SOURCE + """
                guards:
                  - {name: p99, metric: latency, percentile: 99.9, endpoint: "POST /api/order", above: 1m30s,
                     window: 30s, action: hold, minRequests: 1000}
                  - {name: errors, metric: errorRatio, count4xx: true, above: 2.5%, action: backOff}
                  - {name: unsent, metric: unsentRatio, above: 0.001}
                  - {name: lag, metric: sendLag, above: 250us}
                """);
        assertThat(s.guards())
                .extracting(GuardSpec::toRule)
                .containsExactly(
                        new GuardRule(
                                "p99",
                                new GuardMetric.Latency(99.9, "POST /api/order"),
                                90e9,
                                Duration.ofSeconds(30),
                                GuardAction.HOLD,
                                1000),
                        new GuardRule(
                                "errors",
                                new GuardMetric.ErrorRatio(IntervalStats.OVERALL, true),
                                0.025,
                                GuardRule.DEFAULT_WINDOW,
                                GuardAction.BACK_OFF,
                                GuardRule.DEFAULT_MIN_REQUESTS),
                        GuardRule.of(
                                "unsent",
                                new GuardMetric.UnsentRatio(IntervalStats.OVERALL),
                                0.001,
                                GuardRule.DEFAULT_WINDOW,
                                GuardAction.ABORT),
                        GuardRule.of(
                                "lag",
                                new GuardMetric.SendLag(IntervalStats.OVERALL),
                                250_000,
                                GuardRule.DEFAULT_WINDOW,
                                GuardAction.ABORT));
        assertThat(s.capacity()).isNull();
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void aCapacitySearchBecomesTheControllersSettingsWithItsDefaults() throws ScenarioException {
        String guards = """
                guards:
                  - {name: p99, metric: latency, percentile: 99, above: 500ms}
                  - {name: errors, metric: errorRatio, above: 1%}
                  - {name: meltdown, metric: errorRatio, above: 50%, action: abort}
                """;
        Scenario s = load(URL_SOURCE + guards + """
                capacity: {from: 500, step: 500, upTo: 20000, slo: [p99, errors]}
                """);
        CapacitySettings settings = s.capacity().toSettings(s.guards());
        assertThat(settings)
                .isEqualTo(new CapacitySettings(
                        500,
                        500,
                        Duration.ofSeconds(20),
                        20_000,
                        Resolution.percent(5),
                        Duration.ofSeconds(40),
                        Duration.ofSeconds(5),
                        0.95,
                        List.of(s.guards().get(0).toRule(), s.guards().get(1).toRule())));

        Scenario all = load(URL_SOURCE + guards + """
                capacity:
                  from: 100
                  step: 100
                  stepFor: 10s
                  upTo: 1000
                  resolution: 25
                  confirmFor: 1m
                  settle: 2s
                  minAchieved: 0.9
                """);
        CapacitySettings everyGuard = all.capacity().toSettings(all.guards());
        assertThat(everyGuard.slo()).extracting(GuardRule::name).containsExactly("p99", "errors", "meltdown");
        assertThat(everyGuard.resolution()).isEqualTo(Resolution.rate(25));
        assertThat(everyGuard.confirmFor()).isEqualTo(Duration.ofMinutes(1));
        assertThat(everyGuard.settle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(everyGuard.minAchieved()).isEqualTo(0.9);
    }

    @Test
    void guardProblemsNameTheirItemAndField() {
        assertThat(problems(URL_SOURCE + """
                        guards:
                          - {name: p99, metric: latncy, above: 500ms}
                          - {name: errors, metric: errorRatio, above: 500ms, action: backof}
                          - {name: lag, metric: sendLag, above: 0.01, percentile: 99, count4xx: true}
                          - {name: p99, metric: latency, above: 0ms, window: 500ms, minRequests: 0}
                          - {metric: errorRatio, above: 1.5, endpoint: "", colour: red}
                          - just a name
                          - {name: p100, metric: latency, percentile: 100.5}
                        """))
                .containsExactly(
                        "6:25: guards[0].metric: unknown value 'latncy' (expected latency, errorRatio, unsentRatio or"
                                + " sendLag; did you mean latency?)",
                        "7:47: guards[1].above: must be a share for metric errorRatio: a number from 0 to 1 or a"
                                + " percentage (e.g. 0.01 or 1%), got '500ms'",
                        "7:62: guards[1].action: unknown value 'backof' (expected abort, hold or backOff; did you mean"
                                + " backOff?)",
                        "8:41: guards[2].above: must be a duration for metric sendLag (e.g. above: 500ms), got 0.01",
                        "8:47: guards[2].percentile: only with metric: latency (this guard's is sendLag)",
                        "8:63: guards[2].count4xx: only with metric: errorRatio (this guard's is sendLag)",
                        "9:5: guards[3].percentile: required for metric latency, e.g. percentile: 99",
                        "9:12: guards[3].name: another guard is named p99 (guards[0])",
                        "9:41: guards[3].above: must be above 0, got 0s",
                        "9:54: guards[3].window: must be at least the interval (1s), got 500ms",
                        "9:74: guards[3].minRequests: must be 1 or more, got 0",
                        "10:5: guards[4].name: required: the guard's name, e.g. name: p99",
                        "10:33: guards[4].above: must be from 0 to below 1 (0% to below 100%), got 1.5",
                        "10:48: guards[4].endpoint: is empty (expected \"METHOD /path\", e.g. \"POST /api/order\";"
                                + " leave it out for all endpoints)",
                        "10:52: guards[4].colour: unknown key (expected name, metric, percentile, endpoint, count4xx,"
                                + " above, window, action or minRequests)",
                        "11:5: guards[5]: must be a map with keys name, metric, percentile, endpoint, count4xx, above,"
                                + " window, action, minRequests, got 'just a name'",
                        "12:5: guards[6].above: required: the threshold, e.g. above: 500ms or above: 1%",
                        "12:47: guards[6].percentile: must be above 0 and at most 100, got 100.5");
    }

    @Test
    void capacityProblemsNameTheirField() {
        assertThat(problems(URL_SOURCE + """
                        guards:
                          - {name: p99, metric: latency, percentile: 99, above: 500ms}
                          - {name: errors, metric: errorRatio, above: 1%, action: backOff}
                        capacity:
                          from: 5000
                          step: fast
                          upTo: 1000
                          stepFor: 4s
                          settle: 5s
                          resolution: 100%
                          minAchieved: 0
                          slo: [p98]
                        """))
                .containsExactly(
                        "7:59: guards[1].action: backOff does not go with capacity: the search sets the rate (use"
                                + " abort, or name the guard in capacity.slo to judge steps by it)",
                        "10:9: capacity.step: must be a rate: requests per second, or a replay's speed factor, got"
                                + " 'fast'",
                        "11:9: capacity.upTo: must be at least from (5000), got 1000",
                        "12:12: capacity.stepFor: must be longer than settle (5s) by at least one interval (1s), got"
                                + " 4s",
                        "14:15: capacity.resolution: must be above 0% and below 100%, got 100%",
                        "15:16: capacity.minAchieved: must be above 0% and at most 100%, got 0%",
                        "16:9: capacity.slo[0]: no guard is named p98 (did you mean p99?)");
        assertThat(problems(URL_SOURCE + """
                        capacity: {from: 500, step: 500, upTo: 20000000, slo: [p99]}
                        """))
                .containsExactly(
                        "5:40: capacity.upTo: must be above 0 and at most 10000000 requests per second, got 20000000",
                        "5:56: capacity.slo[0]: no guard is named p99 (there are no guards)");
        assertThat(problems(URL_SOURCE + "capacity: {step: 500}\n"))
                .containsExactly(
                        "5:1: capacity.from: required: the first step's rate, e.g. from: 500",
                        "5:1: capacity.upTo: required: the highest rate to try, e.g. upTo: 20000");
    }

    @Test
    void aReplaysCapacityIsInSpeedFactorsAndAUrlNeedsNoRate() throws ScenarioException {
        Scenario replay = load("""
                target: http://127.0.0.1:8080
                source:
                  replay: {store: store}
                capacity: {from: 0.5, step: 0.5, upTo: 8, resolution: 0.1}
                """);
        assertThat(replay.capacity().toSettings(replay.guards()).fromRate()).isEqualTo(0.5);
        assertThat(problems("""
                        target: http://127.0.0.1:8080
                        source:
                          replay: {store: store}
                        capacity: {from: 0, step: 1, upTo: 8}
                        """))
                .containsExactly("4:18: capacity.from: must be above 0 (a replay's speed factor), got 0");
        Scenario url = load(URL_SOURCE.replace(", rate: 100}", "}") + "capacity: {from: 100, step: 100, upTo: 1000}\n");
        assertThat(((UrlSource) url.source()).flatOut()).isTrue();
        assertThat(url.capacity().slo()).isEmpty();
    }
}
