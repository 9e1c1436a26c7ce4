package dev.stampede.control.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SineProfileTest {

    @Test
    void meanCrestAndTroughAreExactAtTheQuarterPeriods() {
        SineProfile p = new SineProfile(2000, 1000, 60, 0, 300);

        assertThat(p.rateAt(0)).isEqualTo(2000);
        assertThat(p.rateAt(15)).isEqualTo(3000);
        assertThat(p.rateAt(30)).isEqualTo(2000);
        assertThat(p.rateAt(45)).isEqualTo(1000);
        assertThat(p.rateAt(60)).isEqualTo(2000);
        assertThat(p.rateAt(255)).as("the fifth crest").isEqualTo(3000);
        assertThat(p.rateAt(5)).isCloseTo(2000 + 1000 * Math.sin(Math.PI / 6), within(1e-9)); // 2500
        assertThat(p.rateAt(50)).isCloseTo(2000 - 1000 * Math.sin(Math.PI / 3), within(1e-9));
        assertThat(p.rateAt(300)).isZero();
        assertThat(p.seconds()).isEqualTo(300);
        assertThat(p.peak()).isEqualTo(3000);
        assertThat(p.describe()).isEqualTo("sine 2000 +/- 1000 every 1m for 5m");
    }

    @Test
    void aPhaseStartsThatFarIntoThePeriodAndTheWaveNeverGoesBelowZero() {
        SineProfile crest = new SineProfile(500, 500, 24 * 3600, 6 * 3600, Double.POSITIVE_INFINITY);

        assertThat(crest.rateAt(0)).isEqualTo(1000);
        assertThat(crest.rateAt(12 * 3600)).as("the trough of a full swing").isZero();
        assertThat(crest.rateAt(18 * 3600)).isEqualTo(500);
        assertThat(crest.seconds()).isInfinite();
        assertThat(crest.describe()).isEqualTo("sine 500 +/- 500 every 24h, phase 6h");
        for (double t = 0; t < 2 * 24 * 3600; t += 97.3) {
            assertThat(crest.rateAt(t)).isBetween(0.0, 1000.0);
        }
    }

    @Test
    void thePeakOfAShortWaveIsTheHighestItReaches() {
        assertThat(new SineProfile(2000, 1000, 60, 0, 15).peak())
                .as("the crest at the end is the least upper bound")
                .isEqualTo(3000);
        assertThat(new SineProfile(2000, 1000, 60, 0, 10).peak())
                .isCloseTo(2000 + 1000 * Math.sin(Math.PI / 3), within(1e-9));
        assertThat(new SineProfile(2000, 1000, 60, 30, 20).peak())
                .as("falling from the mean")
                .isEqualTo(2000);
        assertThat(new SineProfile(2000, 1000, 60, 50, 20).peak())
                .as("the crest at 25 s is past the end: the end is higher than the start")
                .isCloseTo(2000 + 1000 * Math.sin(Math.PI * 2 * (70.0 / 60)), within(1e-9));
        assertThat(new SineProfile(2000, 1000, 60, 50, 26).peak()).isEqualTo(3000);
        assertThat(new SineProfile(2000, 0, 60, 0, 1).peak()).isEqualTo(2000);
    }

    @Test
    void refusesAWaveBelowZero() {
        assertThatThrownBy(() -> new SineProfile(100, 150, 60, 0, 60))
                .hasMessage("amplitude must be at most the mean 100 (the rate cannot go below 0), got 150");
        assertThatThrownBy(() -> new SineProfile(100, 50, 0, 0, 60))
                .hasMessage("period must be above 0 seconds and end, got 0.0");
    }
}
