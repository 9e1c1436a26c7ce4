package dev.stampede.model.arrival;

/**
 * A window of the per-second curve: seconds {@code startSecond} (inclusive) to {@code
 * endSecondExclusive}, as epoch seconds.
 *
 * @param startSecond the window's first second
 * @param endSecondExclusive the second after the window's last
 * @param requests the requests that started in the window
 * @param meanPerSecond {@code requests} over the window's length in seconds
 * @param maxPerSecond the busiest second in the window
 */
public record Peak(long startSecond, long endSecondExclusive, long requests, double meanPerSecond, long maxPerSecond) {

    public Peak {
        if (endSecondExclusive <= startSecond) {
            throw new IllegalArgumentException(
                    "a peak needs at least one second, not " + startSecond + ".." + endSecondExclusive);
        }
    }

    /** The window's length in seconds. */
    public long seconds() {
        return endSecondExclusive - startSecond;
    }
}
