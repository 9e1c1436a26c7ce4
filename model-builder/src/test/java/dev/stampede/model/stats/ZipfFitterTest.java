package dev.stampede.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZipfFitterTest {

    private final ZipfFitter fitter = new ZipfFitter();

    @Test
    void recoversTheExponentOfExactZipfCounts() {
        long[] counts = new long[500];
        for (int r = 1; r <= counts.length; r++) {
            counts[r - 1] = Math.round(1e7 * Math.pow(r, -1.1));
        }

        ZipfFit fit = fitter.fit(counts);

        assertThat(fit.exponent()).isCloseTo(1.1, within(0.005));
        assertThat(fit.ksDistance()).isLessThan(0.001);
        assertThat(fit.rSquared()).isGreaterThan(0.999);
        assertThat(fit.fits()).isTrue();
        assertThat(fit.ranks()).isEqualTo(500);
    }

    @Test
    void recoversTheExponentOfSampledZipfCountsInAnyOrder() {
        double s = 0.9;
        int ranks = 1_000;
        double[] cumulative = new double[ranks];
        double norm = ZipfFitter.harmonic(ranks, s);
        double sum = 0;
        for (int r = 1; r <= ranks; r++) {
            sum += Math.pow(r, -s) / norm;
            cumulative[r - 1] = sum;
        }
        long[] counts = new long[ranks];
        SplittableRandom random = new SplittableRandom(17);
        for (int i = 0; i < 200_000; i++) {
            int index = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            counts[Math.min(ranks - 1, index < 0 ? -index - 1 : index)]++;
        }
        // Shuffle: the fitter ranks by count itself.
        for (int i = ranks - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = counts[i];
            counts[i] = counts[j];
            counts[j] = swap;
        }

        ZipfFit fit = fitter.fit(counts);

        assertThat(fit.exponent()).isCloseTo(s, within(0.03));
        assertThat(fit.total()).isEqualTo(200_000);
        assertThat(fit.fits()).isTrue();
    }

    @Test
    void aStepDistributionIsNotZipf() {
        // Ten popular values with 1000 each, then ninety with 10 each.
        long[] counts = new long[100];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i < 10 ? 1_000 : 10;
        }

        ZipfFit fit = fitter.fit(counts);

        assertThat(fit.ksDistance()).isGreaterThan(0.05);
        assertThat(fit.fits()).isFalse();
    }

    @Test
    void uniformCountsAreZipfWithExponentZero() {
        ZipfFit fit = fitter.fit(new long[] {50, 50, 50, 50});

        assertThat(fit.exponent()).isZero();
        assertThat(fit.ksDistance()).isCloseTo(0, within(1e-12));
        assertThat(fit.fits()).isTrue();
        assertThat(fit.probability(1)).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void fewerThanThreeRanksNeverFit() {
        assertThat(fitter.fit(new long[] {10, 5}).fits()).isFalse();
        assertThat(fitter.fit(new long[] {10}).exponent()).isZero();
        assertThat(fitter.fit(new long[] {10, 0, 0}).exponent()).isEqualTo(ZipfFitter.MAX_EXPONENT);
    }

    @Test
    void theThresholdIsConfigurable() {
        long[] counts = {100, 60, 50, 20, 19, 18};
        ZipfFit loose = new ZipfFitter(0.2).fit(counts);
        ZipfFit strict = new ZipfFitter(0.001).fit(counts);

        assertThat(loose.ksDistance()).isEqualTo(strict.ksDistance()).isBetween(0.001, 0.2);
        assertThat(loose.fits()).isTrue();
        assertThat(strict.fits()).isFalse();
    }

    @Test
    void rejectsEmptyNegativeAndAllZeroCounts() {
        assertThatThrownBy(() -> fitter.fit(new long[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fitter.fit(new long[] {3, -1})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fitter.fit(new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ZipfFit fit = fitter.fit(new long[] {100, 50, 33, 25, 20});

        assertThat(json.readValue(json.writeValueAsString(fit), ZipfFit.class)).isEqualTo(fit);
    }
}
