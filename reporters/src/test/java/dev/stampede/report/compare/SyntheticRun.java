package dev.stampede.report.compare;

import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.engine.measure.GcUse;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.RingUse;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.engine.measure.RunMetrics;
import dev.stampede.engine.measure.RunMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a result directory the way a run does, through the engine's own writers ({@link
 * IntervalRecorder} for latency.hlog, {@link IntervalLog}, {@link RunJsonWriter}) on a manual clock, with
 * latencies drawn from a seeded distribution: a synthetic run whose files are real.
 */
final class SyntheticRun {

    /** A latency in ns for one request. */
    @FunctionalInterface
    interface Latency {
        long nanos(String endpoint, int interval, SplittableRandom random);
    }

    private static final long SECOND = 1_000_000_000L;

    private List<String> endpoints = List.of("GET /api/quote/{code}", "POST /api/order");
    private int intervals = 60;
    private int perInterval = 1_000;
    private long seed = 1;
    private double errorShare;
    private Latency latency = typical(1.0);
    private boolean runJson = true;
    private boolean intervalLog = true;

    static SyntheticRun of() {
        return new SyntheticRun();
    }

    /**
     * 98% of requests around 5 ms (uniform 3-7 ms), 2% slow around {@code 40 ms x tailFactor} (uniform
     * 30-50 ms, scaled): p50 ~5 ms, p99 ~40 ms x tailFactor.
     */
    static Latency typical(double tailFactor) {
        return (endpoint, interval, random) -> random.nextDouble() < 0.98
                ? 3_000_000L + random.nextLong(4_000_000L)
                : Math.round((30_000_000L + random.nextLong(20_000_000L)) * tailFactor);
    }

    /** Every request takes {@code nanos} give or take 10%. */
    static Latency around(long nanos) {
        return (endpoint, interval, random) -> nanos - nanos / 10 + random.nextLong(nanos / 5 + 1);
    }

    SyntheticRun endpoints(List<String> names) {
        this.endpoints = List.copyOf(names);
        return this;
    }

    SyntheticRun intervals(int count) {
        this.intervals = count;
        return this;
    }

    /** Requests per endpoint per one-second interval. */
    SyntheticRun perInterval(int requests) {
        this.perInterval = requests;
        return this;
    }

    SyntheticRun seed(long value) {
        this.seed = value;
        return this;
    }

    /** The share of requests that end as 5xx. */
    SyntheticRun errors(double share) {
        this.errorShare = share;
        return this;
    }

    SyntheticRun latency(Latency distribution) {
        this.latency = distribution;
        return this;
    }

    /** Leaves run.json out, as a killed run does. */
    SyntheticRun killed() {
        this.runJson = false;
        return this;
    }

    SyntheticRun withoutIntervalLog() {
        this.intervalLog = false;
        return this;
    }

    /** Writes the run into {@code dir} (created) and returns it. */
    Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            write(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Path dir) throws IOException {
        ManualNanoClock clock = new ManualNanoClock();
        RunMetrics metrics = new RunMetrics(endpoints);
        IntervalRecorder recorder = IntervalRecorder.create(metrics, clock, dir, "synthetic run seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        long startMillis = clock.epochMillis();
        try (IntervalLog log = intervalLog ? IntervalLog.create(dir) : null) {
            for (int interval = 0; interval < intervals; interval++) {
                long intervalStart = interval * SECOND;
                for (int k = 0; k < perInterval; k++) {
                    long intended = intervalStart + k * (SECOND / perInterval);
                    for (int e = 0; e < endpoints.size(); e++) {
                        long took = latency.nanos(endpoints.get(e), interval, random);
                        Outcome outcome = random.nextDouble() < errorShare ? Outcome.HTTP_5XX : Outcome.OK;
                        metrics.record(e, intended, intended + 20_000, intended + took, outcome);
                    }
                }
                clock.advanceTo(intervalStart + SECOND);
                LiveSnapshot snapshot = recorder.tick();
                if (log != null) {
                    log.append(snapshot, perInterval * endpoints.size(), 0);
                }
            }
        }
        recorder.close();
        if (runJson) {
            long sendingNanos = intervals * SECOND;
            GeneratorUse use = new GeneratorUse(RingUse.NOT_MEASURED, GcUse.NOT_MEASURED, -1, -1, sendingNanos);
            Map<String, String> versions = new LinkedHashMap<>();
            versions.put("stampede", "0.1.0-SNAPSHOT");
            RunInfo run = RunInfo.of(
                    "synthetic-" + seed,
                    "synthetic",
                    "http://127.0.0.1:1/",
                    versions,
                    startMillis,
                    clock.epochMillis(),
                    List.of(),
                    recorder.latest(),
                    1_000_000L,
                    RunMode.FIXED_RATE,
                    use);
            RunJsonWriter.write(run, dir);
        }
    }
}
