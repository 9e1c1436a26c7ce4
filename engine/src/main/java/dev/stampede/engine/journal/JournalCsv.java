package dev.stampede.engine.journal;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Writes journal entries as CSV (RFC 4180), one row per entry after a header row: {@code index,
 * intended_time} (ISO-8601 UTC, from the header's origin), {@code intended_ns, sent_ns, done_ns}
 * (relative to the origin; {@code sent_ns} empty when never sent), {@code latency_ns} (from the
 * intended time), {@code send_lag_ns} (empty when never sent), {@code endpoint} (its name), {@code
 * status, response_bytes, outcome} (its code) and {@code trace_id} (32 hex digits, empty when none).
 */
public final class JournalCsv {

    /** The header row. */
    public static final String HEADER = "index,intended_time,intended_ns,sent_ns,done_ns,latency_ns,send_lag_ns,"
            + "endpoint,status,response_bytes,outcome,trace_id";

    private final JournalHeader header;
    private final Writer out;
    private final Instant origin;
    private final String[] endpoints;

    /** Writes the header row to {@code out}. */
    public JournalCsv(JournalHeader header, Writer out) throws IOException {
        this.header = header;
        this.out = out;
        this.origin = Instant.ofEpochMilli(header.originEpochMillis());
        this.endpoints = header.endpoints().stream().map(JournalCsv::quoted).toArray(String[]::new);
        out.write(HEADER);
        out.write('\n');
    }

    /** Writes one row. */
    public void add(JournalEntry entry) throws IOException {
        out.write(Long.toString(entry.index()));
        out.write(',');
        out.write(origin.plusNanos(entry.intendedNanos()).toString());
        out.write(',');
        out.write(Long.toString(entry.intendedNanos()));
        out.write(',');
        if (entry.sent()) {
            out.write(Long.toString(entry.sentNanos()));
        }
        out.write(',');
        out.write(Long.toString(entry.doneNanos()));
        out.write(',');
        out.write(Long.toString(entry.latencyNanos()));
        out.write(',');
        if (entry.sent()) {
            out.write(Long.toString(entry.sendLagNanos()));
        }
        out.write(',');
        int endpoint = entry.endpoint();
        out.write(
                endpoint >= 0 && endpoint < endpoints.length
                        ? endpoints[endpoint]
                        : quoted(header.endpointName(endpoint)));
        out.write(',');
        out.write(Integer.toString(entry.status()));
        out.write(',');
        out.write(Long.toString(entry.responseBytes()));
        out.write(',');
        out.write(quoted(header.outcomeCodes().get(entry.outcome())));
        out.write(',');
        out.write(entry.traceHex());
        out.write('\n');
    }

    /** A field as RFC 4180 wants it: in quotes, inner quotes doubled, when it holds a comma, quote or line break. */
    static String quoted(String field) {
        boolean plain = field.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? field : '"' + field.replace("\"", "\"\"") + '"';
    }
}
