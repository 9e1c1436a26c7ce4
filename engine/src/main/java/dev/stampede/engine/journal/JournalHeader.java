package dev.stampede.engine.journal;

import java.util.List;
import java.util.Objects;

/**
 * What a journal says about its run, once, in its first excerpt.
 *
 * @param runId the run's id (the one its trace ids are derived from)
 * @param endpoints endpoint names; an entry's endpoint is an index into this list
 * @param outcomeCodes outcome codes ({@link dev.stampede.engine.measure.Outcome#code()}); an entry's
 *     outcome is an index into this list, so a reader maps codes, never ordinals of its own enum
 * @param originEpochMillis the wall-clock time of the origin that entry times are relative to
 */
public record JournalHeader(String runId, List<String> endpoints, List<String> outcomeCodes, long originEpochMillis) {

    public JournalHeader {
        Objects.requireNonNull(runId, "runId");
        endpoints = List.copyOf(endpoints);
        outcomeCodes = List.copyOf(outcomeCodes);
    }

    /** The name of endpoint {@code index}, or {@code #index} for an index the header does not list. */
    public String endpointName(int index) {
        return index >= 0 && index < endpoints.size() ? endpoints.get(index) : "#" + index;
    }
}
