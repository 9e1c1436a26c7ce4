package dev.stampede.engine.measure;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * One endpoint's live measurements: a {@link Recorder} per {@link Metric} (values in nanoseconds,
 * {@value RunMetrics#SIGNIFICANT_DIGITS} significant digits) and a counter per {@link Outcome}.
 *
 * <p>Written by any number of threads through {@link RunMetrics#record}; read by the {@link
 * IntervalRecorder}, which swaps the recorders' interval histograms. Counters are {@link LongAdder}s:
 * uncontended increments touch one shared cell, contended ones spread over per-thread cells (created
 * once, on first contention), so steady state allocates nothing.
 */
public final class EndpointMetrics {

    private final int index;
    private final String name;
    private final Recorder[] recorders = new Recorder[Metric.COUNT];
    private final LongAdder[] outcomes = new LongAdder[Outcome.COUNT];

    EndpointMetrics(int index, String name, long highestTrackableNanos) {
        this.index = index;
        this.name = name;
        for (int m = 0; m < recorders.length; m++) {
            recorders[m] = new Recorder(1, highestTrackableNanos, RunMetrics.SIGNIFICANT_DIGITS);
        }
        for (int o = 0; o < outcomes.length; o++) {
            outcomes[o] = new LongAdder();
        }
    }

    /** The endpoint's index in the run's endpoint table. */
    public int index() {
        return index;
    }

    /** The endpoint's name, e.g. {@code GET /api/quote/{code}}. */
    public String name() {
        return name;
    }

    /** How many requests of this endpoint ended with {@code outcome} so far. Not for the hot path. */
    public long outcomeCount(Outcome outcome) {
        return outcomes[outcome.ordinal()].sum();
    }

    /** Hot path. */
    void count(Outcome outcome) {
        outcomes[outcome.ordinal()].increment();
    }

    /** Hot path: {@code nanos} must already be within the trackable range. */
    void recordInRange(Metric metric, long nanos) {
        recorders[metric.ordinal()].recordValue(nanos);
    }

    Recorder recorder(Metric metric) {
        return recorders[metric.ordinal()];
    }
}
