package dev.stampede.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.SuppressForbidden;
import org.junit.jupiter.api.Test;

class SystemNanoClockTest {

    @Test
    void monotonicReadingNeverGoesBack() {
        NanoClock clock = NanoClock.system();
        long previous = clock.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            long now = clock.nanoTime();
            assertThat(now).isGreaterThanOrEqualTo(previous);
            previous = now;
        }
    }

    @Test
    @SuppressForbidden(reason = "compares the clock with the JVM's own wall clock, bounds only")
    void wallClockIsTheJvmWallClock() {
        long before = System.currentTimeMillis();
        long reading = NanoClock.system().epochMillis();
        long after = System.currentTimeMillis();

        assertThat(reading).isBetween(before, after);
    }

    @Test
    void systemClockIsOneSharedInstance() {
        assertThat(NanoClock.system()).isSameAs(NanoClock.system()).isInstanceOf(SystemNanoClock.class);
    }
}
