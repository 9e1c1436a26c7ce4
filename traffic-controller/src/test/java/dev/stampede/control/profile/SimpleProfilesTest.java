package dev.stampede.control.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Constant, ramp, steps and spike: exact values at the start, the corners, the end and past it. */
class SimpleProfilesTest {

    private static final double FOREVER = Double.POSITIVE_INFINITY;

    @Test
    void constantHoldsItsRateForItsLengthThenGivesZero() {
        ConstantProfile p = new ConstantProfile(1000, 30);

        assertThat(p.rateAt(0)).isEqualTo(1000);
        assertThat(p.rateAt(29.999)).isEqualTo(1000);
        assertThat(p.rateAt(30)).isZero();
        assertThat(p.rateAt(1e9)).isZero();
        assertThat(p.rateAt(-5)).as("before the start reads as the start").isEqualTo(1000);
        assertThat(p.rateAt(Double.NaN)).isEqualTo(1000);
        assertThat(p.seconds()).isEqualTo(30);
        assertThat(p.peak()).isEqualTo(1000);
        assertThat(p.describe()).isEqualTo("constant 1000 for 30s");
    }

    @Test
    void constantForeverNeverEnds() {
        RateProfile p = RateProfile.constant(2.5);

        assertThat(p).isInstanceOf(ConstantProfile.class);
        assertThat(p.rateAt(1e12)).isEqualTo(2.5);
        assertThat(p.seconds()).isInfinite();
        assertThat(p.describe()).isEqualTo("constant 2.5");
        assertThatThrownBy(() -> RateProfile.constant(-1)).hasMessage("rate must be 0 or more, got -1.0");
        assertThatThrownBy(() -> RateProfile.constant(Double.NaN)).hasMessageStartingWith("rate must be 0 or more");
        assertThatThrownBy(() -> new ConstantProfile(1, 0)).hasMessage("for must be above 0 seconds, got 0.0");
    }

    @Test
    void rampIsAStraightLineFromFromTowardsTo() {
        RampProfile up = new RampProfile(1000, 5000, 60);

        assertThat(up.rateAt(0)).isEqualTo(1000);
        assertThat(up.rateAt(15)).isEqualTo(2000);
        assertThat(up.rateAt(30)).isEqualTo(3000);
        assertThat(up.rateAt(45)).isEqualTo(4000);
        assertThat(up.rateAt(59.25)).isEqualTo(4950);
        assertThat(up.rateAt(60)).as("the end is past the ramp").isZero();
        assertThat(up.seconds()).isEqualTo(60);
        assertThat(up.peak()).isEqualTo(5000);
        assertThat(up.describe()).isEqualTo("ramp 1000 -> 5000 over 1m");

        RampProfile down = new RampProfile(800, 200, 3);
        assertThat(down.rateAt(0)).isEqualTo(800);
        assertThat(down.rateAt(1.5)).isEqualTo(500);
        assertThat(down.rateAt(3)).isZero();
        assertThat(down.peak()).isEqualTo(800);
    }

    @Test
    void aRampMustEnd() {
        assertThatThrownBy(() -> new RampProfile(1, 2, FOREVER))
                .hasMessage("for must be above 0 seconds and end, got Infinity");
        assertThatThrownBy(() -> new RampProfile(-1, 2, 10)).hasMessage("from must be 0 or more, got -1.0");
        assertThatThrownBy(() -> new RampProfile(1, -2, 10)).hasMessage("to must be 0 or more, got -2.0");
    }

    @Test
    void stepsByARangeHoldEachLevelForEvery() {
        StepsProfile p = StepsProfile.range(1000, 5000, 1000, 30);

        assertThat(p.levels()).containsExactly(1000, 2000, 3000, 4000, 5000);
        assertThat(p.rateAt(0)).isEqualTo(1000);
        assertThat(p.rateAt(29.999)).isEqualTo(1000);
        assertThat(p.rateAt(30)).isEqualTo(2000);
        assertThat(p.rateAt(90)).isEqualTo(4000);
        assertThat(p.rateAt(149.999)).isEqualTo(5000);
        assertThat(p.rateAt(150)).isZero();
        assertThat(p.seconds()).isEqualTo(150);
        assertThat(p.peak()).isEqualTo(5000);
        assertThat(p.describe()).isEqualTo("steps 1000 -> 5000 by 1000 every 30s (5 steps, 2m30s)");
    }

