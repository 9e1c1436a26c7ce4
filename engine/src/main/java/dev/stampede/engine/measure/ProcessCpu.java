package dev.stampede.engine.measure;

import java.time.Duration;

/**
 * The CPU time this process has used (user plus system, all threads: the event loops, the publisher,
 * the garbage collector and the JIT compilers), through the standard {@link ProcessHandle} API. On Linux
 * the JDK reads {@code /proc/self/stat}, in clock ticks (10 ms).
 */
public final class ProcessCpu {

    /** Returned when the platform does not say. */
    public static final long UNKNOWN = -1;

    private ProcessCpu() {}

    /** CPU nanoseconds used since the process started, or {@link #UNKNOWN}. Not for the hot path. */
    public static long nanos() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toNanos)
                .orElse(UNKNOWN);
    }
}
