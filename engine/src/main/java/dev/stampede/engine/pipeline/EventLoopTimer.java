package dev.stampede.engine.pipeline;

import dev.stampede.common.time.NanoClock;
import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * {@link ReleaseTimer} on a Netty event loop: {@code schedule} for a deadline (the delay read off the
 * run's clock), {@code execute} for soon. A loop that is shutting down refuses both; the task then does
 * not run, and the run's end accounting counts what it would have sent as never released.
 */
final class EventLoopTimer implements ReleaseTimer {

    private final EventLoop loop;
    private final NanoClock clock;

    EventLoopTimer(EventLoop loop, NanoClock clock) {
        this.loop = loop;
        this.clock = clock;
    }

    @Override
    public void runAt(Runnable task, long deadlineNanos) {
        try {
            loop.schedule(task, Math.max(0, deadlineNanos - clock.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // shutting down: see the class comment
        }
    }

    @Override
    public void runSoon(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // shutting down: see the class comment
        }
    }
}
