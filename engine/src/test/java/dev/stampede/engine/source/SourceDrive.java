package dev.stampede.engine.source;

import dev.stampede.engine.schedule.IntendedTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Pulls requests from a model source as the publishing thread does, and notes what each was. */
final class SourceDrive {

    /** The clock reading the source starts at. */
    static final long START = 5_000_000_000L;

    static final long SECOND = 1_000_000_000L;

    /** One request: when (from the start), where, which session, its slot values, whether a login. */
    record Sent(long at, int endpoint, long session, List<String> values, boolean login) {}

    final ModelSource source;
    final ModelSlot slot;

    SourceDrive(ModelSource source) {
        this.source = source;
        this.slot = source.newSlot();
        source.start(START);
    }

    /** The next request, or null at the end. */
    Sent next() {
        long at = source.next(slot);
        if (at == IntendedTimes.END) {
            return null;
        }
        int count = source.plan(slot.endpoint).slotCount();
        return new Sent(
                at - START,
                slot.endpoint,
                slot.session.number,
                List.copyOf(Arrays.asList(slot.values).subList(0, count)),
                slot.login);
    }

    /** Every request to the end. */
    List<Sent> all() {
        List<Sent> all = new ArrayList<>();
        for (Sent sent = next(); sent != null; sent = next()) {
            all.add(sent);
        }
        return all;
    }
}
