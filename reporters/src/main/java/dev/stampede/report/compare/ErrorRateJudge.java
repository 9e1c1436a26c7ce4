package dev.stampede.report.compare;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The verdict on one endpoint's error rate (errors over attempted requests): a change counts when it
 * exceeds the floor in percentage points and a two-proportion z test (pooled) calls it significant
 * after the comparison-wide adjustment. Two steps like {@link LatencyJudge}. Stateless.
 */
final class ErrorRateJudge {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final CompareRules rules;

    ErrorRateJudge(CompareRules rules) {
        this.rules = rules;
    }

    /** An error rate measured: decided ({@code early} set) or awaiting the significance decision. */
    record Measured(RequestCounts baseline, RequestCounts candidate, double pValue, Verdict early, String earlyReason) {

        boolean needsDecision() {
            return early == null;
        }
    }

    Measured measure(RequestCounts baseline, RequestCounts candidate) {
        if (baseline == null || candidate == null) {
            return new Measured(
                    baseline,
                    candidate,
                    Double.NaN,
                    Verdict.INCONCLUSIVE,
                    "no outcome counts in the " + (baseline == null ? "baseline" : "candidate")
                            + " (neither run.json nor intervals.jsonl)");
        }
        if (baseline.attempted() == 0 || candidate.attempted() == 0) {
            return new Measured(
                    baseline,
                    candidate,
                    Double.NaN,
                    Verdict.INCONCLUSIVE,
                    "no request attempted in the " + (baseline.attempted() == 0 ? "baseline" : "candidate"));
        }
        double delta = candidate.errorRate() - baseline.errorRate();
        if (Math.abs(delta) <= rules.errorRateFloor()) {
            return new Measured(
                    baseline,
                    candidate,
                    Double.NaN,
                    Verdict.NO_CHANGE,
                    Figures.points(delta) + ", under the "
                            + Figures.percent(rules.errorRateFloor()).replace("%", " pp") + " floor");
        }
        return new Measured(baseline, candidate, pValue(baseline, candidate), null, null);
    }

    /** The verdict on a measured error rate, {@code pAdjusted} its p-value adjusted over the comparison. */
    ErrorDelta decide(Measured m, double pAdjusted) {
        if (!m.needsDecision()) {
            return new ErrorDelta(m.baseline(), m.candidate(), Double.NaN, Double.NaN, m.early(), m.earlyReason());
        }
        double delta = m.candidate().errorRate() - m.baseline().errorRate();
        String test = Figures.pValue(pAdjusted) + " adjusted";
        if (!(pAdjusted < rules.alpha())) {
            return new ErrorDelta(
                    m.baseline(),
                    m.candidate(),
                    m.pValue(),
                    pAdjusted,
                    Verdict.NO_CHANGE,
                    Figures.points(delta) + " but within chance (" + test + ")");
        }
        return new ErrorDelta(
                m.baseline(),
                m.candidate(),
                m.pValue(),
                pAdjusted,
                delta > 0 ? Verdict.REGRESSION : Verdict.IMPROVEMENT,
                Figures.points(delta) + " (" + test + ")");
    }

    /** Two-sided p-value of the pooled two-proportion z test. */
    static double pValue(RequestCounts baseline, RequestCounts candidate) {
        double nb = baseline.attempted();
        double nc = candidate.attempted();
        double pooled = (baseline.errors() + candidate.errors()) / (nb + nc);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1 / nb + 1 / nc));
        if (standardError == 0) {
            return 1;
        }
        double z = Math.abs(candidate.errorRate() - baseline.errorRate()) / standardError;
        return 2 * STANDARD_NORMAL.cumulativeProbability(-z);
    }
}
