package dev.stampede.report.files;

import dev.stampede.control.guard.SloResult;
import dev.stampede.engine.measure.GeneratorHealth;
import dev.stampede.engine.measure.IntervalLog;
import dev.stampede.engine.measure.IntervalRecorder;
import dev.stampede.engine.measure.Outcome;
import dev.stampede.engine.measure.OutcomeCounts;
import dev.stampede.engine.measure.RunJsonWriter;
import dev.stampede.report.model.IntervalRecord;
import dev.stampede.report.model.RunResults;
import dev.stampede.report.model.SeriesResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of a run, from its results alone: one per SLO (guard), then whether every scheduled request
 * ended as exactly one outcome, then whether the generator kept its schedule.
 *
 * <ul>
 *   <li><b>SLO</b>: passed when the guard never tripped; failed with its worst value, its rule and its
 *       trips; skipped when no window was ever judged (too few requests). A killed run's SLO results are
 *       unknown: one skipped check says so.
 *   <li><b>Every scheduled request ended</b>: passed when {@code run.json}'s outcome counts add up to the
 *       schedule overall and over the endpoints, every attempted request has its latency in {@code
 *       latency.hlog}, and {@code intervals.jsonl} (when there) adds up to the same counts; failed for a
 *       run that did not end (no {@code run.json}: the requests in flight when it was killed have no
 *       outcome); skipped when the counts are unknown.
 *   <li><b>The generator kept its schedule</b>: {@code run.json}'s verdict (send lag, late arrivals into
 *       the ring, GC pauses); for a killed run, on send lag alone against the default threshold.
 * </ul>
 */
public final class RunChecks {

    /** The name of the check that the counts add up. */
    public static final String EVERY_REQUEST_ENDED = "every scheduled request ended";

    /** The name of the generator's check. */
    public static final String GENERATOR_KEPT_SCHEDULE = "the generator kept its schedule";

    private RunChecks() {}

    /** Every check of {@code results}, SLOs first, in a fixed order. */
    public static List<Check> of(RunResults results) {
        List<Check> checks = new ArrayList<>();
        for (SloResult slo : results.slo()) {
            checks.add(slo(slo));
        }
        if (!results.complete()) {
            checks.add(new Check(
                    "slo",
                    "SLO results",
                    Verdict.SKIPPED,
                    "unknown: the run did not end (no " + RunJsonWriter.FILE_NAME + "), so its guards' results were"
                            + " never written"));
        }
        checks.add(accounting(results));
        checks.add(generator(results));
        return checks;
    }

    /** One guard as a check. */
    static Check slo(SloResult slo) {
        // The rule says when the guard trips, so the name says it is the breach: "p99 (breached when ...)".
        String name = slo.name() + " (breached when " + slo.slo() + ")";
        if (!slo.judged()) {
            return new Check("slo", name, Verdict.SKIPPED, "never judged: no window had enough requests");
        }
        if (slo.passed()) {
            return new Check("slo", name, Verdict.PASSED, "held over the run; worst window " + slo.worst());
        }
        return new Check(
                "slo",
                name,
                Verdict.FAILED,
                String.format(
                        Locale.ROOT,
                        "breached: worst window %s (%s); %d %s",
                        slo.worst(),
                        slo.slo(),
                        slo.trips(),
                        slo.trips() == 1 ? "trip" : "trips"));
    }

    /** Whether every scheduled request ended as exactly one outcome. */
    public static Check accounting(RunResults results) {
        SeriesResults overall = results.overall();
        if (overall.totals().isEmpty()) {
            return new Check(
                    "run",
                    EVERY_REQUEST_ENDED,
                    Verdict.SKIPPED,
                    "outcome counts unknown: neither " + RunJsonWriter.FILE_NAME + " nor " + IntervalLog.FILE_NAME);
        }
        OutcomeCounts totals = overall.totals().get();
        if (!results.complete()) {
            return new Check(
                    "run",
                    EVERY_REQUEST_ENDED,
                    Verdict.FAILED,
                    String.format(
                            Locale.ROOT,
                            "the run did not end (no %s): requests in flight when it was stopped have no outcome;"
                                    + " %s in the %d complete intervals reported",
                            RunJsonWriter.FILE_NAME,
                            describe(totals),
                            results.intervals().size()));
        }
        List<String> problems = new ArrayList<>();
        OutcomeCounts endpoints = sum(results.endpoints().stream()
                .map(e -> e.totals().orElse(OutcomeCounts.ZERO))
                .toList());
        if (!endpoints.equals(totals)) {
            problems.add("the endpoints' counts (" + describe(endpoints) + ") differ from the run's");
        }
        long latencies = overall.latency().getTotalCount();
        if (latencies != totals.attempted()) {
            problems.add(String.format(
                    Locale.ROOT,
                    "%s holds %,d latencies for %,d attempted requests",
                    IntervalRecorder.HLOG_FILE_NAME,
                    latencies,
                    totals.attempted()));
        }
        if (!results.intervals().isEmpty()) {
            OutcomeCounts intervals = sum(
                    results.intervals().stream().map(IntervalRecord::overall).toList());
            if (!intervals.equals(totals)) {
                problems.add(IntervalLog.FILE_NAME + " adds up to " + describe(intervals));
            }
        }
        if (!problems.isEmpty()) {
            return new Check(
                    "run",
                    EVERY_REQUEST_ENDED,
                    Verdict.FAILED,
                    "the counts do not add up: " + describe(totals) + " in " + RunJsonWriter.FILE_NAME + ", but "
                            + String.join("; ", problems));
        }
        return new Check("run", EVERY_REQUEST_ENDED, Verdict.PASSED, describe(totals));
    }

    /** Whether the generator kept its schedule. */
    public static Check generator(RunResults results) {
        GeneratorHealth health = results.generator();
        String basis = results.complete()
                ? ""
                : " (judged on the send lag of the complete intervals alone, against the default threshold)";
        if (health.fellBehind()) {
            return new Check(
                    "run", GENERATOR_KEPT_SCHEDULE, Verdict.FAILED, "it fell behind: " + health.reason() + basis);
        }
        return new Check(
                "run",
                GENERATOR_KEPT_SCHEDULE,
                Verdict.PASSED,
                String.format(
                        Locale.ROOT,
                        "send-lag p99 %.3f ms, within the %.3f ms threshold%s",
                        health.sendLagP99Nanos() / 1e6,
                        health.thresholdNanos() / 1e6,
                        basis));
    }

    /** {@code 1,500 scheduled = 1,498 attempted + 2 unsent (ok 1,490, http_5xx 8, unsent_stopped 2)}. */
    static String describe(OutcomeCounts counts) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "%,d scheduled = %,d attempted + %,d unsent",
                counts.total(),
                counts.attempted(),
                counts.unsent()));
        String separator = " (";
        for (Outcome outcome : Outcome.ALL) {
            if (counts.get(outcome) > 0) {
                text.append(separator).append(outcome.code()).append(' ');
                text.append(String.format(Locale.ROOT, "%,d", counts.get(outcome)));
                separator = ", ";
            }
        }
        return separator.equals(", ") ? text.append(')').toString() : text.toString();
    }

    private static OutcomeCounts sum(List<OutcomeCounts> all) {
        long[] sum = new long[Outcome.COUNT];
        for (OutcomeCounts counts : all) {
            for (Outcome outcome : Outcome.ALL) {
                sum[outcome.ordinal()] += counts.get(outcome);
            }
        }
        return OutcomeCounts.of(sum);
    }
}
