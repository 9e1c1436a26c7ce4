package dev.stampede.engine.pipeline;

import dev.stampede.engine.measure.GeneratorUse;
import dev.stampede.engine.measure.LiveSnapshot;
import dev.stampede.engine.measure.RunEvent;
import dev.stampede.engine.measure.RunMode;
import java.util.List;

/**
 * How a run ended: requests scheduled (published into the ring) and completed (every outcome counted,
 * unsent included; equal to scheduled unless the pool failed to finish), the final snapshot, the
 * events, wall-clock start and end, a {@code latency.hlog} write failure if any, the send-lag
 * threshold, the run's mode, what the generator used while it sent (ring, GC pauses, CPU), and what the
 * source reported when it ended (also among the events).
 */
public record RunOutcome(
        long scheduled,
        long completed,
        LiveSnapshot last,
        List<RunEvent> events,
        long startEpochMillis,
        long endEpochMillis,
        String hlogFailure,
        long sendLagThresholdNanos,
        RunMode mode,
        GeneratorUse generatorUse,
        List<String> sourceReport) {

    public RunOutcome {
        events = List.copyOf(events);
        sourceReport = List.copyOf(sourceReport);
    }
}
