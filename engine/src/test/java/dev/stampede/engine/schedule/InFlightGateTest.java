package dev.stampede.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class InFlightGateTest {

    @Test
    void letsLimitRequestsOutThenOneForEachEnd() throws Exception {
        InFlightGate gate = InFlightGate.of(3);
        for (int i = 0; i < 3; i++) {
            assertThat(gate.acquire()).isTrue();
        }
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Boolean> fourth = CompletableFuture.supplyAsync(() -> {
            started.countDown();
            return gate.acquire();
        });
        started.await();
        assertThat(fourth).isNotDone(); // parked: every permit is out (it cannot complete without a release)

        gate.release();

        assertThat(fourth.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.outstanding()).isEqualTo(3);
    }

    @Test
    void aParkedPublisherIsWokenOnceAnEighthOfThePermitsAreFree() throws Exception {
        InFlightGate gate = InFlightGate.of(64);
        assertThat(gate.wakeBatch()).isEqualTo(8);
        for (int i = 0; i < 64; i++) {
            assertThat(gate.acquire()).isTrue();
        }
        CompletableFuture<Boolean> next = CompletableFuture.supplyAsync(gate::acquire);
        for (int i = 0; i < 8; i++) {
            gate.release();
        }

        assertThat(next.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.outstanding()).isEqualTo(57);
        assertThat(InFlightGate.of(4).wakeBatch()).isEqualTo(1);
    }

    @Test
    void stopWakesAParkedPublisherWithoutAPermit() throws Exception {
        InFlightGate gate = InFlightGate.of(1);
        assertThat(gate.acquire()).isTrue();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(gate::acquire);

        gate.stop();

        assertThat(second.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(gate.acquire()).isFalse();
    }

    /** A lost wake-up would cost a 10 ms park each time: 20,000 of them could not finish in time. */
    @Test
    void releasesFromOtherThreadsAlwaysWakeThePublisher() throws Exception {
        InFlightGate gate = InFlightGate.of(64);
        int requests = 20_000;
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < requests; i++) {
                if (!gate.acquire()) {
                    throw new AssertionError("stopped");
                }
                // Ends come back on two other threads, in any order.
                CompletableFuture.runAsync(gate::release);
            }
        });

        publisher.get(8, TimeUnit.SECONDS);
        assertThat(gate.outstanding()).isBetween(0L, 64L);
    }

    @Test
    void anUnlimitedGateNeverWaitsButStillStops() {
        InFlightGate gate = InFlightGate.unlimited();
        for (int i = 0; i < 10_000; i++) {
            assertThat(gate.acquire()).isTrue();
        }
        gate.release();
        assertThat(gate.limit()).isZero();
        gate.stop();
        assertThat(gate.acquire()).isFalse();
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatThrownBy(() -> InFlightGate.of(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
