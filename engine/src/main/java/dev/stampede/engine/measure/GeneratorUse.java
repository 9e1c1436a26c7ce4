package dev.stampede.engine.measure;

/**
 * What the generator itself used and how it coped during a run, besides its send lag: the ring, the
 * garbage collector's pauses and the CPU.
 *
 * @param ring how full the ring was
 * @param gc the collector's pauses during the run
 * @param runCpuNanos CPU time the whole process used from the first request's release to the last
 *     request's end (no JVM start-up, no class loading before the run), or {@link ProcessCpu#UNKNOWN}
 * @param processCpuNanos CPU time the process had used by the end of the run, start-up included, or
 *     {@link ProcessCpu#UNKNOWN}
 * @param sendingNanos how long requests were released: from the schedule's start to its end
 */
public record GeneratorUse(RingUse ring, GcUse gc, long runCpuNanos, long processCpuNanos, long sendingNanos) {

    /** A run whose generator was not watched (figures unknown). */
    public static final GeneratorUse NOT_MEASURED =
            new GeneratorUse(RingUse.NOT_MEASURED, GcUse.NOT_MEASURED, ProcessCpu.UNKNOWN, ProcessCpu.UNKNOWN, 0);
}
