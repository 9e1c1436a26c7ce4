package dev.stampede.testbed.core;

import dev.stampede.common.time.NanoClock;
import java.util.concurrent.locks.LockSupport;

/** How a worker spends its service time. Tests substitute a pause they control. */
@FunctionalInterface
public interface Pause {

    /** Occupies the calling worker for {@code nanos}. */
    void pause(long nanos);

    /** Parks the worker until {@code clock} has moved on by {@code nanos} (real time, for the running chain). */
    static Pause parking(NanoClock clock) {
        return nanos -> {
            long deadline = clock.nanoTime() + nanos;
            for (long left = nanos; left > 0; left = deadline - clock.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        };
    }
}
