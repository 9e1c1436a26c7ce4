package dev.stampede.testbed.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceTimeTest {

    private static final long MEAN_NS = 5_000_000L;
    private static final int DRAWS = 200_000;
    private static final long SEED = 20_260_101L;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "constant        | constant",
                "uniform         | uniform",
                "exponential     | exponential",
                "lognormal       | lognormal:0.5",
                "lognormal:0.3   | lognormal:0.3",
                "lognormal:5     | lognormal:5.0",
                "'  Constant  '  | constant",
                "UNIFORM         | uniform",
                "' Exponential'  | exponential",
                "'LogNormal:0.25 ' | lognormal:0.25"
            })
    void acceptsTheDocumentedFormsIgnoringCaseAndSurroundingSpace(String spec, String parsed) {
        ServiceTime serviceTime = ServiceTime.parse(spec, MEAN_NS);

        assertThat(serviceTime).hasToString(parsed);
        assertThat(serviceTime.meanNanos()).isEqualTo(MEAN_NS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gamma", "", "normal", "lognormal-0.5", "const"})
    void rejectsAnUnknownNameListingTheAcceptedForms(String spec) {
        assertThatThrownBy(() -> ServiceTime.parse(spec, MEAN_NS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service-time distribution '" + spec + "'")
                .hasMessageContaining("constant, uniform, exponential or lognormal[:cv]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant:1", "uniform:0.5", "exponential:2", "constant:"})
    void rejectsAParameterOnADistributionThatTakesNone(String spec) {
        assertThatThrownBy(() -> ServiceTime.parse(spec, MEAN_NS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("service-time distribution '" + spec + "' takes no parameter");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"lognormal:0", "lognormal:-0.5", "lognormal:5.01", "lognormal:abc", "lognormal:", "lognormal:NaN"
            })
    void rejectsACoefficientOfVariationOutsideTheRangeOrNotANumber(String spec) {
        assertThatThrownBy(() -> ServiceTime.parse(spec, MEAN_NS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("in '" + spec + "': cv must be a number in (0, 5]");
    }

    @Test
    void rejectsANonPositiveMean() {
        assertThatThrownBy(() -> ServiceTime.parse("constant", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void constantIsExactlyTheMeanEveryTime() {
        ServiceTime constant = ServiceTime.parse("constant", MEAN_NS);
        SplittableRandom random = new SplittableRandom(SEED);

        for (int i = 0; i < 1_000; i++) {
            assertThat(constant.sampleNanos(random)).isEqualTo(MEAN_NS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "uniform", "exponential", "lognormal", "lognormal:0.3", "lognormal:1"})
    void sampleMeanIsWithinTwoPercentOfTheMean(String spec) {
        Stats stats = Stats.of(ServiceTime.parse(spec, MEAN_NS));

        assertThat(stats.mean).isCloseTo(MEAN_NS, within(0.02 * MEAN_NS));
        assertThat(stats.min).isNotNegative();
    }

    @Test
    void uniformStaysWithinHalfAndOneAndAHalfTimesTheMeanAndFillsThatRange() {
        Stats stats = Stats.of(ServiceTime.parse("uniform", MEAN_NS));

        assertThat(stats.min).isGreaterThanOrEqualTo(MEAN_NS / 2);
        assertThat(stats.max).isLessThanOrEqualTo(MEAN_NS * 3 / 2);
        // Reaches both ends: within 0.1% of the range's edges.
        assertThat(stats.min).isLessThan(MEAN_NS / 2 + MEAN_NS / 1_000);
        assertThat(stats.max).isGreaterThan(MEAN_NS * 3 / 2 - MEAN_NS / 1_000);
        // A uniform distribution over [0.5, 1.5] x mean has cv = 1 / sqrt(12) / 1.
        assertThat(stats.cv()).isCloseTo(1 / Math.sqrt(12), within(0.01));
    }

    @Test
    void exponentialHasACoefficientOfVariationOfAboutOne() {
        Stats stats = Stats.of(ServiceTime.parse("exponential", MEAN_NS));

        assertThat(stats.cv()).isCloseTo(1.0, within(0.03));
    }

    @ParameterizedTest
    @CsvSource({"lognormal, 0.5", "lognormal:0.3, 0.3", "lognormal:0.8, 0.8", "lognormal:1, 1.0"})
    void lognormalHasTheRequestedCoefficientOfVariation(String spec, double cv) {
        Stats stats = Stats.of(ServiceTime.parse(spec, MEAN_NS));

        assertThat(stats.cv()).isCloseTo(cv, within(0.05 * cv));
    }

    @Test
    void theSameSeedGivesTheSameSamples() {
        ServiceTime lognormal = ServiceTime.parse("lognormal", MEAN_NS);
        SplittableRandom a = new SplittableRandom(SEED);
        SplittableRandom b = new SplittableRandom(SEED);

        for (int i = 0; i < 100; i++) {
            assertThat(lognormal.sampleNanos(a)).isEqualTo(lognormal.sampleNanos(b));
        }
    }

    /** Mean, spread and range of {@link #DRAWS} samples with a fixed seed. */
    private record Stats(double mean, double stdDev, long min, long max) {

        static Stats of(ServiceTime serviceTime) {
            SplittableRandom random = new SplittableRandom(SEED);
            double sum = 0;
            double sumSquares = 0;
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (int i = 0; i < DRAWS; i++) {
                long sample = serviceTime.sampleNanos(random);
                sum += sample;
                sumSquares += (double) sample * sample;
                min = Math.min(min, sample);
                max = Math.max(max, sample);
            }
            double mean = sum / DRAWS;
            double variance = (sumSquares - DRAWS * mean * mean) / (DRAWS - 1);
            return new Stats(mean, Math.sqrt(variance), min, max);
        }

        double cv() {
            return stdDev / mean;
        }
    }
}
