package dev.stampede.model.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LargestRemainderTest {

    @Test
    void goldenValues() {
        // 0.5 each, total round(1.5) = 2: equal remainders go to the earliest seconds.
        assertThat(LargestRemainder.scale(new long[] {1, 1, 1}, 0.5)).containsExactly(1, 1, 0);
        // 4.5, 1.5, 0, 3: floors sum to 8, the total is 9, the first 0.5 remainder gets the one.
        assertThat(LargestRemainder.scale(new long[] {3, 1, 0, 2}, 1.5)).containsExactly(5, 1, 0, 3);
        // 0.3, 0.9, 1.8: floors 0, 0, 1; total round(3.0) = 3; remainders .9 and .8 win.
        assertThat(LargestRemainder.scale(new long[] {1, 3, 6}, 0.3)).containsExactly(0, 1, 2);
        assertThat(LargestRemainder.scale(new long[] {7, 0, 2}, 1.0)).containsExactly(7, 0, 2);
        assertThat(LargestRemainder.scale(new long[] {7, 0, 2}, 0.0)).containsExactly(0, 0, 0);
        assertThat(LargestRemainder.scale(new long[] {7, 0, 2}, 3.0)).containsExactly(21, 0, 6);
        assertThat(LargestRemainder.scale(new long[0], 2.0)).isEmpty();
    }

    @Test
    void totalIsExactAndEachSecondWithinOneOfItsShare() {
        SplittableRandom random = new SplittableRandom(11);
        for (double factor : new double[] {0.001, 0.1, 0.37, 1.0 / 3, 1, 2.5, 10.0 / 3, 7.77, 100}) {
            for (int round = 0; round < 20; round++) {
                long[] curve = new long[1 + random.nextInt(5_000)];
                for (int i = 0; i < curve.length; i++) {
                    curve[i] = random.nextInt(4) == 0 ? 0 : random.nextLong(1_000);
                }
                long total = Arrays.stream(curve).sum();

                long[] scaled = LargestRemainder.scale(curve, factor);

                assertThat(Arrays.stream(scaled).sum()).isEqualTo(Math.round(total * factor));
                for (int i = 0; i < curve.length; i++) {
                    assertThat(Math.abs(scaled[i] - curve[i] * factor)).isLessThan(1.0);
                    if (curve[i] == 0) {
                        assertThat(scaled[i]).isZero();
                    }
                }
            }
        }
    }

    @Test
    void doesNotChangeItsInput() {
        long[] curve = {1, 2, 3};
        LargestRemainder.scale(curve, 2.5);
        assertThat(curve).containsExactly(1, 2, 3);
    }

    @Test
    void refusesBadFactorsAndCounts() {
        for (double factor : new double[] {-0.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> LargestRemainder.scale(new long[] {1}, factor))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("factor");
        }
        assertThatThrownBy(() -> LargestRemainder.scale(new long[] {1, -1}, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LargestRemainder.scale(new long[] {Long.MAX_VALUE / 2}, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
