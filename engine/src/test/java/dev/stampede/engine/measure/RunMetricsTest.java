package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.stampede.common.time.ManualNanoClock;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RunMetricsTest {

    private static final long MS = 1_000_000L;

    @Test
    @Timeout(30)
    void fourThreadsRecordingWhileIntervalsAreTakenSumExactly() throws Exception {
        RunMetrics metrics = new RunMetrics(List.of("GET /a", "GET /b"));
        ManualNanoClock clock = new ManualNanoClock();
        IntervalRecorder intervals = new IntervalRecorder(metrics, clock, new ByteArrayOutputStream(), null);
        int threads = 4;
        int perThread = 100_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            Future<?> ticker = pool.submit(() -> {
                await(start);
                while (writing.get()) {
                    clock.advance(MS);
                    intervals.tick();
                }
            });
            Future<?>[] writers = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers[t] = pool.submit(() -> {
                    await(start);
                    for (int i = 0; i < perThread; i++) {
                        long intended = i * 1_000L;
                        metrics.record(
                                i & 1,
                                intended,
                                intended + thread,
                                intended + 1_000 + i,
                                Outcome.ALL.get(i % Outcome.COUNT));
                    }
                });
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get();
            }
            writing.set(false);
            ticker.get();
        } finally {
            pool.shutdownNow();
        }
        intervals.close();

        long total = (long) threads * perThread;
        long attempted = 0;
        for (Outcome outcome : Outcome.ALL) {
            long expected = 0;
            for (int i = 0; i < perThread; i++) {
                expected += i % Outcome.COUNT == outcome.ordinal() ? threads : 0;
            }
            attempted += outcome.attempted() ? expected : 0;
            long counted = metrics.endpoint(0).outcomeCount(outcome)
                    + metrics.endpoint(1).outcomeCount(outcome);
            assertThat(counted).as(outcome.code()).isEqualTo(expected);
            assertThat(intervals.latest().overall().totalCounts().get(outcome)).isEqualTo(expected);
        }
        assertThat(metrics.outcomeTotals().total()).isEqualTo(total);
        for (Metric metric : Metric.values()) {
            Histogram histogram = intervals.cumulative(metric);
            assertThat(histogram.getTotalCount()).as(metric.name()).isEqualTo(attempted);
            assertThat(intervals.cumulative(metric, 0).getTotalCount()
                            + intervals.cumulative(metric, 1).getTotalCount())
                    .isEqualTo(attempted);
        }
        assertThat(intervals.latest().overall().cumulativeLatency().count()).isEqualTo(attempted);
        assertThat(intervals.latest().sequence()).isGreaterThan(1);
    }

    @Test
    void countsByOutcomeAddUpToTheRecordsAndOnlyAttemptedOnesRecordTimes() {
        RunMetrics metrics = new RunMetrics(List.of("a", "b", "c"));
        Random random = new Random(7);
        long[] expected = new long[Outcome.COUNT];
        int records = 20_000;
        for (int i = 0; i < records; i++) {
            Outcome outcome = Outcome.ALL.get(random.nextInt(Outcome.COUNT));
            expected[outcome.ordinal()]++;
            long intended = random.nextInt(1_000_000);
            metrics.record(random.nextInt(3), intended, intended + 10, intended + 10 + random.nextInt(50_000), outcome);
        }
        OutcomeCounts totals = metrics.outcomeTotals();
        assertThat(totals).isEqualTo(OutcomeCounts.of(expected));
        assertThat(totals.total()).isEqualTo(records);
        assertThat(totals.attempted() + totals.unsent()).isEqualTo(records);

        IntervalRecorder intervals =
                new IntervalRecorder(metrics, new ManualNanoClock(), new ByteArrayOutputStream(), null);
        intervals.close();
        for (Metric metric : Metric.values()) {
            assertThat(intervals.cumulative(metric).getTotalCount()).isEqualTo(totals.attempted());
        }
        assertThat(intervals.latest().overall().totalCounts()).isEqualTo(totals);
    }

    @Test
    void unsentRequestsCountButRecordNoLatency() {
        RunMetrics metrics = new RunMetrics(List.of("a"));
        metrics.record(0, 0, -1, -1, Outcome.UNSENT_INFLIGHT_CAP);
        metrics.record(0, 5, 0, 0, Outcome.UNSENT_STOPPED);
        IntervalRecorder intervals =
                new IntervalRecorder(metrics, new ManualNanoClock(), new ByteArrayOutputStream(), null);
        intervals.close();

        assertThat(metrics.endpoint(0).outcomeCount(Outcome.UNSENT_INFLIGHT_CAP))
                .isEqualTo(1);
        assertThat(metrics.endpoint(0).outcomeCount(Outcome.UNSENT_STOPPED)).isEqualTo(1);
        assertThat(intervals.cumulative(Metric.LATENCY).getTotalCount()).isZero();
        assertThat(intervals.cumulative(Metric.SEND_LAG).getTotalCount()).isZero();
        assertThat(metrics.negativeValues()).as("ignored times are not checked").isZero();
    }

    @Test
    void failuresAndTimeoutsRecordLatencyUpToWhenTheyFailed() {
        RunMetrics metrics = new RunMetrics(List.of("a"));
        metrics.record(0, 0, 2 * MS, 5_000 * MS, Outcome.TIMEOUT);
        metrics.record(0, 0, 1 * MS, 3 * MS, Outcome.TRANSPORT_CONNECT);
        IntervalRecorder intervals =
                new IntervalRecorder(metrics, new ManualNanoClock(), new ByteArrayOutputStream(), null);
        intervals.close();

        Histogram latency = intervals.cumulative(Metric.LATENCY);
        assertThat(latency.getTotalCount()).isEqualTo(2);
        assertThat((double) latency.getMaxValue()).isCloseTo(5_000.0 * MS, within(5.0 * MS));
        assertThat((double) latency.getMinValue()).isCloseTo(3.0 * MS, within(0.01 * MS));
        assertThat((double) intervals.cumulative(Metric.SERVICE).getMaxValue())
                .isCloseTo(4_998.0 * MS, within(5.0 * MS));
        assertThat((double) intervals.cumulative(Metric.SEND_LAG).getMaxValue()).isCloseTo(2.0 * MS, within(0.01 * MS));
    }

    @Test
    void valuesAboveTheHighestTrackableAreClampedAndCountedNegativeOnesZeroedAndCounted() {
        long highest = TimeUnit.SECONDS.toNanos(1);
        RunMetrics metrics = new RunMetrics(List.of("a"), highest);
        metrics.record(0, 0, 10, 2 * highest, Outcome.OK); // latency and service above the range
        metrics.record(0, 1_000, 900, 2_000, Outcome.OK); // sent 100 ns early
        metrics.record(0, 0, 0, 500, Outcome.OK);
        IntervalRecorder intervals =
                new IntervalRecorder(metrics, new ManualNanoClock(), new ByteArrayOutputStream(), null);
        intervals.close();

        assertThat(metrics.clampedValues()).isEqualTo(2);
        assertThat(metrics.negativeValues()).isEqualTo(1);
        Histogram latency = intervals.cumulative(Metric.LATENCY);
        assertThat(latency.getTotalCount()).isEqualTo(3);
        assertThat(latency.valuesAreEquivalent(latency.getMaxValue(), highest)).isTrue();
        assertThat(intervals.cumulative(Metric.SEND_LAG).getMinValue()).isZero();
        assertThat(intervals.latest().clampedValues()).isEqualTo(2);
        assertThat(intervals.latest().negativeValues()).isEqualTo(1);
    }

    @Test
    void theEndpointTableIsCheckedUpFront() {
        assertThatThrownBy(() -> new RunMetrics(List.of("a", "b", "a")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a' appears twice, at 0 and 2");
        assertThatThrownBy(() -> new RunMetrics(List.of(""))).hasMessageContaining("empty name");
        RunMetrics metrics = new RunMetrics(List.of("GET /x", "POST /y"));
        assertThat(metrics.indexOf("POST /y")).isEqualTo(1);
        assertThat(metrics.indexOf("nope")).isEqualTo(-1);
        assertThat(metrics.endpoint(1).name()).isEqualTo("POST /y");
        assertThat(metrics.endpointCount()).isEqualTo(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
