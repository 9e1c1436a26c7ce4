package dev.stampede.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class DistributionFitterTest {

    private static final int N = 10_000;
    private final DistributionFitter fitter = new DistributionFitter();

    @Test
    void recoversAnExponentialAndChoosesIt() {
        BoundedSample sample = Synthetic.of(new ExponentialDistribution(new Well19937c(1), 2.0), N);

        FitResult result = fitter.fit(sample);

        assertThat(result.distribution()).isInstanceOf(FittedDistribution.Exponential.class);
        assertThat(((FittedDistribution.Exponential) result.distribution()).mean())
                .isCloseTo(2.0, within(0.1));
        assertThat(result.fit().pValue()).isGreaterThanOrEqualTo(0.01);
        assertThat(result.fit().n()).isEqualTo(N);
        assertThat(result.fit().chosenBecause()).startsWith("exponential has the lowest BIC");
        assertThat(result.candidates()).hasSize(4);
    }

    @Test
    void recoversALogNormalAndChoosesIt() {
        BoundedSample sample = Synthetic.of(new LogNormalDistribution(new Well19937c(2), 0.5, 0.8), N);

        FitResult result = fitter.fit(sample);

        assertThat(result.distribution()).isInstanceOf(FittedDistribution.LogNormal.class);
        FittedDistribution.LogNormal fit = (FittedDistribution.LogNormal) result.distribution();
        assertThat(fit.mu()).isCloseTo(0.5, within(0.025));
        assertThat(fit.sigma()).isCloseTo(0.8, within(0.04));
        assertThat(result.fit().chosenBecause()).startsWith("lognormal");
        double chosenBic = result.candidates().get(1).bic();
        assertThat(result.candidates().get(1).distribution()).isEqualTo(fit);
        assertThat(result.candidates().get(0).bic()).isGreaterThan(chosenBic);
        assertThat(result.candidates().get(2).bic()).isGreaterThan(chosenBic);
        assertThat(result.candidates().get(3).bic()).isNaN();
    }

    @Test
    void recoversAGammaAndChoosesIt() {
        BoundedSample sample = Synthetic.of(new GammaDistribution(new Well19937c(3), 2.0, 1.5), N);

        FitResult result = fitter.fit(sample);

        assertThat(result.distribution()).isInstanceOf(FittedDistribution.Gamma.class);
        FittedDistribution.Gamma fit = (FittedDistribution.Gamma) result.distribution();
        assertThat(fit.shape()).isCloseTo(2.0, within(0.2));
        assertThat(fit.scale()).isCloseTo(1.5, within(0.15));
    }

    @Test
    void recoversAGammaWithShapeBelowOne() {
        BoundedSample sample = Synthetic.of(new GammaDistribution(new Well19937c(4), 0.5, 2.0), N);

        FittedDistribution.Gamma fit =
                (FittedDistribution.Gamma) fitter.fit(sample).distribution();

        assertThat(fit.shape()).isCloseTo(0.5, within(0.05));
        assertThat(fit.scale()).isCloseTo(2.0, within(0.2));
    }

    @Test
    void choosesTheEmpiricalDistributionForABimodalMixture() {
        BoundedSample sample = bimodal(N, 5);

        FitResult result = fitter.fit(sample);

        assertThat(result.distribution()).isInstanceOf(FittedDistribution.Empirical.class);
        assertThat(((FittedDistribution.Empirical) result.distribution()).quantiles())
                .hasSize(101);
        assertThat(result.fit().pValue()).isNaN();
        assertThat(result.fit().ksDistance()).isLessThan(0.01);
        assertThat(result.fit().chosenBecause()).startsWith("no parametric family passes the KS test at p >= 0.01");
        assertThat(result.candidates())
                .allSatisfy(c -> assertThat(Double.isNaN(c.pValue()) || c.pValue() < 0.01)
                        .isTrue());
    }

    @Test
    void aZeroThresholdTakesTheClosestFamilyEvenIfTheTestRejectsIt() {
        FitResult result = new DistributionFitter(0, 20, 101).fit(bimodal(N, 5));

        assertThat(result.distribution()).isNotInstanceOf(FittedDistribution.Empirical.class);
        assertThat(result.fit().pValue()).isLessThan(0.01);
    }

    @Test
    void exactZerosBecomeAPointMassNextToTheFittedPositivePart() {
        // 30% of think times are 0 (requests fired together), the rest log-normal.
        LogNormalDistribution positive = new LogNormalDistribution(new Well19937c(6), 0.2, 0.6);
        SplittableRandom coin = new SplittableRandom(6);
        BoundedSample sample = new BoundedSample(N, new SplittableRandom(1));
        for (int i = 0; i < N; i++) {
            sample.add(coin.nextDouble() < 0.3 ? 0.0 : positive.sample());
        }

        FitResult result = fitter.fit(sample);

        assertThat(result.distribution()).isInstanceOf(FittedDistribution.ZeroInflated.class);
        FittedDistribution.ZeroInflated fit = (FittedDistribution.ZeroInflated) result.distribution();
        assertThat(fit.zeroProbability()).isCloseTo(0.3, within(0.015));
        assertThat(fit.positive()).isInstanceOf(FittedDistribution.LogNormal.class);
        assertThat(((FittedDistribution.LogNormal) fit.positive()).mu()).isCloseTo(0.2, within(0.02));
        assertThat(((FittedDistribution.LogNormal) fit.positive()).sigma()).isCloseTo(0.6, within(0.03));
        assertThat(result.fit().chosenBecause()).startsWith("zero-inflated lognormal");
        assertThat(result.fit().ksDistance()).isLessThan(0.02);
    }

    @Test
    void zerosAndOneOtherValueAreATwoPointDistribution() {
        double[] values = new double[40];
        for (int i = 0; i < 30; i++) {
            values[i] = 1.5;
        }

        FitResult result = fitter.fit(Synthetic.of(values));

        assertThat(result.distribution())
                .isEqualTo(new FittedDistribution.ZeroInflated(0.25, new FittedDistribution.Constant(1.5)));
        assertThat(result.fit().ksDistance()).isZero();
    }

    @Test
    void tinySamplesAreEmpirical() {
        FitResult result = fitter.fit(Synthetic.of(0.5, 1.0, 1.2, 3.0, 0.0, 2.2));

        assertThat(result.distribution()).isInstanceOf(FittedDistribution.Empirical.class);
        double[] quantiles = ((FittedDistribution.Empirical) result.distribution()).quantiles();
        assertThat(quantiles[0]).isEqualTo(0.0);
        assertThat(quantiles[50]).isCloseTo(1.1, within(1e-12));
        assertThat(quantiles[100]).isEqualTo(3.0);
        assertThat(result.fit().chosenBecause())
                .isEqualTo("only 6 values (fewer than 20): too few for a parametric fit");
    }

    @Test
    void allEqualValuesAreAConstant() {
        FitResult result = fitter.fit(Synthetic.of(0.25, 0.25, 0.25));

        assertThat(result.distribution()).isEqualTo(new FittedDistribution.Constant(0.25));
        assertThat(result.fit().chosenBecause()).isEqualTo("all 3 values equal 0.25");
        assertThat(fitter.fit(Synthetic.of(0)).distribution()).isEqualTo(new FittedDistribution.Constant(0));
    }

    @Test
    void negativeValuesAreEmpirical() {
        BoundedSample sample = Synthetic.of(new NormalDistribution(new Well19937c(8), 0, 1), 500);

        FitResult result = fitter.fit(sample);

        assertThat(result.distribution()).isInstanceOf(FittedDistribution.Empirical.class);
        assertThat(result.fit().chosenBecause()).startsWith("negative values present");
    }

    @Test
    void anEmptySampleIsAnError() {
        assertThatThrownBy(() -> fitter.fit(BoundedSample.seeded(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty sample");
    }

    @Test
    void fittedDistributionsReproduceTheirSource() {
        int n = 20_000;
        BoundedSample[] sources = {
            Synthetic.of(new ExponentialDistribution(new Well19937c(21), 2.0), n),
            Synthetic.of(new LogNormalDistribution(new Well19937c(22), 0.5, 0.8), n),
            Synthetic.of(new GammaDistribution(new Well19937c(23), 2.0, 1.5), n),
            bimodal(n, 24),
        };
        for (BoundedSample source : sources) {
            FittedDistribution fitted = fitter.fit(source).distribution();
            BoundedSample regenerated = Synthetic.drawn(fitted, n, 99);
            assertThat(Distances.ks(source, regenerated)).as("%s", fitted).isLessThan(0.02);
        }
    }

    /** 60% log-normal around 0.2 s, 40% normal around 5 s: two modes no single family has. */
    private static BoundedSample bimodal(int n, long seed) {
        LogNormalDistribution fast = new LogNormalDistribution(new Well19937c(seed), Math.log(0.2), 0.3);
        NormalDistribution slow = new NormalDistribution(new Well19937c(seed + 1), 5, 0.5);
        SplittableRandom coin = new SplittableRandom(seed);
        BoundedSample sample = new BoundedSample(n, new SplittableRandom(1));
        for (int i = 0; i < n; i++) {
            sample.add(coin.nextDouble() < 0.6 ? fast.sample() : Math.abs(slow.sample()));
        }
        return sample;
    }
}
