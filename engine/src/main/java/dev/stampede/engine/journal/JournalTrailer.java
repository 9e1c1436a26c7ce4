package dev.stampede.engine.journal;

/**
 * The journal's last excerpt, written when the journal was closed.
 *
 * @param written entries in the journal
 * @param dropped entries the run recorded that are not in the journal (buffer full, write failed)
 */
public record JournalTrailer(long written, long dropped) {}
