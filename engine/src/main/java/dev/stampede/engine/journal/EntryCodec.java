package dev.stampede.engine.journal;

import java.nio.ByteBuffer;

/**
 * Encodes and decodes one entry in the layout of {@link JournalFormat}: a fixed {@value
 * JournalFormat#ENTRY_BYTES} bytes, little-endian numbers (the buffer must be little-endian), the trace
 * id in W3C byte order. Allocates nothing.
 */
final class EntryCodec {

    private EntryCodec() {}

    static void encode(ByteBuffer out, JournalEntry entry) {
        out.putLong(entry.intendedNanos);
        out.putLong(entry.sentNanos);
        out.putLong(entry.doneNanos);
        out.putInt(entry.endpoint);
        out.putShort((short) entry.status);
        out.putLong(entry.responseBytes);
        out.put((byte) entry.outcome);
        out.putLong(Long.reverseBytes(entry.traceHigh)); // big-endian: the id's bytes in W3C order
        out.putLong(Long.reverseBytes(entry.traceLow));
    }

    static void decode(ByteBuffer in, JournalEntry entry) {
        long intended = in.getLong();
        long sent = in.getLong();
        long done = in.getLong();
        int endpoint = in.getInt();
        int status = in.getShort() & 0xFFFF;
        long bytes = in.getLong();
        int outcome = in.get() & 0xFF;
        long high = Long.reverseBytes(in.getLong());
        long low = Long.reverseBytes(in.getLong());
        entry.set(intended, sent, done, endpoint, status, bytes, outcome, high, low);
    }
}
