package dev.stampede.cli;

import dev.stampede.engine.measure.EndpointSnapshot;
import dev.stampede.engine.measure.LatencySummary;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.pipeline.RunOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code stampede run} prints: a line per interval while it runs, and the summary at the end. */
final class RunLines {

    private RunLines() {}

    /** {@code [ 12s] 5001 req/s  p50 1.2 ms  p99 3.4 ms  max 9.1 ms  errors 0  send-lag p99 0.05 ms}. */
    static String live(LiveSnapshot snapshot) {
        EndpointSnapshot all = snapshot.overall();
        LatencySummary latency = all.intervalLatency();
        OutcomeCounts interval = all.intervalCounts();
        long errors = interval.attempted() - interval.get(Outcome.OK);
        return String.format(
                Locale.ROOT,
                "[%4ds] %8.0f req/s  p50 %s  p99 %s  max %s  errors %d  unsent %d  send-lag p99 %s",
                snapshot.elapsedNanos() / 1_000_000_000L,
                all.ratePerSec(),
                millis(latency.p50Nanos()),
                millis(latency.p99Nanos()),
                millis(latency.maxNanos()),
                errors,
                interval.unsent(),
                millis(all.intervalSendLagP99Nanos()));
    }

    static void summary(PrintWriter out, RunOutcome outcome, RunInfo info, Path dir) {
        EndpointSnapshot all = outcome.last().overall();
        OutcomeCounts totals = all.totalCounts();
        out.printf(
                Locale.ROOT,
                "%,d requests scheduled, %,d ended: %s%n",
                outcome.scheduled(),
                totals.total(),
                totals.byCode().entrySet().stream()
                        .filter(e -> e.getValue() > 0)
                        .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%,d", e.getValue()))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("none"));
        if (totals.total() != outcome.scheduled()) {
            out.printf(
                    Locale.ROOT,
                    "warning: %,d requests did not end before the pool stopped; they are missing above%n",
                    outcome.scheduled() - totals.total());
        }
        outcome.sourceReport().forEach(out::println);
        LatencySummary latency = all.cumulativeLatency();
        out.printf(
                Locale.ROOT,
                "latency from the intended send time: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
                millis(latency.p50Nanos()),
                millis(latency.p90Nanos()),
                millis(latency.p99Nanos()),
                millis(latency.p999Nanos()),
                millis(latency.maxNanos()));
        out.printf(
                Locale.ROOT,
                "send lag p99 %s (worst second %s)%n",
                millis(all.cumulativeSendLagP99Nanos()),
                millis(outcome.last().worstIntervalSendLagP99Nanos()));
        if (info.generator().fellBehind()) {
            out.println(
                    "warning: the generator fell behind: " + info.generator().reason());
        }
        if (info.clampedValues() > 0) {
            out.printf(
                    Locale.ROOT, "warning: %,d values above an hour were recorded as an hour%n", info.clampedValues());
        }
        out.printf(Locale.ROOT, "results: %s (latency.hlog, run.json)%n", dir);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
