package dev.stampede.engine.journal;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How a {@link ResultJournal} hands entries to its writer thread.
 *
 * @param capacity entries the buffer between the event loops and the journal thread holds (a power of
 *     two); when it is full, entries are counted as dropped instead of waiting. The default, {@value
 *     #DEFAULT_CAPACITY}, holds over half a second at 100k requests/s (~4.7 MB of preallocated entries)
 * @param threads makes the one journal thread (tests pass one that holds it back)
 */
public record JournalOptions(int capacity, ThreadFactory threads) {

    /** The default buffer capacity in entries. */
    public static final int DEFAULT_CAPACITY = 1 << 16;

    public JournalOptions {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("journal capacity must be a power of two, got " + capacity);
        }
        Objects.requireNonNull(threads, "threads");
    }

    /** {@value #DEFAULT_CAPACITY} entries, one daemon thread named {@code stampede-journal}. */
    public static JournalOptions defaults() {
        return new JournalOptions(DEFAULT_CAPACITY, task -> {
            Thread thread = new Thread(task, "stampede-journal");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** These options with another capacity. */
    public JournalOptions withCapacity(int entries) {
        return new JournalOptions(entries, threads);
    }
}
