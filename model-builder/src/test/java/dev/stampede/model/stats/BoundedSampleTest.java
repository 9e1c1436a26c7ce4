package dev.stampede.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoundedSampleTest {

    private static final int MILLION = 1_000_000;

    /** A deterministic, non-trivial value stream: a sawtooth with a zero every 1000th value. */
    private static double value(int i) {
        return (i % 1000) * 0.25 + (i % 7);
    }

    @Test
    void keepsExactMomentsOverAMillionValuesInBoundedMemory() {
        BoundedSample sample = BoundedSample.seeded(42);
        double sum = 0;
        for (int i = 0; i < MILLION; i++) {
            sample.add(value(i));
            sum += value(i);
        }
        double mean = sum / MILLION;
        double squares = 0;
        long zeros = 0;
        for (int i = 0; i < MILLION; i++) {
            squares += (value(i) - mean) * (value(i) - mean);
            zeros += value(i) == 0 ? 1 : 0;
        }

        assertThat(sample.count()).isEqualTo(MILLION);
        assertThat(sample.mean()).isCloseTo(mean, within(1e-9));
        assertThat(sample.variance()).isCloseTo(squares / (MILLION - 1), within(1e-6));
        assertThat(sample.zeroCount()).isEqualTo(zeros).isPositive();
        assertThat(sample.min()).isEqualTo(0.0);
        assertThat(sample.max()).isEqualTo(999 * 0.25 + 6);
        assertThat(sample.size()).isEqualTo(BoundedSample.DEFAULT_CAPACITY);
        assertThat(sample.sortedValues()).hasSize(BoundedSample.DEFAULT_CAPACITY);
    }

    @Test
    void theReservoirIsAUniformSampleOfTheStream() {
        // Values 0..999,999 in order: a uniform reservoir has mean ~500k and a flat histogram; a biased
        // one (e.g. keeping the first or the last values) does not.
        BoundedSample sample = new BoundedSample(10_000, new SplittableRandom(7));
        for (int i = 0; i < MILLION; i++) {
            sample.add(i);
        }
        double[] kept = sample.sortedValues();
        FittedDistribution uniform = new FittedDistribution.Empirical(new double[] {0, MILLION});

        assertThat(KolmogorovSmirnov.distance(uniform, kept)).isLessThan(0.02);
        assertThat(kept[0]).isLessThan(1_000);
        assertThat(kept[kept.length - 1]).isGreaterThan(MILLION - 1_000);
    }

    @Test
    void theSameSeedAndInputKeepTheSameValues() {
        BoundedSample first = new BoundedSample(100, new SplittableRandom(3));
        BoundedSample second = new BoundedSample(100, new SplittableRandom(3));
        BoundedSample otherSeed = new BoundedSample(100, new SplittableRandom(4));
        for (int i = 0; i < 100_000; i++) {
            first.add(i);
            second.add(i);
            otherSeed.add(i);
        }

        assertThat(first.sortedValues()).isEqualTo(second.sortedValues());
        assertThat(first.sortedValues()).isNotEqualTo(otherSeed.sortedValues());
    }

    @Test
    void keepsEveryValueWhileUnderCapacity() {
        BoundedSample sample = new BoundedSample(1_000, new SplittableRandom(1));
        for (int i = 99; i >= 0; i--) {
            sample.add(i);
        }

        assertThat(sample.size()).isEqualTo(100);
        assertThat(sample.sortedValues()).hasSize(100).startsWith(0, 1, 2).endsWith(98, 99);
        assertThat(sample.mean()).isEqualTo(49.5);
    }

    @Test
    void anEmptySampleHasNoMoments() {
        BoundedSample sample = BoundedSample.seeded(1);

        assertThat(sample.count()).isZero();
        assertThat(sample.mean()).isNaN();
        assertThat(sample.min()).isNaN();
        assertThat(sample.max()).isNaN();
        assertThat(sample.variance()).isZero();
        assertThat(sample.sortedValues()).isEmpty();
    }

    @Test
    void rejectsNonFiniteValuesAndBadConfiguration() {
        BoundedSample sample = BoundedSample.seeded(1);

        assertThatThrownBy(() -> sample.add(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sample.add(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sample.count()).isZero();
        assertThatThrownBy(() -> new BoundedSample(0, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BoundedSample(10, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
