package dev.stampede.engine.measure;

import java.util.Objects;

/**
 * Something that happened during a run, for {@code run.json}: a rate change, a guard tripping, a stop.
 *
 * @param epochMillis when, wall-clock milliseconds since the epoch
 * @param text what, one line for people
 */
public record RunEvent(long epochMillis, String text) {

    /** Checks that there is a text. */
    public RunEvent {
        Objects.requireNonNull(text, "text");
    }
}
