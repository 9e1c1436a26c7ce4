package dev.stampede.report.compare;

/**
 * The error rate of one endpoint, baseline against candidate, and the verdict on it.
 *
 * @param baseline the baseline's counts, null when unknown
 * @param candidate the candidate's counts, null when unknown
 * @param pValue the two-proportion z test's two-sided p-value, NaN when not tested
 * @param pAdjusted the p-value adjusted for every test of the comparison (Holm), NaN when not tested
 * @param verdict the verdict
 * @param reason why, in one short clause
 */
public record ErrorDelta(
        RequestCounts baseline,
        RequestCounts candidate,
        double pValue,
        double pAdjusted,
        Verdict verdict,
        String reason) {

    /** The candidate's error rate minus the baseline's (0.001 is 0.1 percentage points); NaN when unknown. */
    public double deltaRate() {
        if (baseline == null || candidate == null) {
            return Double.NaN;
        }
        return candidate.errorRate() - baseline.errorRate();
    }

    /** Whether the significance test ran (the change exceeded the floor). */
    public boolean tested() {
        return !Double.isNaN(pValue);
    }
}
