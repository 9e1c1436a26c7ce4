package dev.stampede.logparser.pipeline;

/**
 * A progress snapshot, about once a second.
 *
 * @param linesRead lines read so far
 * @param linesPerSecond over the last interval
 * @param bytesRead input bytes read so far (as stored)
 * @param totalBytes all inputs' size, or -1 when unknown (stdin)
 * @param megabytesPerSecond over the last interval
 * @param elapsedSeconds since the start
 */
public record ParseProgress(
        long linesRead,
        double linesPerSecond,
        long bytesRead,
        long totalBytes,
        double megabytesPerSecond,
        double elapsedSeconds) {

    /** Percent of the input read, or -1 when the total is unknown. */
    public double percentDone() {
        return totalBytes <= 0 ? -1 : Math.min(100.0, 100.0 * bytesRead / totalBytes);
    }
}
