package dev.stampede.common.time;

import dev.stampede.common.SuppressForbidden;

/** The JVM's clocks: {@link System#nanoTime()} and {@link System#currentTimeMillis()}. */
@SuppressForbidden(reason = "the one class that reads the system clock; everything else injects a NanoClock")
final class SystemNanoClock implements NanoClock {

    static final SystemNanoClock INSTANCE = new SystemNanoClock();

    private SystemNanoClock() {}

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long epochMillis() {
        return System.currentTimeMillis();
    }

    @Override
    public String toString() {
        return "SystemNanoClock";
    }
}
