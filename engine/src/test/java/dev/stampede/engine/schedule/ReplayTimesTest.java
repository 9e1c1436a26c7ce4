package dev.stampede.engine.schedule;

import static dev.stampede.engine.schedule.IntendedTimes.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ReplayTimesTest {

    /** Record start times in microseconds (epoch-like), then Long.MIN_VALUE forever; counts calls. */
    static final class Records implements LongSupplier {
        private final long[] micros;
        int calls;

        Records(long... micros) {
            this.micros = micros;
        }

        @Override
        public long getAsLong() {
            calls++;
            return calls <= micros.length ? micros[calls - 1] : Long.MIN_VALUE;
        }
    }

    private static final long T0 = 1_767_225_600_000_000L; // 2026-01-01T00:00Z in microseconds

    private static Records log() {
        return new Records(T0, T0 + 250, T0 + 1_000, T0 + 1_000, T0 + 5_001, T0 + 3_600_000_000L);
    }

    @Test
    void speedOneKeepsTheRecordedGapsExactly() {
        ReplayTimes times = new ReplayTimes(10L, 1.0, log());

        assertThat(ConstantRateTest.take(times, 7))
                .containsExactly(10L, 250_010L, 1_000_010L, 1_000_010L, 5_001_010L, 3_600_000_000_010L, END);
    }

    @Test
    void speedTwoHalvesTheGapsExactly() {
        ReplayTimes times = new ReplayTimes(10L, 2.0, log());

        assertThat(ConstantRateTest.take(times, 7))
                .containsExactly(10L, 125_010L, 500_010L, 500_010L, 2_500_510L, 1_800_000_000_010L, END);
    }

    @Test
    void otherSpeedsRoundToTheNearestNanosecond() {
        assertThat(ConstantRateTest.take(new ReplayTimes(0L, 3.0, new Records(T0, T0 + 250, T0 + 251)), 3))
                .containsExactly(0L, 83_333L, 83_667L); // 83,333.3 and 83,666.7 ns
        assertThat(ConstantRateTest.take(new ReplayTimes(0L, 0.5, new Records(T0, T0 + 250)), 2))
                .containsExactly(0L, 500_000L);
    }

    @Test
    void theEndIsFinalAndTheRecordsAreNotReadAgain() {
        Records records = new Records(T0, T0 + 1);
        ReplayTimes times = new ReplayTimes(0L, 1.0, records);

        assertThat(ConstantRateTest.take(times, 5)).containsExactly(0L, 1_000L, END, END, END);
        assertThat(records.calls).isEqualTo(3);
    }

    @Test
    void anEmptyLogEndsAtOnce() {
        assertThat(new ReplayTimes(0L, 1.0, new Records()).next()).isEqualTo(END);
    }

    @Test
    void aRecordOutOfOrderTakesThePreviousTimeAndIsCounted() {
        ReplayTimes times = new ReplayTimes(0L, 1.0, new Records(T0, T0 + 500, T0 + 300, T0 + 800));

        assertThat(ConstantRateTest.take(times, 5)).containsExactly(0L, 500_000L, 500_000L, 800_000L, END);
        assertThat(times.outOfOrderRecords()).isEqualTo(1L);
    }

    @Test
    void refusesBadSpeeds() {
        for (double bad : new double[] {0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new ReplayTimes(0L, bad, new Records()))
                    .as("speed %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
