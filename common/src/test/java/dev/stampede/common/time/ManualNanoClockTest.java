package dev.stampede.common.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ManualNanoClockTest {

    @Test
    void startsWhereItIsToldAndMovesOnlyWhenAdvanced() {
        ManualNanoClock clock = new ManualNanoClock(5_000L, 1_000L);

        assertThat(clock.nanoTime()).isEqualTo(5_000L);
        assertThat(clock.epochMillis()).isEqualTo(1_000L);
        assertThat(clock.nanoTime()).isEqualTo(5_000L);

        assertThat(clock.advance(Duration.ofMillis(3))).isEqualTo(3_005_000L);
        assertThat(clock.epochMillis()).isEqualTo(1_003L);
    }

    @Test
    void wallClockRoundsDownToTheMillisecond() {
        ManualNanoClock clock = new ManualNanoClock();
        long start = clock.epochMillis();

        clock.advance(999_999L);
        assertThat(clock.epochMillis()).isEqualTo(start);
        clock.advance(1L);
        assertThat(clock.epochMillis()).isEqualTo(start + 1);
    }

    @Test
    void defaultStartIsAFixedInstant() {
        assertThat(new ManualNanoClock().epochMillis()).isEqualTo(1_767_225_600_000L); // 2026-01-01T00:00Z
        assertThat(new ManualNanoClock().nanoTime()).isZero();
    }

    @Test
    void refusesToGoBack() {
        ManualNanoClock clock = new ManualNanoClock();
        clock.advance(100L);

        assertThatThrownBy(() -> clock.advance(-1L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advanceTo(99L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("now 100 ns");
        assertThat(clock.nanoTime()).isEqualTo(100L);
    }

    @Test
    void advanceToMovesForwardAndAcceptsTheCurrentTime() {
        ManualNanoClock clock = new ManualNanoClock();

        clock.advanceTo(2_500L);
        clock.advanceTo(2_500L);

        assertThat(clock.nanoTime()).isEqualTo(2_500L);
    }

    @Test
    void concurrentAdvancesAllTakeEffect() throws Exception {
        ManualNanoClock clock = new ManualNanoClock();
        int threads = 4;
        int advancesPerThread = 10_000;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < advancesPerThread; i++) {
                        clock.advance(3L);
                    }
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(clock.nanoTime()).isEqualTo(3L * threads * advancesPerThread);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
