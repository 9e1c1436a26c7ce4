package dev.stampede.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class DistancesTest {

    @Test
    void totalVariationGoldenValues() {
        assertThat(Distances.totalVariation(Map.of("a", 1L, "b", 1L), Map.of("a", 1L, "c", 1L)))
                .isEqualTo(0.5);
        assertThat(Distances.totalVariation(Map.of("x", 2L, "y", 1L, "z", 1L), Map.of("x", 1L, "y", 1L, "z", 2L)))
                .isEqualTo(0.25);
        assertThat(Distances.totalVariation(Map.of("a", 3L, "b", 1L), Map.of("a", 300L, "b", 100L)))
                .isZero();
        assertThat(Distances.totalVariation(Map.of("a", 5L), Map.of("b", 7L))).isEqualTo(1.0);
        assertThat(Distances.totalVariation(Map.of("a", 99L, "b", 1L), Map.of("a", 100L, "b", 0L)))
                .isCloseTo(0.01, within(1e-15));
    }

    @Test
    void totalVariationOfEmptyAndInvalidCounts() {
        assertThat(Distances.totalVariation(Map.of(), Map.of())).isZero();
        assertThat(Distances.totalVariation(Map.of("a", 0L), Map.of())).isZero();
        assertThat(Distances.totalVariation(Map.of(), Map.of("a", 1L))).isEqualTo(1.0);
        assertThatThrownBy(() -> Distances.totalVariation(Map.of("a", -1L), Map.of("a", 1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoSampleKsHandlesRepeatedValues() {
        // ECDFs: a jumps to 3/4 at 0 and 1 at 2; b to 1/4 at 0, 3/4 at 1, 1 at 2. Largest gap 1/2 at 0.
        assertThat(KolmogorovSmirnov.distance(new double[] {0, 0, 0, 2}, new double[] {0, 1, 1, 2}))
                .isEqualTo(0.5);
        assertThat(KolmogorovSmirnov.distance(new double[] {1, 1, 1}, new double[] {1}))
                .isZero();
        assertThat(KolmogorovSmirnov.distance(new double[] {1, 2}, new double[] {3, 4}))
                .isEqualTo(1.0);
    }

    @Test
    void twoSampleKsMatchesCommonsMathWithoutTies() {
        LogNormalDistribution source = new LogNormalDistribution(new Well19937c(5), 0, 1);
        double[] a = source.sample(3_000);
        double[] b = source.sample(2_000);
        double expected = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(a, b);
        Arrays.sort(a);
        Arrays.sort(b);

        assertThat(KolmogorovSmirnov.distance(a, b)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void oneSampleKsMatchesCommonsMathWithoutTies() {
        LogNormalDistribution source = new LogNormalDistribution(new Well19937c(6), 0, 1);
        double[] data = source.sample(2_000);
        double expected =
                new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(new LogNormalDistribution(null, 0.1, 1.1), data);
        Arrays.sort(data);

        double ours = KolmogorovSmirnov.distance(new FittedDistribution.LogNormal(0.1, 1.1), data);

        assertThat(ours).isCloseTo(expected, within(1e-9)).isGreaterThan(0.01);
    }

    @Test
    void oneSampleKsIsZeroForASampleMatchingAPointMass() {
        // commons-math3 would score this 0.5: it compares F(0) = 0.5 with 0/n at the first copy of 0.
        FittedDistribution model = new FittedDistribution.ZeroInflated(0.5, new FittedDistribution.Constant(2));

        assertThat(KolmogorovSmirnov.distance(model, new double[] {0, 0, 2, 2})).isZero();
        assertThat(Distances.ks(model, Synthetic.of(0, 0, 0, 2))).isEqualTo(0.25);
    }

    @Test
    void ksBetweenSamplesOfTheSameSourceIsSmallAndOfDifferentSourcesLarge() {
        BoundedSample a = Synthetic.of(new LogNormalDistribution(new Well19937c(1), 0, 1), 10_000);
        BoundedSample b = Synthetic.of(new LogNormalDistribution(new Well19937c(2), 0, 1), 10_000);
        BoundedSample shifted = Synthetic.of(new LogNormalDistribution(new Well19937c(3), 0.3, 1), 10_000);

        assertThat(Distances.ks(a, b)).isLessThan(0.02);
        assertThat(Distances.ks(a, shifted)).isGreaterThan(0.1);
        assertThatThrownBy(() -> Distances.ks(a, BoundedSample.seeded(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dispersionIndexGoldenValues() {
        assertThat(Distances.dispersionIndex(new long[] {1, 2, 3, 4, 5})).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(Distances.dispersionIndex(new long[] {7, 7, 7})).isZero();
        assertThat(Distances.dispersionIndex(new long[] {0, 0, 0, 20})).isCloseTo(100.0 / 5, within(1e-12));
        assertThat(Distances.dispersionIndex(new long[] {0, 0})).isNaN();
        assertThat(Distances.dispersionIndex(new long[] {4})).isNaN();
    }

    @Test
    void dispersionIndexOfPoissonCountsIsNearOne() {
        PoissonDistribution poisson = new PoissonDistribution(new Well19937c(9), 50, 1e-12, 10_000_000);
        long[] counts = new long[3_600];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = poisson.sample();
        }
        assertThat(Distances.dispersionIndex(counts)).isCloseTo(1.0, within(0.08));
    }

    @Test
    void ksPValueIsHighForTheTrueDistributionAndTinyForAWrongOne() {
        double[] data = Synthetic.of(new LogNormalDistribution(new Well19937c(10), 0, 1), 5_000)
                .sortedValues();

        double right = KolmogorovSmirnov.distance(new FittedDistribution.LogNormal(0, 1), data);
        double wrong = KolmogorovSmirnov.distance(new FittedDistribution.Exponential(Math.exp(0.5)), data);

        assertThat(KolmogorovSmirnov.pValue(right, data.length)).isGreaterThan(0.05);
        assertThat(KolmogorovSmirnov.pValue(wrong, data.length)).isLessThan(1e-6);
    }
}
