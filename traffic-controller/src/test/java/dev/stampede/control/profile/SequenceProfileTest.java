package dev.stampede.control.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceProfileTest {

    private final SequenceProfile drill = new SequenceProfile(List.of(
            new ConstantProfile(1000, 30),
            new RampProfile(1000, 5000, 60),
            StepsProfile.of(new double[] {3000, 2000}, 10),
            new SpikeProfile(500, 4, 5, 5, 20)));

    @Test
    void playsThePhasesOneAfterAnotherEachFromItsOwnStart() {
        assertThat(drill.rateAt(0)).isEqualTo(1000);
        assertThat(drill.rateAt(29.5)).isEqualTo(1000);
        assertThat(drill.rateAt(30))
                .as("the ramp starts where the constant ends")
                .isEqualTo(1000);
        assertThat(drill.rateAt(60)).isEqualTo(3000);
        assertThat(drill.rateAt(89.999)).isCloseTo(5000, within(0.1));
        assertThat(drill.rateAt(90)).isEqualTo(3000);
        assertThat(drill.rateAt(100)).isEqualTo(2000);
        assertThat(drill.rateAt(110)).isEqualTo(500);
        assertThat(drill.rateAt(115)).isEqualTo(2000);
        assertThat(drill.rateAt(120)).isEqualTo(500);
        assertThat(drill.rateAt(129.999)).isEqualTo(500);
    }

    @Test
    void aFiniteSequenceEndsWithZeroAndSaysWhen() {
        assertThat(drill.seconds()).isEqualTo(130);
        assertThat(drill.rateAt(130)).isZero();
        assertThat(drill.rateAt(1e6)).isZero();
        assertThat(drill.startOf(0)).isZero();
        assertThat(drill.startOf(2)).isEqualTo(90);
        assertThat(drill.startOf(3)).isEqualTo(110);
        assertThat(drill.phases()).hasSize(4);
    }

    @Test
    void thePeakIsTheHighestPhasePeak() {
        assertThat(drill.peak()).isEqualTo(5000);
        assertThat(new SequenceProfile(List.of(new ConstantProfile(10, 1), new SpikeProfile(10, 100, 0, 1, 2))).peak())
                .isEqualTo(1000);
    }

    @Test
    void describesOnePhaseALine() {
        assertThat(drill.describe()).isEqualTo("""
                        at 0s: constant 1000 for 30s
                        at 30s: ramp 1000 -> 5000 over 1m
                        at 1m30s: steps 3000, 2000 every 10s (2 steps, 20s)
                        at 1m50s: spike 500, x4 = 2000 from 5s for 5s, until 20s""");
    }

    @Test
    void onlyTheLastPhaseMayNeverEnd() {
        SequenceProfile open = new SequenceProfile(List.of(new RampProfile(0, 100, 10), RateProfile.constant(100)));
        assertThat(open.seconds()).isInfinite();
        assertThat(open.rateAt(5)).isEqualTo(50);
        assertThat(open.rateAt(1e9)).isEqualTo(100);

        assertThatThrownBy(() -> new SequenceProfile(List.of(RateProfile.constant(100), new RampProfile(0, 100, 10))))
                .hasMessage("phase 0 (constant 100) never ends, so no phase can follow it");
        assertThatThrownBy(() -> new SequenceProfile(List.of())).hasMessage("a sequence has at least one phase");
    }

    @Test
    void aStartThatRoundsStillGivesThePhaseItsLastInstant() {
        SequenceProfile p = new SequenceProfile(List.of(new ConstantProfile(1, 0.1), new ConstantProfile(2, 0.2)));
        // 0.1 + 0.2 is 0.30000000000000004: every time below it is in the second phase.
        assertThat(p.rateAt(Math.nextDown(p.seconds()))).isEqualTo(2);
        assertThat(p.rateAt(0.3)).isEqualTo(2);
        assertThat(p.rateAt(p.seconds())).isZero();
    }
}
