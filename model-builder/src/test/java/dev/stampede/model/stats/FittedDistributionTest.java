package dev.stampede.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.junit.jupiter.api.Test;

class FittedDistributionTest {

    private static final int N = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void cdfsAgreeWithCommonsMath() {
        assertSameCdf(new FittedDistribution.Exponential(2), new ExponentialDistribution(null, 2));
        assertSameCdf(new FittedDistribution.LogNormal(0.5, 0.8), new LogNormalDistribution(null, 0.5, 0.8));
        assertSameCdf(new FittedDistribution.Gamma(2, 1.5), new GammaDistribution(null, 2, 1.5));
        assertSameCdf(new FittedDistribution.Gamma(0.4, 3), new GammaDistribution(null, 0.4, 3));
    }

    private static void assertSameCdf(FittedDistribution ours, RealDistribution reference) {
        for (double x : new double[] {-1, 0, 0.01, 0.3, 1, 2.5, 7, 40}) {
            assertThat(ours.cdf(x))
                    .as("%s at %s", ours, x)
                    .isCloseTo(reference.cumulativeProbability(x), within(1e-12));
        }
        assertThat(ours.mean()).isCloseTo(reference.getNumericalMean(), within(1e-9));
    }

    @Test
    void samplersDrawTheirOwnDistribution() {
        List<FittedDistribution> all = List.of(
                new FittedDistribution.Exponential(2),
                new FittedDistribution.LogNormal(0.5, 0.8),
                new FittedDistribution.Gamma(2, 1.5),
                new FittedDistribution.Gamma(0.4, 3),
                new FittedDistribution.Empirical(new double[] {0, 1, 1, 1, 4, 10}),
                new FittedDistribution.ZeroInflated(0.3, new FittedDistribution.LogNormal(0, 1)));
        for (FittedDistribution distribution : all) {
            BoundedSample drawn = Synthetic.drawn(distribution, N, 11);
            assertThat(Distances.ks(distribution, drawn)).as("%s", distribution).isLessThan(0.012);
            assertThat(drawn.mean())
                    .as("%s", distribution)
                    .isCloseTo(distribution.mean(), within(0.03 * distribution.mean()));
        }
    }

    @Test
    void empiricalInterpolatesBetweenQuantilesAndRepeatedPointsAreAPointMass() {
        FittedDistribution.Empirical empirical = new FittedDistribution.Empirical(new double[] {0, 0, 0, 2, 6});

        assertThat(empirical.cdf(-0.1)).isZero();
        assertThat(empirical.cdf(0)).isEqualTo(0.5);
        assertThat(empirical.cdf(1)).isEqualTo(0.625);
        assertThat(empirical.cdf(2)).isEqualTo(0.75);
        assertThat(empirical.cdf(4)).isEqualTo(0.875);
        assertThat(empirical.cdf(6)).isEqualTo(1.0);
        assertThat(empirical.mean()).isEqualTo((0 + 0 + 1 + 4) / 4.0);
    }

    @Test
    void constantAndZeroInflatedCdfs() {
        assertThat(new FittedDistribution.Constant(3).cdf(2.999)).isZero();
        assertThat(new FittedDistribution.Constant(3).cdf(3)).isEqualTo(1.0);
        assertThat(new FittedDistribution.Constant(3).sample(new SplittableRandom(1)))
                .isEqualTo(3.0);
        FittedDistribution zeroInflated =
                new FittedDistribution.ZeroInflated(0.25, new FittedDistribution.Exponential(1));
        assertThat(zeroInflated.cdf(-1e-9)).isZero();
        assertThat(zeroInflated.cdf(0)).isEqualTo(0.25);
        assertThat(zeroInflated.cdf(1)).isCloseTo(0.25 + 0.75 * (1 - Math.exp(-1)), within(1e-12));
        assertThat(zeroInflated.mean()).isEqualTo(0.75);
    }

    @Test
    void parametersAreValidated() {
        assertThatThrownBy(() -> new FittedDistribution.Exponential(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedDistribution.LogNormal(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedDistribution.Gamma(1, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedDistribution.Empirical(new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedDistribution.Empirical(new double[] {2, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedDistribution.Constant(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedDistribution.ZeroInflated(1, new FittedDistribution.Constant(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void empiricalIsImmutable() {
        double[] points = {1, 2, 3};
        FittedDistribution.Empirical empirical = new FittedDistribution.Empirical(points);
        points[0] = 99;
        empirical.quantiles()[1] = 99;

        assertThat(empirical.quantiles()).containsExactly(1, 2, 3);
        assertThat(empirical).isEqualTo(new FittedDistribution.Empirical(new double[] {1, 2, 3}));
    }

    @Test
    void everyTypeRoundTripsThroughJsonWithItsDiscriminator() throws Exception {
        List<FittedDistribution> all = List.of(
                new FittedDistribution.Exponential(2.5),
                new FittedDistribution.LogNormal(-0.25, 1.125),
                new FittedDistribution.Gamma(2.0, 1.5),
                new FittedDistribution.Empirical(new double[] {0, 0.5, 0.75, 3}),
                new FittedDistribution.Constant(0),
                new FittedDistribution.ZeroInflated(0.125, new FittedDistribution.Gamma(0.5, 4)));
        for (FittedDistribution distribution : all) {
            String json = JSON.writeValueAsString(distribution);
            assertThat(JSON.readValue(json, FittedDistribution.class)).isEqualTo(distribution);
        }
        assertThat(JSON.writeValueAsString(all.get(1)))
                .isEqualTo("{\"type\":\"lognormal\",\"mu\":-0.25,\"sigma\":1.125}");
        assertThat(JSON.writeValueAsString(all.get(3)))
                .isEqualTo("{\"type\":\"empirical\",\"quantiles\":[0.0,0.5,0.75,3.0]}");
        assertThat(JSON.writeValueAsString(all.get(5)))
                .isEqualTo("{\"type\":\"zeroInflated\",\"zeroProbability\":0.125,"
                        + "\"positive\":{\"type\":\"gamma\",\"shape\":0.5,\"scale\":4.0}}");
    }

    @Test
    void anUnknownTypeIsAClearError() {
        assertThatThrownBy(() -> JSON.readValue("{\"type\":\"weibull\",\"k\":1}", FittedDistribution.class))
                .hasMessageContaining("weibull");
    }

    @Test
    void fitResultsRoundTripThroughJsonIncludingNaNPValues() throws Exception {
        FitResult result = new DistributionFitter().fit(Synthetic.of(1, 2, 3, 5, 8));
        String json = JSON.writeValueAsString(result);

        assertThat(result.fit().pValue()).isNaN();
        assertThat(JSON.readValue(json, FitResult.class)).isEqualTo(result);
    }
}
