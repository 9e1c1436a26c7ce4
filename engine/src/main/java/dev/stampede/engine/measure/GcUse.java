package dev.stampede.engine.measure;

/**
 * The garbage collector's stop-the-world pauses during a run ({@link GcPauses}), to the millisecond the
 * JVM reports them in.
 *
 * @param pauses how many pauses ended during the run
 * @param totalPauseMillis their summed duration
 * @param maxPauseMillis the longest one
 * @param observed whether the JVM reported collections at all (false: the figures are unknown, not 0)
 */
public record GcUse(long pauses, long totalPauseMillis, long maxPauseMillis, boolean observed) {

    /** A run whose collections were not watched. */
    public static final GcUse NOT_MEASURED = new GcUse(0, 0, 0, false);
}
