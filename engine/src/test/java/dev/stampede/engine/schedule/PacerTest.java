package dev.stampede.engine.schedule;

import static dev.stampede.engine.schedule.IntendedTimes.END;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.ManualNanoClock;
import dev.stampede.common.time.NanoClock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PacerTest {

    private static final long MS = 1_000_000L;
    private static final long SECOND_NS = 1_000_000_000L;

    private final ManualNanoClock clock = new ManualNanoClock();
    private final AdvancingWaiter waiter = new AdvancingWaiter(clock);

    @Test
    void releasesEachEventExactlyAtItsIntendedTime() {
        Pacer pacer = new Pacer(clock, new ConstantRate(5 * MS, 1000, 10 * MS), waiter);

        for (long i = 0; i < 10; i++) {
            long intended = pacer.awaitNext();
            assertThat(intended).isEqualTo(5 * MS + i * MS);
            assertThat(clock.nanoTime()).isEqualTo(intended);
            assertThat(pacer.lagNanos()).isZero();
        }
        assertThat(pacer.awaitNext()).isEqualTo(END);
        assertThat(waiter.waits()).isEqualTo(10L);
    }

    @Test
    void passesPoissonTimesThroughUnchanged() {
        Pacer pacer = new Pacer(clock, new PoissonRate(0L, 10_000, SECOND_NS, 42L), waiter);
        PoissonRate same = new PoissonRate(0L, 10_000, SECOND_NS, 42L);

        for (long expected = same.next(); expected != END; expected = same.next()) {
            assertThat(pacer.awaitNext()).isEqualTo(expected);
            assertThat(clock.nanoTime()).isEqualTo(expected);
        }
        assertThat(pacer.awaitNext()).isEqualTo(END);
    }

    @Test
    void afterAOneSecondStallTheEventsDueDuringItComeOutAtOnceWithTheirOwnTimes() {
        Pacer pacer = new Pacer(clock, new ConstantRate(0L, 1000, 10 * SECOND_NS), waiter);
        long intended = 0;
        while (intended < 2 * SECOND_NS) {
            intended = pacer.awaitNext();
        }
        assertThat(clock.nanoTime()).isEqualTo(2 * SECOND_NS);
        long waitsBefore = waiter.waits();

        clock.advance(SECOND_NS); // the publisher stalls for 1 s (GC pause, full ring)

        for (long i = 1; i <= 1000; i++) {
            assertThat(pacer.awaitNext()).isEqualTo(2 * SECOND_NS + i * MS); // none skipped, none shifted
            assertThat(pacer.lagNanos()).isEqualTo(SECOND_NS - i * MS);
        }
        assertThat(waiter.waits()).isEqualTo(waitsBefore); // the backlog went out without waiting
        assertThat(clock.nanoTime()).isEqualTo(3 * SECOND_NS);

        assertThat(pacer.awaitNext()).isEqualTo(3 * SECOND_NS + MS); // back on schedule
        assertThat(pacer.lagNanos()).isZero();
        assertThat(waiter.waits()).isEqualTo(waitsBefore + 1);
    }

    @Test
    void aPublisherSlowerThanTheRateFallsFurtherBehindAndSkipsNothing() {
        Pacer pacer = new Pacer(clock, new ConstantRate(0L, 1000, SECOND_NS), waiter);

        for (long i = 0; i < 100; i++) {
            assertThat(pacer.awaitNext()).isEqualTo(i * MS);
            assertThat(pacer.lagNanos()).isEqualTo(i * MS / 2);
            clock.advance(3 * MS / 2); // each send takes 1.5 periods
        }
    }

    @Test
    void theEndIsFinalAndTheScheduleIsNotAskedAgain() {
        int[] calls = {0};
        IntendedTimes twoEvents = () -> {
            calls[0]++;
            return calls[0] <= 2 ? 10L * calls[0] : END;
        };
        Pacer pacer = new Pacer(clock, twoEvents, waiter);

        assertThat(pacer.awaitNext()).isEqualTo(10L);
        assertThat(pacer.awaitNext()).isEqualTo(20L);
        assertThat(pacer.awaitNext()).isEqualTo(END);
        assertThat(pacer.lagNanos()).isZero();
        assertThat(pacer.awaitNext()).isEqualTo(END);
        assertThat(calls[0]).isEqualTo(3);
    }

    @Test
    void stopEndsTheScheduleEvenWhileWaiting() {
        Pacer[] pacer = new Pacer[1];
        Waiter stopper = remaining -> pacer[0].stop(); // another thread stopping it mid-wait
        pacer[0] = new Pacer(clock, new ConstantRate(5 * MS, 1000, SECOND_NS), stopper);

        assertThat(pacer[0].awaitNext()).isEqualTo(END);
        assertThat(pacer[0].awaitNext()).isEqualTo(END);
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void stopWakesAParkedPacer() throws Exception {
        NanoClock system = NanoClock.system();
        Pacer pacer = new Pacer(
                system, new ConstantRate(system.nanoTime() + 3600 * SECOND_NS, 1, Long.MAX_VALUE), Waiter.parking());
        AtomicReference<Thread> owner = new AtomicReference<>();
        CompletableFuture<Long> result = CompletableFuture.supplyAsync(() -> {
            owner.set(Thread.currentThread());
            return pacer.awaitNext();
        });
        while (owner.get() == null || owner.get().getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }

        pacer.stop();

        assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(END);
    }

    @Test
    @Tag("slow")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void theParkingWaiterNeverReleasesEarly() {
        NanoClock system = NanoClock.system();
        long start = system.nanoTime() + MS;
        for (Waiter waiter : new Waiter[] {Waiter.parking(), Waiter.parkThenSpin(100_000L)}) {
            Pacer pacer = new Pacer(system, new ConstantRate(start, 1000, 20 * MS), waiter);
            for (long intended = pacer.awaitNext(); intended != END; intended = pacer.awaitNext()) {
                assertThat(system.nanoTime() - intended).as("%s", waiter).isGreaterThanOrEqualTo(0L);
                assertThat(pacer.lagNanos()).isGreaterThanOrEqualTo(0L);
            }
            assertThat(system.nanoTime() - start).isGreaterThanOrEqualTo(19 * MS);
            start = system.nanoTime() + MS;
        }
    }
}
