package dev.stampede.model.pool;

/**
 * One value kept by a {@link ValueSketch}, with the bounds Space-Saving guarantees on how often it was
 * really seen: {@code count - error <= true count <= count}.
 *
 * @param value the value as offered
 * @param count estimated count; never below the true count
 * @param error how much {@code count} may overstate the true count
 */
public record HeavyHitter(String value, long count, long error) {

    /** The count the value certainly reached: {@code count - error}. */
    public long guaranteed() {
        return count - error;
    }
}
