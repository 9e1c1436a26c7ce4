package dev.stampede.engine.schedule;

import static dev.stampede.engine.schedule.IntendedTimes.END;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stampede.common.time.ManualNanoClock;
import org.junit.jupiter.api.Test;

/** The flat-out schedule on a manual clock: each request is due when it is released, until the end. */
class ClosedLoopTest {

    private static final long MS = 1_000_000L;

    private final ManualNanoClock clock = new ManualNanoClock();

    @Test
    void eachTimeIsTheClockAtTheRequestsRelease() {
        long start = clock.nanoTime() + 50 * MS;
        Pacer pacer = new Pacer(clock, new ClosedLoop(clock, start, 10 * MS), new AdvancingWaiter(clock));

        assertThat(pacer.awaitNext()).isEqualTo(start); // waits for the start, like any schedule
        assertThat(clock.nanoTime()).isEqualTo(start);
        clock.advance(3 * MS + 17); // a response took 3 ms: the next request goes now, due now
        assertThat(pacer.awaitNext()).isEqualTo(start + 3 * MS + 17);
        assertThat(pacer.lagNanos()).isZero();
        assertThat(pacer.awaitNext()).isEqualTo(start + 3 * MS + 17); // two released at once: same time
    }

    @Test
    void endsOnceTheDurationHasPassedAndStaysEnded() {
        ClosedLoop loop = new ClosedLoop(clock, 0L, 10 * MS);
        clock.advance(10 * MS - 1);
        assertThat(loop.next()).isEqualTo(10 * MS - 1);
        clock.advance(1);
        assertThat(loop.next()).isEqualTo(END);
        clock.advance(5 * MS);
        assertThat(loop.next()).isEqualTo(END);
    }

    @Test
    void timesNeverDecrease() {
        ClosedLoop loop = new ClosedLoop(clock, 0L, 1_000 * MS);
        long previous = Long.MIN_VALUE + 1;
        for (int i = 0; i < 1_000; i++) {
            clock.advance(i % 3 * 1_000L);
            long next = loop.next();
            assertThat(next).isGreaterThanOrEqualTo(previous);
            previous = next;
        }
    }

    @Test
    void refusesANonPositiveDuration() {
        assertThatThrownBy(() -> new ClosedLoop(clock, 0L, 0L)).isInstanceOf(IllegalArgumentException.class);
    }
}
