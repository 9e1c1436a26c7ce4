/**
 * Baseline comparison ({@code stampede compare BASELINE_DIR CANDIDATE_DIR}): per-endpoint latency and
 * error-rate deltas and a verdict that does not call run-to-run noise a regression.
 *
 * <p>Pipeline: {@link dev.stampede.report.compare.ResultDirectoryReader} reads each result directory
 * with {@link dev.stampede.report.model.RunResults} (the one reader; latency lines only, each interval
 * histogram fed to the windows as it is read) into a {@link dev.stampede.report.compare.ResultRun}
 * ({@code latency.hlog} required; counts from {@code run.json}, or from {@code intervals.jsonl} for a
 * killed run, up to its last complete interval);
 * {@link dev.stampede.report.compare.RunComparer} matches endpoints by name and judges them into a
 * {@link dev.stampede.report.compare.Comparison}; {@link dev.stampede.report.compare.CompareTable},
 * {@link dev.stampede.report.compare.CompareJsonWriter} ({@code compare.json}) and
 * {@link dev.stampede.report.compare.CompareHtml} ({@code compare.html}) show it.
 *
 * <h2>The verdict rule</h2>
 *
 * <p>Latency is from the intended send time. For each row (all endpoints together, then each endpoint
 * both runs have) and each metric (p50, p90, p99, p99.9, max), a change is a <b>regression</b> (worse)
 * or an <b>improvement</b> (better) only when all of these hold:
 *
 * <ol>
 *   <li><b>big enough</b>: the whole-run value changed by more than the metric's relative threshold
 *       (default 10%) <em>and</em> by more than its absolute floor (default 1 ms), so 0.2 ms to 0.3 ms
 *       is no regression;
 *   <li><b>judgeable</b>: each run has at least {@code minWindows} (default 10) windows for the metric.
 *       A window is consecutive intervals merged until it holds {@code 5 / (1 - q)} requests (p50 10,
 *       p90 50, p99 500, p99.9 and max 5,000), so five requests lie above the percentile and a
 *       window's p99 is not just its maximum. Too few windows: <b>inconclusive</b>, not a verdict;
 *   <li><b>consistent across the run</b>: a Mann-Whitney U test (commons-math3, two-sided, normal
 *       approximation) on the two runs' per-window values rejects "same distribution" at {@code alpha}
 *       (default 0.01) after Holm's adjustment over every test the comparison makes (so comparing 30
 *       endpoints does not make 30 times the false alarms), <em>and</em> the windows moved the same way
 *       as the whole-run value with at least
 *       a medium effect: Vargha and Delaney's A, the probability that a candidate window is worse than
 *       a baseline window, is at least 0.64 for a regression (at most 0.36 for an improvement). One bad
 *       window (a GC pause, a hiccup) moves the whole-run p99.9 or max but not the ranks, so it is
 *       noise; a tail that got worse in part of the run (a leak) still moves the ranks.
 * </ol>
 *
 * <p>A change past the thresholds that fails the consistency test is <b>no change</b> (with the reason
 * shown). The error rate (5xx, transport errors and timeouts over attempted requests; 4xx shown apart,
 * not judged) changes when its difference exceeds a floor (default 0.1 percentage points) and a pooled
 * two-proportion z test is significant at {@code alpha} (in the same Holm family). Achieved rates are shown, not judged; rates more
 * than 10% apart, a generator that fell behind, or a killed run add a note.
 *
 * <p>Verdicts combine by severity: regression, then improvement, then inconclusive, then no change.
 * The command exits 1 on a regression, 0 otherwise (also on inconclusive unless asked).
 *
 * <p>Limits, stated plainly: windows of one run are treated as independent samples, which a drifting
 * run (warm-up, a filling cache) is not, so the test can call a drift consistent; the thresholds guard
 * against that. Noise between runs (another machine, a noisy neighbour for the whole run) looks like a
 * consistent change: compare two baselines to learn your environment's noise and set thresholds above
 * it. Compare runs of the same scenario at the same rate.
 *
 * <p>Threading and cost: everything runs on the calling thread (the command reads the two directories
 * at once) and holds no interval histogram, only a total and one window per window size per endpoint,
 * each of the engine's precision (growing with the values). Two synthetic hour-long logs (10k req/s,
 * 30 endpoints, 208 MB each) compare in about 8 s on the 2-core build machine within a 256 MB heap,
 * JVM start included; decoding the interval histograms is most of it.
 */
package dev.stampede.report.compare;
