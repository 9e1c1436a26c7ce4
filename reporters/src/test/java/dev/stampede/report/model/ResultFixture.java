package dev.stampede.report.model;

import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.control.guard.SloResult;
import dev.stampede.engine.measure.GcUse;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.Metric;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.RingUse;
import dev.stampede.engine.measure.RunEvents;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.engine.measure.RunMetrics;
import dev.stampede.engine.measure.RunMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A fixed synthetic result directory, written by the engine's own writers ({@link IntervalRecorder} for
 * {@code latency.hlog}, {@link IntervalLog}, {@link RunJsonWriter}) on a {@link ManualNanoClock} starting
 * 2026-01-01T00:00:00Z: three endpoints (one with a space and a comma in its name), three full intervals
 * of one second and a last partial one of half a second, at 200 requests per second; every 20th request a
 * 5xx, one timeout, one request unsent; three SLOs (failed, passed, never judged).
 *
 * <p>It also keeps what the engine itself knew after the second interval, so that tests of a killed run
 * can compare the read-back with it exactly.
 */
public final class ResultFixture {

    public static final List<String> ENDPOINTS =
            List.of("GET /api/quote/{code}", "POST /api/order", "GET /search?q=a b,c");

    private static final long MS = 1_000_000L;
    private static final long SEC = 1_000_000_000L;

    /** What the engine's totals held after the second interval. */
    public LiveSnapshot afterTwo;

    /** The overall latency histogram after the second interval, as the engine had it. */
    public Histogram latencyAfterTwo;

    /** The same for the endpoint {@code POST /api/order}. */
    public Histogram orderLatencyAfterTwo;

    /** The overall latency histogram at the end. */
    public Histogram latencyAtEnd;

    /** Writes the directory into {@code dir} (which must exist). */
    public static ResultFixture write(Path dir) {
        try {
            return new ResultFixture().writeInto(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResultFixture writeInto(Path dir) throws IOException {
        ManualNanoClock clock = new ManualNanoClock();
        RunMetrics metrics = new RunMetrics(ENDPOINTS);
        IntervalRecorder intervals = IntervalRecorder.create(metrics, clock, dir, "stampede run fixture");
        RunEvents events = new RunEvents(clock);
        long start = clock.epochMillis();
        events.add("started: fixture, 200 req/s");
        try (IntervalLog log = IntervalLog.create(dir)) {
            int request = 0;
            for (int interval = 0; interval < 4; interval++) {
                int requests = interval < 3 ? 200 : 100;
                long intervalStart = clock.nanoTime();
                for (int i = 0; i < requests; i++, request++) {
                    long intended = intervalStart + i * 5 * MS;
                    record(metrics, request, intended);
                }
                if (interval == 1) {
                    events.add("rate set to 200 req/s by the control API");
                }
                clock.advance(interval < 3 ? SEC : SEC / 2);
                if (interval < 3) {
                    log.append(intervals.tick(), 200.0, 3);
                } else {
                    intervals.close();
                    log.append(intervals.latest(), 200.0, 0);
                }
                if (interval == 1) {
                    afterTwo = intervals.latest();
                    latencyAfterTwo = intervals.cumulative(Metric.LATENCY);
                    orderLatencyAfterTwo = intervals.cumulative(Metric.LATENCY, 1);
                }
            }
        }
        latencyAtEnd = intervals.cumulative(Metric.LATENCY);
        events.add("schedule ended");
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("stampede", "0.1.0-SNAPSHOT");
        versions.put("java", "17.0.15");
        RunInfo run = RunInfo.of(
                        "20260101-000000-fixture",
                        "fixture",
                        "https://trade.test.example",
                        versions,
                        start,
                        clock.epochMillis(),
                        events.list(),
                        intervals.latest(),
                        GeneratorHealth.DEFAULT_THRESHOLD_NANOS,
                        RunMode.FIXED_RATE,
                        new GeneratorUse(
                                new RingUse(1024, 9, 4, 0, 0, 701),
                                new GcUse(1, 6, 6, true),
                                410_000_000L,
                                1_250_000_000L,
                                3_500 * MS))
                .withSlo(slo());
        RunJsonWriter.write(run, dir);
        return this;
    }

    /**
     * Request {@code n}: endpoint {@code n % 3}; latency from 0.2 ms to about 60 ms, with a tail every
     * 50th; send lag 20 to 120 us; every 20th a 5xx; request 250 a timeout after 2 s, request 251 unsent.
     */
    private static void record(RunMetrics metrics, int n, long intended) {
        int endpoint = n % 3;
        if (n == 251) {
            metrics.record(endpoint, intended, 0, 0, Outcome.UNSENT_INFLIGHT_CAP);
            return;
        }
        long sendLag = 20_000L + (n * 7919L) % 100_000L;
        long latency = n == 250 ? 2 * SEC : 200_000L + (n * 104_729L) % (n % 50 == 0 ? 60 * MS : 4 * MS);
        Outcome outcome = n == 250 ? Outcome.TIMEOUT : n % 20 == 0 ? Outcome.HTTP_5XX : Outcome.OK;
        metrics.record(endpoint, intended, intended + sendLag, intended + Math.max(latency, sendLag + 1), outcome);
    }

    private static List<SloResult> slo() {
        List<SloResult> slo = new ArrayList<>();
        slo.add(new SloResult("p99", "p99 latency above 50ms over 2s", true, false, 6.0e7, "60ms", 1));
        slo.add(new SloResult("errors", "error ratio above 10% over 2s", true, true, 0.05, "5%", 0));
        slo.add(new SloResult("p999-order", "p99.9 latency above 1s over 10s", false, true, Double.NaN, "-", 0));
        return slo;
    }
}
