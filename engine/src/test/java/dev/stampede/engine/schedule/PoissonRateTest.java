package dev.stampede.engine.schedule;

import static dev.stampede.engine.schedule.IntendedTimes.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PoissonRateTest {

    private static final int N = 100_000;

    static long[] gaps(IntendedTimes times, long start, int n) {
        long[] gaps = new long[n];
        long previous = start;
        for (int i = 0; i < n; i++) {
            long t = times.next();
            gaps[i] = t - previous;
            previous = t;
        }
        return gaps;
    }

    /** Kolmogorov-Smirnov distance between the gaps and an exponential with the given mean. */
    static double ksDistance(long[] gaps, double meanNanos) {
        long[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double worst = 0;
        int n = sorted.length;
        for (int i = 0; i < n; i++) {
            double cdf = 1 - Math.exp(-sorted[i] / meanNanos);
            worst = Math.max(worst, Math.max(Math.abs(cdf - (double) i / n), Math.abs((double) (i + 1) / n - cdf)));
        }
        return worst;
    }

    /** The critical distance at the 1% level for n samples. */
    static double ksCritical(int n) {
        return 1.63 / Math.sqrt(n);
    }

    @Test
    void theFirstTimesOfAFixedSeedAreGolden() {
        PoissonRate times = new PoissonRate(1_000L, 1000, Long.MAX_VALUE, 42L);

        // new SplittableRandom(42).nextDouble() gives 0.74156..., 0.15991..., 0.27860..., 0.34419...,
        // 0.03803...; the times are 1000 + floor(sum of -ln(1 - U) x 1e6 ns), checked apart in Python.
        assertThat(ConstantRateTest.take(times, 5))
                .containsExactly(1_354_110L, 1_528_357L, 1_854_920L, 2_276_805L, 2_315_577L);
    }

    @Test
    void theSameSeedGivesTheSameTimesAndAnotherSeedOthers() {
        long[] first = ConstantRateTest.take(new PoissonRate(0L, 5000, Long.MAX_VALUE, 7L), 1000);
        long[] again = ConstantRateTest.take(new PoissonRate(0L, 5000, Long.MAX_VALUE, 7L), 1000);
        long[] other = ConstantRateTest.take(new PoissonRate(0L, 5000, Long.MAX_VALUE, 8L), 1000);

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void timesNeverDecreaseAndTheMeanGapIsOneOverTheRate() {
        long[] gaps = gaps(new PoissonRate(0L, 2000, Long.MAX_VALUE, 123L), 0L, N);

        assertThat(Arrays.stream(gaps).min().orElseThrow()).isGreaterThanOrEqualTo(0L);
        double mean = Arrays.stream(gaps).average().orElseThrow();
        assertThat(mean).isCloseTo(500_000.0, org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void gapsAreExponential() {
        long[] gaps = gaps(new PoissonRate(0L, 2000, Long.MAX_VALUE, 123L), 0L, N);

        assertThat(ksDistance(gaps, 500_000.0)).isLessThan(ksCritical(N));
    }

    @Test
    void theExponentialCheckRejectsOtherGaps() {
        long[] constant = gaps(new ConstantRate(500_000L, 2000, Long.MAX_VALUE), 0L, N);
        long[] uniform = new long[N];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1L);
        for (int i = 0; i < N; i++) {
            uniform[i] = random.nextLong(1_000_001L); // same mean, wrong shape
        }

        assertThat(ksDistance(constant, 500_000.0)).isGreaterThan(ksCritical(N));
        assertThat(ksDistance(uniform, 500_000.0)).isGreaterThan(ksCritical(N));
    }

    @Test
    void theCountInTheDurationIsNearRateTimesDuration() {
        PoissonRate times = new PoissonRate(0L, 1000, 100_000_000_000L, 99L); // 100 s: 100,000 expected
        long count = 0;
        long last = 0;
        for (long t = times.next(); t != END; t = times.next()) {
            count++;
            last = t;
        }

        assertThat(count).isBetween(100_000L - 1_300, 100_000L + 1_300); // 4 standard deviations
        assertThat(last).isLessThan(100_000_000_000L);
        assertThat(times.next()).isEqualTo(END);
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> new PoissonRate(0L, 0, 1L, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoissonRate(0L, Double.NaN, 1L, 1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PoissonRate(0L, 1, -1L, 1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
