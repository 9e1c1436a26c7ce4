package dev.stampede.engine.schedule;

import static dev.stampede.engine.schedule.IntendedTimes.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class RateProfileTimesTest {

    private static final long SECOND = 1_000_000_000L;

    /** Events in each whole second of a schedule that starts at {@code start}; checks they never decrease. */
    static long[] countsPerSecond(IntendedTimes times, long start, int seconds) {
        long[] counts = new long[seconds];
        long previous = Long.MIN_VALUE;
        for (long t = times.next(); t != END; t = times.next()) {
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
            counts[(int) ((t - start) / SECOND)]++;
        }
        return counts;
    }

    /** The integral of a linear rate a + b t over [s, s + 1). */
    static double linearIntegral(double a, double b, int s) {
        return a + b * (s + 0.5);
    }

    @Test
    void aLinearRampHasTheIntegralInEverySecond() {
        double a = 37.3;
        double b = 123.7;
        long start = 1_000L;
        long[] counts = countsPerSecond(new RateProfileTimes(start, t -> a + b * t, 10 * SECOND), start, 10);

        double total = 0;
        for (int s = 0; s < 10; s++) {
            assertThat((double) counts[s]).as("second %d", s).isCloseTo(linearIntegral(a, b, s), within(1.0));
            total += counts[s];
        }
        assertThat(total).isCloseTo(10 * a + 50 * b, within(1.0));
    }

    @Test
    void aRampFromZeroAndDownAgain() {
        // Up from 0 to 20,000/s over 5 s, then down to 0 over 5 s: 100,000 events.
        DoubleUnaryOperator triangle = t -> t < 5 ? 4000 * t : 4000 * (10 - t);
        long[] counts = countsPerSecond(new RateProfileTimes(0L, triangle, 10 * SECOND), 0L, 10);

        for (int s = 0; s < 10; s++) {
            double integral = s < 5 ? linearIntegral(0, 4000, s) : linearIntegral(40_000, -4000, s);
            assertThat((double) counts[s]).as("second %d", s).isCloseTo(integral, within(1.0));
        }
    }

    @Test
    void aCurveIsWithinOneEventPerSecond() {
        DoubleUnaryOperator wave = t -> 1000 + 800 * Math.sin(t);
        long[] counts = countsPerSecond(new RateProfileTimes(0L, wave, 10 * SECOND), 0L, 10);

        for (int s = 0; s < 10; s++) {
            double integral = 1000 + 800 * (Math.cos(s) - Math.cos(s + 1));
            assertThat((double) counts[s]).as("second %d", s).isCloseTo(integral, within(1.0));
        }
    }

    @Test
    void aConstantProfileGivesTheConstantRateTimes() {
        for (double rate : new double[] {1000, 3, 2.5, 12_345}) {
            RateProfileTimes profile = new RateProfileTimes(500L, t -> rate, 3 * SECOND);
            ConstantRate constant = new ConstantRate(500L, rate, 3 * SECOND);
            for (long expected = constant.next(); expected != END; expected = constant.next()) {
                assertThat(profile.next()).as("rate %s", rate).isCloseTo(expected, within(1L));
            }
            assertThat(profile.next()).isEqualTo(END);
        }
    }

    @Test
    void nothingIsDueWhileTheRateIsZero() {
        DoubleUnaryOperator later = t -> t <= 1.0 ? 0 : 1000;
        RateProfileTimes times = new RateProfileTimes(0L, later, 3 * SECOND);

        assertThat(times.next()).isEqualTo(SECOND);
        long[] counts = countsPerSecond(times, 0L, 3);
        assertThat(counts[0]).isZero();
        assertThat(counts[1]).isBetween(998L, 1000L); // the first event was taken above
        assertThat(counts[2]).isEqualTo(1000L);
    }

    @Test
    void aRateThatIsNeverPositiveGivesNoEvents() {
        assertThat(new RateProfileTimes(0L, t -> -5, SECOND).next()).isEqualTo(END);
        assertThat(new RateProfileTimes(0L, t -> Double.NaN, SECOND).next()).isEqualTo(END);
        assertThat(new RateProfileTimes(0L, t -> 0, SECOND).next()).isEqualTo(END);
    }

    @Test
    void theEndIsFinal() {
        RateProfileTimes times = new RateProfileTimes(0L, t -> 1000, 2_500_000L);

        assertThat(ConstantRateTest.take(times, 5)).containsExactly(0L, 1_000_000L, 2_000_000L, END, END);
    }
}
