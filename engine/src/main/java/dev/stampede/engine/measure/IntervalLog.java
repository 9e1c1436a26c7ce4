package dev.stampede.engine.measure;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code RESULT_DIR/intervals.jsonl}: one JSON object per measurement interval, written and flushed when
 * the interval is taken, so a killed run keeps every complete interval (a reader skips a torn last
 * line). It holds what {@code latency.hlog} cannot: the rate asked for, how many requests were in
 * flight, and each interval's outcome counts, overall and per endpoint (only codes above 0):
 *
 * <pre>
 * {"sequence":3,"startSeconds":2.0,"endSeconds":3.0,"endEpochMillis":1763760000123,"targetRate":200.0,
 *  "inFlight":12,"overall":{"ok":198,"http_5xx":2},"endpoints":{"GET /api/quote/{code}":{"ok":198,"http_5xx":2}}}
 * </pre>
 *
 * <p>{@code targetRate} is null for a flat-out run (no rate), in the run's unit otherwise (requests per
 * second, or a replay's speed factor). Written on the interval thread only.
 */
public final class IntervalLog implements AutoCloseable {

    /** The file's name in the result directory. */
    public static final String FILE_NAME = "intervals.jsonl";

    private static final JsonFactory JSON = new JsonFactory();

    private final OutputStream out;
    private IOException failure;

    private IntervalLog(OutputStream out) {
        this.out = out;
    }

    /** A new log in {@code resultDir}. */
    public static IntervalLog create(Path resultDir) throws IOException {
        return new IntervalLog(new BufferedOutputStream(Files.newOutputStream(resultDir.resolve(FILE_NAME))));
    }

    /**
     * Appends the interval {@code snapshot} ends (nothing before the first interval).
     *
     * @param targetRate the rate asked for at its end; NaN without one (flat out)
     * @param inFlight requests sent and not yet ended at its end
     */
    public synchronized void append(LiveSnapshot snapshot, double targetRate, long inFlight) {
        if (failure != null || snapshot.sequence() == 0) {
            return;
        }
        try {
            JsonGenerator json = JSON.createGenerator(new NonClosing(out), JsonEncoding.UTF8);
            json.writeStartObject();
            json.writeNumberField("sequence", snapshot.sequence());
            json.writeNumberField("startSeconds", (snapshot.elapsedNanos() - snapshot.intervalNanos()) / 1e9);
            json.writeNumberField("endSeconds", snapshot.elapsedNanos() / 1e9);
            json.writeNumberField("endEpochMillis", snapshot.startEpochMillis() + snapshot.elapsedNanos() / 1_000_000L);
            if (Double.isFinite(targetRate)) {
                json.writeNumberField("targetRate", targetRate);
            } else {
                json.writeNullField("targetRate");
            }
            json.writeNumberField("inFlight", inFlight);
            json.writeFieldName("overall");
            counts(json, snapshot.overall().intervalCounts());
            json.writeObjectFieldStart("endpoints");
            for (EndpointSnapshot endpoint : snapshot.endpoints()) {
                json.writeFieldName(endpoint.name());
                counts(json, endpoint.intervalCounts());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.close();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    private static void counts(JsonGenerator json, OutcomeCounts counts) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, Long> count : counts.byCode().entrySet()) {
            if (count.getValue() > 0) {
                json.writeNumberField(count.getKey(), count.getValue());
            }
        }
        json.writeEndObject();
    }

    /** The first write failure, if any (the run goes on; the summary says so). */
    public synchronized IOException failure() {
        return failure;
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /** Lets a generator close (to flush) without closing the file. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
