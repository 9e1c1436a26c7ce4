package dev.stampede.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stampede.common.time.NanoClock;
import dev.stampede.testbed.core.OrderProcessor;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chain's capacity is where the setting puts it. Orders are sent open-loop (at a fixed rate, not
 * waiting for answers) through the LB: at half the configured core capacity nothing is refused and p99
 * stays near the service time; at twice it the queue fills, 503s appear, accepted orders queue, and the
 * core still completes about its capacity. Latency counts from each order's intended send time.
 * Bounded: about 9 s of loopback traffic, at most 400 orders/s.
 */
@Tag("slow")
@Timeout(120)
class CoreKneeIT {

    private static final int CAPACITY = 200;
    private static final int WORKERS = 4;
    private static final long MEAN_SERVICE_NANOS = TimeUnit.SECONDS.toNanos(WORKERS) / CAPACITY; // 20 ms
    private static final String ORDER = "{\"code\":\"600036\",\"side\":\"buy\",\"price\":33.1,\"qty\":100}";

    private static Testbed testbed;
    private static ChainClient client;
    private static String[] session;

    @BeforeAll
    static void start() {
        testbed = Testbed.start(
                TestbedSettings.defaults().withAccounts(5, 1L).withCore(CAPACITY, WORKERS, 0, "lognormal:0.5"),
                NanoClock.system());
        client = new ChainClient(testbed.url());
        session = ChainClient.session(client.login(testbed.accounts().get(0)));
        drive(CAPACITY / 4, 2); // warm-up: JIT and connections, not measured
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    @Test
    void kneeIsAtTheConfiguredCapacity() {
        OrderProcessor core = testbed.core().processor();
        int queue = core.queueCapacity();
        long completedBefore = core.completed();

        Outcome half = drive(CAPACITY / 2, 3);
        System.out.println("knee: capacity " + CAPACITY + "/s, queue " + queue + "; at half capacity: " + half);

        assertThat(half.status503).as("503s at half capacity: %s", half).isZero();
        assertThat(half.failed).as("other failures at half capacity").isZero();
        assertThat(half.ok).isEqualTo(half.sent);
        assertThat(half.chain.percentileNanos(0.99))
                .as(
                        "chain p99 at half capacity stays within 10 mean service times (%d ms): %s",
                        MEAN_SERVICE_NANOS * 10 / 1_000_000, half)
                .isLessThan(10 * MEAN_SERVICE_NANOS);
        assertThat(core.rejected()).isZero();

        long completedAtHalf = core.completed() - completedBefore;
        Outcome twice = drive(CAPACITY * 2, 3);
        long accepted = core.completed() - completedBefore - completedAtHalf;
        System.out.println("knee: at twice capacity: " + twice + "; core completed " + accepted / 3.0 + "/s");

        assertThat(twice.status503).as("503s at twice capacity: %s", twice).isGreaterThan(twice.sent / 5);
        assertThat(twice.failed).as("failures other than 503").isZero();
        assertThat(core.rejected()).isEqualTo(twice.status503);
        assertThat(core.maxQueueDepth()).as("the queue filled").isEqualTo(queue);
        assertThat(twice.core.percentileNanos(0.50))
                .as("accepted orders wait in the core's queue, median beyond twice the mean service time: %s", twice)
                .isGreaterThan(2 * MEAN_SERVICE_NANOS);
        double acceptedPerSec = accepted / 3.0;
        assertThat(acceptedPerSec)
                .as("the core completes about its configured capacity when overloaded")
                .isBetween(CAPACITY * 0.8, CAPACITY * 1.3);
    }

    /** Sends {@code ratePerSec} orders per second for {@code seconds}, open-loop; waits for every answer. */
    private static Outcome drive(int ratePerSec, int seconds) {
        NanoClock clock = NanoClock.system();
        int total = ratePerSec * seconds;
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / ratePerSec;
        long[] latencies = new long[total];
        long[] lbNanos = new long[total];
        long[] coreNanos = new long[total];
        int[] statuses = new int[total];
        List<CompletableFuture<?>> recorded = new ArrayList<>(total);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allSent = new CountDownLatch(1);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long start = clock.nanoTime();
        // One tick per millisecond sends every order whose intended time has come: pacing follows the
        // schedule, not the ticker's punctuality.
        ScheduledFuture<?> ticks = ticker.scheduleAtFixedRate(
                () -> {
                    long now = clock.nanoTime();
                    for (int i = next.get(); i < total && start + i * periodNanos <= now; i = next.incrementAndGet()) {
                        int index = i;
                        long intended = start + index * periodNanos;
                        CompletableFuture<HttpResponse<String>> sent = client.postAsync("/api/order", ORDER, session);
                        CompletableFuture<?> done = sent.whenComplete((response, failure) -> {
                            latencies[index] = clock.nanoTime() - intended;
                            statuses[index] = failure == null ? response.statusCode() : -1;
                            if (failure == null) {
                                String timing = response.headers()
                                        .firstValue("Server-Timing")
                                        .orElse("");
                                lbNanos[index] = tierNanos(timing, "lb");
                                coreNanos[index] = tierNanos(timing, "core");
                            }
                        });
                        synchronized (recorded) {
                            recorded.add(done);
                        }
                    }
                    if (next.get() >= total) {
                        allSent.countDown();
                    }
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        try {
            assertThat(allSent.await(seconds + 30L, TimeUnit.SECONDS))
                    .as("all orders sent")
                    .isTrue();
            ticks.cancel(false);
            CompletableFuture<?>[] all;
            synchronized (recorded) {
                all = recorded.toArray(new CompletableFuture<?>[0]);
            }
            // Each stage completes after its latency and status were written.
            CompletableFuture.allOf(all).exceptionally(t -> null).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("load did not finish", e);
        } finally {
            ticker.shutdownNow();
        }
        return new Outcome(statuses, latencies, lbNanos, coreNanos);
    }

    /** The {@code dur} of {@code tier} in a Server-Timing header, in nanoseconds; -1 when absent. */
    static long tierNanos(String serverTiming, String tier) {
        for (String entry : serverTiming.split(",")) {
            String[] parts = entry.trim().split(";dur=");
            if (parts.length == 2 && parts[0].equals(tier)) {
                return Math.round(Double.parseDouble(parts[1]) * 1_000_000);
            }
        }
        return -1;
    }

    /** What one phase saw: counts by outcome and, for accepted orders, latency three ways. */
    private static final class Outcome {
        final int sent;
        final int ok;
        final int status503;
        final int failed;
        /** From the intended send time to the answer, as the client saw it (includes any client lag). */
        final Latencies endToEnd;
        /** The whole chain as the LB timed it (Server-Timing lb;dur): independent of the client. */
        final Latencies chain;
        /** The trading core's own time: queue wait plus service (Server-Timing core;dur). */
        final Latencies core;

        Outcome(int[] statuses, long[] latencies, long[] lbNanos, long[] coreNanos) {
            sent = statuses.length;
            int okCount = 0;
            int busy = 0;
            int other = 0;
            long[][] okSamples = new long[3][sent];
            for (int i = 0; i < sent; i++) {
                if (statuses[i] == 200) {
                    okSamples[0][okCount] = latencies[i];
                    okSamples[1][okCount] = lbNanos[i];
                    okSamples[2][okCount] = coreNanos[i];
                    okCount++;
                } else if (statuses[i] == 503) {
                    busy++;
                } else {
                    other++;
                }
            }
            ok = okCount;
            status503 = busy;
            failed = other;
            endToEnd = new Latencies(Arrays.copyOf(okSamples[0], okCount));
            chain = new Latencies(Arrays.copyOf(okSamples[1], okCount));
            core = new Latencies(Arrays.copyOf(okSamples[2], okCount));
        }

        @Override
        public String toString() {
            return "sent " + sent + ", ok " + ok + ", 503 " + status503 + ", failed " + failed
                    + "; ok latency ms: chain (LB) " + chain + ", core " + core + ", client end-to-end " + endToEnd;
        }
    }

    /** Sorted latency samples. */
    private static final class Latencies {
        final long[] sorted;

        Latencies(long[] samples) {
            sorted = samples.clone();
            Arrays.sort(sorted);
        }

        long percentileNanos(double quantile) {
            assertThat(sorted).isNotEmpty();
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, index)];
        }

        @Override
        public String toString() {
            if (sorted.length == 0) {
                return "-";
            }
            return String.format(
                    java.util.Locale.ROOT,
                    "p50 %.1f p99 %.1f max %.1f",
                    percentileNanos(0.5) / 1e6,
                    percentileNanos(0.99) / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
    }
}
