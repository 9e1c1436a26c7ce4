package dev.stampede.engine.control;

import dev.stampede.control.EndpointStats;
import dev.stampede.control.IntervalStats;
import dev.stampede.engine.measure.EndpointSnapshot;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import java.util.ArrayList;
import java.util.List;

/** The controller's view of an interval snapshot: outcome classes, the latency histogram, send lag. */
public final class ControlStats {

    private ControlStats() {}

    /**
     * The interval of {@code snapshot} (sequence 1 or later) as the controller sees it.
     *
     * @param targetRate the rate asked for at its end (NaN when the run has none: flat out)
     */
    public static IntervalStats of(LiveSnapshot snapshot, double targetRate) {
        List<EndpointStats> endpoints = new ArrayList<>(snapshot.endpoints().size());
        for (EndpointSnapshot endpoint : snapshot.endpoints()) {
            endpoints.add(of(endpoint, endpoint.name()));
        }
        double seconds = Math.max(snapshot.intervalNanos(), 1) / 1e9;
        return new IntervalStats(
                snapshot.elapsedNanos() / 1e9,
                seconds,
                targetRate,
                of(snapshot.overall(), IntervalStats.OVERALL),
                endpoints);
    }

    private static EndpointStats of(EndpointSnapshot endpoint, String name) {
        OutcomeCounts c = endpoint.intervalCounts();
        return new EndpointStats(
                name,
                c.get(Outcome.OK),
                c.get(Outcome.HTTP_4XX),
                c.get(Outcome.HTTP_5XX),
                c.get(Outcome.HTTP_OTHER),
                c.transportErrors(),
                c.get(Outcome.TIMEOUT),
                c.unsent(),
                endpoint.intervalLatencyHistogram(),
                endpoint.intervalSendLagP99Nanos());
    }
}
