package dev.stampede.engine.journal;

/**
 * One request as the journal keeps it. Mutable and reused: {@link JournalReader#next} fills the same
 * instance again and again, and {@link ResultJournal} preallocates one per slot of its buffer, so
 * neither side allocates per entry; {@link #copy()} makes one to keep.
 *
 * <p>Times are nanoseconds relative to the journal's origin ({@link JournalHeader#originEpochMillis()}
 * in wall-clock time). Latency is {@link #latencyNanos()}, from the <em>intended</em> send time.
 */
public final class JournalEntry {

    long index;
    long intendedNanos;
    long sentNanos;
    long doneNanos;
    int endpoint;
    int status;
    long responseBytes;
    int outcome;
    long traceHigh;
    long traceLow;

    /** Sets every field read from or written to the journal (the index is the reader's). */
    void set(
            long intended,
            long sent,
            long done,
            int endpointIndex,
            int httpStatus,
            long bytes,
            int outcomeIndex,
            long high,
            long low) {
        this.intendedNanos = intended;
        this.sentNanos = sent;
        this.doneNanos = done;
        this.endpoint = endpointIndex;
        this.status = httpStatus;
        this.responseBytes = bytes;
        this.outcome = outcomeIndex;
        this.traceHigh = high;
        this.traceLow = low;
    }

    /** Makes this entry equal to {@code other}. */
    public void copyFrom(JournalEntry other) {
        set(
                other.intendedNanos,
                other.sentNanos,
                other.doneNanos,
                other.endpoint,
                other.status,
                other.responseBytes,
                other.outcome,
                other.traceHigh,
                other.traceLow);
        this.index = other.index;
    }

    /** A copy to keep. */
    public JournalEntry copy() {
        JournalEntry copy = new JournalEntry();
        copy.copyFrom(this);
        return copy;
    }

    /** This entry's position in the journal, from 0 (set by the reader). */
    public long index() {
        return index;
    }

    /** The intended send time from the schedule. */
    public long intendedNanos() {
        return intendedNanos;
    }

    /** When the request was written to the connection, or -1 when it never was ({@link #sent()}). */
    public long sentNanos() {
        return sentNanos;
    }

    /** Whether the request reached the wire. */
    public boolean sent() {
        return sentNanos != JournalFormat.UNSENT;
    }

    /** When the request ended (response complete, failure, timeout, or counted unsent). */
    public long doneNanos() {
        return doneNanos;
    }

    /** Completion minus the intended send time: free of coordinated omission. */
    public long latencyNanos() {
        return doneNanos - intendedNanos;
    }

    /** Actual minus intended send time, or -1 when never sent. */
    public long sendLagNanos() {
        return sent() ? sentNanos - intendedNanos : -1;
    }

    /** The index of the endpoint in {@link JournalHeader#endpoints()}. */
    public int endpoint() {
        return endpoint;
    }

    /** The HTTP status, 0 without a complete response. */
    public int status() {
        return status;
    }

    /** Response bytes received. */
    public long responseBytes() {
        return responseBytes;
    }

    /** The index of the outcome in {@link JournalHeader#outcomeCodes()}. */
    public int outcome() {
        return outcome;
    }

    public long traceHigh() {
        return traceHigh;
    }

    public long traceLow() {
        return traceLow;
    }

    /** Whether this entry carries {@code trace}. Allocates nothing. */
    public boolean hasTrace(TraceId trace) {
        return traceHigh == trace.high() && traceLow == trace.low();
    }

    /** The trace id as 32 hex digits, or empty when the request carried none. */
    public String traceHex() {
        return traceHigh == 0 && traceLow == 0 ? "" : TraceId.format(traceHigh, traceLow);
    }
}
