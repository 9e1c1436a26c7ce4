package dev.stampede.engine.scenario;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A replay's per-endpoint scaling: records whose {@code "METHOD /path"} matches {@code pattern} play
 * {@code factor} times as often (by cloning or thinning whole sessions). The first matching multiplier,
 * in file order, applies.
 *
 * @param pattern matched with {@code find()} against {@code "METHOD /path"}
 * @param factor 0 or more; 0 drops the endpoint, 2.0 doubles it
 */
public record Multiplier(Pattern pattern, double factor) {

    /** Checks for null. */
    public Multiplier {
        Objects.requireNonNull(pattern, "pattern");
    }
}
