package dev.stampede.report.model;

import dev.stampede.engine.measure.OutcomeCounts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * One endpoint's results, or all endpoints' together ({@link #isOverall()}): cumulative HdrHistograms
 * of latency (from the intended send time), service time and send lag over every complete interval, in
 * nanoseconds, one summary point per interval, and the outcome counts. Immutable: the histogram getters
 * return copies.
 */
public final class SeriesResults {

    /** The name of the overall series, as the engine's live snapshot calls it. */
    public static final String OVERALL = "*";

    private final String name;
    private final Histogram latency;
    private final Histogram service;
    private final Histogram sendLag;
    private final List<IntervalPoint> points;
    private final OutcomeCounts totals;

    SeriesResults(
            String name,
            Histogram latency,
            Histogram service,
            Histogram sendLag,
            List<IntervalPoint> points,
            OutcomeCounts totals) {
        this.name = Objects.requireNonNull(name, "name");
        this.latency = latency;
        this.service = service;
        this.sendLag = sendLag;
        this.points = List.copyOf(points);
        this.totals = totals;
    }

    /** The endpoint's name as the run named it (e.g. {@code GET /api/quote/{code}}), or {@link #OVERALL}. */
    public String name() {
        return name;
    }

    /** Whether this is all endpoints together. */
    public boolean isOverall() {
        return OVERALL.equals(name);
    }

    /** Latency from the intended send time (coordinated-omission free), ns: a copy. */
    public Histogram latency() {
        return latency.copy();
    }

    /** Service time, from the actual send, ns: a copy. */
    public Histogram service() {
        return service.copy();
    }

    /** Send lag, actual minus intended send time, ns: a copy. */
    public Histogram sendLag() {
        return sendLag.copy();
    }

    /** One point per interval that recorded anything, in time order (the log leaves out empty ones). */
    public List<IntervalPoint> points() {
        return points;
    }

    /**
     * The outcome counts: from {@code run.json} for a run that ended, else summed over the complete
     * lines of {@code intervals.jsonl}; empty when neither file is there.
     */
    public Optional<OutcomeCounts> totals() {
        return Optional.ofNullable(totals);
    }

    @Override
    public String toString() {
        return "SeriesResults[" + name + ", " + latency.getTotalCount() + " latencies, " + points.size() + " points]";
    }
}