    @Test
    void aStepThatDoesNotDivideTheDistanceEndsOnTo() {
        assertThat(StepsProfile.range(1000, 5000, 1500, 10).levels()).containsExactly(1000, 2500, 4000, 5000);
        assertThat(StepsProfile.range(5000, 1000, 1500, 10).levels()).containsExactly(5000, 3500, 2000, 1000);
        assertThat(StepsProfile.range(0.1, 0.4, 0.1, 10).levels())
                .as("a step that divides up to rounding")
                .hasSize(4)
                .endsWith(0.4);
        assertThat(StepsProfile.range(300, 300, 100, 10).levels()).containsExactly(300);
        StepsProfile down = StepsProfile.range(5000, 1000, 1500, 10);
        assertThat(down.peak()).isEqualTo(5000);
        assertThat(down.rateAt(39.5)).isEqualTo(1000);
        assertThatThrownBy(() -> StepsProfile.range(0, 1e7, 0.001, 1))
                .hasMessage("from 0 to 10000000 by 0.001 makes more than 100000 steps");
        assertThatThrownBy(() -> StepsProfile.range(0, 10, 0, 1)).hasMessage("by must be above 0, got 0.0");
    }

    @Test
    void stepsFromAListPlayTheRatesInOrder() {
        double[] rates = {1000, 4000, 2000};
        StepsProfile p = StepsProfile.of(rates, 0.5);
        rates[0] = 99; // copied in

        assertThat(p.rateAt(0)).isEqualTo(1000);
        assertThat(p.rateAt(0.5)).isEqualTo(4000);
        assertThat(p.rateAt(1.25)).isEqualTo(2000);
        assertThat(p.rateAt(1.5)).isZero();
        assertThat(p.peak()).isEqualTo(4000);
        assertThat(p.describe()).isEqualTo("steps 1000, 4000, 2000 every 500ms (3 steps, 1s500ms)");
        assertThatThrownBy(() -> StepsProfile.of(new double[0], 1))
                .hasMessage("rates must hold 1 to 100000 rates, got 0");
        assertThatThrownBy(() -> StepsProfile.of(new double[] {1, -2}, 1))
                .hasMessage("rates[1] must be 0 or more, got -2.0");
    }

    @Test
    void spikeJumpsToKTimesTheBaseAtItsTimeForItsLengthThenReturns() {
        SpikeProfile p = new SpikeProfile(1000, 10, 20, 120, 300);

        assertThat(p.rateAt(0)).isEqualTo(1000);
        assertThat(p.rateAt(19.999)).isEqualTo(1000);
        assertThat(p.rateAt(20)).isEqualTo(10_000);
        assertThat(p.rateAt(139.999)).isEqualTo(10_000);
        assertThat(p.rateAt(140)).isEqualTo(1000);
        assertThat(p.rateAt(299.999)).isEqualTo(1000);
        assertThat(p.rateAt(300)).isZero();
        assertThat(p.seconds()).isEqualTo(300);
        assertThat(p.peak()).isEqualTo(10_000);
        assertThat(p.describe()).isEqualTo("spike 1000, x10 = 10000 from 20s for 2m, until 5m");
    }

    @Test
    void aSpikeWithoutAnEndKeepsItsBaseForEverAndADipPeaksAtItsBase() {
        SpikeProfile forever = new SpikeProfile(200, 3, 0, 5, FOREVER);
        assertThat(forever.rateAt(0)).isEqualTo(600);
        assertThat(forever.rateAt(5)).isEqualTo(200);
        assertThat(forever.rateAt(1e9)).isEqualTo(200);
        assertThat(forever.seconds()).isInfinite();
        assertThat(forever.describe()).isEqualTo("spike 200, x3 = 600 from 0s for 5s");

        SpikeProfile dip = new SpikeProfile(200, 0.5, 1, 1, 3);
        assertThat(dip.rateAt(1)).isEqualTo(100);
        assertThat(dip.peak()).isEqualTo(200);
    }

    @Test
    void aSpikeMustEndWithinItsPhase() {
        assertThatThrownBy(() -> new SpikeProfile(1000, 10, 200, 120, 300))
                .hasMessage("the spike ends at 5m20s, after the phase (for 5m)");
        assertThatThrownBy(() -> new SpikeProfile(1000, 10, 0, 0, 300))
                .hasMessage("lasting must be above 0 seconds and end, got 0.0");
    }

    @Test
    void durationsReadAsScenarioFilesWriteThem() {
        assertThat(Rates.duration(0)).isEqualTo("0s");
        assertThat(Rates.duration(90)).isEqualTo("1m30s");
        assertThat(Rates.duration(3600.5)).isEqualTo("1h500ms");
        assertThat(Rates.duration(0.0166666)).isEqualTo("17ms");
        assertThat(Rates.duration(FOREVER)).isEqualTo("forever");
        assertThat(Rates.format(333.3333)).isEqualTo("333.33");
        assertThat(Rates.format(0.001)).isEqualTo("0.001");
        assertThat(Rates.format(0.12345)).isEqualTo("0.123");
    }
}
