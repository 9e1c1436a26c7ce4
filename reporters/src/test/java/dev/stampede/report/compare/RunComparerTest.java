package dev.stampede.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The verdict on synthetic runs written through the engine's own writers. */
@Timeout(60)
class RunComparerTest {

    private static final String QUOTE = "GET /api/quote/{code}";
    private static final String ORDER = "POST /api/order";

    @TempDir
    Path dir;

    private Comparison compare(SyntheticRun baseline, SyntheticRun candidate) {
        return compare(baseline, candidate, CompareRules.defaults());
    }

    private Comparison compare(SyntheticRun baseline, SyntheticRun candidate, CompareRules rules) {
        ResultRun before = ResultDirectoryReader.read(baseline.writeTo(dir.resolve("baseline")));
        ResultRun after = ResultDirectoryReader.read(candidate.writeTo(dir.resolve("candidate")));
        return new RunComparer(rules).compare(before, after);
    }

    private static LatencyDelta latency(EndpointComparison row, LatencyMetric metric) {
        return row.latency().get(LatencyMetric.ALL.indexOf(metric));
    }

    private static EndpointComparison endpoint(Comparison comparison, String name) {
        return comparison.endpoints().stream()
                .filter(e -> e.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void identicalRunsAreNoChange() {
        Comparison comparison =
                compare(SyntheticRun.of().seed(7), SyntheticRun.of().seed(7));

        assertThat(comparison.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(comparison.anyInconclusive()).isFalse();
        assertThat(comparison.endpoints()).extracting(EndpointComparison::name).containsExactly(QUOTE, ORDER);
        for (LatencyDelta delta : comparison.overall().latency()) {
            assertThat(delta.deltaNanos()).as(delta.metric().label()).isZero();
            assertThat(delta.verdict()).isEqualTo(Verdict.NO_CHANGE);
        }
        assertThat(comparison.overall().errors().deltaRate()).isZero();
        assertThat(comparison.notes()).isEmpty();
    }

    /** Two runs of the same distribution with other seeds: sampling noise only. */
    @Test
    void runsOfTheSameDistributionWithOtherSeedsAreNoChange() {
        for (long seed = 1; seed <= 4; seed++) {
            Comparison comparison = compare(
                    SyntheticRun.of().seed(seed).errors(0.01),
                    SyntheticRun.of().seed(100 + seed).errors(0.01));

            assertThat(comparison.verdict())
                    .as("seed %d: %s", seed, CompareTable.verdictLine(comparison))
                    .isEqualTo(Verdict.NO_CHANGE);
        }
    }

    /**
     * Noise that does exceed the thresholds: a Pareto tail (p99.9 and max of such a tail differ by tens of
     * percent from one seed to the next). The consistency test, not the thresholds, keeps it "no change".
     */
    @Test
    void aHeavyTailsSamplingNoisePastTheThresholdsIsNoChange() {
        SyntheticRun.Latency pareto = (endpoint, interval, random) ->
                Math.min(2_000_000_000L, Math.round(2_000_000 * Math.pow(1 - random.nextDouble(), -1 / 1.5)));
        int pastThresholds = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Comparison comparison = compare(
                    SyntheticRun.of().seed(seed).latency(pareto),
                    SyntheticRun.of().seed(200 + seed).latency(pareto));

            assertThat(comparison.verdict())
                    .as("seed %d: %s", seed, CompareTable.verdictLine(comparison))
                    .isEqualTo(Verdict.NO_CHANGE);
            pastThresholds += (int) comparison.overall().latency().stream()
                    .filter(d -> !Double.isNaN(d.pValue()))
                    .count();
        }
        assertThat(pastThresholds)
                .as("the noise must reach the consistency test")
                .isPositive();
    }

    @Test
    void aHiccupInOneIntervalIsNotARegression() {
        SyntheticRun.Latency hiccup = (endpoint, interval, random) -> interval == 30 && random.nextDouble() < 0.2
                ? 300_000_000L
                : SyntheticRun.typical(1.0).nanos(endpoint, interval, random);
        Comparison comparison =
                compare(SyntheticRun.of().seed(1), SyntheticRun.of().seed(2).latency(hiccup));

        LatencyDelta p999 = latency(comparison.overall(), LatencyMetric.P99_9);
        assertThat(p999.deltaRatio()).as("the hiccup moves the whole-run p99.9").isGreaterThan(1.0);
        assertThat(p999.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(p999.reason()).contains("not consistent across the run");
        assertThat(comparison.verdict()).isEqualTo(Verdict.NO_CHANGE);
    }

    @Test
    void aConsistentlyDoubledP99IsARegression() {
        Comparison comparison =
                compare(SyntheticRun.of().seed(1), SyntheticRun.of().seed(2).latency(SyntheticRun.typical(2.0)));

        assertThat(comparison.verdict()).isEqualTo(Verdict.REGRESSION);
        for (EndpointComparison row : List.of(comparison.overall(), endpoint(comparison, QUOTE))) {
            LatencyDelta p99 = latency(row, LatencyMetric.P99);
            assertThat(p99.verdict()).isEqualTo(Verdict.REGRESSION);
            assertThat(p99.deltaRatio()).isBetween(0.8, 1.2);
            assertThat(p99.pValue()).isLessThan(1e-6);
            assertThat(p99.effect()).isGreaterThan(0.9);
            assertThat(p99.reason()).contains("consistent across the run");
            assertThat(latency(row, LatencyMetric.P50).verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(latency(row, LatencyMetric.P90).verdict()).isEqualTo(Verdict.NO_CHANGE);
        }
        assertThat(CompareTable.verdictLine(comparison)).startsWith("REGRESSION: p99 of (all endpoints)");
    }

    @Test
    void aFasterCandidateIsAnImprovement() {
        Comparison comparison =
                compare(SyntheticRun.of().seed(1), SyntheticRun.of().seed(2).latency(SyntheticRun.typical(0.5)));

        assertThat(comparison.verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(latency(comparison.overall(), LatencyMetric.P99).verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(latency(comparison.overall(), LatencyMetric.P99).effect()).isLessThan(0.01);
    }

    @Test
    void aTinyAbsoluteChangeUnderTheFloorIsNoChange() {
        SyntheticRun baseline = SyntheticRun.of().seed(1).latency(SyntheticRun.around(200_000));
        SyntheticRun candidate = SyntheticRun.of().seed(2).latency(SyntheticRun.around(300_000));

        Comparison comparison = compare(baseline, candidate);

        LatencyDelta p50 = latency(comparison.overall(), LatencyMetric.P50);
        assertThat(p50.deltaRatio()).isGreaterThan(0.4);
        assertThat(p50.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(p50.reason()).contains("under the 1.00 ms floor");
        assertThat(comparison.verdict()).isEqualTo(Verdict.NO_CHANGE);

        // The same change with a 50 us floor is real, and consistent: a regression.
        Comparison strict = compare(baseline, candidate, RuleSpecs.floor(CompareRules.defaults(), "50us"));
        assertThat(latency(strict.overall(), LatencyMetric.P50).verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void tooFewIntervalsAreInconclusive() {
        Comparison comparison = compare(
                SyntheticRun.of().seed(1).intervals(5),
                SyntheticRun.of().seed(2).intervals(5).latency(SyntheticRun.typical(2.0)));

        LatencyDelta p99 = latency(endpoint(comparison, QUOTE), LatencyMetric.P99);
        assertThat(p99.deltaRatio()).isGreaterThan(0.8);
        assertThat(p99.baselineWindows()).isEqualTo(5);
        assertThat(p99.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(p99.reason()).contains("only 5 and 5 windows of 500 requests (need 10 in each run)");
        assertThat(comparison.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void moreErrorsAreARegressionAndAFewMoreAreNot() {
        Comparison worse = compare(
                SyntheticRun.of().seed(1).errors(0.001),
                SyntheticRun.of().seed(2).errors(0.02));
        assertThat(worse.overall().errors().verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(worse.overall().errors().deltaRate()).isBetween(0.015, 0.025);
        assertThat(worse.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(CompareTable.verdictLine(worse)).contains("errors of " + QUOTE);

        Comparison slightly = compare(
                SyntheticRun.of().seed(1).errors(0.001),
                SyntheticRun.of().seed(2).errors(0.0015));
        assertThat(slightly.overall().errors().verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(slightly.overall().errors().reason()).contains("under the 0.1 pp floor");
    }

    @Test
    void endpointsInOneRunOnlyAreListedNotJudged() {
        Comparison comparison = compare(
                SyntheticRun.of().seed(1).endpoints(List.of(QUOTE, ORDER)),
                SyntheticRun.of().seed(1).endpoints(List.of(QUOTE, "GET /api/news")));

        assertThat(comparison.endpoints()).extracting(EndpointComparison::name).containsExactly(QUOTE);
        assertThat(comparison.onlyInBaseline()).containsExactly(ORDER);
        assertThat(comparison.onlyInCandidate()).containsExactly("GET /api/news");
    }

    @Test
    void aKilledRunIsComparedFromItsLatencyLogAndIntervals() {
        Comparison comparison = compare(
                SyntheticRun.of().seed(1).errors(0.01),
                SyntheticRun.of().seed(2).killed());

        assertThat(comparison.candidate().complete()).isFalse();
        assertThat(comparison.overall().errors().candidate().attempted()).isEqualTo(120_000);
        assertThat(comparison.overall().errors().verdict()).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(comparison.overall().candidateRatePerSec())
                .isCloseTo(2_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(comparison.notes()).anyMatch(note -> note.contains("has no run.json (killed run?)"));
    }

    @Test
    void differentRatesAddANote() {
        Comparison comparison =
                compare(SyntheticRun.of().seed(1), SyntheticRun.of().seed(2).perInterval(500));

        assertThat(comparison.overall().baselineRatePerSec()).isEqualTo(2_000.0);
        assertThat(comparison.overall().candidateRatePerSec()).isEqualTo(1_000.0);
        assertThat(comparison.notes()).anyMatch(note -> note.contains("the runs achieved different rates"));
    }
}
