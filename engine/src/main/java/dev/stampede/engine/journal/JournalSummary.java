package dev.stampede.engine.journal;

/**
 * Counts over a journal, fed one entry at a time in fixed memory: entries by outcome and by endpoint,
 * and the time span from the first intended send time to the last completion.
 */
public final class JournalSummary {

    private final JournalHeader header;
    private final long[] byOutcome;
    private final long[] byEndpoint;
    private long otherEndpoints;
    private long entries;
    private long firstIntendedNanos = Long.MAX_VALUE;
    private long lastDoneNanos = Long.MIN_VALUE;

    public JournalSummary(JournalHeader header) {
        this.header = header;
        this.byOutcome = new long[header.outcomeCodes().size()];
        this.byEndpoint = new long[header.endpoints().size()];
    }

    /** Counts {@code entry}; its outcome index must be one of the header's (the reader checks). */
    public void add(JournalEntry entry) {
        entries++;
        byOutcome[entry.outcome()]++;
        if (entry.endpoint() >= 0 && entry.endpoint() < byEndpoint.length) {
            byEndpoint[entry.endpoint()]++;
        } else {
            otherEndpoints++;
        }
        firstIntendedNanos = Math.min(firstIntendedNanos, entry.intendedNanos());
        lastDoneNanos = Math.max(lastDoneNanos, entry.doneNanos());
    }

    public JournalHeader header() {
        return header;
    }

    public long entries() {
        return entries;
    }

    /** Entries with the outcome at {@code index} of {@link JournalHeader#outcomeCodes()}. */
    public long withOutcome(int index) {
        return byOutcome[index];
    }

    /** Entries of the endpoint at {@code index} of {@link JournalHeader#endpoints()}. */
    public long ofEndpoint(int index) {
        return byEndpoint[index];
    }

    /** Entries whose endpoint index the header does not list. */
    public long ofUnknownEndpoints() {
        return otherEndpoints;
    }

    /** The earliest intended send time (relative to the origin); meaningless without entries. */
    public long firstIntendedNanos() {
        return firstIntendedNanos;
    }

    /** The latest completion (relative to the origin); meaningless without entries. */
    public long lastDoneNanos() {
        return lastDoneNanos;
    }

    /** From the first intended send time to the last completion, 0 without entries. */
    public long spanNanos() {
        return entries == 0 ? 0 : lastDoneNanos - firstIntendedNanos;
    }
}
