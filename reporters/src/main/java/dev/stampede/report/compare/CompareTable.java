package dev.stampede.report.compare;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comparison as a plain-text table for a terminal or a CI log: per row (all endpoints, then each
 * endpoint) the latency metrics, the error rate, 4xx apart and the achieved rate, baseline against
 * candidate, with the verdict, and the reason where a change past the thresholds was judged. Ends with
 * the notes and the verdict line.
 */
public final class CompareTable {

    private static final String ROW = "  %-8s %12s %12s  %-20s %s%n";

    private CompareTable() {}

    /** Prints {@code comparison} to {@code out}. */
    public static void print(Comparison comparison, PrintWriter out) {
        out.printf(Locale.ROOT, "baseline   %s%n", who(comparison.baseline()));
        out.printf(Locale.ROOT, "candidate  %s%n", who(comparison.candidate()));
        out.printf(Locale.ROOT, "%s%n", rule(comparison.rules()));
        row(out, comparison.overall());
        for (EndpointComparison endpoint : comparison.endpoints()) {
            row(out, endpoint);
        }
        out.println();
        if (!comparison.onlyInBaseline().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "only in the baseline (not judged): %s%n",
                    String.join(", ", comparison.onlyInBaseline()));
        }
        if (!comparison.onlyInCandidate().isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "only in the candidate (not judged): %s%n",
                    String.join(", ", comparison.onlyInCandidate()));
        }
        for (String note : comparison.notes()) {
            out.printf(Locale.ROOT, "note: %s%n", note);
        }
        out.printf(Locale.ROOT, "verdict: %s%n", verdictLine(comparison));
        out.flush();
    }

    private static String who(RunSummary run) {
        StringBuilder text = new StringBuilder(run.directory());
        if (run.runId() != null) {
            text.append("  run ").append(run.runId());
        }
        if (!run.complete()) {
            text.append("  (no run.json)");
        }
        return text.append(", ").append(run.intervals()).append(" intervals").toString();
    }

    private static String rule(CompareRules rules) {
        MetricThreshold p99 = rules.threshold(LatencyMetric.P99);
        return "latency from the intended send time; a change counts when it exceeds its threshold (p99: "
                + Figures.percent(p99.relative()) + " and " + Figures.latency(p99.floorNanos())
                + ") and is consistent across the run (U test at " + Figures.percent(rules.alpha())
                + ", adjusted for the tests made)";
    }

    private static void row(PrintWriter out, EndpointComparison row) {
        out.println();
        out.printf(Locale.ROOT, "%-58s %s%n", row.name(), row.verdict().text());
        out.printf(Locale.ROOT, ROW, "", "baseline", "candidate", "change", "verdict");
        for (LatencyDelta delta : row.latency()) {
            boolean judged = delta.verdict() != Verdict.NO_CHANGE || delta.tested();
            out.printf(
                    Locale.ROOT,
                    ROW,
                    delta.metric().label(),
                    Figures.latency(delta.baselineNanos()),
                    Figures.latency(delta.candidateNanos()),
                    Figures.percentDelta(delta.deltaRatio()) + " (" + Figures.latencyDelta(delta.deltaNanos()) + ")",
                    delta.verdict().text() + (judged ? ": " + delta.reason() : ""));
        }
        ErrorDelta errors = row.errors();
        boolean judged = errors.verdict() != Verdict.NO_CHANGE || errors.tested();
        out.printf(
                Locale.ROOT,
                ROW,
                "errors",
                errors.baseline() == null ? "-" : Figures.rate(errors.baseline().errorRate()),
                errors.candidate() == null
                        ? "-"
                        : Figures.rate(errors.candidate().errorRate()),
                Figures.points(errors.deltaRate()),
                errors.verdict().text() + (judged ? ": " + errors.reason() : ""));
        out.printf(
                Locale.ROOT,
                ROW,
                "4xx",
                errors.baseline() == null ? "-" : Figures.rate(errors.baseline().http4xxRate()),
                errors.candidate() == null
                        ? "-"
                        : Figures.rate(errors.candidate().http4xxRate()),
                "",
                "(not judged)");
        out.printf(
                Locale.ROOT,
                ROW,
                "rate",
                Figures.perSecond(row.baselineRatePerSec()),
                Figures.perSecond(row.candidateRatePerSec()),
                "",
                "(not judged)");
    }

    /** {@code REGRESSION: p99 of GET /a, errors of POST /b} and the like. */
    static String verdictLine(Comparison comparison) {
        Verdict verdict = comparison.verdict();
        List<String> which = new ArrayList<>();
        if (verdict == Verdict.REGRESSION || verdict == Verdict.IMPROVEMENT) {
            collect(comparison.overall(), verdict, which);
            comparison.endpoints().forEach(endpoint -> collect(endpoint, verdict, which));
        }
        String text = verdict.text() + (which.isEmpty() ? "" : ": " + String.join(", ", which));
        if (comparison.anyInconclusive() && verdict != Verdict.INCONCLUSIVE) {
            text += " (some changes were inconclusive: see above)";
        }
        return text;
    }

    private static void collect(EndpointComparison row, Verdict verdict, List<String> which) {
        for (LatencyDelta delta : row.latency()) {
            if (delta.verdict() == verdict) {
                which.add(delta.metric().label() + " of " + row.name());
            }
        }
        if (row.errors().verdict() == verdict) {
            which.add("errors of " + row.name());
        }
    }
}
