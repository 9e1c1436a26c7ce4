package dev.stampede.report.compare;

/**
 * One latency metric of one endpoint, baseline against candidate, and the verdict on it.
 *
 * @param metric the metric
 * @param baselineNanos the baseline's value over the whole run
 * @param candidateNanos the candidate's value over the whole run
 * @param baselineWindows the baseline's windows (samples of the consistency test)
 * @param candidateWindows the candidate's windows
 * @param pValue the Mann-Whitney U test's two-sided p-value on the window values, NaN when not tested
 *     (the change was within the thresholds, or there were too few windows)
 * @param pAdjusted the p-value adjusted for every test of the comparison (Holm), the one compared with
 *     the significance level; NaN when not tested
 * @param effect the probability that a candidate window is worse than a baseline window (ties count
 *     half; Vargha and Delaney's A), NaN when not tested
 * @param verdict the verdict
 * @param reason why, in one short clause
 */
public record LatencyDelta(
        LatencyMetric metric,
        long baselineNanos,
        long candidateNanos,
        int baselineWindows,
        int candidateWindows,
        double pValue,
        double pAdjusted,
        double effect,
        Verdict verdict,
        String reason) {

    /** Candidate minus baseline, in ns. */
    public long deltaNanos() {
        return candidateNanos - baselineNanos;
    }

    /** The change over the baseline (0.1 for +10%); NaN when the baseline is 0. */
    public double deltaRatio() {
        return baselineNanos == 0 ? Double.NaN : deltaNanos() / (double) baselineNanos;
    }

    /** Whether the consistency test ran (the change exceeded the thresholds and there were enough windows). */
    public boolean tested() {
        return !Double.isNaN(pValue);
    }
}
