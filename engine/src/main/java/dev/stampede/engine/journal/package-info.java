/**
 * The optional result journal: one entry per scheduled request (intended, sent and done times,
 * endpoint, status, response bytes, outcome, trace id) in {@code RESULT_DIR/journal/}, a Chronicle
 * Queue, for analysis after the run and for finding a request by the trace id a tracing system shows.
 * The layout is in {@code JournalFormat} and {@code docs/journal.md}; it is versioned, and the reader
 * refuses a version it does not know.
 *
 * <p>Hot path: {@link dev.stampede.engine.journal.ResultJournal#record} only. It runs on any number of
 * Netty event loops at once, allocates nothing, takes no lock and never waits: it claims a slot of a
 * preallocated multi-producer ring (a CAS), fills it and publishes it. When the ring is full the entry
 * is dropped and <em>counted</em>; the count is written in the journal's trailer and every reader
 * reports it, so a short journal never passes for a whole one. Nothing that can throw runs between
 * claiming and publishing a slot.
 *
 * <p>Off the hot path: one journal thread ({@code JournalDrainer}) drains the ring into batch
 * excerpts of up to 256 entries and is the only thread that appends entries to the queue (Chronicle
 * appenders belong to one thread, and appending can block on mapping a new chunk of the file, which an
 * event loop must never do). {@link dev.stampede.engine.journal.ResultJournal#close()} drains, writes
 * the trailer and closes the queue; it is called once, after the last {@code record} has returned.
 *
 * <p>The read side ({@link dev.stampede.engine.journal.JournalReader}, {@link
 * dev.stampede.engine.journal.JournalSummary}, {@link dev.stampede.engine.journal.SlowestEntries},
 * {@link dev.stampede.engine.journal.JournalCsv}) streams a journal in memory bounded by one batch
 * (and by {@code n} for the slowest entries), reusing one {@link dev.stampede.engine.journal.JournalEntry}.
 */
package dev.stampede.engine.journal;
