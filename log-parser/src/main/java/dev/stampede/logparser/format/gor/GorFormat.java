package dev.stampede.logparser.format.gor;

import dev.stampede.logparser.DocumentFormat;
import java.io.IOException;
import java.io.InputStream;

/**
 * GoReplay's file format ({@code gor --output-file}, usually {@code *.gor}): entries separated by the
 * line {@code 🐵🙈🙉}, each a meta line {@code <type> <id> <timestamp-ns> [<latency-ns>]} and a raw HTTP
 * message. Each request (type 1) becomes a record: start time from the timestamp (ns to µs), method, uri
 * and protocol from the request line, host from Host, every header, cookies from Cookie, the body as raw
 * bytes (Content-Length of them when the header is there, else the rest of the entry), and the client
 * from X-Forwarded-For or X-Real-IP when present.
 *
 * <p>Responses are matched to their requests by id: an original response (type 2) gives the status and
 * the request time (request start to response start); a replayed response (type 3) only the status, and
 * only when there is no original one. Because a response comes after its request, requests wait in a
 * bounded window ({@value #DEFAULT_MAX_PENDING} entries or {@value #DEFAULT_MAX_PENDING_BYTES} bytes)
 * and leave it in input order; a request whose response has not come when it must leave keeps status 0.
 * A capture of requests only (the usual {@code --input-raw} without {@code --input-raw-track-response})
 * therefore parses completely, every record with status 0. A matched response is part of its request's
 * record and not reported on its own; a response whose request was never seen is rejected
 * ({@code unsupported}).
 *
 * <p>A malformed entry (meta line, request line, headers cut short, a body shorter than its
 * Content-Length) is rejected with the line its meta line is on. Reads bytes: headers are decoded as
 * ISO-8859-1, bodies kept as they are. Streams: one entry is buffered at a time (up to {@value
 * #DEFAULT_MAX_ENTRY_BYTES} bytes; a longer one is rejected as {@code too-long}) plus the waiting window.
 * Immutable and thread-safe; each {@link #read} has its own state.
 */
public final class GorFormat implements DocumentFormat {

    static final int DEFAULT_MAX_PENDING = 10_000;
    static final long DEFAULT_MAX_PENDING_BYTES = 64L << 20;
    static final int DEFAULT_MAX_ENTRY_BYTES = 64 << 20;

    private final int maxPending;
    private final long maxPendingBytes;
    private final int maxEntryBytes;

    private GorFormat(int maxPending, long maxPendingBytes, int maxEntryBytes) {
        this.maxPending = maxPending;
        this.maxPendingBytes = maxPendingBytes;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** The format with its default limits. */
    public static GorFormat create() {
        return new GorFormat(DEFAULT_MAX_PENDING, DEFAULT_MAX_PENDING_BYTES, DEFAULT_MAX_ENTRY_BYTES);
    }

    /** With other limits, for tests of the window and of long entries. */
    static GorFormat withLimits(int maxPending, long maxPendingBytes, int maxEntryBytes) {
        return new GorFormat(maxPending, maxPendingBytes, maxEntryBytes);
    }

    @Override
    public String name() {
        return "gor";
    }

    @Override
    public String describe() {
        return "GoReplay capture file (gor --output-file): request entries, with status and request time"
                + " from their original responses when the capture has them";
    }

    @Override
    public void read(InputStream in, String source, EntrySink sink) throws IOException {
        GorEntryReader entries = new GorEntryReader(in, maxEntryBytes);
        PendingWindow window = new PendingWindow(sink, maxPending, maxPendingBytes);
        EntryParser parser = new EntryParser(source, window, maxEntryBytes);
        while (entries.next()) {
            parser.accept(entries);
        }
        window.finish();
    }
}
