package dev.stampede.report.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmTest {

    @Test
    void adjustsStepDownAndKeepsTheOrderGiven() {
        // sorted: 0.01 (x3 = 0.03), 0.02 (x2 = 0.04), 0.04 (x1 = 0.04)
        double[] adjusted = Holm.adjust(new double[] {0.04, 0.01, 0.02});
        assertThat(adjusted[0]).isCloseTo(0.04, within(1e-12));
        assertThat(adjusted[1]).isCloseTo(0.03, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.04, within(1e-12));
    }

    @Test
    void isMonotoneAndCappedAtOne() {
        // sorted: 0.001 (x3), 0.5 (x2 = 1.0), 0.6 (x1, but not below the 1.0 before it)
        double[] adjusted = Holm.adjust(new double[] {0.6, 0.001, 0.5});
        assertThat(adjusted).containsExactly(1.0, 0.003, 1.0);
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }

    @Test
    void probabilityWorseIsVarghaDelaneysA() {
        assertThat(LatencyJudge.probabilityWorse(new double[] {1, 2, 3}, new double[] {4, 5, 6}))
                .isEqualTo(1.0);
        assertThat(LatencyJudge.probabilityWorse(new double[] {4, 5, 6}, new double[] {1, 2, 3}))
                .isEqualTo(0.0);
        assertThat(LatencyJudge.probabilityWorse(new double[] {1, 2}, new double[] {1, 2}))
                .isEqualTo(0.5);
        // 3 beats 1 and loses to 4, 5 beats both: 3 of 4 pairs
        assertThat(LatencyJudge.probabilityWorse(new double[] {1, 4}, new double[] {3, 5}))
                .isEqualTo(0.75);
    }
}
