package dev.stampede.report.compare;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The verdict on one latency metric of one endpoint (the package comment gives the rule), in two steps:
 * {@link #measure} decides everything it can alone (within the thresholds, too few windows) and runs the
 * U test otherwise; {@link #decide} then takes the p-value adjusted over the whole comparison. Stateless.
 */
final class LatencyJudge {

    private final CompareRules rules;

    LatencyJudge(CompareRules rules) {
        this.rules = rules;
    }

    /**
     * A metric measured: either decided ({@code early} set) or awaiting the significance decision.
     *
     * @param change the change as the reason writes it
     */
    record Measured(
            LatencyMetric metric,
            long before,
            long after,
            int baselineWindows,
            int candidateWindows,
            double pValue,
            double effect,
            String change,
            Verdict early,
            String earlyReason) {

        boolean needsDecision() {
            return early == null;
        }
    }

    Measured measure(LatencyMetric metric, LatencySeries baseline, LatencySeries candidate) {
        long before = baseline.value(metric);
        long after = candidate.value(metric);
        double[] baselineWindows = baseline.windows(metric);
        double[] candidateWindows = candidate.windows(metric);
        int nb = baselineWindows.length;
        int nc = candidateWindows.length;
        String change = Figures.percentDelta(ratio(before, after)) + " (" + Figures.latencyDelta(after - before) + ")";
        MetricThreshold threshold = rules.threshold(metric);
        Verdict early = null;
        String reason = null;
        if (baseline.count() == 0 || candidate.count() == 0) {
            early = Verdict.INCONCLUSIVE;
            reason = "no request with a latency in " + (baseline.count() == 0 ? "the baseline" : "the candidate");
        } else if (!threshold.exceededBy(before, after)) {
            early = Verdict.NO_CHANGE;
            reason = change + ", " + under(threshold, before, after);
        } else if (nb < rules.minWindows() || nc < rules.minWindows()) {
            early = Verdict.INCONCLUSIVE;
            reason = change + " but only " + nb + " and " + nc + " windows of " + metric.windowSamples()
                    + " requests (need " + rules.minWindows() + " in each run)";
        }
        if (early != null) {
            return new Measured(metric, before, after, nb, nc, Double.NaN, Double.NaN, change, early, reason);
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(baselineWindows, candidateWindows);
        double effect = probabilityWorse(baselineWindows, candidateWindows);
        return new Measured(metric, before, after, nb, nc, p, effect, change, null, null);
    }

    /** The verdict on a measured metric, {@code pAdjusted} its p-value adjusted over the comparison. */
    LatencyDelta decide(Measured measured, double pAdjusted) {
        if (!measured.needsDecision()) {
            return delta(measured, Double.NaN, measured.early(), measured.earlyReason());
        }
        boolean worse = measured.after() > measured.before();
        String test = Figures.pValue(pAdjusted) + " adjusted, windows worse in " + Math.round(measured.effect() * 100)
                + "% of pairs";
        if (!(pAdjusted < rules.alpha())) {
            return delta(
                    measured,
                    pAdjusted,
                    Verdict.NO_CHANGE,
                    measured.change() + " but not consistent across the run (" + test + ")");
        }
        double towardsChange = worse ? measured.effect() : 1 - measured.effect();
        if (towardsChange < rules.minEffect()) {
            return delta(
                    measured,
                    pAdjusted,
                    Verdict.NO_CHANGE,
                    measured.change() + " but the windows barely moved that way (" + test + ")");
        }
        return delta(
                measured,
                pAdjusted,
                worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT,
                measured.change() + ", consistent across the run (" + test + ")");
    }

    private static LatencyDelta delta(Measured m, double pAdjusted, Verdict verdict, String reason) {
        return new LatencyDelta(
                m.metric(),
                m.before(),
                m.after(),
                m.baselineWindows(),
                m.candidateWindows(),
                m.pValue(),
                pAdjusted,
                m.effect(),
                verdict,
                reason);
    }

    private static double ratio(long before, long after) {
        return before == 0 ? Double.NaN : (after - before) / (double) before;
    }

    /** Which limit the change stayed under: the floor when it did, else the relative threshold. */
    private static String under(MetricThreshold threshold, long before, long after) {
        if (Math.abs(after - before) <= threshold.floorNanos()) {
            return "under the " + Figures.latency(threshold.floorNanos()) + " floor";
        }
        return "under the " + Figures.percent(threshold.relative()) + " threshold";
    }

    /**
     * Vargha and Delaney's A: the probability that a random candidate window is above a random baseline
     * window, ties counting half, from the candidate's rank sum: {@code (R - n(n+1)/2) / (n_b n_c)}.
     */
    static double probabilityWorse(double[] baseline, double[] candidate) {
        double[] all = new double[baseline.length + candidate.length];
        System.arraycopy(baseline, 0, all, 0, baseline.length);
        System.arraycopy(candidate, 0, all, baseline.length, candidate.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE).rank(all);
        double candidateRankSum = 0;
        for (int i = baseline.length; i < all.length; i++) {
            candidateRankSum += ranks[i];
        }
        double nc = candidate.length;
        double u = candidateRankSum - nc * (nc + 1) / 2;
        return u / (nc * baseline.length);
    }
}
