package dev.stampede.cli;

import dev.stampede.model.BehaviourModel;
import dev.stampede.model.EndpointModel;
import dev.stampede.model.SessionModel;
import dev.stampede.model.Transition;
import dev.stampede.model.arrival.Arrivals;
import dev.stampede.model.arrival.Peak;
import dev.stampede.model.fidelity.FidelityReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human summary of a model and of its fidelity check. */
final class ModelSummaryPrinter {

    private static final int TOP_ENDPOINTS = 10;
    private static final int TOP_TRANSITIONS = 8;

    private final PrintWriter out;

    ModelSummaryPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(BehaviourModel model, Path dir) {
        out.printf(
                Locale.ROOT,
                "modelled %,d records (%s to %s) into %d endpoints%n",
                model.source().records(),
                model.source().firstStart(),
                model.source().lastStart(),
                model.endpoints().size());
        out.println("  top endpoints:");
        for (EndpointModel endpoint : model.endpoints()
                .subList(0, Math.min(TOP_ENDPOINTS, model.endpoints().size()))) {
            Map<String, Double> server = endpoint.serverTimeMillis();
            out.printf(
                    Locale.ROOT,
                    "    %6.2f%%  %,9d  %-48s %s%n",
                    endpoint.share() * 100,
                    endpoint.count(),
                    endpoint.id(),
                    server == null
                            ? ""
                            : String.format(
                                    Locale.ROOT, "p50 %.1f ms, p99 %.1f ms", server.get("p50"), server.get("p99")));
        }
        Arrivals arrivals = model.arrivals();
        if (arrivals != null) {
            Peak peak = arrivals.peak();
            out.printf(
                    Locale.ROOT,
                    "  arrivals: mean %.1f req/s, busiest second %,d; peak %d-minute window from %s: %,d requests (%.1f"
                            + " req/s); dispersion index %.2f (1 = Poisson)%n",
                    arrivals.meanPerSecond(),
                    arrivals.maxPerSecond(),
                    model.settings().peakWindowMinutes(),
                    Instant.ofEpochSecond(peak.startSecond()),
                    peak.requests(),
                    peak.meanPerSecond(),
                    arrivals.dispersionIndex());
            if (arrivals.droppedRecords() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  warning: %,d records past the arrival curve's length cap were left out of it%n",
                        arrivals.droppedRecords());
            }
        }
        SessionModel sessions = model.sessions();
        out.printf(
                Locale.ROOT,
                "  sessions (%s, %d s idle ends one): %,d (%,d open at the log's end), mean %.1f requests and"
                        + " %.1f s; %,d records had no %s and fell back to ip+ua%n",
                sessions.key(),
                sessions.timeoutSeconds(),
                sessions.sessions(),
                sessions.openAtLogEnd(),
                sessions.meanLength(),
                sessions.meanDurationSeconds(),
                sessions.keyMissing(),
                sessions.key());
        List<Transition> busiest = sessions.transitions().stream()
                .filter(t -> t.thinkSeconds() != null)
                .sorted(Comparator.comparingLong(Transition::count).reversed())
                .limit(TOP_TRANSITIONS)
                .toList();
        if (!busiest.isEmpty()) {
            out.println("  busiest transitions (think time fitted; KS distance of the fit):");
            for (Transition t : busiest) {
                out.printf(
                        Locale.ROOT,
                        "    %,8d  %5.1f%%  %s -> %s: %s mean %.2f s (D=%.3f, %s)%n",
                        t.count(),
                        t.probability() * 100,
                        t.from(),
                        t.to(),
                        t.thinkSeconds().getClass().getSimpleName().toLowerCase(Locale.ROOT),
                        t.thinkSeconds().mean(),
                        t.fit().ksDistance(),
                        t.thinkFrom());
            }
        }
        out.printf(Locale.ROOT, "model: %s (data pool: %s)%n", dir.resolve("model.json"), dir.resolve("datapool"));
    }

    void print(FidelityReport report, Path file) {
        out.printf(
                Locale.ROOT,
                "fidelity: coverage %.2f%%, endpoint-mix distance %.2f%%, think-time KS %.3f, session-length KS %.3f,"
                        + " dispersion %.2f (source) vs %.2f (model)%n",
                report.coverage() * 100,
                report.mixDistance() * 100,
                report.thinkTimeKs(),
                report.sessionLengthKs(),
                report.sourceDispersionIndex(),
                report.modelDispersionIndex());
        out.printf(
                Locale.ROOT,
                "  %,d sessions and %,d requests generated against %,d source requests; %s%n",
                report.generatedSessions(),
                report.generatedRequests(),
                report.sourceRequests(),
                report.passed() ? "passed" : "FAILED: " + String.join("; ", report.failures()));
        out.printf(Locale.ROOT, "fidelity report: %s%n", file);
    }
}
