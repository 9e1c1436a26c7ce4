package dev.stampede.engine.schedule;

import static dev.stampede.engine.schedule.IntendedTimes.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class ConstantRateTest {

    static long[] take(IntendedTimes times, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = times.next();
        }
        return out;
    }

    /** The rounding rule, computed independently: start + floor(i * 1e18 / round(rate * 1e9)). */
    static long exact(long start, double rate, long i) {
        BigInteger scaledRate = BigInteger.valueOf(Math.round(rate * 1e9));
        return start
                + BigInteger.valueOf(i)
                        .multiply(BigInteger.TEN.pow(18))
                        .divide(scaledRate)
                        .longValueExact();
    }

    @Test
    void integerRateIsExactAndTheDurationIsHalfOpen() {
        ConstantRate times = new ConstantRate(7_000L, 1000, 5_000_000L);

        assertThat(take(times, 7)).containsExactly(7_000L, 1_007_000L, 2_007_000L, 3_007_000L, 4_007_000L, END, END);
    }

    @Test
    void oneSecondAtAnIntegerRateIsExactlyThatManyEvents() {
        ConstantRate times = new ConstantRate(0L, 1000, 1_000_000_000L);
        int count = 0;
        long last = 0;
        for (long t = times.next(); t != END; t = times.next()) {
            count++;
            last = t;
        }
        assertThat(count).isEqualTo(1000);
        assertThat(last).isEqualTo(999_000_000L);
    }

    @Test
    void aPeriodThatIsNotWholeNanosecondsRoundsEachTimeDown() {
        // 1e9 / 3 = 333,333,333.33... ns: floor of each exact multiple, not a sum of rounded periods.
        assertThat(take(new ConstantRate(0L, 3, Long.MAX_VALUE), 5))
                .containsExactly(0L, 333_333_333L, 666_666_666L, 1_000_000_000L, 1_333_333_333L);
    }

    @Test
    void fractionalRates() {
        assertThat(take(new ConstantRate(0L, 2.5, 2_000_000_000L), 6))
                .containsExactly(0L, 400_000_000L, 800_000_000L, 1_200_000_000L, 1_600_000_000L, END);
        assertThat(take(new ConstantRate(100L, 0.5, 5_000_000_000L), 4))
                .containsExactly(100L, 2_000_000_100L, 4_000_000_100L, END);
        // 1/3 per second rounds to 0.333333333/s, so the period is 3,000,000,003 ns (the stated rule).
        assertThat(take(new ConstantRate(0L, 1.0 / 3, Long.MAX_VALUE), 3))
                .containsExactly(0L, 3_000_000_003L, 6_000_000_006L);
    }

    @Test
    void noDriftAfterTenMillionEventsAtAnIntegerRate() {
        long start = -5_000_000_000L; // clock readings may be negative
        ConstantRate times = new ConstantRate(start, 7, Long.MAX_VALUE);
        for (long i = 0; i < 10_000_000L; i++) {
            long expected = start + i * 1_000_000_000L / 7; // i * 1e9 fits in a long up to 9.2e9
            long actual = times.next();
            if (actual != expected) {
                assertThat(actual).as("event %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void noDriftAfterTenMillionEventsAtAFractionalRate() {
        double rate = 1234.5678;
        ConstantRate times = new ConstantRate(42L, rate, Long.MAX_VALUE);
        long previous = times.next();
        assertThat(previous).isEqualTo(42L);
        long wholePeriod = 1_000_000_000_000_000_000L / Math.round(rate * 1e9);
        for (long i = 1; i < 10_000_000L; i++) {
            long t = times.next();
            long gap = t - previous;
            if (gap != wholePeriod && gap != wholePeriod + 1 || i % 9973 == 0) {
                assertThat(gap).as("gap before event %d", i).isBetween(wholePeriod, wholePeriod + 1);
                assertThat(t).as("event %d", i).isEqualTo(exact(42L, rate, i));
            }
            previous = t;
        }
        assertThat(previous).isEqualTo(exact(42L, rate, 9_999_999L));
        // floor(9,999,999 x 810,000.00648... ns); a running sum of the double period gives ...854,065.
        assertThat(previous).isEqualTo(42L + 8_099_999_854_199L);
    }

    @Test
    void theFastestRateIsOneEventANanosecondAndAnOpenEndDoesNotOverflow() {
        ConstantRate times = new ConstantRate(Long.MAX_VALUE - 10, 1e9, Long.MAX_VALUE);
        assertThat(take(times, 3)).containsExactly(Long.MAX_VALUE - 10, Long.MAX_VALUE - 9, Long.MAX_VALUE - 8);
    }

    @Test
    void aZeroDurationHasNoEvents() {
        assertThat(take(new ConstantRate(0L, 10, 0L), 2)).containsExactly(END, END);
    }

    @Test
    void refusesRatesOutsideTheRange() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 2e9, 1e-12}) {
            assertThatThrownBy(() -> new ConstantRate(0L, bad, 1L))
                    .as("rate %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new ConstantRate(0L, 1, -1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
