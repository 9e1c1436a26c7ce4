package dev.stampede.engine.scenario;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/** Which part of a record store a replay plays. */
public sealed interface ReplayWindow permits ReplayWindow.Whole, ReplayWindow.Between, ReplayWindow.Peak {

    /** The whole store (the default). */
    ReplayWindow WHOLE = new Whole();

    /** The whole store. */
    record Whole() implements ReplayWindow {}

    /**
     * The records whose time is from {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param from the start, before {@code to}
     * @param to the end
     */
    record Between(Instant from, Instant to) implements ReplayWindow {
        /** Checks for nulls. */
        public Between {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * The peak window that {@code stampede model} found, read from the model's {@code model.json}.
     *
     * @param modelDir the model directory, absolute
     */
    record Peak(Path modelDir) implements ReplayWindow {
        /** Checks for null. */
        public Peak {
            Objects.requireNonNull(modelDir, "modelDir");
        }
    }
}
