package dev.stampede.testbed.users;

import dev.stampede.common.time.NanoClock;
import java.util.concurrent.CountDownLatch;

/** What every user of one simulation shares: the clock and window, the behaviour, the target, the tally. */
final class SimulationRun {

    private final NanoClock clock;
    private final long startNanos;
    private final long durationNanos;
    private final Behaviour behaviour;
    private final SimulationStats stats = new SimulationStats();
    private final String hostHeader;
    private final String markHeader;
    private final String markValue;
    private final CountDownLatch usersDone;

    SimulationRun(
            NanoClock clock,
            long startNanos,
            long durationNanos,
            Behaviour behaviour,
            String hostHeader,
            String markHeader,
            String markValue,
            int users) {
        this.clock = clock;
        this.startNanos = startNanos;
        this.durationNanos = durationNanos;
        this.behaviour = behaviour;
        this.hostHeader = hostHeader;
        this.markHeader = markHeader;
        this.markValue = markValue;
        this.usersDone = new CountDownLatch(users);
    }

    NanoClock clock() {
        return clock;
    }

    long startNanos() {
        return startNanos;
    }

    long endNanos() {
        return startNanos + durationNanos;
    }

    /** Elapsed fraction of the run, 0 to 1. */
    double fraction() {
        return Math.min(1.0, Math.max(0.0, (clock.nanoTime() - startNanos) / (double) durationNanos));
    }

    boolean isOver() {
        return clock.nanoTime() >= endNanos();
    }

    /** Whether the IPO burst is on now. */
    boolean inIpoBurst() {
        BehaviourFile.Timeline timeline = behaviour.timeline();
        double now = fraction();
        return now >= timeline.ipoBurstAt() && now < timeline.ipoBurstAt() + timeline.ipoBurstLength();
    }

    Behaviour behaviour() {
        return behaviour;
    }

    SimulationStats stats() {
        return stats;
    }

    String hostHeader() {
        return hostHeader;
    }

    /** The test-mark header to send, or null for unmarked (production-like) traffic. */
    String markHeader() {
        return markHeader;
    }

    String markValue() {
        return markValue;
    }

    void userDone() {
        usersDone.countDown();
    }

    /** Users still in the run. */
    long activeUsers() {
        return usersDone.getCount();
    }

    CountDownLatch usersDone() {
        return usersDone;
    }
}
