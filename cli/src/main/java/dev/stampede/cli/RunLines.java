package dev.stampede.cli;

import dev.stampede.engine.measure.EndpointSnapshot;
import dev.stampede.engine.measure.GcUse;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.LatencySummary;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunInfo;
import dev.stampede.engine.measure.RunMode;
import dev.stampede.engine.pipeline.RunOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code stampede run} prints: a line per interval while it runs, and the summary at the end. */
final class RunLines {

    private RunLines() {}

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
        boolean flatOut = info.mode() == RunMode.FLAT_OUT;
        out.printf(
                Locale.ROOT,
                "%s: %,.0f req/s achieved (%,d requests sent in %.2f s)%n",
                flatOut ? "flat out (closed loop)" : "fixed rate",
                info.achievedRatePerSec(),
                totals.attempted(),
                info.generator().use().sendingNanos() / 1e9);
        outcome.sourceReport().forEach(out::println);
        LatencySummary latency = all.cumulativeLatency();
        out.printf(
                Locale.ROOT,
                flatOut
                        ? "latency from each request's release (flat out: the service time): p50 %s  p90 %s  p99 %s"
                                + "  p99.9 %s  max %s%n"
                        : "latency from the intended send time: p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n",
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
        out.println(generator(info.generator()));
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

    /**
     * {@code generator: CPU 2.10 s while sending (3.40 s with JVM start-up), 1.05 CPU-s per 100k requests;
     * GC 3 pauses, 12 ms (max 5 ms); ring max 40 of 1024 waiting (p99 12)}.
     */
    static String generator(GeneratorHealth health) {
        GeneratorUse use = health.use();
        StringBuilder line = new StringBuilder("generator: ");
        if (use.runCpuNanos() < 0) {
            line.append("CPU unknown");
        } else {
            line.append(String.format(
                    Locale.ROOT,
                    "CPU %.2f s while sending (%.2f s with JVM start-up), %.2f CPU-s per 100k requests",
                    use.runCpuNanos() / 1e9,
                    use.processCpuNanos() / 1e9,
                    Math.max(0, health.cpuSecondsPer100k())));
        }
        GcUse gc = use.gc();
        line.append(
                gc.observed()
                        ? String.format(
                                Locale.ROOT,
                                "; GC %d pauses, %d ms (max %d ms)",
                                gc.pauses(),
                                gc.totalPauseMillis(),
                                gc.maxPauseMillis())
                        : "; GC pauses unknown");
        if (use.ring().samples() > 0) { // a flat-out run has no ring
            line.append(String.format(
                    Locale.ROOT,
                    "; ring look-ahead max %d of %d (p99 %d), full %d times, %d requests late into it",
                    use.ring().maxOccupied(),
                    use.ring().size(),
                    use.ring().p99Occupied(),
                    use.ring().fullWaits(),
                    use.ring().lateArrivals()));
        }
        return line.toString();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
