package dev.stampede.report.console;

import dev.stampede.engine.measure.EndpointSnapshot;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;

/**
 * What one live console line shows: the latest interval of a running load.
 *
 * @param elapsedSeconds since the run started sending
 * @param plannedSeconds how long it is planned to send; NaN when not known (a replay's own length)
 * @param targetRate the rate asked for now; NaN without one (flat out)
 * @param unit the rate's unit: {@code req/s}, or {@code x} for a replay's speed
 * @param achievedRate attempted requests per second in the interval
 * @param inFlight requests sent and not yet ended
 * @param p50Nanos median latency (from the intended send time) in the interval
 * @param p99Nanos its 99th percentile
 * @param maxNanos its maximum
 * @param http4xx 4xx responses in the interval
 * @param http5xx 5xx responses
 * @param transport connect failures, resets and protocol errors
 * @param timeouts requests without a response within the timeout
 * @param unsent requests never sent (in-flight cap, stop)
 * @param sendLagP99Nanos the interval's send-lag p99
 * @param guards the guards' state in a few words ("" without guards)
 */
public record ConsoleFrame(
        double elapsedSeconds,
        double plannedSeconds,
        double targetRate,
        String unit,
        double achievedRate,
        long inFlight,
        long p50Nanos,
        long p99Nanos,
        long maxNanos,
        long http4xx,
        long http5xx,
        long transport,
        long timeouts,
        long unsent,
        long sendLagP99Nanos,
        String guards) {

    /** The frame of {@code snapshot}'s latest interval. */
    public static ConsoleFrame of(
            LiveSnapshot snapshot,
            double plannedSeconds,
            double targetRate,
            String unit,
            long inFlight,
            String guards) {
        EndpointSnapshot all = snapshot.overall();
        OutcomeCounts c = all.intervalCounts();
        return new ConsoleFrame(
                snapshot.elapsedNanos() / 1e9,
                plannedSeconds,
                targetRate,
                unit,
                all.ratePerSec(),
                inFlight,
                all.intervalLatency().p50Nanos(),
                all.intervalLatency().p99Nanos(),
                all.intervalLatency().maxNanos(),
                c.get(Outcome.HTTP_4XX),
                c.get(Outcome.HTTP_5XX) + c.get(Outcome.HTTP_OTHER),
                c.transportErrors(),
                c.get(Outcome.TIMEOUT),
                c.unsent(),
                all.intervalSendLagP99Nanos(),
                guards);
    }

    /** True when something went wrong in the interval: an error, an unsent request, a guard not ok. */
    public boolean eventful() {
        return http4xx + http5xx + transport + timeouts + unsent > 0
                || guards.contains("tripped")
                || guards.contains("breached");
    }
}
