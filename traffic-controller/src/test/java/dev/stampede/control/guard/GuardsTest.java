package dev.stampede.control.guard;

import static dev.stampede.control.Traffic.ms;
import static dev.stampede.control.Traffic.overall;
import static dev.stampede.control.Traffic.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stampede.control.ControlLog;
import dev.stampede.control.IntervalStats;
import dev.stampede.control.Traffic;
import dev.stampede.control.live.LiveRate;
import dev.stampede.control.live.RateRefusedException;
import dev.stampede.control.profile.RateProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class GuardsTest {

    private static final String ORDER = "POST /api/order";

    private final List<String> events = new ArrayList<>();
    private final List<String> stops = new ArrayList<>();
    private final ControlLog log = (who, what) -> events.add(who + ": " + what);
    private final LiveRate rate = new LiveRate(RateProfile.constant(1000), LiveRate.UNLIMITED, "req/s", log);

    private Guards guards(GuardRule... rules) {
        return new Guards(List.of(rules), rate, stops::add, log);
    }

    private static GuardRule rule(
            String name,
            GuardMetric metric,
            double threshold,
            int windowSeconds,
            GuardAction action,
            long minRequests) {
        return new GuardRule(name, metric, threshold, Duration.ofSeconds(windowSeconds), action, minRequests);
    }

    private static GuardMetric p99() {
        return new GuardMetric.Latency(99, IntervalStats.OVERALL);
    }

    private static GuardMetric errors() {
        return new GuardMetric.ErrorRatio(IntervalStats.OVERALL, false);
    }

    /** The value HdrHistogram reports for {@code nanos} at 3 significant digits. */
    private static long reported(long nanos) {
        return new Histogram(3).highestEquivalentValue(nanos);
    }

    @Test
    void aWindowedPercentileMergesTheIntervalsHistogramsAndSlides() {
        Guards guards = guards(rule("p99", p99(), ms(400), 2, GuardAction.ABORT, 1));
        guards.onInterval(second(1, 1000, overall().ok(1000, ms(10))));
        guards.onInterval(second(2, 1000, overall().ok(5, ms(900))));
        // 5 slow of 1005 is under 1%: the window's p99 is 10ms (averaging the intervals' p99s would say 455ms).
        GuardStatus status = guards.status().get(0);
        assertThat(status.state()).isEqualTo(GuardState.OK);
        assertThat(status.value()).isEqualTo(reported(ms(10)));
        assertThat(status.samples()).isEqualTo(1005);
        assertThat(stops).isEmpty();

        guards.onInterval(second(3, 1000, overall().ok(5, ms(900))));
        // The first interval has left the 2-second window: 10 requests, all slow.
        String measured = "p99 latency " + MetricValues.nanos(reported(ms(900))) + " above 400ms over 2s (10 requests)";
        assertThat(stops).containsExactly("guard p99 tripped: " + measured);
        assertThat(events).containsExactly("guard p99: tripped: " + measured + "; action: abort");
        guards.onInterval(second(4, 1000, overall().ok(5, ms(900))));
        assertThat(stops).as("one stop per trip").hasSize(1);
        assertThat(guards.status().get(0).state()).isEqualTo(GuardState.TRIPPED);
    }

    @Test
    void aGuardWaitsForAFullWindowAndItsMinimumOfRequests() {
        Guards guards = guards(
                rule("full", p99(), ms(100), 3, GuardAction.ABORT, 100),
                rule("many", p99(), ms(100), 3, GuardAction.ABORT, 200));
        guards.onInterval(second(1, 1000, overall().ok(50, ms(900))));
        guards.onInterval(second(2, 1000, overall().ok(50, ms(900))));
        assertThat(guards.status()).extracting(GuardStatus::state).containsOnly(GuardState.WAITING);
        assertThat(stops).isEmpty();

        guards.onInterval(second(3, 1000, overall().ok(50, ms(900))));
        assertThat(guards.status())
                .extracting(GuardStatus::state)
                .containsExactly(GuardState.TRIPPED, GuardState.WAITING);
        assertThat(guards.status().get(1).text()).endsWith("over 3s, 150 of 200 requests): waiting");
        guards.onInterval(second(4, 1000, overall().ok(50, ms(900))));
        assertThat(guards.status().get(1).state())
                .as("the window never holds 200")
                .isEqualTo(GuardState.WAITING);
        assertThat(guards.results().get(1))
                .isEqualTo(new SloResult("many", "p99 latency above 100ms over 3s", false, true, Double.NaN, "-", 0));
    }

    @Test
    void aWindowIsTheLastRoundedNumberOfIntervals() {
        Guards guards = guards(rule("errors", errors(), 0.01, 10, GuardAction.ABORT, 1));
        for (int i = 1; i <= 19; i++) {
            guards.onInterval(new IntervalStats(
                    i * 0.5, 0.5, 1000, overall().ok(10, ms(1)).build(), List.of()));
        }
        assertThat(guards.status().get(0).state()).isEqualTo(GuardState.WAITING);
        guards.onInterval(
                new IntervalStats(10, 0.5, 1000, overall().ok(10, ms(1)).build(), List.of()));
        assertThat(guards.status().get(0).state()).isEqualTo(GuardState.OK);
        assertThat(guards.status().get(0).samples()).isEqualTo(200);
    }

    @Test
    void holdActsOncePerTripAndAgainAfterARecovery() throws RateRefusedException {
        Guards guards = guards(rule("errors", errors(), 0.01, 1, GuardAction.HOLD, 100));
        guards.onInterval(second(1, 1000, overall().ok(1000, ms(5))));
        for (int i = 2; i <= 4; i++) {
            guards.onInterval(second(i, 1000, overall().ok(900, ms(5)).http5xx(100, ms(5))));
        }
        assertThat(rate.cap()).isEqualTo(1000);
        guards.onInterval(second(5, 1000, overall().ok(1000, ms(5))));
        rate.setRate(800, "test");
        guards.onInterval(second(6, 800, overall().ok(760, ms(5)).timeouts(40)));
        assertThat(events)
                .containsExactly(
                        "guard errors: tripped: error ratio 10% above 1% over 1s (1000 requests); action: hold at"
                                + " 1000 req/s",
                        "guard errors: hold at most 1000 req/s: 1000 -> 1000 req/s",
                        "guard errors: recovered: error ratio 0% within 1% over 1s (1000 requests)",
                        "test: rate 1000 -> 800 req/s",
                        "guard errors: tripped: error ratio 5% above 1% over 1s (800 requests); action: hold at 800"
                                + " req/s",
                        "guard errors: hold at most 800 req/s: 800 -> 800 req/s");
        assertThat(rate.cap()).isEqualTo(800);
        SloResult result = guards.results().get(0);
        assertThat(result.passed()).isFalse();
        assertThat(result.trips()).isEqualTo(2);
        assertThat(result.worst()).isEqualTo("10%");
    }

    @Test
    void backOffReturnsToTheLowestRateOfTheLatestWindowWhereEveryGuardPassed() {
        Guards guards = guards(
                rule("errors", errors(), 0.01, 2, GuardAction.BACK_OFF, 100),
                rule("p99", p99(), ms(500), 1, GuardAction.ABORT, 100));
        double[] rates = {1000, 1000, 2000, 2000, 3000};
        double[] lastGood = {0, 1000, 1000, 2000, 2000};
        for (int i = 0; i < rates.length; i++) {
            guards.onInterval(second(i + 1, rates[i], overall().ok((long) rates[i], ms(5))));
            assertThat(guards.lastGoodRate()).as("after interval %d", i + 1).isEqualTo(i == 0 ? 1000 : lastGood[i]);
        }
        guards.onInterval(second(6, 3000, overall().ok(1500, ms(5)).http5xx(1500, ms(5))));
        assertThat(events)
                .containsExactly(
                        "guard errors: tripped: error ratio 25% above 1% over 2s (6000 requests); action: back off"
                                + " to 2000 req/s",
                        "guard errors: back off 1000 -> 2000 req/s");
        assertThat(rate.current()).isEqualTo(2000);
        assertThat(guards.lastGoodRate()).as("unchanged by a failing interval").isEqualTo(2000);
    }

    @Test
    void backOffBeforeAnyGoodWindowReturnsToTheLowestRateSeen() {
        Guards guards = guards(rule("errors", errors(), 0.01, 1, GuardAction.BACK_OFF, 100));
        assertThat(guards.lastGoodRate()).isZero();
        guards.onInterval(second(1, 0, overall()));
        guards.onInterval(second(2, 1200, overall().ok(10, ms(5))));
        guards.onInterval(second(3, 1500, overall().ok(750, ms(5)).transportErrors(750)));
        assertThat(events).contains("guard errors: back off 1000 -> 1200 req/s");
        assertThat(rate.current()).isEqualTo(1200);
    }

    @Test
    void aGuardOnOneEndpointJudgesThatEndpointAlone() {
        Guards guards = guards(
                rule("all", p99(), ms(500), 1, GuardAction.ABORT, 100),
                rule("order", new GuardMetric.Latency(99, ORDER), ms(500), 1, GuardAction.ABORT, 100));
        Traffic all = overall().ok(10_000, ms(10)).ok(100, ms(800));
        guards.onInterval(second(
                1,
                1000,
                all,
                Traffic.endpoint("GET /api/quote").ok(10_000, ms(10)),
                Traffic.endpoint(ORDER).ok(100, ms(800))));
        assertThat(guards.status()).extracting(GuardStatus::state).containsExactly(GuardState.OK, GuardState.TRIPPED);
        assertThat(stops)
                .containsExactly("guard order tripped: p99 latency of POST /api/order "
                        + MetricValues.nanos(reported(ms(800))) + " above 500ms over 1s (100 requests)");
    }

    @Test
    void errorsAreServerErrorsTransportErrorsAndTimeoutsAndFourHundredsWhenAsked() {
        Guards guards = guards(
                rule("server", errors(), 0.01, 1, GuardAction.ABORT, 1),
                rule("any", new GuardMetric.ErrorRatio(IntervalStats.OVERALL, true), 0.05, 1, GuardAction.ABORT, 1));
        // 5 + 3 + 2 = 10 of 1000 is 1%: at the threshold, not above it. With the 51 4xx: 6.1%.
        guards.onInterval(second(
                1,
                1000,
                overall()
                        .ok(939, ms(5))
                        .http4xx(51, ms(5))
                        .http5xx(5, ms(5))
                        .transportErrors(3)
                        .timeouts(2)));
        assertThat(guards.status()).extracting(GuardStatus::value).containsExactly(0.01, 61 / 1000.0);
        assertThat(guards.status()).extracting(GuardStatus::state).containsExactly(GuardState.OK, GuardState.TRIPPED);
    }

    @Test
    void unsentRatioAndSendLagAreJudgedAndRecover() {
        Guards guards = guards(
                rule("unsent", new GuardMetric.UnsentRatio(IntervalStats.OVERALL), 0.01, 1, GuardAction.ABORT, 1),
                rule("lag", new GuardMetric.SendLag(IntervalStats.OVERALL), ms(5), 3, GuardAction.ABORT, 1));
        guards.onInterval(second(1, 1000, overall().ok(980, ms(1)).unsent(20).sendLagP99(ms(2))));
        guards.onInterval(second(2, 1000, overall().ok(1000, ms(1)).sendLagP99(ms(8))));
        guards.onInterval(second(3, 1000, overall().ok(1000, ms(1)).sendLagP99(ms(3))));
        assertThat(guards.status()).extracting(GuardStatus::value).containsExactly(0.0, (double) ms(8));
        guards.onInterval(second(4, 1000, overall().ok(1000, ms(1)).sendLagP99(ms(3))));
        guards.onInterval(second(5, 1000, overall().ok(1000, ms(1)).sendLagP99(ms(4))));
        assertThat(events)
                .containsExactly(
                        "guard unsent: tripped: unsent ratio 2% above 1% over 1s (1000 requests); action: abort",
                        "guard unsent: recovered: unsent ratio 0% within 1% over 1s (1000 requests)",
                        "guard lag: tripped: send-lag p99 8ms above 5ms over 3s (2980 requests); action: abort",
                        "guard lag: recovered: send-lag p99 4ms within 5ms over 3s (3000 requests)");
        assertThat(guards.results())
                .extracting(SloResult::worst, SloResult::trips)
                .containsExactly(tuple("2%", 1), tuple("8ms", 1));
    }

    @Test
    void aJudgeOnlyGuardBreachesWithoutActing() {
        Guards guards = new Guards(
                List.of(rule("p99", p99(), ms(500), 1, GuardAction.ABORT, 1)), Set.of("p99"), rate, stops::add, log);
        guards.onInterval(second(1, 1000, overall().ok(100, ms(900))));
        assertThat(stops).isEmpty();
        assertThat(guards.status().get(0).state()).isEqualTo(GuardState.BREACHED);
        assertThat(events)
                .singleElement()
                .asString()
                .startsWith("guard p99: breached: p99 latency ")
                .endsWith("; judged only, no action");
        assertThat(guards.results().get(0).passed()).isFalse();
    }

    @Test
    void rulesAreChecked() {
        assertThatThrownBy(() -> rule("e", errors(), 1, 1, GuardAction.ABORT, 1))
                .hasMessage("guard e: a threshold is 0 or more and below 1, got 1.0");
        assertThatThrownBy(() -> new GuardMetric.Latency(0, IntervalStats.OVERALL))
                .hasMessage("a percentile is above 0 and at most 100, got 0.0");
        assertThatThrownBy(() -> guards(
                        rule("a", errors(), 0, 1, GuardAction.ABORT, 1), rule("a", p99(), 1, 1, GuardAction.ABORT, 1)))
                .hasMessage("two guards are named a");
        assertThat(GuardAction.of("backOff")).isEqualTo(GuardAction.BACK_OFF);
        assertThat(rule("p", new GuardMetric.Latency(99.9, ORDER), ms(250), 10, GuardAction.HOLD, 1)
                        .describe())
                .isEqualTo("p99.9 latency of POST /api/order above 250ms over 10s");
    }
}
