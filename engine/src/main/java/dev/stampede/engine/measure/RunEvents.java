package dev.stampede.engine.measure;

import dev.stampede.common.time.NanoClock;
import java.util.ArrayList;
import java.util.List;

/** The events of a run, in the order they were added. Thread-safe; not for the hot path. */
public final class RunEvents {

    private final NanoClock clock;
    private final List<RunEvent> events = new ArrayList<>();

    /** Events stamped with {@code clock}'s wall-clock time. */
    public RunEvents(NanoClock clock) {
        this.clock = clock;
    }

    /** Adds an event that happens now. */
    public void add(String text) {
        add(new RunEvent(clock.epochMillis(), text));
    }

    /** Adds an event. */
    public synchronized void add(RunEvent event) {
        events.add(event);
    }

    /** The events so far. */
    public synchronized List<RunEvent> list() {
        return List.copyOf(events);
    }
}
