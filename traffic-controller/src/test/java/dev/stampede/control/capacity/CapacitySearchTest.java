package dev.stampede.control.capacity;

import static dev.stampede.control.Traffic.ms;
import static dev.stampede.control.Traffic.overall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stampede.control.IntervalStats;
import dev.stampede.control.Traffic;
import dev.stampede.control.guard.GuardAction;
import dev.stampede.control.guard.GuardMetric;
import dev.stampede.control.guard.GuardRule;
import dev.stampede.control.live.LiveRate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CapacitySearchTest {

    private static final GuardRule P99 = GuardRule.of(
            "p99",
            new GuardMetric.Latency(99, IntervalStats.OVERALL),
            ms(500),
            Duration.ofSeconds(10),
            GuardAction.ABORT);

    private static CapacitySettings settings(double from, double step, double upTo, List<GuardRule> slo) {
        return new CapacitySettings(
                from,
                step,
                Duration.ofSeconds(20),
                upTo,
                Resolution.percent(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                CapacitySettings.DEFAULT_MIN_ACHIEVED,
                slo);
    }

    /** Up to {@code knee} every request takes 20ms; above it, 5% take 2s (a p99 of 2s). */
    static Drill.Chain knee(double knee) {
        return (rate, held) -> slowAbove(rate, rate > knee);
    }

    private static Traffic slowAbove(double rate, boolean slow) {
        long requests = Math.round(rate);
        long slowOnes = slow ? requests / 20 : 0;
        return overall().ok(requests - slowOnes, ms(20)).ok(slowOnes, ms(2000)).sendLagP99(50_000);
    }

    /** Above {@code knee} the chain serves {@code knee} requests a second at 400ms; the rest stay unsent. */
    static Drill.Chain saturating(double knee) {
        return (rate, held) -> {
            long requests = Math.round(rate);
            long served = Math.min(requests, Math.round(knee));
            return overall().ok(served, rate > knee ? ms(400) : ms(20)).unsent(requests - served);
        };
    }

    @Test
    void rampsThenBisectsThenConfirmsTheKnee() {
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)));
        CapacityResult result = drill.run(knee(3000), 10_000);

        assertThat(result.steps())
                .extracting(CapacityStep::phase, CapacityStep::targetRate, CapacityStep::good)
                .containsExactly(
                        tuple(CapacityStep.Phase.RAMP, 500.0, true),
                        tuple(CapacityStep.Phase.RAMP, 1000.0, true),
                        tuple(CapacityStep.Phase.RAMP, 1500.0, true),
                        tuple(CapacityStep.Phase.RAMP, 2000.0, true),
                        tuple(CapacityStep.Phase.RAMP, 2500.0, true),
                        tuple(CapacityStep.Phase.RAMP, 3000.0, true),
                        tuple(CapacityStep.Phase.RAMP, 3500.0, false),
                        tuple(CapacityStep.Phase.BISECT, 3250.0, false),
                        tuple(CapacityStep.Phase.BISECT, 3125.0, false),
                        tuple(CapacityStep.Phase.CONFIRM, 3000.0, true));
        assertThat(result.outcome()).isEqualTo(CapacityOutcome.KNEE_FOUND);
        assertThat(result.maxSustainableRate()).isEqualTo(3000);
        assertThat(result.lastGoodRate()).isEqualTo(3000);
        assertThat(result.firstBadRate()).isEqualTo(3125);
        assertThat(result.summary()).isEqualTo("max sustainable rate 3000 req/s (held for 30s); bad at 3125 req/s");
        assertThat(drill.stops).containsExactly("capacity search done: " + result.summary());

        CapacityStep first = result.steps().get(0);
        assertThat(first.startSeconds()).isZero();
        assertThat(first.endSeconds()).isEqualTo(20);
        assertThat(first.judgedSeconds()).as("20s less the 5s settle").isEqualTo(15);
        assertThat(first.requests()).isEqualTo(15 * 500);
        assertThat(first.achievedRate()).isEqualTo(500);
        assertThat(first.errorRatio()).isZero();
        assertThat(first.sendLagP99Nanos()).isEqualTo(50_000);
        CapacityStep bad = result.steps().get(6);
        assertThat(bad.startSeconds()).isEqualTo(120);
        assertThat(bad.why()).isEqualTo("p99: p99 latency 2s above 500ms");
        assertThat(bad.slo())
                .singleElement()
                .satisfies(v -> assertThat(v.judged()).isTrue());
        CapacityStep confirm = result.steps().get(9);
        assertThat(confirm.startSeconds()).isEqualTo(180);
        assertThat(confirm.endSeconds()).isEqualTo(210);
        assertThat(confirm.judgedSeconds()).isEqualTo(25);

        assertThat(drill.events)
                .startsWith(
                        "capacity search: start: from 500 by 500 up to 20000 req/s, resolution 5%",
                        "capacity search: rate 100 -> 500 req/s",
                        "capacity search: step 1 (ramp) 500 req/s: good; achieved 500 req/s, p99 20ms, errors 0%",
                        "capacity search: rate 500 -> 1000 req/s")
                .contains("capacity search: step 7 (ramp) 3500 req/s: bad (p99: p99 latency 2s above 500ms);"
                        + " achieved 3500 req/s, p99 2s, errors 0%")
                .endsWith("capacity search: done: " + result.summary());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1234, 2900, 3000, 3170, 7777, 19_990})
    void findsAnyKneeWithinTheResolutionInABoundedNumberOfSteps(double knee) {
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)));
        CapacityResult result = drill.run(knee(knee), 10_000);

        assertThat(result.outcome()).isEqualTo(CapacityOutcome.KNEE_FOUND);
        assertThat(result.maxSustainableRate()).isLessThanOrEqualTo(knee).isGreaterThanOrEqualTo(knee / 1.05);
        assertThat(result.firstBadRate()).isGreaterThan(knee);
        int ramp = (int) ((knee - 500) / 500) + 2;
        int bisect = 5; // the gap halves from 500 until within 5% of at least 500: log2(500 / 25) < 5
        assertThat(result.steps()).hasSizeLessThanOrEqualTo(ramp + bisect + 1);
        assertThat(drill.stops).hasSize(1);
    }

    @Test
    void aChainThatCannotKeepUpIsAKneeEvenWhenLatencyStaysBounded() {
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)));
        CapacityResult result = drill.run(saturating(3000), 10_000);

        assertThat(result.steps().get(6).targetRate()).isEqualTo(3500);
        assertThat(result.steps().get(6).why()).isEqualTo("achieved 3000 req/s, below 95% of 3500 req/s");
        assertThat(result.steps().get(6).unsentRatio()).isEqualTo(500 / 3500.0);
        assertThat(result.outcome()).isEqualTo(CapacityOutcome.KNEE_FOUND);
        // 3125 achieves 3000, 96% of it: good. The knee is found within the 5% shortfall allowed.
        assertThat(result.maxSustainableRate()).isEqualTo(3125);
    }

    @Test
    void aFailedConfirmationStepsDownAndConfirmsAgain() {
        // Good for 20 s steps up to 3000, but above 2800 the chain tires after 20 s at one rate.
        Drill.Chain tiring = (rate, held) -> slowAbove(rate, rate > 3000 || (rate > 2800 && held > 20));
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)));
        CapacityResult result = drill.run(tiring, 10_000);

        assertThat(result.steps().subList(9, result.steps().size()))
                .extracting(CapacityStep::phase, CapacityStep::targetRate, CapacityStep::good)
                .containsExactly(
                        tuple(CapacityStep.Phase.CONFIRM, 3000.0, false),
                        tuple(CapacityStep.Phase.CONFIRM, 2850.0, false),
                        tuple(CapacityStep.Phase.CONFIRM, 2707.5, true));
        assertThat(result.outcome()).isEqualTo(CapacityOutcome.KNEE_FOUND);
        assertThat(result.maxSustainableRate()).isEqualTo(2707.5);
        assertThat(result.firstBadRate()).isEqualTo(2850);
    }

    @Test
    void everyConfirmationFailingIsReportedAsNotConfirmed() {
        Drill.Chain tiring = (rate, held) -> slowAbove(rate, rate > 3000 || held > 20);
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)));
        CapacityResult result = drill.run(tiring, 10_000);

        assertThat(result.outcome()).isEqualTo(CapacityOutcome.NOT_CONFIRMED);
        assertThat(result.maxSustainableRate()).isNaN();
        assertThat(result.steps().stream().filter(s -> s.phase() == CapacityStep.Phase.CONFIRM))
                .hasSize(CapacitySearch.MAX_CONFIRMATIONS);
        assertThat(drill.stops).singleElement().asString().startsWith("capacity search done: 5 confirmations were bad");
    }

    @Test
    void reachingTheUpperBoundWithoutAKneeIsReportedAsSuch() {
        Drill drill = new Drill(settings(500, 1500, 5000, List.of(P99)));
        CapacityResult result = drill.run(knee(1e9), 10_000);

        assertThat(result.steps()).extracting(CapacityStep::targetRate).containsExactly(500.0, 2000.0, 3500.0, 5000.0);
        assertThat(result.outcome()).isEqualTo(CapacityOutcome.UPPER_BOUND_REACHED);
        assertThat(result.maxSustainableRate()).isEqualTo(5000);
        assertThat(result.firstBadRate()).isNaN();
        assertThat(drill.stops).containsExactly("capacity search done: no knee up to 5000 req/s: every step was good");
    }

    @Test
    void aBadFirstStepMeansTheKneeIsBelowTheStart() {
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)));
        CapacityResult result = drill.run(knee(300), 10_000);

        assertThat(result.outcome()).isEqualTo(CapacityOutcome.KNEE_BELOW_START);
        assertThat(result.steps()).hasSize(1);
        assertThat(result.maxSustainableRate()).isNaN();
        assertThat(drill.stops)
                .containsExactly("capacity search done: the first step (500 req/s) was bad: the knee is below it");
    }

    @Test
    void theSettleTimeKeepsTheQueuesOfTheStepBeforeOutOfTheVerdict() {
        // The first two seconds at each rate carry the queue of the step before: every request takes 3s.
        Drill.Chain queued =
                (rate, held) -> held <= 2 ? overall().ok(Math.round(rate), ms(3000)) : slowAbove(rate, rate > 3000);
        assertThat(new Drill(settings(500, 500, 20_000, List.of(P99)))
                        .run(queued, 10_000)
                        .maxSustainableRate())
                .isEqualTo(3000);

        CapacitySettings noSettle = new CapacitySettings(
                500,
                500,
                Duration.ofSeconds(20),
                20_000,
                Resolution.percent(5),
                Duration.ofSeconds(30),
                Duration.ZERO,
                0.95,
                List.of(P99));
        CapacityResult result = new Drill(noSettle).run(queued, 10_000);
        assertThat(result.outcome()).isEqualTo(CapacityOutcome.KNEE_BELOW_START);
        assertThat(result.steps().get(0).judgedSeconds()).isEqualTo(20);
    }

    @Test
    void aRateAboveTheCeilingStopsTheSearch() {
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)), 2000, "req/s");
        CapacityResult result = drill.run(knee(3000), 10_000);

        assertThat(result.outcome()).isEqualTo(CapacityOutcome.STOPPED);
        assertThat(result.lastGoodRate()).isEqualTo(2000);
        assertThat(result.summary())
                .isEqualTo("rate 2500 req/s refused: 2500 req/s is above the ceiling maxRate 2000 req/s");
        assertThat(drill.stops).containsExactly("capacity search done: " + result.summary());
    }

    @Test
    void aReplaysSpeedFactorIsJudgedByTheShareOfScheduledRequestsSent() {
        CapacitySettings speeds = new CapacitySettings(
                1,
                1,
                Duration.ofSeconds(20),
                10,
                Resolution.rate(0.25),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                0.95,
                List.of());
        Drill drill = new Drill(speeds, LiveRate.UNLIMITED, "x");
        // At speed s the replay schedules 1000 s requests a second; the chain takes 3000.
        CapacityResult result = drill.run((speed, held) -> saturating(3000).second(speed * 1000, held), 10_000);

        assertThat(result.steps())
                .extracting(CapacityStep::targetRate)
                .containsExactly(1.0, 2.0, 3.0, 4.0, 3.5, 3.25, 3.0);
        assertThat(result.steps().get(3).why()).isEqualTo("sent 75% of the scheduled requests, below 95%");
        assertThat(result.steps().get(3).achievedRate())
                .as("requests per second")
                .isEqualTo(3000);
        assertThat(result.maxSustainableRate()).isEqualTo(3);
        assertThat(result.summary()).isEqualTo("max sustainable rate 3 x (held for 30s); bad at 3.25 x");
    }

    @Test
    void aRunThatEndsFirstLeavesAStoppedResult() {
        Drill drill = new Drill(settings(500, 500, 20_000, List.of(P99)));
        drill.search.start();
        drill.feed(knee(3000), 30);
        assertThat(drill.search.result().outcome()).isEqualTo(CapacityOutcome.SEARCHING);
        assertThat(drill.search.result().steps()).hasSize(1);
        CapacityResult result = drill.search.end("the duration ran out");
        assertThat(result.outcome()).isEqualTo(CapacityOutcome.STOPPED);
        assertThat(result.summary()).isEqualTo("stopped before the end: the duration ran out");
        assertThat(drill.stops).as("the run is already stopping").isEmpty();
        assertThatThrownBy(drill.search::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new CapacitySettings(
                        500,
                        500,
                        Duration.ofSeconds(5),
                        1000,
                        Resolution.percent(5),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(5),
                        0.95,
                        List.of()))
                .hasMessageStartingWith("settle is 0 or more and shorter than stepFor and confirmFor");
        assertThatThrownBy(() -> Resolution.percent(100)).hasMessage("a resolution is above 0 and below 100%, got 1.0");
        assertThat(CapacitySettings.defaultSettle(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
    }

    /**
     * After a deliberate format change, regenerate with {@code
     * -Dstampede.regenerateGolden=/abs/path/traffic-controller/src/test/resources/dev/stampede/control/capacity/capacity-golden.json}
     * and review the diff.
     */
    @Test
    void capacityJsonMatchesTheGoldenFile(@TempDir Path dir) throws IOException {
        GuardRule errors = new GuardRule(
                "errors",
                new GuardMetric.ErrorRatio(IntervalStats.OVERALL, false),
                0.01,
                Duration.ofSeconds(5),
                GuardAction.BACK_OFF,
                100);
        CapacitySettings small = new CapacitySettings(
                1000,
                1000,
                Duration.ofSeconds(4),
                4000,
                Resolution.percent(10),
                Duration.ofSeconds(4),
                Duration.ofSeconds(1),
                0.95,
                List.of(P99, errors));
        // Above 2500 a twentieth is slow and a fiftieth fails; below, one request a second times out.
        Drill.Chain chain = (rate, held) -> {
            long n = Math.round(rate);
            return rate > 2500
                    ? overall()
                            .ok(n - n / 20 - n / 50, ms(20))
                            .ok(n / 20, ms(2000))
                            .http5xx(n / 50, ms(3))
                    : overall().ok(n - 1, ms(20)).timeouts(1).sendLagP99(123_456);
        };
        CapacityResult result = new Drill(small).run(chain, 1000);
        String json = CapacityJsonWriter.toJson(result);
        String regenerate = System.getProperty("stampede.regenerateGolden");
        if (regenerate != null) {
            Files.writeString(Path.of(regenerate), json, StandardCharsets.UTF_8);
        }
        assertThat(json).isEqualTo(golden("capacity-golden.json"));
        Path written = CapacityJsonWriter.write(result, dir);
        assertThat(written).hasFileName("capacity.json");
        assertThat(Files.readString(written, StandardCharsets.UTF_8)).isEqualTo(json);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = CapacitySearchTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
