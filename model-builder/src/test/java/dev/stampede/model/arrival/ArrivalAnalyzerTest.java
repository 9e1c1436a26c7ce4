package dev.stampede.model.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalAnalyzerTest {

    /** 2026-03-02T09:30:00Z, in epoch seconds. */
    private static final long FIRST = 1_772_443_800L;

    private static final long MICROS = 1_000_000L;

    @Test
    void peakAndTopPeaksOnAHandMadeCurve() {
        long[] curve = new long[600];
        Arrays.fill(curve, 2);
        for (int s = 200; s < 260; s++) {
            curve[s] += 10;
        }
        for (int s = 400; s < 430; s++) {
            curve[s] += 10;
        }

        Arrivals arrivals = feed(ArrivalOptions.defaults().withPeakWindowMinutes(1), curve);

        assertThat(arrivals.firstSecond()).isEqualTo(FIRST);
        assertThat(arrivals.perSecond()).containsExactly(curve);
        assertThat(arrivals.records()).isEqualTo(600 * 2 + 900);
        assertThat(arrivals.meanPerSecond()).isEqualTo(2100.0 / 600);
        assertThat(arrivals.maxPerSecond()).isEqualTo(12);
        assertThat(arrivals.peak()).isEqualTo(new Peak(FIRST + 200, FIRST + 260, 720, 12.0, 12));
        assertThat(arrivals.peakDispersionIndex()).isZero();
        // The second burst is wholly inside windows starting 370..400: the earliest wins. The third peak is
        // a plain 2/s minute, the earliest that overlaps neither.
        assertThat(arrivals.topPeaks())
                .containsExactly(
                        arrivals.peak(),
                        new Peak(FIRST + 370, FIRST + 430, 420, 7.0, 12),
                        new Peak(FIRST, FIRST + 60, 120, 2.0, 2));
        assertThat(arrivals.droppedRecords()).isZero();
        assertThat(arrivals.sessionStartsPerSecond()).isEmpty();
    }

    @Test
    void aLogShorterThanTheWindowIsItsOwnPeak() {
        long[] curve = new long[90];
        Arrays.fill(curve, 3);
        curve[40] = 9;

        Arrivals arrivals = feed(ArrivalOptions.defaults(), curve);

        Peak whole = new Peak(FIRST, FIRST + 90, 276, 276.0 / 90, 9);
        assertThat(arrivals.peak()).isEqualTo(whole);
        assertThat(arrivals.topPeaks()).containsExactly(whole);
        assertThat(arrivals.peakDispersionIndex()).isEqualTo(arrivals.dispersionIndex());
    }

    @Test
    void gapsAreSecondsWithoutRequests() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        analyzer.add(FIRST * MICROS + 999_999);
        analyzer.add((FIRST + 4) * MICROS);
        analyzer.add((FIRST + 4) * MICROS + 1);

        Arrivals arrivals = analyzer.finish();

        assertThat(arrivals.perSecond()).containsExactly(1, 0, 0, 0, 2);
        assertThat(arrivals.meanPerSecond()).isEqualTo(0.6);
        assertThat(arrivals.maxPerSecond()).isEqualTo(2);
    }

    @Test
    void aConstantRateHasNoDispersion() {
        long[] curve = new long[100];
        Arrays.fill(curve, 5);

        Arrivals arrivals = feed(ArrivalOptions.defaults(), curve);

        assertThat(arrivals.dispersionIndex()).isZero();
        assertThat(arrivals.peakDispersionIndex()).isZero();
    }

    @Test
    void poissonArrivalsHaveADispersionOfOne() {
        SplittableRandom random = new SplittableRandom(42);
        double ratePerSec = 20;
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        double t = FIRST;
        double end = FIRST + 6 * 3600;
        while ((t += -Math.log(1 - random.nextDouble()) / ratePerSec) < end) {
            analyzer.add((long) (t * MICROS));
        }

        Arrivals arrivals = analyzer.finish();

        assertThat(arrivals.seconds()).isBetween(6 * 3600 - 1, 6 * 3600);
        assertThat(arrivals.meanPerSecond()).isCloseTo(ratePerSec, within(0.2));
        assertThat(arrivals.dispersionIndex()).isCloseTo(1.0, within(0.05));
        // Uniform within the second: each tenth holds about a tenth.
        for (double share : arrivals.subSecondShare()) {
            assertThat(share).isCloseTo(0.1, within(0.005));
        }
    }

    @Test
    void onOffBurstsAreOverDispersed() {
        // 10 seconds at 100/s, 50 seconds off, for an hour: counts 100 (1/6) and 0 (5/6), index ~83.
        long[] curve = new long[3600];
        for (int s = 0; s < curve.length; s++) {
            curve[s] = s % 60 < 10 ? 100 : 0;
        }

        Arrivals arrivals = feed(ArrivalOptions.defaults(), curve);

        assertThat(arrivals.dispersionIndex()).isGreaterThan(50);
        // Every 5-minute window holds five bursts; the earliest wins.
        assertThat(arrivals.peak().requests()).isEqualTo(5_000);
        assertThat(arrivals.peak().startSecond()).isEqualTo(FIRST);
    }

    @Test
    void subSecondSharesGoldenValues() {
        ArrivalAnalyzer top = new ArrivalAnalyzer(ArrivalOptions.defaults());
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 1_000; i++) {
            top.add((FIRST + i / 10) * MICROS + random.nextInt(100_000));
        }
        double[] topShares = top.finish().subSecondShare();
        assertThat(topShares).hasSize(10);
        assertThat(topShares[0]).isEqualTo(1.0);
        assertThat(Arrays.stream(topShares).skip(1)).allMatch(share -> share == 0);

        ArrivalAnalyzer mixed = new ArrivalAnalyzer(ArrivalOptions.defaults());
        for (long micros : new long[] {50_000, 150_000, 199_999, 950_000}) {
            mixed.add(FIRST * MICROS + micros);
        }
        assertThat(mixed.finish().subSecondShare()).containsExactly(0.25, 0.5, 0, 0, 0, 0, 0, 0, 0, 0.25);

        ArrivalAnalyzer quarters = new ArrivalAnalyzer(ArrivalOptions.defaults().withSubSecondBuckets(4));
        quarters.add(FIRST * MICROS + 249_999);
        quarters.add(FIRST * MICROS + 250_000);
        quarters.add(FIRST * MICROS + 999_999);
        quarters.add(FIRST * MICROS + 1_000_000);
        assertThat(quarters.finish().subSecondShare()).containsExactly(0.5, 0.25, 0, 0.25);
    }

    @Test
    void timesBeforeTheEpochFallInTheirOwnSecond() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        analyzer.add(-1_000_001);
        analyzer.add(-1);

        Arrivals arrivals = analyzer.finish();

        assertThat(arrivals.firstSecond()).isEqualTo(-2);
        assertThat(arrivals.perSecond()).containsExactly(1, 1);
        assertThat(arrivals.subSecondShare()[9]).isEqualTo(1.0);
    }

    @Test
    void recordsPastTheCapAreDroppedAndCounted() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults().withMaxSeconds(10));
        for (int s = 0; s < 15; s++) {
            analyzer.add((FIRST + s) * MICROS + 500_000);
            analyzer.addSessionStart((FIRST + s) * MICROS + 500_000);
        }

        Arrivals arrivals = analyzer.finish();

        assertThat(arrivals.perSecond()).hasSize(10).containsOnly(1);
        assertThat(arrivals.sessionStartsPerSecond()).hasSize(10).containsOnly(1);
        assertThat(arrivals.records()).isEqualTo(10);
        assertThat(arrivals.droppedRecords()).isEqualTo(5);
        assertThat(arrivals.subSecondShare()[5]).isEqualTo(1.0);
        assertThat(analyzer.capacity()).isEqualTo(20);
    }

    @Test
    void outOfOrderTimesCountInTheirSecondButNotBeforeTheFirst() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        analyzer.add(FIRST * MICROS + 700_000);
        analyzer.add((FIRST + 5) * MICROS);
        analyzer.add((FIRST + 3) * MICROS);
        analyzer.add(FIRST * MICROS);

        assertThatThrownBy(() -> analyzer.add(FIRST * MICROS - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the first second " + FIRST);
        assertThatThrownBy(() -> analyzer.addSessionStart((FIRST - 10) * MICROS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(analyzer.finish().perSecond()).containsExactly(2, 0, 0, 1, 0, 1);
    }

    @Test
    void sessionStartsShareTheRequestCurveSeconds() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        for (int s = 0; s < 10; s++) {
            analyzer.add((FIRST + s) * MICROS);
        }
        // Reported late, as a session tracker finds them.
        analyzer.addSessionStart((FIRST + 2) * MICROS + 10);
        analyzer.addSessionStart(FIRST * MICROS);
        analyzer.addSessionStart((FIRST + 2) * MICROS + 20);

        Arrivals arrivals = analyzer.finish();

        assertThat(arrivals.sessionStartsPerSecond()).containsExactly(1, 0, 2, 0, 0, 0, 0, 0, 0, 0);
        assertThat(arrivals.records()).isEqualTo(10);
    }

    @Test
    void anEmptyAnalyzerHasNoArrivals() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());

        assertThatThrownBy(analyzer::finish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no requests");
    }

    @Test
    void finishCanBeCalledAgainAfterMoreRecords() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        analyzer.add(FIRST * MICROS);
        assertThat(analyzer.finish().records()).isEqualTo(1);
        analyzer.add((FIRST + 1) * MICROS);
        assertThat(analyzer.finish().perSecond()).containsExactly(1, 1);
    }

    @Test
    void tenMillionRecordsOverAnHourKeepAnHourOfSeconds() {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(ArrivalOptions.defaults());
        long start = FIRST * MICROS;
        // 3,600 s / 10,000,000 records = one every 360 us.
        for (long i = 0; i < 10_000_000L; i++) {
            analyzer.add(start + i * 360);
        }

        Arrivals arrivals = analyzer.finish();

        assertThat(analyzer.capacity()).isEqualTo(4096);
        assertThat(arrivals.perSecond()).hasSize(3600);
        assertThat(arrivals.records()).isEqualTo(10_000_000L);
        assertThat(Arrays.stream(arrivals.perSecond()).sum()).isEqualTo(10_000_000L);
        assertThat(Arrays.stream(arrivals.perSecond())).allMatch(count -> count == 2777 || count == 2778);
        assertThat(arrivals.dispersionIndex()).isLessThan(0.001);
        assertThat(arrivals.topPeaks()).hasSize(3);
    }

    @Test
    void optionsAreValidated() {
        ArrivalOptions defaults = ArrivalOptions.defaults();
        assertThat(defaults).isEqualTo(new ArrivalOptions(5, 3, 10, 604_800));
        assertThatThrownBy(() -> defaults.withPeakWindowMinutes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withTopPeaks(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSubSecondBuckets(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withSubSecondBuckets(1_000_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.withMaxSeconds(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Feeds {@code curve[i]} requests in second {@code FIRST + i}, spread evenly over the second. */
    static Arrivals feed(ArrivalOptions options, long[] curve) {
        ArrivalAnalyzer analyzer = new ArrivalAnalyzer(options);
        for (int s = 0; s < curve.length; s++) {
            for (long r = 0; r < curve[s]; r++) {
                analyzer.add((FIRST + s) * MICROS + r * MICROS / curve[s]);
            }
        }
        return analyzer.finish();
    }
}
