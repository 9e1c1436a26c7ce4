package dev.stampede.engine.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.stampede.common.time.ManualNanoClock;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogProcessor;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntervalRecorderTest {

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long SEC = 1_000_000_000L;
    private static final String QUOTE = "GET /api/quote/{code}";
    private static final String ORDER = "POST /orders, batch 100%";

    @TempDir
    Path dir;

    private final ManualNanoClock clock = new ManualNanoClock(5 * SEC, 1_767_225_600_000L);
    private final RunMetrics metrics = new RunMetrics(List.of(QUOTE, ORDER));

    @Test
    void snapshotsCarryCountsRatesAndPercentilesOfTheIntervalAndTheRun() throws IOException {
        IntervalRecorder intervals = IntervalRecorder.create(metrics, clock, dir, null);
        long t0 = clock.nanoTime();
        assertThat(intervals.latest().sequence()).isZero();
        assertThat(intervals.latest().endpoint(QUOTE).totalCounts()).isEqualTo(OutcomeCounts.ZERO);

        for (int i = 1; i <= 100; i++) {
            metrics.record(0, t0, t0 + 10 * US, t0 + i * MS, Outcome.OK);
        }
        for (int i = 0; i < 10; i++) {
            metrics.record(1, t0, t0 + 10 * US, t0 + 200 * MS, Outcome.HTTP_5XX);
        }
        for (int i = 0; i < 5; i++) {
            metrics.record(1, t0, 0, 0, Outcome.UNSENT_INFLIGHT_CAP);
        }
        clock.advance(SEC);
        LiveSnapshot first = intervals.tick();

        assertThat(intervals.latest()).isSameAs(first);
        assertThat(first.sequence()).isEqualTo(1);
        assertThat(first.elapsedNanos()).isEqualTo(SEC);
        assertThat(first.intervalNanos()).isEqualTo(SEC);
        EndpointSnapshot quote = first.endpoint(QUOTE);
        assertThat(quote.intervalCounts().get(Outcome.OK)).isEqualTo(100);
        assertThat(quote.ratePerSec()).isEqualTo(100.0);
        assertPercentiles(quote.intervalLatency(), 100, 50 * MS, 90 * MS, 99 * MS, 100 * MS, 100 * MS);
        assertThat(quote.cumulativeLatency()).isEqualTo(quote.intervalLatency());
        assertThat((double) quote.intervalSendLagP99Nanos()).isCloseTo(10.0 * US, withinPercentage(0.1));
        EndpointSnapshot order = first.endpoint(ORDER);
        assertThat(order.totalCounts().total()).isEqualTo(15);
        assertThat(order.totalCounts().unsent()).isEqualTo(5);
        assertThat(order.ratePerSec()).as("unsent requests are not throughput").isEqualTo(10.0);
        EndpointSnapshot overall = first.overall();
        assertThat(overall.name()).isEqualTo(LiveSnapshot.OVERALL);
        assertThat(overall.totalCounts().get(Outcome.OK)).isEqualTo(100);
        assertThat(overall.totalCounts().get(Outcome.HTTP_5XX)).isEqualTo(10);
        assertThat(overall.totalCounts().get(Outcome.UNSENT_INFLIGHT_CAP)).isEqualTo(5);
        assertThat(overall.ratePerSec()).isEqualTo(110.0);
        // 110 values: 1..100 ms then ten of 200 ms. Rank ceil(0.9 * 110) = 99, ceil(0.99 * 110) = 109.
        assertPercentiles(overall.intervalLatency(), 110, 55 * MS, 99 * MS, 200 * MS, 200 * MS, 200 * MS);

        long t1 = clock.nanoTime();
        for (int i = 0; i < 50; i++) {
            metrics.record(0, t1, t1 + 10 * US, t1 + SEC, Outcome.OK);
        }
        clock.advance(2 * SEC);
        LiveSnapshot second = intervals.tick();

        assertThat(second.sequence()).isEqualTo(2);
        assertThat(second.elapsedNanos()).isEqualTo(3 * SEC);
        assertThat(second.intervalNanos()).isEqualTo(2 * SEC);
        quote = second.endpoint(QUOTE);
        assertThat(quote.ratePerSec()).isEqualTo(25.0);
        assertThat(quote.intervalCounts().get(Outcome.OK)).isEqualTo(50);
        assertThat(quote.totalCounts().get(Outcome.OK)).isEqualTo(150);
        assertPercentiles(quote.intervalLatency(), 50, SEC, SEC, SEC, SEC, SEC);
        // 150 values: 1..100 ms, then fifty of 1 s; the median is rank 75.
        assertPercentiles(quote.cumulativeLatency(), 150, 75 * MS, SEC, SEC, SEC, SEC);
        order = second.endpoint(ORDER);
        assertThat(order.ratePerSec()).isZero();
        assertThat(order.intervalLatency()).isEqualTo(LatencySummary.EMPTY);
        assertThat(order.intervalCounts()).isEqualTo(OutcomeCounts.ZERO);
        assertThat(order.cumulativeLatency().count()).isEqualTo(10);
        assertThat(second.overall().cumulativeLatency().count()).isEqualTo(160);
        intervals.close();
    }

    @Test
    void theLogReadBackWithHdrHistogramsReaderHasEveryTagsCountsInNanoseconds() throws IOException {
        IntervalRecorder intervals = IntervalRecorder.create(metrics, clock, dir, "Stampede test run");
        long t0 = clock.nanoTime();
        for (int i = 0; i < 30; i++) {
            metrics.record(0, t0, t0 + 100 * US, t0 + 1_234_567, Outcome.OK);
        }
        for (int i = 0; i < 7; i++) {
            metrics.record(1, t0, t0 + 2 * MS, t0 + 50 * MS, Outcome.TIMEOUT);
        }
        metrics.record(1, t0, 0, 0, Outcome.UNSENT_STOPPED);
        clock.advance(SEC);
        intervals.tick();
        clock.advance(SEC); // an interval with nothing recorded: no lines
        intervals.tick();
        for (int i = 0; i < 3; i++) {
            metrics.record(0, t0, t0, t0 + 3 * SEC, Outcome.HTTP_4XX);
        }
        clock.advance(SEC / 2);
        intervals.close();

        Path hlog = dir.resolve(IntervalRecorder.HLOG_FILE_NAME);
        Map<String, Long> countByTag = new HashMap<>();
        Map<String, Long> maxByTag = new HashMap<>();
        Map<String, Long> startByTag = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
        for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
            String tag = String.valueOf(h.getTag());
            countByTag.merge(tag, ((Histogram) h).getTotalCount(), Long::sum);
            maxByTag.merge(tag, ((Histogram) h).getMaxValue(), Math::max);
            startByTag.merge(tag, h.getStartTimeStamp(), Math::max);
        }
        reader.close();
        assertThat(reader.getStartTimeSec()).isEqualTo(1_767_225_600.0);

        String quoteLatency = "latency:GET%20/api/quote/{code}";
        String orderLatency = "latency:POST%20/orders%2C%20batch%20100%25";
        assertThat(countByTag)
                .containsOnlyKeys(
                        "null",
                        "service",
                        "send-lag",
                        quoteLatency,
                        "service:GET%20/api/quote/{code}",
                        "send-lag:GET%20/api/quote/{code}",
                        orderLatency,
                        "service:POST%20/orders%2C%20batch%20100%25",
                        "send-lag:POST%20/orders%2C%20batch%20100%25")
                .containsEntry("null", 40L)
                .containsEntry("service", 40L)
                .containsEntry(quoteLatency, 33L)
                .containsEntry(orderLatency, 7L)
                .containsEntry("send-lag:POST%20/orders%2C%20batch%20100%25", 7L);
        // Values are nanoseconds, to HdrHistogram's precision.
        assertThat((double) maxByTag.get(orderLatency)).isCloseTo(50.0 * MS, withinPercentage(0.1));
        assertThat((double) maxByTag.get("send-lag:POST%20/orders%2C%20batch%20100%25"))
                .isCloseTo(2.0 * MS, withinPercentage(0.1));
        assertThat((double) maxByTag.get(quoteLatency)).isCloseTo(3.0 * SEC, withinPercentage(0.1));
        // Interval timestamps: absolute epoch milliseconds; the last interval began 2 s in.
        assertThat(startByTag.get(quoteLatency)).isEqualTo(1_767_225_602_000L);
        assertThat(startByTag.get(orderLatency)).isEqualTo(1_767_225_600_000L);

        List<String> lines = Files.readAllLines(hlog, StandardCharsets.UTF_8);
        assertThat(lines.subList(0, 5))
                .satisfiesExactly(
                        l -> assertThat(l).isEqualTo("#Stampede test run"),
                        l -> assertThat(l).isEqualTo("#[Histogram log format version 1.3]"),
                        l -> assertThat(l).startsWith("#[StartTime: 1767225600.000 (seconds since epoch), "),
                        l -> assertThat(l).isEqualTo("#[BaseTime: 1767225600.000 (seconds since epoch)]"),
                        l -> assertThat(l)
                                .isEqualTo("\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\","
                                        + "\"Interval_Compressed_Histogram\""));
        // Each interval: endpoints in index order, then the overall lines, latency untagged;
        // Interval_Max in milliseconds.
        assertThat(lines.get(5)).startsWith("Tag=latency:GET%20/api/quote/{code},0.000,1.000,1.235,");
        assertThat(lines.get(11)).startsWith("0.000,1.000,50.004,");
        assertThat(lines.get(12)).startsWith("Tag=service,0.000,1.000,");
        assertThat(lines.get(13)).startsWith("Tag=send-lag,0.000,1.000,2.001,");
        // 1 interval x (3 quote + 3 order + 3 overall) lines, 1 empty interval, 1 x (3 quote + 3 overall).
        assertThat(lines).hasSize(5 + 9 + 6);
        assertThat(lines.get(lines.size() - 1)).startsWith("Tag=send-lag,2.000,0.500,");
        assertThat(intervals.hlogFailure()).isEmpty();
    }

    @Test
    void hdrHistogramsLogProcessorReadsTheLogPerTag() throws IOException {
        IntervalRecorder intervals = IntervalRecorder.create(metrics, clock, dir, null);
        long t0 = clock.nanoTime();
        for (int i = 1; i <= 1_000; i++) {
            metrics.record(0, t0, t0, t0 + i * MS, Outcome.OK);
        }
        clock.advance(SEC);
        intervals.close();

        Path out = dir.resolve("quote");
        new HistogramLogProcessor(new String[] {
                    "-i", dir.resolve(IntervalRecorder.HLOG_FILE_NAME).toString(),
                    "-o", out.toString(),
                    "-tag", HlogTags.endpointTag(Metric.LATENCY, QUOTE)
                })
                .run();
        String percentiles = Files.readString(dir.resolve("quote.hgrm"), StandardCharsets.UTF_8);
        // Milliseconds, as the tool prints nanosecond logs; the median of 1..1000 ms is 500 ms.
        assertThat(percentiles).containsPattern("\\s500\\.\\d+\\s+0\\.500000000000\\s+500\\s");
        assertThat(percentiles).contains("Total count    =         1000");
    }

    @Test
    void aFailingLogIsReportedAndTheLiveStatisticsCarryOn() {
        OutputStream broken = new OutputStream() {
            private int bytes;

            @Override
            public void write(int b) throws IOException {
                if (++bytes > 300) {
                    throw new IOException("disk full");
                }
            }
        };
        IntervalRecorder intervals = new IntervalRecorder(metrics, clock, broken, null);
        for (int i = 0; i < 10; i++) {
            metrics.record(0, 0, 0, 1_000 * i, Outcome.OK);
            clock.advance(SEC);
            intervals.tick();
        }
        assertThat(intervals.hlogFailure())
                .hasValueSatisfying(f -> assertThat(f).contains("histogram log"));
        assertThat(intervals.latest().overall().totalCounts().get(Outcome.OK)).isEqualTo(10);
        intervals.close();
    }

    @Test
    void closeTakesTheLastIntervalOnceAndTicksAfterwardsChangeNothing() throws IOException {
        IntervalRecorder intervals = IntervalRecorder.create(metrics, clock, dir, null);
        metrics.record(0, 0, 0, MS, Outcome.OK);
        intervals.close();
        LiveSnapshot last = intervals.latest();
        assertThat(last.sequence()).isEqualTo(1);
        assertThat(last.overall().totalCounts().total()).isEqualTo(1);
        metrics.record(0, 0, 0, MS, Outcome.OK);
        intervals.close();
        assertThat(intervals.tick()).isSameAs(last);
    }

    private static void assertPercentiles(
            LatencySummary summary, long count, long p50, long p90, long p99, long p999, long max) {
        assertThat(summary.count()).isEqualTo(count);
        assertThat((double) summary.p50Nanos()).as("p50").isCloseTo(p50, withinPercentage(0.1));
        assertThat((double) summary.p90Nanos()).as("p90").isCloseTo(p90, withinPercentage(0.1));
        assertThat((double) summary.p99Nanos()).as("p99").isCloseTo(p99, withinPercentage(0.1));
        assertThat((double) summary.p999Nanos()).as("p99.9").isCloseTo(p999, withinPercentage(0.1));
        assertThat((double) summary.maxNanos()).as("max").isCloseTo(max, withinPercentage(0.1));
    }
}
