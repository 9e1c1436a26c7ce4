package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.stampede.common.time.ManualNanoClock;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coordinated-omission check on synthetic timings: a request is intended every 1 ms for 10 s, and
 * the target stalls for 1 s in the middle (from 4.5 s to 5.5 s); requests caught by the stall complete
 * only when it ends. Normally a request is sent 20 µs late and served in 300 µs.
 */
class CoordinatedOmissionTest {

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long SEC = 1_000_000_000L;
    private static final long STALL_START = 4_500 * MS;
    private static final long STALL_END = 5_500 * MS;
    private static final int REQUESTS = 10_000;

    /** One request's timings. */
    private record Timing(long intended, long sent, long done) {}

    @Test
    void closedLoopSenderServiceTimeHidesTheStallButLatencyFromIntendedShowsIt() {
        // A sender that waits for its connection (like a closed-loop tool): the request in flight when
        // the stall starts completes at its end; those due during the stall are sent only then.
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long intended = i * MS;
            long sent = intended + 20 * US;
            if (intended > STALL_START && intended < STALL_END) {
                sent = STALL_END;
            }
            long done = intended == STALL_START ? STALL_END : sent + 300 * US;
            timings.add(new Timing(intended, sent, done));
        }
        LiveSnapshot last = replay(timings);

        LatencySummary latency = last.overall().cumulativeLatency();
        assertThat(latency.count()).isEqualTo(REQUESTS);
        assertThat(latency.p99Nanos()).isGreaterThanOrEqualTo(500 * MS);
        assertThat((double) latency.p99Nanos()).isCloseTo(expectedP99(timings, true), withinPercentage(0.1));
        assertThat(latency.maxNanos()).isGreaterThanOrEqualTo(999 * MS);

        long serviceP99 = intervals.cumulative(Metric.SERVICE).getValueAtPercentile(99.0);
        assertThat(serviceP99).isLessThan(1 * MS);
        assertThat((double) serviceP99).isCloseTo(300.0 * US, withinPercentage(0.1));
        // Such a sender fell behind, and its send lag says so.
        assertThat(last.overall().cumulativeSendLagP99Nanos()).isGreaterThan(500 * MS);
        assertThat(GeneratorHealth.assess(last, GeneratorHealth.DEFAULT_THRESHOLD_NANOS)
                        .fellBehind())
                .isTrue();
    }

    @Test
    void openLoopSenderKeepsSendLagLowWhileLatencyShowsTheStall() {
        // What the engine does: send on schedule whatever the target does.
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long intended = i * MS;
            long sent = intended + 20 * US;
            long done = intended >= STALL_START && intended < STALL_END ? STALL_END : sent + 300 * US;
            timings.add(new Timing(intended, sent, done));
        }
        LiveSnapshot last = replay(timings);

        assertThat(last.overall().cumulativeLatency().p99Nanos()).isGreaterThanOrEqualTo(500 * MS);
        assertThat((double) last.overall().cumulativeLatency().p99Nanos())
                .isCloseTo(expectedP99(timings, true), withinPercentage(0.1));
        assertThat((double) last.overall().cumulativeSendLagP99Nanos()).isCloseTo(20.0 * US, withinPercentage(0.1));
        assertThat(GeneratorHealth.assess(last, GeneratorHealth.DEFAULT_THRESHOLD_NANOS)
                        .fellBehind())
                .isFalse();
    }

    @Test
    void theIntervalWithTheStallsEndShowsItAndTheOthersDoNot() {
        List<Timing> timings = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long intended = i * MS;
            long sent = intended + 20 * US;
            long done = intended >= STALL_START && intended < STALL_END ? STALL_END : sent + 300 * US;
            timings.add(new Timing(intended, sent, done));
        }
        replay(timings);

        // Interval 5 s - 6 s holds every stalled request's completion; 3 s - 4 s holds none.
        LiveSnapshot atSix = snapshots.get(5);
        assertThat(atSix.elapsedNanos()).isEqualTo(6 * SEC);
        assertThat(atSix.overall().intervalLatency().maxNanos()).isGreaterThanOrEqualTo(999 * MS);
        assertThat(atSix.overall().intervalLatency().p50Nanos()).isGreaterThan(100 * MS);
        LiveSnapshot atFour = snapshots.get(3);
        assertThat(atFour.overall().intervalLatency().p99Nanos()).isLessThan(1 * MS);
        assertThat(atFour.overall().ratePerSec()).isEqualTo(1_000.0);
        // During the stall's first half nothing completes: the live rate shows it.
        assertThat(snapshots.get(4).overall().ratePerSec()).isEqualTo(500.0);
    }

    private IntervalRecorder intervals;
    private final List<LiveSnapshot> snapshots = new ArrayList<>();

    /** Records the timings in completion order, taking an interval at every whole second. */
    private LiveSnapshot replay(List<Timing> timings) {
        RunMetrics metrics = new RunMetrics(List.of("GET /stall"));
        ManualNanoClock clock = new ManualNanoClock();
        intervals = new IntervalRecorder(metrics, clock, new ByteArrayOutputStream(), null);
        List<Timing> byDone = new ArrayList<>(timings);
        byDone.sort(Comparator.comparingLong(Timing::done));
        long nextTick = SEC;
        for (Timing timing : byDone) {
            while (timing.done() >= nextTick) {
                clock.advanceTo(nextTick);
                snapshots.add(intervals.tick());
                nextTick += SEC;
            }
            clock.advanceTo(timing.done());
            metrics.record(0, timing.intended(), timing.sent(), timing.done(), Outcome.OK);
        }
        clock.advanceTo(nextTick);
        intervals.close();
        snapshots.add(intervals.latest());
        return intervals.latest();
    }

    /** The 99th percentile as HdrHistogram defines it: the value at rank ceil(0.99 n). */
    private static double expectedP99(List<Timing> timings, boolean fromIntended) {
        long[] values = timings.stream()
                .mapToLong(t -> t.done() - (fromIntended ? t.intended() : t.sent()))
                .toArray();
        Arrays.sort(values);
        return values[(int) Math.ceil(0.99 * values.length) - 1];
    }
}
