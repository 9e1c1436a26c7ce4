package dev.stampede.report.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares two runs read from their result directories, endpoint by endpoint (matched by name). */
public final class RunComparer {

    /** Achieved rates further apart than this make a note: latency at another load is not like for like. */
    static final double RATE_NOTE_RATIO = 0.10;

    private final CompareRules rules;
    private final LatencyJudge latencyJudge;
    private final ErrorRateJudge errorJudge;

    /** A comparer following {@code rules}. */
    public RunComparer(CompareRules rules) {
        this.rules = rules;
        this.latencyJudge = new LatencyJudge(rules);
        this.errorJudge = new ErrorRateJudge(rules);
    }

    /** {@code candidate} against {@code baseline}. */
    public Comparison compare(ResultRun baseline, ResultRun candidate) {
        List<Measured> rows = new ArrayList<>();
        rows.add(measure("(all endpoints)", baseline.overall(), candidate.overall()));
        List<String> onlyInBaseline = new ArrayList<>();
        for (EndpointResult before : baseline.endpoints().values()) {
            EndpointResult after = candidate.endpoints().get(before.name());
            if (after == null) {
                onlyInBaseline.add(before.name());
            } else {
                rows.add(measure(before.name(), before, after));
            }
        }
        List<String> onlyInCandidate = candidate.endpoints().keySet().stream()
                .filter(name -> !baseline.endpoints().containsKey(name))
                .toList();
        List<EndpointComparison> decided = decide(rows);
        return new Comparison(
                RunSummary.of(baseline),
                RunSummary.of(candidate),
                rules,
                decided.get(0),
                decided.subList(1, decided.size()),
                onlyInBaseline,
                onlyInCandidate,
                notes(baseline, candidate));
    }

    /** One row measured, its significance decisions pending. */
    private record Measured(
            String name,
            List<LatencyJudge.Measured> latency,
            ErrorRateJudge.Measured errors,
            double baselineRatePerSec,
            double candidateRatePerSec) {}

    private Measured measure(String name, EndpointResult before, EndpointResult after) {
        List<LatencyJudge.Measured> latency = new ArrayList<>();
        for (LatencyMetric metric : LatencyMetric.ALL) {
            latency.add(latencyJudge.measure(metric, before.latency(), after.latency()));
        }
        return new Measured(
                name,
                latency,
                errorJudge.measure(before.counts(), after.counts()),
                before.achievedRatePerSec(),
                after.achievedRatePerSec());
    }

    /**
     * Decides every pending test with its p-value adjusted over all of them (Holm), so that the number of
     * endpoints compared does not raise the chance of calling noise a change.
     */
    private List<EndpointComparison> decide(List<Measured> rows) {
        List<Double> raw = new ArrayList<>();
        for (Measured row : rows) {
            row.latency().stream().filter(LatencyJudge.Measured::needsDecision).forEach(m -> raw.add(m.pValue()));
            if (row.errors().needsDecision()) {
                raw.add(row.errors().pValue());
            }
        }
        double[] adjusted =
                Holm.adjust(raw.stream().mapToDouble(Double::doubleValue).toArray());
        int next = 0;
        List<EndpointComparison> decided = new ArrayList<>();
        for (Measured row : rows) {
            List<LatencyDelta> latency = new ArrayList<>();
            for (LatencyJudge.Measured m : row.latency()) {
                latency.add(latencyJudge.decide(m, m.needsDecision() ? adjusted[next++] : Double.NaN));
            }
            ErrorRateJudge.Measured errors = row.errors();
            ErrorDelta errorDelta = errorJudge.decide(errors, errors.needsDecision() ? adjusted[next++] : Double.NaN);
            decided.add(new EndpointComparison(
                    row.name(), latency, errorDelta, row.baselineRatePerSec(), row.candidateRatePerSec()));
        }
        return decided;
    }

    private static List<String> notes(ResultRun baseline, ResultRun candidate) {
        List<String> notes = new ArrayList<>();
        notes.addAll(baseline.notes());
        notes.addAll(candidate.notes());
        double before = baseline.overall().achievedRatePerSec();
        double after = candidate.overall().achievedRatePerSec();
        if (before > 0 && after > 0 && Math.abs(after - before) / before > RATE_NOTE_RATIO) {
            notes.add(String.format(
                    Locale.ROOT,
                    "the runs achieved different rates (%.1f vs %.1f req/s, %+.0f%%): latency under another load is"
                            + " not a like-for-like comparison",
                    before,
                    after,
                    (after - before) / before * 100));
        }
        if (Boolean.TRUE.equals(baseline.generatorFellBehind())) {
            notes.add("the baseline's generator fell behind its schedule (see its run.json): its latencies include"
                    + " the generator's own delay");
        }
        if (Boolean.TRUE.equals(candidate.generatorFellBehind())) {
            notes.add("the candidate's generator fell behind its schedule (see its run.json): its latencies include"
                    + " the generator's own delay");
        }
        return notes;
    }
}
